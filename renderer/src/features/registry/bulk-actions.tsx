import { useState } from 'react';
import { RegistryAccessSchema, type RegistryAccess } from '@contract/index';
import { useApi } from '../../api/api-context';
import { useWorkspaceId } from '../../api/workspace-scope';
import { ErrorMessage } from '../../components/error-message';
import { PopoverMenu } from '../../components/popover-menu';
import { plural } from '../../lib/format';
import { BulkTagDialog } from './bulk-tag-dialog';
import { driftSummaryText, summarizeDrift } from './model/drift-text';
import { ACCESS_HINT } from './model/registry-format';
import { useInvalidateRegistry } from './registry-queries';
import { useAction } from './use-action';

interface BulkActionsProps {
  selectedIds: readonly string[];
  onClear: () => void;
}

/** What can be done to several records at once: tag them, set their access, check their drift. */
export function BulkActions({ selectedIds, onClear }: BulkActionsProps) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const invalidate = useInvalidateRegistry();
  const [tagging, setTagging] = useState(false);
  const [note, setNote] = useState('');

  const setAccess = useAction(async (access: RegistryAccess) => {
    // No bulk channel for access: one update per record, in order, stopping at the first refusal.
    for (const recordId of selectedIds) {
      await api.invoke('registry:update', { workspaceId, recordId, changes: { access } });
    }
    return access;
  });
  const check = useAction(() =>
    api.invoke('registry:drift-check', { workspaceId, recordIds: [...selectedIds] }),
  );

  const onAccess = async (access: RegistryAccess) => {
    setNote('');
    const done = await setAccess.run(access);
    void invalidate();
    if (done) setNote(`Access set to ${done} on ${plural(selectedIds.length, 'record')}.`);
  };
  const onCheck = async () => {
    setNote('');
    const report = await check.run();
    void invalidate();
    if (report) setNote(`Checked: ${driftSummaryText(summarizeDrift(report.rows))}.`);
  };

  const busy = setAccess.busy || check.busy;
  return (
    <div className="registry-bulk" role="group" aria-label="Selected records">
      <span>{plural(selectedIds.length, 'record')} selected</span>
      <button type="button" disabled={busy} onClick={() => setTagging(true)}>
        Tag…
      </button>
      <PopoverMenu label="Set access" panelLabel="Access for the selected records">
        {RegistryAccessSchema.options.map((access) => (
          <button
            key={access}
            type="button"
            className="button-quiet menu-item"
            data-close-menu
            disabled={busy}
            title={ACCESS_HINT[access]}
            onClick={() => void onAccess(access)}
          >
            {access}
          </button>
        ))}
      </PopoverMenu>
      <button type="button" disabled={busy} onClick={() => void onCheck()}>
        Check drift
      </button>
      <button type="button" className="button-quiet" onClick={onClear}>
        Clear selection
      </button>
      <span className="registry-note" role="status">
        {setAccess.busy ? 'Setting access…' : check.busy ? 'Checking drift…' : note}
      </span>
      {setAccess.error && <ErrorMessage error={setAccess.error} context="Could not set the access" />}
      {check.error && <ErrorMessage error={check.error} context="Could not check drift" />}
      {tagging && (
        <BulkTagDialog
          recordIds={selectedIds}
          onClose={() => setTagging(false)}
          onDone={(message) => {
            setTagging(false);
            setNote(message);
          }}
        />
      )}
    </div>
  );
}
