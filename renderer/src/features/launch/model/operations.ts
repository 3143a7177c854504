import type { OperationSnapshot } from '@contract/index';

/** How many finished operations the panel keeps showing. */
export const RECENT_FINISHED = 20;

/** Running first (newest first), then finished ones newest first. */
export function sortOperations(list: readonly OperationSnapshot[]): OperationSnapshot[] {
  const running = (o: OperationSnapshot) => (o.state === 'running' ? 0 : 1);
  return [...list].sort((a, b) => running(a) - running(b) || b.startedAt.localeCompare(a.startedAt));
}

/**
 * A live `operation:update` folded into the listed ones: replaces the same operation, adds a new
 * one, ignores another workspace's; finished ones beyond RECENT_FINISHED fall off.
 */
export function mergeOperation(
  list: readonly OperationSnapshot[] | undefined,
  update: OperationSnapshot,
  workspaceId: string,
): OperationSnapshot[] {
  const current = list ?? [];
  if (update.workspaceId !== workspaceId) return [...current];
  const merged = sortOperations([...current.filter((o) => o.operationId !== update.operationId), update]);
  let finished = 0;
  return merged.filter((o) => o.state === 'running' || ++finished <= RECENT_FINISHED);
}

/** 0..100 for aria-valuenow, or null when the operation cannot say how far it is. */
export function progressPercent(operation: Pick<OperationSnapshot, 'progress' | 'state'>): number | null {
  if (operation.state === 'done') return 100;
  if (operation.progress === null) return null;
  return Math.round(Math.min(1, Math.max(0, operation.progress)) * 100);
}

export const OPERATION_STATE_LABEL: Record<OperationSnapshot['state'], string> = {
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** A finished operation in one sentence, for the screen reader's status line. */
export function finishedSentence(operation: OperationSnapshot): string | null {
  if (operation.state === 'running') return null;
  const what = `${operation.title}: ${OPERATION_STATE_LABEL[operation.state].toLowerCase()}`;
  return operation.error ? `${what}. ${operation.error.message}` : `${what}.`;
}

/** How far an operation has got: finished beats running, then more progress beats less. */
function reach(operation: OperationSnapshot): number {
  return operation.state === 'running' ? (operation.progress ?? -1) : 2;
}

/**
 * A fetched list reconciled with the updates seen while it was on its way: an answer sent before
 * an update arrived must not put an operation back to an earlier state.
 */
export function reconcileOperations(
  listed: readonly OperationSnapshot[],
  seen: ReadonlyMap<string, OperationSnapshot>,
): OperationSnapshot[] {
  return sortOperations(
    listed.map((operation) => {
      const update = seen.get(operation.operationId);
      return update && reach(update) >= reach(operation) ? update : operation;
    }),
  );
}
