import { useRef, useState } from 'react';
import { ImportRepositoryButton } from '../lifecycle/import-repository-button';
import type { ScopeOption } from './model/registry-format';
import { RegistryExportMenu } from './registry-export-menu';
import { RegistryImportDialog } from './registry-import-dialog';

interface RegistryToolbarProps {
  search: string;
  onSearch: (text: string) => void;
  scopes: readonly ScopeOption[];
  scope: string;
  onScope: (value: string) => void;
  selectedIds: readonly string[];
  /** Absent when no wizard host is mounted. */
  onRegister: (() => void) | undefined;
}

/** Search, which scope's view to show, and the registry's own actions: register, export, import. */
export function RegistryToolbar(props: RegistryToolbarProps) {
  const { search, onSearch, scopes, scope, onScope, selectedIds, onRegister } = props;
  const fileRef = useRef<HTMLInputElement>(null);
  const [importing, setImporting] = useState<{ fileName: string; content: string } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);

  const onFile = async (file: File | undefined) => {
    setReadError(null);
    if (!file) return;
    try {
      setImporting({ fileName: file.name, content: await file.text() });
    } catch {
      setReadError(`Could not read ${file.name}: choose a registry file exported from Hangar.`);
    }
  };

  return (
    <div className="catalog-toolbar registry-toolbar">
      <div role="search" className="registry-search">
        <label className="visually-hidden" htmlFor="registry-search">
          Search records
        </label>
        <input
          id="registry-search"
          type="search"
          className="search-input"
          placeholder="Search name, alias, OS, tags, image ids…"
          value={search}
          onChange={(event) => onSearch(event.target.value)}
        />
      </div>
      <label className="inline-field">
        <span>Scope</span>
        <select value={scope} onChange={(event) => onScope(event.target.value)}>
          {scopes.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <span className="spacer" />
      {onRegister && (
        <button type="button" className="button-primary" onClick={onRegister}>
          Register image…
        </button>
      )}
      <RegistryExportMenu selectedIds={selectedIds} />
      <button type="button" onClick={() => fileRef.current?.click()}>
        Import…
      </button>
      <ImportRepositoryButton />
      <input
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Registry file to import"
        onChange={(event) => {
          void onFile(event.target.files?.[0]);
          // Choosing the same file again must fire change again.
          event.target.value = '';
        }}
      />
      {readError && (
        <p className="field-error" role="alert">
          {readError}
        </p>
      )}
      {importing && (
        <RegistryImportDialog
          fileName={importing.fileName}
          content={importing.content}
          onClose={() => setImporting(null)}
        />
      )}
    </div>
  );
}
