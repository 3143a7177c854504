import {
  keepPreviousData,
  useQuery,
  type QueryClient,
  type QueryKey,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { CatalogQuery, ChannelName, ChannelRequest, ChannelResponse } from '@contract/index';

export type FacetsRequest = ChannelRequest<'catalog:facets'>;
export type TimelineRequest = ChannelRequest<'catalog:timeline'>;
import type { ApiError } from './api-error';
import { useApi } from './api-context';

/** Query keys are the contract itself: the channel name, then the request. */
export function channelKey<C extends ChannelName>(channel: C, request: ChannelRequest<C>): QueryKey {
  return [channel, request];
}

interface ChannelQueryOptions {
  enabled?: boolean;
  keepPrevious?: boolean;
}

export function useChannelQuery<C extends ChannelName>(
  channel: C,
  request: ChannelRequest<C>,
  options: ChannelQueryOptions = {},
): UseQueryResult<ChannelResponse<C>, ApiError> {
  const api = useApi();
  return useQuery<ChannelResponse<C>, ApiError>({
    queryKey: channelKey(channel, request),
    queryFn: () => api.invoke(channel, request),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}

const EMPTY = {} as const;

export const useAppInfo = () => useChannelQuery('app:info', EMPTY);
export const useAccounts = () => useChannelQuery('accounts:list', EMPTY);
export const useCatalogSources = () => useChannelQuery('catalog:sources', EMPTY);
/** Counts follow the search and filters; the previous counts stay up while new ones load. */
export const useCatalogFacets = (request: FacetsRequest) =>
  useChannelQuery('catalog:facets', request, { keepPrevious: true });

export const useCatalogTimeline = (request: TimelineRequest, enabled = true) =>
  useChannelQuery('catalog:timeline', request, { keepPrevious: true, enabled });

export const useCatalogPage = (query: CatalogQuery, enabled = true) =>
  useChannelQuery('catalog:query', query, { keepPrevious: true, enabled });

export const useImageDetail = (key: string | null) =>
  useChannelQuery('catalog:get', { key: key ?? '' }, { enabled: key !== null });

const isCatalogQuery = (key: QueryKey) => typeof key[0] === 'string' && key[0].startsWith('catalog:');

/** The cache changed in main (sync finished, account removed): every catalog view is stale. */
export function invalidateCatalog(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ predicate: (query) => isCatalogQuery(query.queryKey) });
}

export function invalidateAccounts(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: ['accounts:list'] });
}
