import { useRef, type KeyboardEvent } from 'react';

export interface ViewTab<Id extends string> {
  id: Id;
  label: string;
}

interface ViewTabsProps<Id extends string> {
  /** Names the tab list for assistive tech, e.g. "Workspace views". */
  label: string;
  /** Prefix for the tab and panel element ids (see tabElementId / panelElementId). */
  idPrefix: string;
  tabs: readonly ViewTab<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
}

export const tabElementId = (prefix: string, id: string) => `${prefix}-tab-${id}`;
export const panelElementId = (prefix: string, id: string) => `${prefix}-panel-${id}`;

/**
 * A WAI-ARIA tab list with automatic activation: one tab stop, Left/Right (wrapping), Home and End
 * move and select. The caller renders the panels with panelElementId and aria-labelledby.
 */
export function ViewTabs<Id extends string>({
  label,
  idPrefix,
  tabs,
  selected,
  onSelect,
}: ViewTabsProps<Id>) {
  const listRef = useRef<HTMLDivElement>(null);

  const moveTo = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab) return;
    onSelect(tab.id);
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(tabElementId(idPrefix, tab.id))}`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = tabs.findIndex((tab) => tab.id === selected);
    const targets: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  return (
    <div ref={listRef} className="view-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const isSelected = tab.id === selected;
        return (
          <button
            key={tab.id}
            id={tabElementId(idPrefix, tab.id)}
            type="button"
            role="tab"
            className="view-tab"
            aria-selected={isSelected}
            aria-controls={panelElementId(idPrefix, tab.id)}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
