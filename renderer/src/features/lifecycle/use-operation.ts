import { useEffect, useState } from 'react';
import type { OperationSnapshot } from '@contract/index';
import { useApi } from '../../api/api-context';
import { useWorkspaceId } from '../../api/workspace-scope';
import { mergeSnapshot } from './model/operation';

/**
 * Follows one operation: its `operation:update` events, plus one look at the list of operations
 * right after listening starts, so updates sent before the id reached us (or a quick operation
 * that already ended) are not missed.
 */
export function useOperation(operationId: string | null): OperationSnapshot | null {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const [snapshot, setSnapshot] = useState<OperationSnapshot | null>(null);

  useEffect(() => {
    if (!operationId) return;
    let live = true;
    const take = (incoming: OperationSnapshot) => {
      if (live && incoming.operationId === operationId)
        setSnapshot((current) =>
          mergeSnapshot(current?.operationId === operationId ? current : null, incoming),
        );
    };
    const stop = api.on('operation:update', take);
    api.invoke('operations:list', { workspaceId }).then(
      (list) => list.forEach(take),
      // The events still arrive; the list only fills a gap.
      () => undefined,
    );
    return () => {
      live = false;
      stop();
    };
  }, [api, operationId, workspaceId]);

  return snapshot?.operationId === operationId ? snapshot : null;
}
