import { useQuery, type QueryClient, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import type { CatalogQuery, ChannelName, ChannelRequest, ChannelResponse, Workspace } from '@contract/index';
import type { ApiError } from './api-error';
import { useApi } from './api-context';
import { useWorkspaceId, type WithoutWorkspace } from './workspace-scope';

export type FacetsRequest = WithoutWorkspace<ChannelRequest<'catalog:facets'>>;
export type TimelineRequest = WithoutWorkspace<ChannelRequest<'catalog:timeline'>>;
export type PageRequest = WithoutWorkspace<CatalogQuery>;

/** Query keys are the contract itself: the channel name, then the request (workspaceId included). */
export function channelKey<C extends ChannelName>(channel: C, request: ChannelRequest<C>): QueryKey {
  return [channel, request];
}

/** The workspace a query key belongs to, or null for app-wide channels. */
export function workspaceOfKey(key: QueryKey | undefined): string | null {
  const request = key?.[1];
  if (typeof request !== 'object' || request === null || !('workspaceId' in request)) return null;
  return typeof request.workspaceId === 'string' ? request.workspaceId : null;
}

/**
 * The previous answer may stand in while a new question loads, but never across workspaces: one
 * client's rows must not show, even for a frame, under another client's name.
 */
function keepWithinWorkspace(workspaceId: string | null) {
  return <T>(previous: T | undefined, previousQuery?: { queryKey: QueryKey }): T | undefined =>
    previousQuery && workspaceOfKey(previousQuery.queryKey) === workspaceId ? previous : undefined;
}

interface ChannelQueryOptions {
  enabled?: boolean;
  keepPrevious?: boolean;
  refetchOnWindowFocus?: boolean;
}

export function useChannelQuery<C extends ChannelName>(
  channel: C,
  request: ChannelRequest<C>,
  options: ChannelQueryOptions = {},
): UseQueryResult<ChannelResponse<C>, ApiError> {
  const api = useApi();
  const key = channelKey(channel, request);
  const workspaceId = workspaceOfKey(key);
  return useQuery<ChannelResponse<C>, ApiError>({
    queryKey: key,
    queryFn: () => api.invoke(channel, request),
    enabled: options.enabled ?? true,
    refetchOnWindowFocus: options.refetchOnWindowFocus,
    // The previous answer may stand in while a new question loads, but never across workspaces:
    // one client's rows must not show, even for a frame, under another client's name.
    placeholderData: options.keepPrevious ? keepWithinWorkspace(workspaceId) : undefined,
  });
}

const EMPTY = {} as const;

export const useAppInfo = () => useChannelQuery('app:info', EMPTY);
/** Refetched on focus: another window may have added a workspace or accounts meanwhile. */
export const useWorkspaceList = () =>
  useChannelQuery('workspaces:list', EMPTY, { refetchOnWindowFocus: true });

export function useAccounts() {
  return useChannelQuery('accounts:list', { workspaceId: useWorkspaceId() });
}

export function useCatalogSources() {
  return useChannelQuery('catalog:sources', { workspaceId: useWorkspaceId() });
}

/** Counts follow the search and filters; the previous counts stay up while new ones load. */
export function useCatalogFacets(request: FacetsRequest) {
  const workspaceId = useWorkspaceId();
  return useChannelQuery('catalog:facets', { ...request, workspaceId }, { keepPrevious: true });
}

export function useCatalogTimeline(request: TimelineRequest, enabled = true) {
  const workspaceId = useWorkspaceId();
  return useChannelQuery('catalog:timeline', { ...request, workspaceId }, { keepPrevious: true, enabled });
}

export function useCatalogPage(query: PageRequest, enabled = true) {
  const workspaceId = useWorkspaceId();
  return useChannelQuery('catalog:query', { ...query, workspaceId }, { keepPrevious: true, enabled });
}

export function useImageDetail(key: string | null) {
  const workspaceId = useWorkspaceId();
  return useChannelQuery('catalog:get', { workspaceId, key: key ?? '' }, { enabled: key !== null });
}

const isCatalogQuery = (key: QueryKey) => typeof key[0] === 'string' && key[0].startsWith('catalog:');

/** The cache changed in main (sync finished, account removed): every catalog view is stale. */
export function invalidateCatalog(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ predicate: (query) => isCatalogQuery(query.queryKey) });
}

/** Accounts changed: their lists, and the per-workspace account counts. */
export async function invalidateAccounts(client: QueryClient): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: ['accounts:list'] }),
    client.invalidateQueries({ queryKey: ['workspaces:list'] }),
  ]);
}

/**
 * Puts a workspace just created or imported into the cached list at once, so switching to it
 * does not wait for (or fall back while) the list refetches; the refetch then confirms it.
 */
export function rememberWorkspace(client: QueryClient, workspace: Workspace): Promise<void> {
  client.setQueryData<Workspace[]>(channelKey('workspaces:list', EMPTY), (list) => [
    ...(list ?? []).filter((w) => w.id !== workspace.id),
    workspace,
  ]);
  return client.invalidateQueries({ queryKey: ['workspaces:list'] });
}
