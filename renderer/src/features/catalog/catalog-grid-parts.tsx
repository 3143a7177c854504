import type { ImageSummary, SortColumn } from '@contract/index';
import type { CatalogColumn } from './catalog-columns';

interface HeaderRowProps {
  columns: readonly CatalogColumn[];
  sort: { column: SortColumn; direction: 'asc' | 'desc' };
  onSort: (column: SortColumn) => void;
}

/** The sticky header: a sort button per sortable column, aria-sort saying which way it sorts. */
export function HeaderRow({ columns, sort, onSort }: HeaderRowProps) {
  return (
    <div role="rowgroup" className="grid-head">
      <div role="row" aria-rowindex={1} className="grid-row">
        {columns.map((column) => {
          const sorted = column.sort && sort.column === column.sort ? sort.direction : null;
          return (
            <div
              key={column.id}
              role="columnheader"
              className={`grid-cell ${column.className ?? ''}`}
              aria-sort={
                sorted === 'asc'
                  ? 'ascending'
                  : sorted === 'desc'
                    ? 'descending'
                    : column.sort
                      ? 'none'
                      : undefined
              }
            >
              {column.sort ? (
                <button type="button" className="sort-button" onClick={() => onSort(column.sort!)}>
                  {column.label}
                  <span className="sort-arrow" aria-hidden="true">
                    {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                  </span>
                </button>
              ) : (
                <span className="header-text">{column.label}</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

interface DataRowProps {
  id: string;
  row: ImageSummary | undefined;
  index: number;
  /** aria-rowindex; omitted while grouped (group rows make the count unknown). */
  rowIndex: number | undefined;
  top: number;
  columns: readonly CatalogColumn[];
  selected: boolean;
  open: boolean;
  now: number;
  onClick: () => void;
  /** The row's "…" button: opens its actions menu at the button. */
  onMenu?: (at: { x: number; y: number }) => void;
}

/** One image, or a placeholder while its page loads. Positioned by the virtualizer. */
export function DataRow({
  id,
  row,
  index,
  rowIndex,
  top,
  columns,
  selected,
  open,
  now,
  onClick,
  onMenu,
}: DataRowProps) {
  const classes = [
    'grid-row',
    index % 2 ? 'is-odd' : '',
    selected ? 'is-selected' : '',
    open ? 'is-open' : '',
  ];
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={rowIndex}
      aria-selected={selected}
      aria-busy={row ? undefined : true}
      className={classes.join(' ')}
      style={{ transform: `translateY(${top}px)` }}
      onClick={onClick}
    >
      {columns.map((column, at) => (
        <div key={column.id} role="gridcell" className={`grid-cell ${column.className ?? ''}`}>
          {row ? column.render(row, now) : <span className="cell-loading" />}
          {row && onMenu && at === columns.length - 1 && (
            <button
              type="button"
              className="button-icon row-menu-button"
              // The grid owns keyboard focus (Shift+F10 opens this menu); this is for the mouse.
              tabIndex={-1}
              aria-label={`Actions for ${row.name || row.cloudId}`}
              aria-haspopup="menu"
              onClick={(event) => {
                event.stopPropagation();
                const box = event.currentTarget.getBoundingClientRect();
                onMenu({ x: box.left, y: box.bottom });
              }}
            >
              …
            </button>
          )}
        </div>
      ))}
    </div>
  );
}

/** The label above the first image of each family while grouping. */
export function GroupRow({ family, top, span }: { family: string | null; top: number; span: number }) {
  return (
    <div role="row" className="grid-row group-row" style={{ transform: `translateY(${top}px)` }}>
      <div role="gridcell" aria-colspan={span} className="grid-cell group-cell">
        <span className="group-label">Family</span> {family ?? 'no family'}
      </div>
    </div>
  );
}
