import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ImageSummary, SortColumn } from '@contract/index';
import { ErrorMessage } from '../../components/error-message';
import { CatalogRowMenu, type RowMenuAnchor } from '../registry/catalog-row-menu';
import { useNow } from '../../lib/use-now';
import { gridLayout, type CatalogColumn } from './catalog-columns';
import { DataRow, GroupRow, HeaderRow } from './catalog-grid-parts';
import { copyText } from './copy-id-button';
import { useCatalogRows, type CatalogView } from './use-catalog-rows';

/** Fixed heights keep virtualization cheap and must match catalog.css. */
const ROW_HEIGHT = 26;
const HEADER_HEIGHT = 28;
const GROUP_HEIGHT = 24;

interface CatalogTableProps {
  view: CatalogView;
  total: number;
  /** The total still belongs to the previous question while the new one loads. */
  stale: boolean;
  columns: readonly CatalogColumn[];
  /** Group header rows between families (the view is then sorted by family). */
  grouped: boolean;
  openedKey: string | null;
  onOpen: (row: ImageSummary) => void;
  onSort: (column: SortColumn) => void;
}

/**
 * The image grid. Only rows in view (+ overscan) are in the DOM and only their pages are fetched.
 * The grid itself holds focus and points at the selected row with aria-activedescendant, so arrow
 * keys work without moving DOM focus through thousands of virtual rows. While grouped, a row that
 * starts a family is taller by a group header; that is known once its page (and the previous row)
 * arrived, so the layout is re-measured as pages land.
 */
export function CatalogTable(props: CatalogTableProps) {
  const { view, total, stale, columns, grouped, openedKey, onOpen, onSort } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState(-1);
  const [copyNote, setCopyNote] = useState('');
  const [menu, setMenu] = useState<RowMenuAnchor | null>(null);
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

  const rowsRef = useRef<ReturnType<typeof useCatalogRows> | null>(null);
  const startsGroup = (index: number): boolean => {
    if (!grouped) return false;
    const row = rowsRef.current?.rowAt(index);
    if (!row) return false;
    if (index === 0) return true;
    const previous = rowsRef.current?.rowAt(index - 1);
    return previous !== undefined && previous.family !== row.family;
  };

  // TanStack Virtual returns non-memoizable functions by design; the compiler lint knows it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => ROW_HEIGHT + (startsGroup(index) ? GROUP_HEIGHT : 0),
    overscan: 20,
    // The sticky header sits above row 0 inside the same scroller.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const rows = useCatalogRows(view, items[0]?.index ?? 0, items[items.length - 1]?.index ?? -1);
  rowsRef.current = rows;
  const rowId = (index: number) => `${gridId}-row-${index}`;

  const { loadedSignature } = rows;
  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, grouped, loadedSignature]);

  const select = (index: number) => {
    if (total === 0) return;
    const clamped = Math.min(total - 1, Math.max(0, index));
    setSelected(clamped);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  };

  const copySelected = async () => {
    const row = rows.rowAt(selected);
    if (!row) return;
    setCopyNote((await copyText(row.cloudId)) ? `Copied ${row.cloudId}` : 'Copy failed');
  };

  /** The row's context menu, at the pointer or (from the keyboard) at the row's corner. */
  const openMenu = (index: number, at?: { x: number; y: number }) => {
    const row = rows.rowAt(index);
    if (!row) return;
    setSelected(index);
    const box = document.getElementById(rowId(index))?.getBoundingClientRect();
    setMenu({ row, x: at?.x ?? (box ? box.left + 24 : 0), y: at?.y ?? (box ? box.bottom : 0) });
  };
  const rowIndexOf = (target: EventTarget) => {
    const id = (target as HTMLElement).closest('[role="row"]')?.id ?? '';
    const index = Number(id.slice(`${gridId}-row-`.length));
    return id.startsWith(`${gridId}-row-`) && Number.isInteger(index) ? index : -1;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const onGrid = event.target === event.currentTarget;
    if (onGrid && (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10'))) {
      event.preventDefault();
      openMenu(selected);
      return;
    }
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
    const copyKey = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c';
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
    } else if (copyKey && onGrid && !window.getSelection()?.toString()) {
      event.preventDefault();
      void copySelected();
    }
  };

  const selectedRendered = items.some((item) => item.index === selected);
  const layout = gridLayout(columns);
  const gridStyle = {
    '--grid-columns': layout.template,
    '--grid-min-width': `${layout.minWidth}px`,
  } as CSSProperties;
  const offset = virtualizer.options.scrollMargin;

  return (
    <div className="catalog-table-wrap">
      {rows.error && <ErrorMessage error={rows.error} context="Could not load these rows" />}
      <div
        ref={scrollRef}
        className="catalog-grid"
        role="grid"
        aria-label="Images"
        aria-rowcount={grouped ? -1 : total + 1}
        aria-colcount={columns.length}
        aria-busy={stale || undefined}
        aria-activedescendant={selectedRendered ? rowId(selected) : undefined}
        aria-describedby={`${gridId}-keys`}
        tabIndex={0}
        style={gridStyle}
        onKeyDown={onKeyDown}
        onContextMenu={(event) => {
          const index = rowIndexOf(event.target);
          if (index < 0) return;
          event.preventDefault();
          openMenu(index, { x: event.clientX, y: event.clientY });
        }}
      >
        <HeaderRow columns={columns} sort={view.sort} onSort={onSort} />
        <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows.rowAt(item.index);
            const group = startsGroup(item.index);
            const top = item.start - offset;
            const dataRow = (
              <DataRow
                key={item.key}
                id={rowId(item.index)}
                row={row}
                index={item.index}
                rowIndex={grouped ? undefined : item.index + 2}
                top={group ? top + GROUP_HEIGHT : top}
                columns={columns}
                selected={item.index === selected}
                open={row !== undefined && row.key === openedKey}
                now={now}
                onClick={() => {
                  setSelected(item.index);
                  if (row) onOpen(row);
                }}
                onMenu={(at) => openMenu(item.index, at)}
              />
            );
            if (!group) return dataRow;
            return [
              <GroupRow
                key={`group-${item.key}`}
                family={row?.family ?? null}
                top={top}
                span={columns.length}
              />,
              dataRow,
            ];
          })}
        </div>
      </div>
      <p id={`${gridId}-keys`} className="visually-hidden">
        Arrow keys move, Enter opens the details, Control+C copies the selected image id, Shift+F10 opens its
        actions.
      </p>
      <p className="visually-hidden" role="status">
        {copyNote}
      </p>
      {menu && <CatalogRowMenu anchor={menu} onClose={() => setMenu(null)} onCopied={setCopyNote} />}
    </div>
  );
}
