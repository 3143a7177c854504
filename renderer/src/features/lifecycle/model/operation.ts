import type { OperationSnapshot } from '@contract/index';

export const isFinished = (snapshot: Pick<OperationSnapshot, 'state'>): boolean =>
  snapshot.state !== 'running';

/**
 * The newer of what is known and what just arrived. Events and the initial list can cross: a
 * finished operation never goes back to running, and progress never runs backwards.
 */
export function mergeSnapshot(
  current: OperationSnapshot | null,
  incoming: OperationSnapshot,
): OperationSnapshot {
  if (!current || current.operationId !== incoming.operationId) return incoming;
  if (isFinished(current)) return current;
  if (isFinished(incoming)) return incoming;
  const behind =
    current.progress !== null && incoming.progress !== null && incoming.progress < current.progress;
  return behind ? current : incoming;
}

/** 0–100 when the operation says how far it is; null when it cannot tell. */
export const progressPercent = (snapshot: Pick<OperationSnapshot, 'progress'>): number | null =>
  snapshot.progress === null ? null : Math.round(Math.min(1, Math.max(0, snapshot.progress)) * 100);

/** One line for the end of an operation (its title is shown above): what it made, or that it stopped. */
export function outcomeText(snapshot: OperationSnapshot): string {
  if (snapshot.state === 'running') return snapshot.step;
  if (snapshot.state === 'cancelled') return 'Cancelled.';
  if (snapshot.state === 'failed') return `Failed: ${snapshot.error?.message ?? 'the cloud gave no reason.'}`;
  const images = snapshot.result?.imageIds ?? [];
  if (images.length === 0) return 'Done.';
  const registered = snapshot.result?.recordId ? ', registered' : '';
  return `Done: ${images.length === 1 ? 'image' : 'images'} ${images.join(', ')}${registered}.`;
}
