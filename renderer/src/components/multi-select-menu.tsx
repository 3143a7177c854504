import { useEffect, useId, useRef, useState } from 'react';

export interface MenuOption {
  value: string;
  label: string;
}

interface MultiSelectMenuProps {
  /** The facet name, e.g. "Region": names the button and the checkbox group. */
  label: string;
  options: MenuOption[];
  selected: string[];
  onChange: (selected: string[]) => void;
}

/**
 * A compact filter: a toolbar button ("Region: any", "Region: 2") that opens a checkbox list.
 * Checkboxes rather than a custom listbox, so it stays keyboard- and screen-reader-native.
 */
export function MultiSelectMenu({ label, options, selected, onChange }: MultiSelectMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const toggle = (value: string) =>
    onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);

  const summary =
    selected.length === 0
      ? 'any'
      : selected.length === 1
        ? (options.find((o) => o.value === selected[0])?.label ?? selected[0])
        : `${selected.length} selected`;

  return (
    <div
      className="menu"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={`menu-button ${selected.length ? 'is-active' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {label}: {summary} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div id={panelId} className="menu-panel" role="group" aria-label={`${label} filter`}>
          {options.length === 0 && <p className="muted">Nothing to choose yet.</p>}
          {options.map((option) => (
            <label key={option.value} className="menu-option">
              <input
                type="checkbox"
                checked={selected.includes(option.value)}
                onChange={() => toggle(option.value)}
              />
              <span>{option.label}</span>
            </label>
          ))}
          {selected.length > 0 && (
            <button type="button" className="button-quiet" onClick={() => onChange([])}>
              Clear {label.toLowerCase()}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
