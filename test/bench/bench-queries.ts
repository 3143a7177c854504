import type { CatalogFilters, CatalogQuery, SortColumn } from '@contract/index';

export interface BenchQuery {
  label: string;
  search?: string;
  filters?: Partial<CatalogFilters>;
  sort?: { column: SortColumn; direction: 'asc' | 'desc' };
  offset?: number;
}

/** Every prefix of a phrase, as someone types it (each keystroke is a query, no debounce assumed). */
const typing = (phrase: string): BenchQuery[] =>
  Array.from(phrase, (_char, i) => phrase.slice(0, i + 1))
    .filter((prefix) => !prefix.endsWith(' '))
    .map((prefix) => ({ label: `type "${prefix}"`, search: prefix }));

/**
 * The fixed query mix: typing, whole-word and id searches, tag searches, facet filters, the
 * timeline's month, sorts by every kind of column, and a deep page. The same list at every scale.
 */
export function queryMix(month: string): BenchQuery[] {
  return [
    { label: 'first page (default sort)' },
    ...typing('ubuntu noble'),
    ...typing('windows 2022'),
    { label: 'search al2023 arm64', search: 'al2023 arm64' },
    { label: 'search rhel 9.4', search: 'rhel 9.4' },
    { label: 'search fortigate', search: 'fortigate' },
    { label: 'search cis hardened', search: 'cis hardened' },
    { label: 'search id prefix', search: 'ami-0a1b' },
    { label: 'search tag', search: 'team=payments' },
    { label: 'search gcp family', search: 'debian-12' },
    { label: 'search no match', search: 'zzqx-nothing' },
    { label: 'search + region filter', search: 'ubuntu', filters: { regions: ['eu-west-1'] } },
    { label: 'filter cloud gcp', filters: { clouds: ['gcp'] } },
    { label: 'filter ubuntu arm64', filters: { osFamilies: ['ubuntu'], architectures: ['arm64'] } },
    { label: 'filter deprecated soon', filters: { deprecated: 'soon' } },
    { label: 'filter deprecated exclude', search: 'windows', filters: { deprecated: 'exclude' } },
    { label: 'filter timeline month', filters: { deprecatesInMonth: month } },
    { label: 'sort name asc (first)', sort: { column: 'name', direction: 'asc' } },
    { label: 'sort name desc', sort: { column: 'name', direction: 'desc' } },
    { label: 'search sorted by name', search: 'bitnami', sort: { column: 'name', direction: 'asc' } },
    { label: 'sort createdAt asc', sort: { column: 'createdAt', direction: 'asc' } },
    { label: 'sort deprecatesAt asc', sort: { column: 'deprecatesAt', direction: 'asc' } },
    { label: 'sort owner', sort: { column: 'ownerId', direction: 'asc' } },
    { label: 'sort osFamily', sort: { column: 'osFamily', direction: 'desc' } },
    { label: 'sort cloud', sort: { column: 'cloud', direction: 'asc' } },
    { label: 'sort cloudId (first)', sort: { column: 'cloudId', direction: 'asc' } },
    { label: 'deep page', search: 'amazon', offset: 20_000 },
  ];
}

export function toQuery(query: BenchQuery): Omit<CatalogQuery, 'workspaceId'> {
  return {
    search: query.search ?? '',
    filters: query.filters ?? {},
    ...(query.sort ? { sort: query.sort } : {}),
    offset: query.offset ?? 0,
    limit: 100,
  };
}
