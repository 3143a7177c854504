import { useQueries } from '@tanstack/react-query';
import type { CatalogFilters, ImageSummary, SortColumn } from '@contract/index';
import { useApi } from '../../api/api-context';
import type { ApiError } from '../../api/api-error';
import { channelKey, type PageRequest } from '../../api/queries';
import { useWorkspaceId } from '../../api/workspace-scope';

/** Rows per `catalog:query` call: a few screens' worth, well under the contract's 500 cap. */
export const PAGE_SIZE = 100;

export interface CatalogView {
  search: string;
  filters: CatalogFilters;
  sort: { column: SortColumn; direction: 'asc' | 'desc' };
}

export function pageRequest(view: CatalogView, page: number): PageRequest {
  return { ...view, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
}

export interface CatalogRows {
  /** The row at an absolute index, or undefined while its page loads. */
  rowAt: (index: number) => ImageSummary | undefined;
  /** Changes whenever a page arrives, so layouts that depend on row contents can re-measure. */
  loadedSignature: string;
  error: ApiError | null;
}

/**
 * Fetches only the pages covering the rows in view (plus overscan). Each page is its own query,
 * so scrolling back is served from TanStack Query's cache instead of asking main again.
 */
export function useCatalogRows(view: CatalogView, firstIndex: number, lastIndex: number): CatalogRows {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const firstPage = Math.floor(Math.max(0, firstIndex) / PAGE_SIZE);
  const lastPage = Math.floor(Math.max(0, lastIndex) / PAGE_SIZE);
  const pages: number[] = [];
  for (let page = firstPage; page <= lastPage && lastIndex >= 0; page += 1) pages.push(page);

  const results = useQueries({
    queries: pages.map((page) => {
      const request = { ...pageRequest(view, page), workspaceId };
      return {
        queryKey: channelKey('catalog:query', request),
        queryFn: () => api.invoke('catalog:query', request),
      };
    }),
  });

  const loaded = results.flatMap((result) => (result.data ? [result.data] : []));
  const error = (results.find((result) => result.error)?.error as ApiError | undefined) ?? null;

  return {
    rowAt(index) {
      const page = loaded.find((p) => index >= p.offset && index < p.offset + p.rows.length);
      return page?.rows[index - page.offset];
    },
    loadedSignature: results.map((result) => `${result.data?.offset}@${result.dataUpdatedAt}`).join(','),
    error,
  };
}
