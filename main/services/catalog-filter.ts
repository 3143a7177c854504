import type { CatalogFilters, FacetName } from '@contract/index';
import type { CatalogTable } from './catalog-rows';
import { searchTable } from './catalog-search';

/** "Soon" means reaching deprecation or end of life within this many days. */
export const SOON_DAYS = 90;
const DAY_MS = 86_400_000;

/** What a view is made of: the search and the filters (query, facets, timeline and export share it). */
export interface ViewRequest {
  search: string;
  filters: CatalogFilters;
}

/** A subset of the table's rows: a mask plus its size, and the rows as a list when known. null = every row. */
export type RowSet = { mask: Uint8Array; count: number; rows: Uint32Array | null } | null;

/** Per row: 0 = not deprecated and not soon, 1 = deprecated, 2 = deprecating within SOON_DAYS. */
export const DEPRECATION_CODES = { none: 0, past: 1, soon: 2 } as const;

/** One active facet filter: the rows' codes and which codes it lets through. */
export interface FacetFilter {
  facet: FacetName;
  codes: ArrayLike<number>;
  allowed: Uint8Array;
}

const LIST_OF: Record<Exclude<FacetName, 'deprecation'>, keyof CatalogFilters> = {
  cloud: 'clouds',
  account: 'accountIds',
  location: 'regions',
  owner: 'owners',
  osFamily: 'osFamilies',
  osVersion: 'osVersions',
  architecture: 'architectures',
  visibility: 'visibilities',
  state: 'states',
};

const deprecationMemo = new WeakMap<CatalogTable, { minute: number; codes: Uint8Array }>();

/**
 * Deprecation class of every row at `nowMs`: a date passed or a deprecated/obsolete state is "past".
 * Kept for the rest of the minute: facets, filters and timeline of one view then agree.
 */
export function deprecationCodes(table: CatalogTable, nowMs: number): Uint8Array {
  const minute = Math.floor(nowMs / 60_000);
  const memo = deprecationMemo.get(table);
  if (memo?.minute === minute) return memo.codes;
  const codes = new Uint8Array(table.size);
  const soonUntil = nowMs + SOON_DAYS * DAY_MS;
  const { deprecatesMs, pastState } = table;
  for (let row = 0; row < codes.length; row += 1) {
    const at = deprecatesMs[row]!;
    if (pastState[row] || at <= nowMs) codes[row] = DEPRECATION_CODES.past;
    else if (at <= soonUntil) codes[row] = DEPRECATION_CODES.soon;
  }
  deprecationMemo.set(table, { minute, codes });
  return codes;
}

/** The filters a request turns on, one per facet; null lists and 'any' turn nothing on. */
export function facetFilters(table: CatalogTable, filters: CatalogFilters, nowMs: number): FacetFilter[] {
  const active: FacetFilter[] = [];
  for (const [facet, list] of Object.entries(LIST_OF) as [keyof typeof LIST_OF, keyof CatalogFilters][]) {
    const wanted = filters[list] as readonly string[];
    if (wanted.length === 0) continue;
    const { codes, values } = table.facets[facet];
    const allowed = Uint8Array.from(values, (value) => (wanted.includes(value) ? 1 : 0));
    active.push({ facet, codes, allowed });
  }
  if (filters.deprecated !== 'any') {
    const allowed = new Uint8Array(3);
    if (filters.deprecated === 'only') allowed[DEPRECATION_CODES.past] = 1;
    if (filters.deprecated === 'soon') allowed[DEPRECATION_CODES.soon] = 1;
    if (filters.deprecated === 'exclude')
      allowed[DEPRECATION_CODES.none] = allowed[DEPRECATION_CODES.soon] = 1;
    active.push({ facet: 'deprecation', codes: deprecationCodes(table, nowMs), allowed });
  }
  return active;
}

/** The first and last instant of a YYYY-MM month, in UTC. */
export function monthRange(month: string): [number, number] {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 1;
  return [Date.UTC(year, index, 1), Date.UTC(year, index + 1, 1)];
}

/** Rows the search and the deprecation month let through; the facet filters come on top. */
export function baseRows(table: CatalogTable, request: ViewRequest): RowSet {
  const found = searchTable(table, request.search);
  const month = request.filters.deprecatesInMonth;
  if (!month) return found && { mask: found.mask, count: found.rows.length, rows: found.rows };
  const [from, to] = monthRange(month);
  const mask = new Uint8Array(table.size);
  const rows: number[] = [];
  const consider = (row: number): void => {
    const at = table.deprecatesMs[row]!;
    if (at >= from && at < to) {
      mask[row] = 1;
      rows.push(row);
    }
  };
  if (found) found.rows.forEach(consider);
  else for (let row = 0; row < table.size; row += 1) consider(row);
  return { mask, count: rows.length, rows: Uint32Array.from(rows) };
}

/** Calls visit(row) for every row of the set, in row order. */
export function forEachRow(table: CatalogTable, set: RowSet, visit: (row: number) => void): void {
  if (set === null) for (let row = 0; row < table.size; row += 1) visit(row);
  else if (set.rows) for (let i = 0; i < set.rows.length; i += 1) visit(set.rows[i]!);
  else for (let row = 0; row < table.size; row += 1) if (set.mask[row]) visit(row);
}

/** Rows of `base` that pass every filter except the one for `skip` (a facet never narrows itself). */
export function applyFilters(
  table: CatalogTable,
  base: RowSet,
  filters: readonly FacetFilter[],
  skip?: FacetName,
): RowSet {
  const active = filters.filter((filter) => filter.facet !== skip);
  if (active.length === 0) return base;
  const mask = new Uint8Array(table.size);
  const list = base?.rows ?? null;
  const limit = list ? list.length : table.size;
  const found = new Uint32Array(base ? base.count : table.size);
  let count = 0;
  next: for (let i = 0; i < limit; i += 1) {
    const row = list ? list[i]! : i;
    if (base && !list && !base.mask[row]) continue;
    for (let f = 0; f < active.length; f += 1) if (!active[f]!.allowed[active[f]!.codes[row]!]) continue next;
    mask[row] = 1;
    found[count++] = row;
  }
  return { mask, count, rows: found.subarray(0, count) };
}

/** The rows of a view: search, month and every facet filter. */
export function viewRows(table: CatalogTable, request: ViewRequest, nowMs: number): RowSet {
  return applyFilters(table, baseRows(table, request), facetFilters(table, request.filters, nowMs));
}
