import type { CatalogFilters, Cloud } from '@contract/index';
import type { FacetsRequest } from '../../../api/queries';
import { useCatalogFacets } from '../../../api/queries';
import { isCloud } from '../../../lib/clouds';
import { isStringArray, useLocalPref } from '../../../lib/local-pref';
import { activeFilterCount } from '../catalog-filters';
import { DeprecationFacet } from './deprecation-facet';
import { ListFacet } from './facet-section';
import { DEFAULT_OPEN, facetOptions, LIST_FACETS, type ListFacetDef } from './facet-defs';

interface FacetsPanelProps {
  search: string;
  filters: CatalogFilters;
  onFilters: (filters: CatalogFilters) => void;
}

/**
 * Every facet with its counts under the current search and the other facets' filters, so the
 * numbers say what ticking a value would leave. Which facets are open is a UI preference kept
 * in localStorage. When main cannot count (yet), filtering still works on known values.
 */
export function FacetsPanel({ search, filters, onFilters }: FacetsPanelProps) {
  const request: FacetsRequest = { search, filters };
  const facets = useCatalogFacets(request);
  const [openIds, setOpenIds] = useLocalPref('catalog.facets.open', [...DEFAULT_OPEN], isStringArray);
  const counted = facets.isSuccess;
  const toggleOpen = (id: string) =>
    setOpenIds(openIds.includes(id) ? openIds.filter((o) => o !== id) : [...openIds, id]);

  const setList = (def: ListFacetDef, values: string[]) => {
    if (def.filter === 'clouds') onFilters({ ...filters, clouds: values.filter(isCloud) as Cloud[] });
    else onFilters({ ...filters, [def.filter]: values });
  };
  const { deprecatesInMonth: month, ...withoutMonth } = filters;

  return (
    <section className="facets" role="region" aria-label="Filters">
      <div className="facets-head">
        <h2>Filters</h2>
        {facets.isFetching && <span className="muted facets-updating">counting…</span>}
      </div>
      {facets.isError && (
        <p className="facets-note">Counts are unavailable ({facets.error.message}). Filtering still works.</p>
      )}
      {LIST_FACETS.map((def) => {
        const selected = filters[def.filter];
        return (
          <ListFacet
            key={def.facet}
            label={def.label}
            options={facetOptions(def, facets.data, selected)}
            selected={selected}
            counted={counted && facets.data?.facets[def.facet] !== undefined}
            open={openIds.includes(def.facet)}
            onToggleOpen={() => toggleOpen(def.facet)}
            onChange={(values) => setList(def, values)}
          />
        );
      })}
      <DeprecationFacet
        value={filters.deprecated}
        month={month}
        facets={facets.data}
        open={openIds.includes('deprecation')}
        onToggleOpen={() => toggleOpen('deprecation')}
        onChange={(deprecated) => onFilters({ ...withoutMonth, deprecated })}
        onClearMonth={() => onFilters(withoutMonth)}
      />
      {activeFilterCount(filters) > 0 && (
        <p className="facets-foot muted">
          {activeFilterCount(filters)} {activeFilterCount(filters) === 1 ? 'filter' : 'filters'} applied
        </p>
      )}
    </section>
  );
}
