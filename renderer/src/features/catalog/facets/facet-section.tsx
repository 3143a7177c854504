import { useId, useState, type ReactNode } from 'react';
import type { FacetValue } from '@contract/index';
import { formatCount } from '../../../lib/format';

const SHORT_LIST = 8;

interface FacetDisclosureProps {
  label: string;
  summary: string;
  open: boolean;
  active: boolean;
  onToggle: () => void;
  children: (panelId: string) => ReactNode;
}

/** A facet's header: "Region: any", a disclosure button that shows or hides its values. */
export function FacetDisclosure({ label, summary, open, active, onToggle, children }: FacetDisclosureProps) {
  const panelId = useId();
  return (
    <section className={`facet ${active ? 'is-active' : ''}`}>
      <h3 className="facet-head">
        <button
          type="button"
          className="facet-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={onToggle}
        >
          <span aria-hidden="true" className="facet-caret">
            {open ? '▾' : '▸'}
          </span>
          {label}: <span className="facet-summary">{summary}</span>
        </button>
      </h3>
      {open && children(panelId)}
    </section>
  );
}

interface ListFacetProps {
  label: string;
  options: FacetValue[];
  selected: string[];
  /** False when main could not count: values are listed without numbers. */
  counted: boolean;
  open: boolean;
  onToggleOpen: () => void;
  onChange: (selected: string[]) => void;
}

/** A multi-select facet: a checkbox per value with its count under the other filters. */
export function ListFacet({
  label,
  options,
  selected,
  counted,
  open,
  onToggleOpen,
  onChange,
}: ListFacetProps) {
  const [showAll, setShowAll] = useState(false);
  const countId = useId();
  const summary =
    selected.length === 0
      ? 'any'
      : selected.length === 1
        ? (options.find((o) => o.value === selected[0])?.label ?? selected[0] ?? '')
        : `${selected.length} selected`;
  const shown = showAll
    ? options
    : options.filter((option, index) => index < SHORT_LIST || selected.includes(option.value));
  const toggle = (value: string) =>
    onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);

  return (
    <FacetDisclosure
      label={label}
      summary={summary}
      open={open}
      active={selected.length > 0}
      onToggle={onToggleOpen}
    >
      {(panelId) => (
        <div id={panelId} className="facet-options" role="group" aria-label={`${label} filter`}>
          {options.length === 0 && <p className="muted facet-empty">Nothing to choose yet.</p>}
          {shown.map((option, index) => {
            const checked = selected.includes(option.value);
            const id = `${countId}-${index}`;
            return (
              <div
                key={option.value}
                className={`facet-option ${option.count === 0 && counted ? 'is-zero' : ''}`}
              >
                <label className="facet-label" title={option.value}>
                  <input
                    type="checkbox"
                    checked={checked}
                    aria-describedby={counted ? id : undefined}
                    onChange={() => toggle(option.value)}
                  />
                  <span className="facet-value">{option.label}</span>
                </label>
                {counted && (
                  <span id={id} className="facet-count">
                    {formatCount(option.count)}
                    <span className="visually-hidden"> images</span>
                  </span>
                )}
              </div>
            );
          })}
          <div className="facet-actions">
            {options.length > shown.length && (
              <button type="button" className="button-small button-quiet" onClick={() => setShowAll(true)}>
                Show all {formatCount(options.length)}
              </button>
            )}
            {selected.length > 0 && (
              <button type="button" className="button-small button-quiet" onClick={() => onChange([])}>
                Clear {label.toLowerCase()}
              </button>
            )}
          </div>
        </div>
      )}
    </FacetDisclosure>
  );
}
