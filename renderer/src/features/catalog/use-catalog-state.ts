import { useCallback, useMemo, useState } from 'react';
import type { CatalogFilters, SortColumn } from '@contract/index';
import { isBoolean, useLocalPref } from '../../lib/local-pref';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { NO_FILTERS } from './catalog-filters';
import type { CatalogView } from './use-catalog-rows';

export type CatalogMode = 'table' | 'timeline';

const DEFAULT_SORT: CatalogView['sort'] = { column: 'createdAt', direction: 'desc' };
const FAMILY_SORT: CatalogView['sort'] = { column: 'family', direction: 'asc' };

/**
 * The question the catalog is asking: search, filters, sort, grouping, and which view shows the
 * answer. Grouping by family is a sort by family (main pages by it), so it wins over the sort.
 */
export function useCatalogState() {
  const [searchInput, setSearchInput] = useState('');
  const search = useDebouncedValue(searchInput, 200);
  const [filters, setFilters] = useState<CatalogFilters>(NO_FILTERS);
  const [sort, setSort] = useState(DEFAULT_SORT);
  const [grouped, setGrouped] = useLocalPref('catalog.groupByFamily', false, isBoolean);
  const [mode, setMode] = useState<CatalogMode>('table');

  const view = useMemo<CatalogView>(
    () => ({ search: search.trim(), filters, sort: grouped ? FAMILY_SORT : sort }),
    [search, filters, sort, grouped],
  );

  const onSort = useCallback(
    (column: SortColumn) => {
      // Sorting by another column ends grouping: groups only make sense in family order.
      if (grouped && column !== 'family') setGrouped(false);
      setSort((current) =>
        current.column === column && !grouped
          ? { column, direction: current.direction === 'asc' ? 'desc' : 'asc' }
          : { column, direction: column === 'createdAt' || column === 'deprecatesAt' ? 'desc' : 'asc' },
      );
    },
    [grouped, setGrouped],
  );

  const clear = useCallback(() => {
    setSearchInput('');
    setFilters(NO_FILTERS);
  }, []);

  /** From the timeline: the images reaching their date in that month, in the table. */
  const showMonth = useCallback((month: string) => {
    setFilters((current) => ({ ...current, deprecated: 'any', deprecatesInMonth: month }));
    setMode('table');
  }, []);

  const showAlreadyDeprecated = useCallback(() => {
    setFilters(({ deprecatesInMonth: _month, ...current }) => ({ ...current, deprecated: 'only' }));
    setMode('table');
  }, []);

  return {
    searchInput,
    setSearchInput,
    search: view.search,
    filters,
    setFilters,
    view,
    onSort,
    grouped,
    setGrouped,
    mode,
    setMode,
    clear,
    showMonth,
    showAlreadyDeprecated,
  };
}

export type CatalogState = ReturnType<typeof useCatalogState>;
