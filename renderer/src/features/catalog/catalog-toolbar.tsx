import { useEffect, useRef } from 'react';
import { ColumnChooser } from './column-chooser';
import { ExportMenu } from './export-menu';
import type { CatalogMode } from './use-catalog-state';
import type { CatalogView } from './use-catalog-rows';

interface CatalogToolbarProps {
  search: string;
  onSearch: (text: string) => void;
  view: CatalogView;
  mode: CatalogMode;
  onMode: (mode: CatalogMode) => void;
  filtersOpen: boolean;
  activeFilters: number;
  onToggleFilters: () => void;
  columns: readonly string[];
  onColumns: (ids: string[]) => void;
  grouped: boolean;
  onGrouped: (grouped: boolean) => void;
  /** Show "Clear filters" here (the empty state shows its own when nothing matches). */
  showClear: boolean;
  onClear: () => void;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

const MODES: { mode: CatalogMode; label: string }[] = [
  { mode: 'table', label: 'Table' },
  { mode: 'timeline', label: 'Timeline' },
];

/**
 * Search, the view switch and the view's options above the catalog. `/` or Ctrl+F jumps to the
 * search box. (Ctrl/Cmd+K stays free for the command palette.)
 */
export function CatalogToolbar(props: CatalogToolbarProps) {
  const { search, onSearch, view, mode, onMode, filtersOpen, activeFilters, onToggleFilters } = props;
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const find = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f';
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !isTyping(event.target);
      if (!find && !slash) return;
      // A modal is open: the shell is inert and the shortcut must not reach behind it.
      if (searchRef.current?.closest('[inert]')) return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="catalog-toolbar" role="search">
      <label className="visually-hidden" htmlFor="catalog-search">
        Search images
      </label>
      <input
        ref={searchRef}
        id="catalog-search"
        className="search-input"
        type="search"
        placeholder="Search images (/ or Ctrl+F)"
        value={search}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onSearch(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && search) onSearch('');
        }}
      />
      <button
        type="button"
        className={`menu-button ${activeFilters ? 'is-active' : ''}`}
        aria-expanded={filtersOpen}
        onClick={onToggleFilters}
      >
        Filters{activeFilters ? ` (${activeFilters})` : ''}
      </button>
      {props.showClear && (
        <button type="button" className="button-quiet" onClick={props.onClear}>
          Clear filters
        </button>
      )}
      <span className="spacer" />
      <div className="segmented" role="group" aria-label="View">
        {MODES.map((option) => (
          <button
            key={option.mode}
            type="button"
            aria-pressed={mode === option.mode}
            onClick={() => onMode(option.mode)}
          >
            {option.label}
          </button>
        ))}
      </div>
      {mode === 'table' && (
        <>
          <label className="inline-check">
            <input
              type="checkbox"
              checked={props.grouped}
              onChange={(event) => props.onGrouped(event.target.checked)}
            />
            Group by family
          </label>
          <ColumnChooser shown={props.columns} onChange={props.onColumns} />
        </>
      )}
      <ExportMenu view={view} />
    </div>
  );
}
