import { useEffect, useMemo, useState } from 'react';
import type { ImageSummary } from '@contract/index';
import { useAccounts, useCatalogPage } from '../../api/queries';
import { ErrorMessage } from '../../components/error-message';
import { formatCount } from '../../lib/format';
import { isBoolean, isStringArray, useLocalPref } from '../../lib/local-pref';
import { useSync } from '../sync/sync-context';
import { activeFilterCount, formatMonth, isFiltered } from './catalog-filters';
import { DEFAULT_COLUMN_IDS, visibleColumns } from './catalog-columns';
import { CatalogEmptyState } from './catalog-empty-state';
import { CatalogTable } from './catalog-table';
import { CatalogToolbar } from './catalog-toolbar';
import { FacetsPanel } from './facets/facets-panel';
import { ImageDetails } from './image-details';
import { TimelineView } from './timeline/timeline-view';
import { useCatalogState } from './use-catalog-state';
import { pageRequest } from './use-catalog-rows';

interface CatalogBrowserProps {
  onAddAccount: () => void;
  /** Called once the first page has settled (for the end-to-end "ready" signal). */
  onFirstPage: () => void;
}

/** Search, facets, the virtualized grid or the deprecation timeline, and the details pane. */
export function CatalogBrowser({ onAddAccount, onFirstPage }: CatalogBrowserProps) {
  const state = useCatalogState();
  const { view, filters, mode } = state;
  const [openedKey, setOpenedKey] = useState<string | null>(null);
  const [columnIds, setColumnIds] = useLocalPref('catalog.columns', DEFAULT_COLUMN_IDS, isStringArray);
  const [facetsOpen, setFacetsOpen] = useLocalPref('catalog.facetsOpen', true, isBoolean);
  const columns = useMemo(() => visibleColumns(columnIds), [columnIds]);

  const firstPage = useCatalogPage(pageRequest(view, 0));
  const accounts = useAccounts();
  const { running, start } = useSync();

  const settled = !firstPage.isPending;
  useEffect(() => {
    if (settled) onFirstPage();
  }, [settled, onFirstPage]);

  const page = firstPage.data;
  const total = page?.total ?? 0;
  const filtered = isFiltered(view.search, filters);

  return (
    <div className={`catalog ${openedKey && mode === 'table' ? 'has-details' : ''}`}>
      {facetsOpen && <FacetsPanel search={view.search} filters={filters} onFilters={state.setFilters} />}
      <div className="catalog-main">
        <CatalogToolbar
          search={state.searchInput}
          onSearch={state.setSearchInput}
          view={view}
          mode={mode}
          onMode={state.setMode}
          filtersOpen={facetsOpen}
          activeFilters={activeFilterCount(filters)}
          onToggleFilters={() => setFacetsOpen(!facetsOpen)}
          columns={columnIds}
          onColumns={setColumnIds}
          grouped={state.grouped}
          onGrouped={state.setGrouped}
          showClear={filtered && total > 0}
          onClear={state.clear}
        />
        <div className="catalog-status">
          <span role="status" aria-live="polite">
            {page ? `${formatCount(total)} of ${formatCount(page.catalogSize)} images` : 'Loading images…'}
          </span>
          {filters.deprecatesInMonth && (
            <span className="muted"> · deprecating in {formatMonth(filters.deprecatesInMonth)}</span>
          )}
          {firstPage.isFetching && page && <span className="muted"> · updating…</span>}
        </div>
        {firstPage.isError && <ErrorMessage error={firstPage.error} context="Could not load the catalog" />}
        {mode === 'timeline' ? (
          <TimelineView
            search={view.search}
            filters={filters}
            onMonth={state.showMonth}
            onAlreadyDeprecated={state.showAlreadyDeprecated}
          />
        ) : page && total === 0 ? (
          <CatalogEmptyState
            hasAccounts={(accounts.data?.length ?? 1) > 0}
            catalogSize={page.catalogSize}
            syncing={running}
            onAddAccount={onAddAccount}
            onSyncAll={() => void start({})}
            onClearFilters={state.clear}
          />
        ) : (
          page && (
            <CatalogTable
              view={view}
              total={total}
              stale={firstPage.isPlaceholderData}
              columns={columns}
              grouped={state.grouped}
              openedKey={openedKey}
              onOpen={(row: ImageSummary) => setOpenedKey(row.key)}
              onSort={state.onSort}
            />
          )
        )}
      </div>
      {openedKey && mode === 'table' && (
        <ImageDetails imageKey={openedKey} onClose={() => setOpenedKey(null)} />
      )}
    </div>
  );
}
