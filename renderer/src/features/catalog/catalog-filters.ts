import type { CatalogFilters } from '@contract/index';

export const NO_FILTERS: CatalogFilters = {
  clouds: [],
  accountIds: [],
  regions: [],
  owners: [],
  osFamilies: [],
  osVersions: [],
  architectures: [],
  visibilities: [],
  states: [],
  deprecated: 'any',
};

/** The filters that hold a list of chosen values (one per list facet). */
export type ListFilterKey = {
  [K in keyof CatalogFilters]-?: CatalogFilters[K] extends string[] ? K : never;
}[keyof CatalogFilters];

export const LIST_FILTER_KEYS: readonly ListFilterKey[] = [
  'clouds',
  'accountIds',
  'regions',
  'owners',
  'osFamilies',
  'osVersions',
  'architectures',
  'visibilities',
  'states',
];

/** How many filters narrow the view (for the Filters button and "Clear filters"). */
export function activeFilterCount(filters: CatalogFilters): number {
  const lists = LIST_FILTER_KEYS.filter((key) => filters[key].length > 0).length;
  return lists + (filters.deprecated !== 'any' ? 1 : 0) + (filters.deprecatesInMonth ? 1 : 0);
}

export const isFiltered = (search: string, filters: CatalogFilters) =>
  search.trim() !== '' || activeFilterCount(filters) > 0;

const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonthFormat = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });

/** "2025-03" → "March 2025" (or the text itself when it is not a month). */
export function formatMonth(month: string, short = false): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return short ? shortMonthFormat.format(date) : monthFormat.format(date);
}
