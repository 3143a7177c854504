import { useEffect, useRef } from 'react';
import type { CatalogFacets, CatalogFilters } from '@contract/index';
import { MultiSelectMenu } from '../../components/multi-select-menu';

interface CatalogToolbarProps {
  search: string;
  onSearch: (text: string) => void;
  filters: CatalogFilters;
  onFilters: (filters: CatalogFilters) => void;
  facets: CatalogFacets | undefined;
  /** Show "Clear filters" here (the empty state shows its own when nothing matches). */
  showClear: boolean;
  onClear: () => void;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** Search and facet filters above the grid. `/` or Ctrl+F jumps to the search box. */
export function CatalogToolbar({
  search,
  onSearch,
  filters,
  onFilters,
  facets,
  showClear,
  onClear,
}: CatalogToolbarProps) {
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

  const set = <K extends keyof CatalogFilters>(key: K, value: CatalogFilters[K]) =>
    onFilters({ ...filters, [key]: value });

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
      <MultiSelectMenu
        label="Account"
        options={(facets?.accounts ?? []).map((a) => ({ value: a.id, label: a.name }))}
        selected={filters.accountIds}
        onChange={(v) => set('accountIds', v)}
      />
      <MultiSelectMenu
        label="Region"
        options={(facets?.regions ?? []).map((r) => ({ value: r, label: r }))}
        selected={filters.regions}
        onChange={(v) => set('regions', v)}
      />
      <MultiSelectMenu
        label="Owner"
        options={(facets?.owners ?? []).map((o) => ({
          value: o.id,
          label: o.alias ? `${o.alias} (${o.id})` : o.id,
        }))}
        selected={filters.owners}
        onChange={(v) => set('owners', v)}
      />
      <MultiSelectMenu
        label="Architecture"
        options={(facets?.architectures ?? []).map((a) => ({ value: a, label: a }))}
        selected={filters.architectures}
        onChange={(v) => set('architectures', v)}
      />
      <label className="inline-field">
        <span>Deprecated</span>
        <select
          value={filters.deprecated}
          onChange={(event) => set('deprecated', event.target.value as CatalogFilters['deprecated'])}
        >
          <option value="any">Any</option>
          <option value="only">Only deprecated</option>
          <option value="exclude">Hide deprecated</option>
        </select>
      </label>
      {showClear && (
        <button type="button" className="button-quiet" onClick={onClear}>
          Clear filters
        </button>
      )}
    </div>
  );
}
