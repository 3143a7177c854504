import { useId } from 'react';
import type { CatalogFacets } from '@contract/index';
import { formatCount } from '../../../lib/format';
import { formatMonth } from '../catalog-filters';
import { FacetDisclosure } from './facet-section';
import { DEPRECATION_CHOICES, deprecationCounts, type DeprecationChoice } from './facet-defs';

interface DeprecationFacetProps {
  value: DeprecationChoice;
  /** A month picked on the timeline, shown here so it can be cleared where filters live. */
  month: string | undefined;
  facets: CatalogFacets | undefined;
  open: boolean;
  onToggleOpen: () => void;
  onChange: (value: DeprecationChoice) => void;
  onClearMonth: () => void;
}

/** One choice: any, ending within 90 days, deprecated, or not deprecated, each with its count. */
export function DeprecationFacet(props: DeprecationFacetProps) {
  const { value, month, facets, open, onToggleOpen, onChange, onClearMonth } = props;
  const baseId = useId();
  const counts = deprecationCounts(facets);
  const label = DEPRECATION_CHOICES.find((choice) => choice.value === value)?.label ?? value;
  const summary = month ? `${formatMonth(month)}` : value === 'any' ? 'any' : label.toLowerCase();
  return (
    <FacetDisclosure
      label="Deprecation"
      summary={summary}
      open={open}
      active={value !== 'any' || Boolean(month)}
      onToggle={onToggleOpen}
    >
      {(panelId) => (
        <div id={panelId} className="facet-options" role="radiogroup" aria-label="Deprecation filter">
          {DEPRECATION_CHOICES.map((choice) => {
            const count = counts[choice.value];
            const countId = `${baseId}-${choice.value}`;
            return (
              <div key={choice.value} className="facet-option">
                <label className="facet-label">
                  <input
                    type="radio"
                    name={`${baseId}-deprecation`}
                    checked={value === choice.value && !month}
                    aria-describedby={count === undefined ? undefined : countId}
                    onChange={() => onChange(choice.value)}
                  />
                  <span className="facet-value">{choice.label}</span>
                </label>
                {count !== undefined && (
                  <span id={countId} className="facet-count">
                    {formatCount(count)}
                    <span className="visually-hidden"> images</span>
                  </span>
                )}
              </div>
            );
          })}
          {month && (
            <div className="facet-month">
              <span>Deprecating in {formatMonth(month)}</span>
              <button type="button" className="button-small button-quiet" onClick={onClearMonth}>
                Clear month
              </button>
            </div>
          )}
        </div>
      )}
    </FacetDisclosure>
  );
}
