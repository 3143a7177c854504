import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { OperationSnapshot } from '@contract/index';
import type { ApiError } from '../../api/api-error';
import { useApi } from '../../api/api-context';
import { channelKey, useChannelQuery } from '../../api/queries';
import { useWorkspaceId } from '../../api/workspace-scope';
import { finishedSentence, mergeOperation, reconcileOperations } from './model/operations';

/**
 * The workspace's running and recent operations: listed once (operations:list), then kept live by
 * `operation:update` events folded into the same cache entry. Also the launch history, refreshed
 * on `launch:changed`, for the addresses a launch's servers got.
 */
export function useOperations() {
  const api = useApi();
  const queryClient = useQueryClient();
  const workspaceId = useWorkspaceId();
  const request = { workspaceId };
  // Updates seen so far: a list fetched meanwhile is reconciled with them, not trusted over them.
  const seen = useRef(new Map<string, OperationSnapshot>());
  const list = useQuery<OperationSnapshot[], ApiError>({
    queryKey: channelKey('operations:list', request),
    queryFn: async () =>
      reconcileOperations(await api.invoke('operations:list', { workspaceId }), seen.current),
  });
  const history = useChannelQuery('launch:history', request);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const key = channelKey('operations:list', { workspaceId });
    return api.on('operation:update', (snapshot) => {
      if (snapshot.workspaceId !== workspaceId) return;
      seen.current.set(snapshot.operationId, snapshot);
      queryClient.setQueryData<OperationSnapshot[]>(key, (current) =>
        mergeOperation(current, snapshot, workspaceId),
      );
      const sentence = finishedSentence(snapshot);
      if (sentence) setAnnouncement(sentence);
    });
  }, [api, queryClient, workspaceId]);

  useEffect(
    () =>
      api.on('launch:changed', (event) => {
        if (event.workspaceId === workspaceId)
          void queryClient.invalidateQueries({ queryKey: channelKey('launch:history', { workspaceId }) });
      }),
    [api, queryClient, workspaceId],
  );

  const cancel = useCallback(
    (operationId: string) => api.invoke('operations:cancel', { operationId }),
    [api],
  );

  return {
    operations: list.data,
    list,
    launches: history.data ?? [],
    announcement,
    cancel,
  };
}
