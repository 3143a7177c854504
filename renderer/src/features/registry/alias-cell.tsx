import { useState, type KeyboardEvent } from 'react';
import type { RegistryRecord } from '@contract/index';
import { useApi } from '../../api/api-context';
import { useWorkspaceId } from '../../api/workspace-scope';
import { displayName } from './model/registry-format';
import { useInvalidateRegistry } from './registry-queries';
import { useAction } from './use-action';

interface AliasCellProps {
  record: RegistryRecord;
  editing: boolean;
  onEdit: () => void;
  onDone: () => void;
}

/**
 * The alias, renamed in place: double-click, F2 on the row or the pencil button open an input;
 * Enter saves through registry:update, Escape (or leaving the field) cancels.
 */
export function AliasCell({ record, editing, onEdit, onDone }: AliasCellProps) {
  if (editing) return <AliasInput record={record} onDone={onDone} />;
  return (
    <div className="alias-cell" onDoubleClick={onEdit}>
      <span className="cell-text">{record.alias || <span className="muted">—</span>}</span>
      <button
        type="button"
        className="button-icon alias-edit"
        aria-label={`Rename ${displayName(record)}`}
        title="Rename (F2)"
        onClick={(event) => {
          event.stopPropagation();
          onEdit();
        }}
      >
        ✎
      </button>
    </div>
  );
}

/** Mounted per rename, so it starts from the alias as it is now. */
function AliasInput({ record, onDone }: Pick<AliasCellProps, 'record' | 'onDone'>) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const invalidate = useInvalidateRegistry();
  const [draft, setDraft] = useState(record.alias);
  const save = useAction((alias: string) =>
    api.invoke('registry:update', { workspaceId, recordId: record.id, changes: { alias } }),
  );

  const commit = async () => {
    const alias = draft.trim();
    if (alias === record.alias) return onDone();
    if (await save.run(alias)) {
      await invalidate();
      onDone();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Keys typed here belong to the field, not to the row's shortcuts.
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      if (!save.busy) void commit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onDone();
    }
  };

  return (
    <div className="alias-cell is-editing" onClick={(event) => event.stopPropagation()}>
      <input
        type="text"
        className="alias-input"
        aria-label={`Alias of ${record.name}`}
        aria-invalid={save.error ? true : undefined}
        // Focus moves here because the user asked to rename.
        autoFocus
        maxLength={128}
        value={draft}
        // Read-only rather than disabled while saving: disabling would drop focus (and cancel).
        readOnly={save.busy}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (!save.busy && !save.error) onDone();
        }}
      />
      {save.error && (
        <span className="field-error" role="alert">
          {save.error.message}
        </span>
      )}
    </div>
  );
}
