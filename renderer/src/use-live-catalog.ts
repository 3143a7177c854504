import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi, useTransportStatus } from './api/api-context';
import { invalidateAccounts, invalidateCatalog } from './api/queries';
import { invalidateRegistry } from './features/registry/registry-queries';

/**
 * Keeps cached queries honest: `catalog:changed` invalidates catalog queries, `registry:changed`
 * that workspace's registry queries, and after the event
 * link reconnects everything is refetched, since events may have been missed meanwhile.
 */
export function useLiveCatalog(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  const { openCount } = useTransportStatus();
  const firstOpen = useRef<number | null>(null);

  useEffect(
    () =>
      api.on('catalog:changed', () => {
        void invalidateCatalog(queryClient);
        // Accounts come and go with their caches (maybe in another window): lists and counts too.
        void invalidateAccounts(queryClient);
      }),
    [api, queryClient],
  );

  // A registry changed (maybe in another window): that workspace's registry views refetch.
  useEffect(
    () => api.on('registry:changed', ({ workspaceId }) => void invalidateRegistry(queryClient, workspaceId)),
    [api, queryClient],
  );

  useEffect(() => {
    if (openCount === 0) return;
    firstOpen.current ??= openCount;
    if (openCount > firstOpen.current) void queryClient.invalidateQueries();
  }, [openCount, queryClient]);
}
