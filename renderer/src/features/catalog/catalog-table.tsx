import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ImageSummary, SortColumn } from '@contract/index';
import { ErrorMessage } from '../../components/error-message';
import { useNow } from '../../lib/use-now';
import { CATALOG_COLUMNS } from './catalog-columns';
import { useCatalogRows, type CatalogView } from './use-catalog-rows';

/** Fixed heights keep virtualization exact (no measuring) and must match catalog.css. */
const ROW_HEIGHT = 26;
const HEADER_HEIGHT = 28;

interface CatalogTableProps {
  view: CatalogView;
  total: number;
  /** The total still belongs to the previous question while the new one loads. */
  stale: boolean;
  openedKey: string | null;
  onOpen: (row: ImageSummary) => void;
  onSort: (column: SortColumn) => void;
}

/**
 * The image grid. Only rows in view (+ overscan) are in the DOM and only their pages are fetched.
 * The grid itself holds focus and points at the selected row with aria-activedescendant, so arrow
 * keys work without moving DOM focus through thousands of virtual rows.
 */
export function CatalogTable({ view, total, stale, openedKey, onOpen, onSort }: CatalogTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState(-1);
  const gridId = useId();
  const now = useNow();

  // A new question (search, filter, sort) is a new result set: selection and scroll start over.
  // Done in place rather than by remounting, so focus stays on the header button just pressed.
  const identity = JSON.stringify(view);
  const [shownIdentity, setShownIdentity] = useState(identity);
  if (shownIdentity !== identity) {
    setShownIdentity(identity);
    setSelected(-1);
  }
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [identity]);

  // TanStack Virtual returns non-memoizable functions by design; the compiler lint knows it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    // The sticky header sits above row 0 inside the same scroller.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const rows = useCatalogRows(view, items[0]?.index ?? 0, items[items.length - 1]?.index ?? -1);
  const rowId = (index: number) => `${gridId}-row-${index}`;

  const select = (index: number) => {
    if (total === 0) return;
    const clamped = Math.min(total - 1, Math.max(0, index));
    setSelected(clamped);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const onGrid = event.target === event.currentTarget;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 2);
    const moves: Record<string, () => number> = {
      ArrowDown: () => selected + 1,
      ArrowUp: () => Math.max(0, selected - 1),
      PageDown: () => selected + pageRows,
      PageUp: () => selected - pageRows,
      Home: () => 0,
      End: () => total - 1,
    };
    const move = moves[event.key];
    if (move && (onGrid || event.key.startsWith('Arrow'))) {
      event.preventDefault();
      select(move());
      scrollRef.current?.focus();
    } else if (event.key === 'Enter' && onGrid) {
      const row = rows.rowAt(selected);
      if (row) {
        event.preventDefault();
        onOpen(row);
      }
    }
  };

  const selectedRendered = items.some((item) => item.index === selected);

  return (
    <div className="catalog-table-wrap">
      {rows.error && <ErrorMessage error={rows.error} context="Could not load these rows" />}
      <div
        ref={scrollRef}
        className="catalog-grid"
        role="grid"
        aria-label="Images"
        aria-rowcount={total + 1}
        aria-colcount={CATALOG_COLUMNS.length}
        aria-busy={stale || undefined}
        aria-activedescendant={selectedRendered ? rowId(selected) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup" className="grid-head">
          <div role="row" aria-rowindex={1} className="grid-row">
            {CATALOG_COLUMNS.map((column) => {
              const sorted = view.sort.column === column.sort ? view.sort.direction : null;
              return (
                <div
                  key={column.id}
                  role="columnheader"
                  className={`grid-cell ${column.className}`}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                >
                  <button type="button" className="sort-button" onClick={() => onSort(column.sort)}>
                    {column.label}
                    <span className="sort-arrow" aria-hidden="true">
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows.rowAt(item.index);
            const classes = [
              'grid-row',
              item.index % 2 ? 'is-odd' : '',
              item.index === selected ? 'is-selected' : '',
            ];
            if (row && row.key === openedKey) classes.push('is-open');
            return (
              <div
                key={item.key}
                id={rowId(item.index)}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={item.index === selected}
                aria-busy={row ? undefined : true}
                className={classes.join(' ')}
                style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
                onClick={() => {
                  setSelected(item.index);
                  if (row) onOpen(row);
                }}
              >
                {CATALOG_COLUMNS.map((column) => (
                  <div key={column.id} role="gridcell" className={`grid-cell ${column.className}`}>
                    {row ? column.render(row, now) : <span className="cell-loading" />}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
