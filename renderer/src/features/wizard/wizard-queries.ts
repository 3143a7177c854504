import type { QueryClient } from '@tanstack/react-query';
import { useAccounts, useCatalogSources, useChannelQuery, useWorkspaceList } from '../../api/queries';
import { useWorkspaceId } from '../../api/workspace-scope';

/** What the wizard reads: this workspace's accounts, their cached locations and its environments. */
export function useWizardData() {
  const workspaceId = useWorkspaceId();
  const accounts = useAccounts();
  const sources = useCatalogSources();
  const workspaces = useWorkspaceList();
  const workspace = workspaces.data?.find((w) => w.id === workspaceId) ?? null;
  return { accounts, sources, workspace };
}

/**
 * VMware templates the account sees at a location (a template is chosen, never typed). Not
 * refetched on focus: the list is asked of vCenter and the user is in the middle of choosing.
 */
export function useTemplates(accountId: string, location: string, enabled: boolean) {
  const workspaceId = useWorkspaceId();
  return useChannelQuery(
    'registry:templates',
    { workspaceId, accountId, location },
    { enabled: enabled && accountId !== '' && location !== '', refetchOnWindowFocus: false },
  );
}

const isRegistryQuery = (key: readonly unknown[]) =>
  typeof key[0] === 'string' && key[0].startsWith('registry:');

/** A record was registered or gained a mapping: every registry view (list, record, drift) is stale. */
export function invalidateRegistry(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ predicate: (query) => isRegistryQuery(query.queryKey) });
}
