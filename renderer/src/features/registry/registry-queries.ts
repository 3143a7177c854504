import { useCallback } from 'react';
import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useChannelQuery, workspaceOfKey } from '../../api/queries';
import { useWorkspaceId } from '../../api/workspace-scope';

/** The registry's queries: keyed by the contract like every other view (channel, then request). */
export function useRegistryList(environmentId: string | null, search: string) {
  const workspaceId = useWorkspaceId();
  return useChannelQuery(
    'registry:list',
    { workspaceId, environmentId, search, includeDeleted: true },
    { keepPrevious: true },
  );
}

export function useRegistryRecord(recordId: string | null) {
  const workspaceId = useWorkspaceId();
  return useChannelQuery(
    'registry:get',
    { workspaceId, recordId: recordId ?? '' },
    { enabled: recordId !== null },
  );
}

export function useDriftReport() {
  return useChannelQuery('registry:drift-report', { workspaceId: useWorkspaceId() });
}

export const isRegistryKey = (key: QueryKey): boolean =>
  typeof key[0] === 'string' && key[0].startsWith('registry:');

/**
 * A workspace's registry changed (registered, edited, drift checked, maybe in another window):
 * every registry view of that workspace is stale. Without a workspace, all of them.
 */
export function invalidateRegistry(client: QueryClient, workspaceId?: string): Promise<void> {
  return client.invalidateQueries({
    predicate: (query) =>
      isRegistryKey(query.queryKey) &&
      (workspaceId === undefined || workspaceOfKey(query.queryKey) === workspaceId),
  });
}

/** After this view changed something: refetch at once rather than wait for main's event. */
export function useInvalidateRegistry(): () => Promise<void> {
  const client = useQueryClient();
  const workspaceId = useWorkspaceId();
  return useCallback(() => invalidateRegistry(client, workspaceId), [client, workspaceId]);
}
