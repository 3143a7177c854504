import { runLimited } from '../../util/run-limited';

/**
 * `runLimited` for listings that are all or nothing: the first failure stops the rest, and
 * siblings still in flight are aborted (through the signal each task gets) rather than left to
 * spend the subscription's rate limit. A caller's cancel wins over any other error.
 */
export async function allOrNothing<T>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal | undefined,
  task: (item: T, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const stop = new AbortController();
  const combined = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  let failure = null as { error: unknown } | null;
  await runLimited(items, Math.max(1, limit), async (item) => {
    if (failure || combined.aborted) return;
    try {
      await task(item, combined);
    } catch (error) {
      failure ??= { error: signal?.aborted ? signal.reason : error };
      stop.abort();
    }
  });
  signal?.throwIfAborted();
  if (failure) throw failure.error;
}
