import { useMemo, useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { plural } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useWorkspaces } from '../workspaces/workspace-context';
import { BulkActions } from './bulk-actions';
import { RecordPanel } from './record-panel';
import { useRegistryActions } from './registry-actions';
import { pruneSelection, scopeOptions, WORKSPACE_SCOPE } from './model/registry-format';
import { useRegistryList } from './registry-queries';
import { RegistryTable } from './registry-table';
import { RegistryToolbar } from './registry-toolbar';

interface RegistryViewProps {
  /** The record open in the side panel (owned above, so other views can open one). */
  recordId: string | null;
  onRecord: (recordId: string | null) => void;
}

/** The workspace's image registry: search, scope, bulk actions, the records and one record's panel. */
export function RegistryView({ recordId, onRecord }: RegistryViewProps) {
  const { current } = useWorkspaces();
  const actions = useRegistryActions();
  const [searchInput, setSearchInput] = useState('');
  const search = useDebouncedValue(searchInput, 200).trim();
  const [scope, setScope] = useState(WORKSPACE_SCOPE);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());

  const scopes = useMemo(() => scopeOptions(current?.environments ?? []), [current]);
  const environmentId = scopes.find((option) => option.value === scope)?.environmentId ?? null;
  const list = useRegistryList(environmentId, search);
  const records = useMemo(() => list.data ?? [], [list.data]);

  // Only what is listed can be acted on: a narrower search or a deleted record leaves the selection.
  const selected = useMemo(
    () =>
      pruneSelection(
        checked,
        records.map((r) => r.id),
      ),
    [checked, records],
  );
  const selectedIds = [...selected];
  const filtered = search !== '' || environmentId !== null;

  return (
    <div className={`registry ${recordId ? 'has-details' : ''}`}>
      <div className="registry-main">
        <RegistryToolbar
          search={searchInput}
          onSearch={setSearchInput}
          scopes={scopes}
          scope={scope}
          onScope={setScope}
          selectedIds={selectedIds}
          onRegister={actions ? () => actions.register() : undefined}
        />
        {selectedIds.length > 0 && (
          <BulkActions selectedIds={selectedIds} onClear={() => setChecked(new Set())} />
        )}
        <div className="catalog-status">
          <span role="status" aria-live="polite">
            {list.data ? plural(records.length, 'record') : list.isPending ? 'Loading the registry…' : ''}
          </span>
          {list.isFetching && list.data && <span className="muted"> · updating…</span>}
        </div>
        {list.isError && <ErrorMessage error={list.error} context="Could not load the registry" />}
        {list.data && records.length === 0 ? (
          <div className="empty-state">
            <h2>{filtered ? 'No record matches' : 'No images registered yet'}</h2>
            <p>
              {filtered
                ? 'Try another search, or another scope.'
                : 'Register an image to give your team one name for it in every cloud and location.'}
            </p>
            {!filtered && actions && (
              <button type="button" className="button-primary" onClick={() => actions.register()}>
                Register an image
              </button>
            )}
          </div>
        ) : (
          <RegistryTable
            records={records}
            selected={selected}
            onSelected={setChecked}
            openedId={recordId}
            onOpen={onRecord}
            stale={list.isPlaceholderData}
          />
        )}
      </div>
      {recordId && <RecordPanel recordId={recordId} onClose={() => onRecord(null)} />}
    </div>
  );
}
