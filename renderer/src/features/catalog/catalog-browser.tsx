import { useEffect, useMemo, useState } from 'react';
import type { CatalogFilters, ImageSummary, SortColumn } from '@contract/index';
import { useAccounts, useCatalogFacets, useCatalogPage } from '../../api/queries';
import { ErrorMessage } from '../../components/error-message';
import { formatCount } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useSync } from '../sync/sync-context';
import { CatalogEmptyState } from './catalog-empty-state';
import { CatalogTable } from './catalog-table';
import { CatalogToolbar } from './catalog-toolbar';
import { ImageDetails } from './image-details';
import { pageRequest, type CatalogView } from './use-catalog-rows';

const NO_FILTERS: CatalogFilters = {
  accountIds: [],
  regions: [],
  owners: [],
  architectures: [],
  deprecated: 'any',
};
const DEFAULT_SORT: CatalogView['sort'] = { column: 'createdAt', direction: 'desc' };

const isFiltered = (search: string, f: CatalogFilters) =>
  search.trim() !== '' ||
  f.deprecated !== 'any' ||
  [f.accountIds, f.regions, f.owners, f.architectures].some((list) => list.length > 0);

interface CatalogBrowserProps {
  onAddAccount: () => void;
  /** Called once the first page has settled (for the end-to-end "ready" signal). */
  onFirstPage: () => void;
}

/** Search, filters, the virtualized grid and the details pane. */
export function CatalogBrowser({ onAddAccount, onFirstPage }: CatalogBrowserProps) {
  const [searchInput, setSearchInput] = useState('');
  const search = useDebouncedValue(searchInput, 200);
  const [filters, setFilters] = useState<CatalogFilters>(NO_FILTERS);
  const [sort, setSort] = useState(DEFAULT_SORT);
  const [openedKey, setOpenedKey] = useState<string | null>(null);

  const view = useMemo<CatalogView>(
    () => ({ search: search.trim(), filters, sort }),
    [search, filters, sort],
  );
  const firstPage = useCatalogPage(pageRequest(view, 0));
  const facets = useCatalogFacets();
  const accounts = useAccounts();
  const { running, start } = useSync();

  const settled = !firstPage.isPending;
  useEffect(() => {
    if (settled) onFirstPage();
  }, [settled, onFirstPage]);

  const onSort = (column: SortColumn) =>
    setSort((current) =>
      current.column === column
        ? { column, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { column, direction: column === 'createdAt' || column === 'deprecatesAt' ? 'desc' : 'asc' },
    );

  const clear = () => {
    setSearchInput('');
    setFilters(NO_FILTERS);
  };

  const page = firstPage.data;
  const total = page?.total ?? 0;
  const filtered = isFiltered(search, filters);

  return (
    <div className={`catalog ${openedKey ? 'has-details' : ''}`}>
      <div className="catalog-main">
        <CatalogToolbar
          search={searchInput}
          onSearch={setSearchInput}
          filters={filters}
          onFilters={setFilters}
          facets={facets.data}
          showClear={filtered && total > 0}
          onClear={clear}
        />
        <div className="catalog-status">
          <span role="status" aria-live="polite">
            {page ? `${formatCount(total)} of ${formatCount(page.catalogSize)} images` : 'Loading images…'}
          </span>
          {firstPage.isFetching && page && <span className="muted"> · updating…</span>}
        </div>
        {firstPage.isError && <ErrorMessage error={firstPage.error} context="Could not load the catalog" />}
        {page && total === 0 ? (
          <CatalogEmptyState
            hasAccounts={(accounts.data?.length ?? 1) > 0}
            catalogSize={page.catalogSize}
            syncing={running}
            onAddAccount={onAddAccount}
            onSyncAll={() => void start({})}
            onClearFilters={clear}
          />
        ) : (
          page && (
            <CatalogTable
              view={view}
              total={total}
              stale={firstPage.isPlaceholderData}
              openedKey={openedKey}
              onOpen={(row: ImageSummary) => setOpenedKey(row.key)}
              onSort={onSort}
            />
          )
        )}
      </div>
      {openedKey && <ImageDetails imageKey={openedKey} onClose={() => setOpenedKey(null)} />}
    </div>
  );
}
