import type { CatalogFacets, CatalogFilters, FacetName, FacetValue } from '@contract/index';
import { CLOUD_LABEL, CLOUDS } from '../../../lib/clouds';
import type { ListFilterKey } from '../catalog-filters';

export interface ListFacetDef {
  facet: Exclude<FacetName, 'deprecation'>;
  filter: ListFilterKey;
  label: string;
  /** Values to offer when main cannot count (facets failed): only where the set is fixed. */
  known?: FacetValue[];
}

const known = (values: readonly string[], label: (value: string) => string = (v) => v): FacetValue[] =>
  values.map((value) => ({ value, label: label(value), count: 0 }));

/** The list facets in sidebar order; each narrows the filter of the same meaning. */
export const LIST_FACETS: ListFacetDef[] = [
  { facet: 'cloud', filter: 'clouds', label: 'Cloud', known: known(CLOUDS, (c) => CLOUD_LABEL[c as 'aws']) },
  { facet: 'account', filter: 'accountIds', label: 'Account' },
  { facet: 'location', filter: 'regions', label: 'Region' },
  { facet: 'owner', filter: 'owners', label: 'Owner' },
  { facet: 'osFamily', filter: 'osFamilies', label: 'OS' },
  { facet: 'osVersion', filter: 'osVersions', label: 'OS version' },
  { facet: 'architecture', filter: 'architectures', label: 'Architecture' },
  {
    facet: 'visibility',
    filter: 'visibilities',
    label: 'Visibility',
    known: known(['public', 'private', 'shared', 'community']),
  },
  { facet: 'state', filter: 'states', label: 'State' },
];

/** Facets open when the user has not chosen yet: the ones with few values and the most use. */
export const DEFAULT_OPEN: readonly string[] = ['cloud', 'osFamily', 'deprecation'];

/**
 * The values to list for a facet: main's counts, or the fixed set when counts are unavailable,
 * and always every selected value (at 0 when nothing matches it any more), so it can be unticked.
 */
export function facetOptions(
  def: ListFacetDef,
  facets: CatalogFacets | undefined,
  selected: string[],
): FacetValue[] {
  const counted = facets?.facets[def.facet]?.map((option) => ({
    ...option,
    label: def.known?.find((k) => k.value === option.value)?.label ?? option.label,
  }));
  const base = counted ?? def.known ?? [];
  const missing = selected
    .filter((value) => !base.some((option) => option.value === value))
    .map((value) => ({ value, label: def.known?.find((k) => k.value === value)?.label ?? value, count: 0 }));
  return [...base, ...missing];
}

export type DeprecationChoice = CatalogFilters['deprecated'];

export const DEPRECATION_CHOICES: { value: DeprecationChoice; label: string }[] = [
  { value: 'any', label: 'Any' },
  { value: 'soon', label: 'Ending in 90 days' },
  { value: 'only', label: 'Deprecated' },
  { value: 'exclude', label: 'Not deprecated' },
];

/** Main's words for the deprecation facet's values, mapped to the filter's. */
const DEPRECATION_ALIASES: Record<string, DeprecationChoice> = {
  only: 'only',
  deprecated: 'only',
  soon: 'soon',
  'ending-soon': 'soon',
  exclude: 'exclude',
  active: 'exclude',
  'not-deprecated': 'exclude',
  none: 'exclude',
};

/** Counts per deprecation choice, from the facet; "any" is the sum when main does not give it. */
export function deprecationCounts(
  facets: CatalogFacets | undefined,
): Partial<Record<DeprecationChoice, number>> {
  const values = facets?.facets.deprecation;
  if (!values) return {};
  const counts: Partial<Record<DeprecationChoice, number>> = {};
  for (const { value, count } of values) {
    const choice = DEPRECATION_ALIASES[value] ?? (value === 'any' || value === 'all' ? 'any' : undefined);
    if (choice) counts[choice] = (counts[choice] ?? 0) + count;
  }
  // Deprecated and not deprecated split the view in two, so together they are "any".
  if (counts.any === undefined && counts.only !== undefined && counts.exclude !== undefined) {
    counts.any = counts.only + counts.exclude;
  }
  return counts;
}
