import { VsphereApiError } from './vsphere-errors';
import { IncompleteBodyError } from './vsphere-transport';

/** How hard Hangar tries before giving up on a busy or flaky vCenter. */
export interface RetryPolicy {
  /** Attempts in all, the first included. Default 4. */
  attempts: number;
  /** First back-off; doubles each time, capped at `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 4_000 };

/**
 * Worth another try: throttling (429), a busy or restarting vCenter (502–504), and a body cut off
 * in transit. Everything we retry is a read or a session login, so repeating it is harmless.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof VsphereApiError) return [429, 502, 503, 504].includes(error.status);
  if (error instanceof IncompleteBodyError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ECONNRESET' || code === 'EPIPE';
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Worth another try for a call that changes something (a clone, a power-on): only an answer that
 * says vCenter did not take the request. A cut-off answer may hide a request that was carried out.
 */
export function isRefusedAsBusy(error: unknown): boolean {
  return error instanceof VsphereApiError && [429, 503].includes(error.status);
}

/** Runs `attempt` until it succeeds, fails for good, or the policy's attempts run out. */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  signal?: AbortSignal,
  retryable: (error: unknown) => boolean = isRetryable,
): Promise<T> {
  for (let tried = 1; ; tried += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (tried >= policy.attempts || signal?.aborted || !retryable(error)) throw error;
      const asked = error instanceof VsphereApiError ? error.retryAfterMs : null;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (tried - 1));
      await sleep(Math.min(policy.maxDelayMs, asked ?? backoff), signal);
    }
  }
}
