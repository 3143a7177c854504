import type { CatalogPage, CatalogQueryParsed } from '@contract/index';
import type { CatalogTable } from './catalog-rows';
import { viewRows, type RowSet } from './catalog-filter';
import { sortedRows } from './catalog-sort';

/** What turns a row into what the renderer shows, at the moment of the request. */
export interface SummaryContext {
  accountNames: ReadonlyMap<string, string>;
  nowMs: number;
}

/**
 * Search, filter, sort and page in main, so the renderer only ever receives the rows it shows.
 * Every search term must match (AND), each anywhere in name, description, id or tags.
 */
export function runCatalogQuery(
  table: CatalogTable,
  query: CatalogQueryParsed,
  context: SummaryContext,
): CatalogPage {
  const view = viewRows(table, query, context.nowMs);
  const order = sortedRows(table, query.sort.column, query.sort.direction);
  return {
    rows: pageOf(order, view, query.offset, query.limit).map((row) =>
      table.summaryOf(row, context.accountNames, context.nowMs),
    ),
    offset: query.offset,
    total: view === null ? table.size : view.count,
    catalogSize: table.size,
  };
}

/** Rows offset..offset+limit of the view in the given order; stops walking once the page is full. */
export function pageOf(order: Uint32Array, view: RowSet, offset: number, limit: number): number[] {
  if (view === null) return Array.from(order.subarray(offset, offset + limit));
  const page: number[] = [];
  if (offset >= view.count) return page;
  let seen = 0;
  for (let i = 0; i < order.length && page.length < limit; i += 1) {
    const row = order[i]!;
    if (!view.mask[row]) continue;
    if (seen >= offset) page.push(row);
    seen += 1;
  }
  return page;
}
