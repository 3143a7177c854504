import type { CatalogExport, CatalogFilters, ImageSummary, SortColumn } from '@contract/index';
import type { CatalogTable } from './catalog-rows';
import { viewRows } from './catalog-filter';
import { pageOf, type SummaryContext } from './catalog-query';
import { sortedRows, type SortDirection } from './catalog-sort';

/** One export carries at most this many rows; past it the export says it was truncated. */
export const EXPORT_MAX_ROWS = 250_000;

export interface ExportInput {
  search: string;
  filters: CatalogFilters;
  sort?: { column: SortColumn; direction: SortDirection } | undefined;
  format: 'csv' | 'json';
}

/** The summary columns, in the order a spreadsheet shows them. */
export const EXPORT_COLUMNS = [
  'key',
  'cloud',
  'accountId',
  'accountName',
  'sourceId',
  'location',
  'cloudId',
  'name',
  'description',
  'ownerId',
  'ownerAlias',
  'osFamily',
  'osVersion',
  'osRaw',
  'architecture',
  'family',
  'visibility',
  'public',
  'state',
  'sizeGb',
  'createdAt',
  'deprecatesAt',
  'deprecated',
  'deprecationState',
  'replacement',
] as const satisfies readonly (keyof ImageSummary)[];

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe:
 * anyone can publish a public image, name included.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (summary: ImageSummary): string =>
  EXPORT_COLUMNS.map((column) => csvField(summary[column])).join(',');

/** The current view (search, filters, sort) as CSV or JSON, ready to save. */
export function exportView(
  table: CatalogTable,
  input: ExportInput,
  context: SummaryContext,
  now: Date,
  maxRows = EXPORT_MAX_ROWS,
): CatalogExport {
  const view = viewRows(table, input, context.nowMs);
  const sort = input.sort ?? { column: 'createdAt', direction: 'desc' };
  const rows = pageOf(sortedRows(table, sort.column, sort.direction), view, 0, maxRows);
  const total = view === null ? table.size : view.count;
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  // Built in chunks: one string per row would hold the whole export twice over.
  const parts: string[] = [];
  for (let start = 0; start < rows.length; start += 5_000) {
    const summaries = rows
      .slice(start, start + 5_000)
      .map((row) => table.summaryOf(row, context.accountNames, context.nowMs));
    parts.push(
      input.format === 'csv'
        ? summaries.map((summary) => `${csvLine(summary)}\r\n`).join('')
        : summaries.map((summary) => JSON.stringify(summary)).join(','),
    );
  }
  const content =
    input.format === 'csv'
      ? `${EXPORT_COLUMNS.join(',')}\r\n${parts.join('')}`
      : `[${parts.filter(Boolean).join(',')}]`;
  return {
    fileName: `hangar-images-${stamp}.${input.format}`,
    mimeType: input.format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
    content,
    rows: rows.length,
    truncated: total > rows.length,
  };
}
