import type { CatalogPage, CatalogQueryParsed, SortColumn } from '@contract/index';
import type { IndexedRow } from './catalog-rows';

/**
 * Search, filter, sort and page in main, so the renderer only ever receives the rows it shows.
 * Every search term must match (AND); each term matches anywhere in name, description, id or owner.
 */
export function runCatalogQuery(rows: readonly IndexedRow[], query: CatalogQueryParsed): CatalogPage {
  const matches = rows.filter(matcherFor(query));
  matches.sort(comparatorFor(query.sort.column, query.sort.direction));
  return {
    rows: matches.slice(query.offset, query.offset + query.limit).map((row) => row.summary),
    offset: query.offset,
    total: matches.length,
    catalogSize: rows.length,
  };
}

function matcherFor(query: CatalogQueryParsed): (row: IndexedRow) => boolean {
  const terms = query.search.toLowerCase().split(/\s+/).filter(Boolean);
  const { accountIds, regions, owners, architectures, deprecated } = query.filters;
  const accountSet = new Set(accountIds);
  const regionSet = new Set(regions);
  const ownerSet = new Set(owners);
  const archSet = new Set(architectures);
  return (row) => {
    const image = row.summary;
    if (accountSet.size && !accountSet.has(image.accountId)) return false;
    if (regionSet.size && !regionSet.has(image.location)) return false;
    if (ownerSet.size && !ownerSet.has(image.ownerId)) return false;
    if (archSet.size && !archSet.has(image.architecture)) return false;
    if (deprecated === 'only' && !image.deprecated) return false;
    if (deprecated === 'exclude' && image.deprecated) return false;
    return terms.every((term) => row.haystack.includes(term));
  };
}

type Comparator = (a: IndexedRow, b: IndexedRow) => number;

function comparatorFor(column: SortColumn, direction: 'asc' | 'desc'): Comparator {
  const sign = direction === 'asc' ? 1 : -1;
  const byKey = baseComparator(column);
  const missing = missingDateOf(column);
  return (a, b) => {
    // Images without the date sort last in either direction: they carry no order.
    const missingOrder = missing ? Number(missing(a)) - Number(missing(b)) : 0;
    // Ties fall back to the key so paging is stable between requests.
    return missingOrder || sign * byKey(a, b) || compareText(a.summary.key, b.summary.key);
  };
}

function missingDateOf(column: SortColumn): ((row: IndexedRow) => boolean) | null {
  if (column === 'createdAt') return (row) => !Number.isFinite(row.createdMs);
  if (column === 'deprecatesAt') return (row) => !Number.isFinite(row.deprecatesMs);
  return null;
}

function baseComparator(column: SortColumn): Comparator {
  switch (column) {
    case 'createdAt':
      return (a, b) => compareNumbers(a.createdMs, b.createdMs);
    case 'deprecatesAt':
      return (a, b) => compareNumbers(a.deprecatesMs, b.deprecatesMs);
    case 'name':
      return (a, b) => compareText(a.sortName, b.sortName);
    case 'ownerId':
      return (a, b) =>
        compareText(a.summary.ownerAlias ?? a.summary.ownerId, b.summary.ownerAlias ?? b.summary.ownerId);
    case 'osFamily':
      return (a, b) =>
        compareText(a.summary.osFamily, b.summary.osFamily) ||
        compareText(a.summary.osVersion ?? '', b.summary.osVersion ?? '');
    default:
      return (a, b) => compareText(a.summary[column], b.summary[column]);
  }
}

function compareNumbers(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return 0;
  return a - b;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
