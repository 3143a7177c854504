import type { CatalogFacets, Cloud, FacetName, FacetValue } from '@contract/index';
import { CODED_FACETS, type CatalogTable, type CodedFacet } from './catalog-rows';
import {
  baseRows,
  DEPRECATION_CODES,
  deprecationCodes,
  facetFilters,
  SOON_DAYS,
  type FacetFilter,
  type RowSet,
  type ViewRequest,
} from './catalog-filter';

/** Values beyond this many per facet are left out (selected values are always kept). */
export const MAX_FACET_VALUES = 500;

export const CLOUD_LABELS: Record<Cloud, string> = {
  aws: 'AWS',
  gcp: 'Google Cloud',
  azure: 'Azure',
  openstack: 'OpenStack',
  vmware: 'VMware',
};

const OS_LABELS: Record<string, string> = {
  almalinux: 'AlmaLinux',
  amzn: 'Amazon Linux',
  centos: 'CentOS',
  cos: 'Container-Optimized OS',
  debian: 'Debian',
  fedora: 'Fedora',
  freebsd: 'FreeBSD',
  opensuse: 'openSUSE',
  rhel: 'Red Hat Enterprise Linux',
  rocky: 'Rocky Linux',
  sles: 'SUSE Linux Enterprise Server',
  ubuntu: 'Ubuntu',
  unknown: 'Unknown',
  windows: 'Windows',
};

const SELECTED_OF: Record<CodedFacet, (request: ViewRequest) => readonly string[]> = {
  cloud: (r) => r.filters.clouds,
  account: (r) => r.filters.accountIds,
  location: (r) => r.filters.regions,
  owner: (r) => r.filters.owners,
  osFamily: (r) => r.filters.osFamilies,
  osVersion: (r) => r.filters.osVersions,
  architecture: (r) => r.filters.architectures,
  visibility: (r) => r.filters.visibilities,
  state: (r) => r.filters.states,
};

/**
 * Counts per facet value under the search and every OTHER facet's filter: a facet never narrows
 * itself, so choosing "us-east-1" still shows how many images the other regions hold. One pass:
 * a row failing no filter counts in every facet, a row failing exactly one counts only in that one.
 */
export function computeFacets(
  table: CatalogTable,
  request: ViewRequest,
  nowMs: number,
  accountNames: ReadonlyMap<string, string>,
): CatalogFacets {
  const filters = facetFilters(table, request.filters, nowMs);
  const base = baseRows(table, request);
  // The whole catalog, unfiltered, is what every session opens with: counted once a minute.
  const { counts, deprecationCounts } =
    base === null && filters.length === 0
      ? unfilteredCounts(table, nowMs)
      : countFacets(table, base, filters, nowMs);
  const facets = {} as Record<FacetName, FacetValue[]>;
  const labelOf = labelsFor(table, accountNames);
  CODED_FACETS.forEach((facet, k) => {
    const selected = SELECTED_OF[facet](request);
    const values = table.facets[facet].values;
    const listed = values
      .map((value, code) => ({ value, label: labelOf[facet](value, code), count: counts[k]![code]! }))
      .filter((entry) => entry.count > 0 || selected.includes(entry.value))
      .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    const kept = listed.slice(0, MAX_FACET_VALUES);
    for (const entry of listed.slice(MAX_FACET_VALUES)) if (selected.includes(entry.value)) kept.push(entry);
    // Chosen values that no cached image has (any more) still show, with 0, so they can be unticked.
    for (const value of selected)
      if (!values.includes(value)) kept.push({ value, label: labelOf[facet](value, -1), count: 0 });
    facets[facet] = kept;
  });
  // Values are what the `deprecated` filter takes, so choosing one sets it directly.
  facets.deprecation = [
    { value: 'only', label: 'Deprecated', count: deprecationCounts[DEPRECATION_CODES.past]! },
    {
      value: 'soon',
      label: `Deprecating within ${SOON_DAYS} days`,
      count: deprecationCounts[DEPRECATION_CODES.soon]!,
    },
    {
      value: 'exclude',
      label: 'Not deprecated',
      count: deprecationCounts[DEPRECATION_CODES.none]! + deprecationCounts[DEPRECATION_CODES.soon]!,
    },
  ];
  return { facets };
}

type Labeller = (value: string, code: number) => string;

function labelsFor(
  table: CatalogTable,
  accountNames: ReadonlyMap<string, string>,
): Record<CodedFacet, Labeller> {
  const plain: Labeller = (value) => value || 'Not specified';
  return {
    cloud: (value) => CLOUD_LABELS[value as Cloud] ?? value,
    account: (value) => accountNames.get(value) ?? value,
    location: plain,
    owner: (value, code) => (code >= 0 ? ownerAliases(table)[code] : '') || value,
    osFamily: (value) => OS_LABELS[value] ?? value,
    osVersion: plain,
    architecture: plain,
    visibility: (value) => (value ? value[0]!.toUpperCase() + value.slice(1) : 'Not specified'),
    state: plain,
  };
}

/** Per owner code, the alias its images carry ("amazon"), or ''. */
function ownerAliases(table: CatalogTable): string[] {
  return table.remember('ownerAliases', () => {
    const owners = table.facets.owner;
    const aliases = table.coded('ownerAlias');
    const out = owners.values.map(() => '');
    for (let row = 0; row < table.size; row += 1) {
      const alias = aliases.values[aliases.codes[row]!]!;
      if (alias) out[owners.codes[row]!] = alias;
    }
    return out;
  });
}

const unfiltered = new WeakMap<CatalogTable, { minute: number; counts: ReturnType<typeof countFacets> }>();

function unfilteredCounts(table: CatalogTable, nowMs: number): ReturnType<typeof countFacets> {
  const minute = Math.floor(nowMs / 60_000);
  const memo = unfiltered.get(table);
  if (memo?.minute === minute) return memo.counts;
  const counts = countFacets(table, null, [], nowMs);
  unfiltered.set(table, { minute, counts });
  return counts;
}

/**
 * One pass per filter marks each row: 0 = passes every filter, j+1 = fails only filter j, 255 =
 * fails more. Then one tight loop per facet counts the rows that pass all filters but (at most)
 * its own. Column at a time: a million rows take a few milliseconds per facet.
 */
function countFacets(table: CatalogTable, base: RowSet, filters: readonly FacetFilter[], nowMs: number) {
  const list = base?.rows ?? null;
  const mask = base?.mask ?? null;
  const limit = list ? list.length : table.size;
  const state = filters.length > 0 ? new Uint8Array(table.size) : null;
  filters.forEach(({ codes, allowed }, j) => {
    for (let i = 0; i < limit; i += 1) {
      const row = list ? list[i]! : i;
      if (!allowed[codes[row]!]) state![row] = state![row] === 0 ? j + 1 : 255;
    }
  });
  const count = (codes: ArrayLike<number>, into: Uint32Array, facet: FacetName): void => {
    const own = filters.findIndex((filter) => filter.facet === facet) + 1;
    for (let i = 0; i < limit; i += 1) {
      const row = list ? list[i]! : i;
      if (mask && !list && !mask[row]) continue;
      if (state && state[row] !== 0 && state[row] !== own) continue;
      into[codes[row]!]! += 1;
    }
  };
  const counts = CODED_FACETS.map((facet) => {
    const into = new Uint32Array(table.facets[facet].values.length);
    count(table.facets[facet].codes, into, facet);
    return into;
  });
  const deprecationCounts = new Uint32Array(3);
  count(deprecationCodes(table, nowMs), deprecationCounts, 'deprecation');
  return { counts, deprecationCounts };
}
