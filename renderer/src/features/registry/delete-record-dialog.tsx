import { useState } from 'react';
import type { ImageUser, RegistryRecord } from '@contract/index';
import { useApi } from '../../api/api-context';
import { useWorkspaceId } from '../../api/workspace-scope';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/error-message';
import { formatDateTime, plural } from '../../lib/format';
import { displayName } from './model/registry-format';
import { useInvalidateRegistry } from './registry-queries';
import { useAction } from './use-action';

interface DeleteRecordDialogProps {
  record: RegistryRecord;
  onClose: () => void;
  onDeleted: () => void;
}

/**
 * Deleting asks first. Main refuses while a launch or server still uses one of the record's
 * images: the dialog then lists who, and offers what fits instead, access "deleted" (hidden from
 * new launches, kept for what already uses it).
 */
export function DeleteRecordDialog({ record, onClose, onDeleted }: DeleteRecordDialogProps) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const invalidate = useInvalidateRegistry();
  const [usedBy, setUsedBy] = useState<ImageUser[] | null>(null);
  const remove = useAction(() => api.invoke('registry:delete', { workspaceId, recordId: record.id }));
  const hide = useAction(() =>
    api.invoke('registry:update', { workspaceId, recordId: record.id, changes: { access: 'deleted' } }),
  );
  const name = displayName(record);

  const onDelete = async () => {
    const result = await remove.run();
    if (!result) return;
    if (result.deleted) {
      await invalidate();
      onDeleted();
    } else setUsedBy(result.usedBy);
  };
  const onHide = async () => {
    if (!(await hide.run())) return;
    await invalidate();
    onClose();
  };

  if (usedBy) {
    return (
      <Dialog
        key="in-use"
        title={`${name} is still in use`}
        role="alertdialog"
        onClose={onClose}
        className="dialog-wide"
      >
        <p>
          Hangar did not delete this record:{' '}
          {plural(usedBy.length, 'launch or server', 'launches or servers')} still use its images.
        </p>
        <table className="mapping-table" aria-label="Still used by">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Name</th>
              <th scope="col">Id</th>
              <th scope="col">Location</th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody>
            {usedBy.map((user) => (
              <tr key={`${user.kind}-${user.id}`}>
                <td>{user.kind}</td>
                <td>{user.name}</td>
                <td className="mono">{user.id}</td>
                <td>{user.location}</td>
                <td>{formatDateTime(user.since)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          Set its access to <strong>deleted</strong> instead: it is hidden from new launches and kept for what
          already uses it.
        </p>
        {hide.error && <ErrorMessage error={hide.error} context="Could not set the access" />}
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" className="button-quiet" onClick={onClose}>
            Keep as is
          </button>
          <button
            type="button"
            className="button-primary"
            data-autofocus
            disabled={hide.busy}
            onClick={() => void onHide()}
          >
            Set access to deleted
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog key="confirm" title={`Delete ${name}?`} role="alertdialog" onClose={onClose}>
      <p>
        The record and its {plural(record.mappings.length, 'mapping')} leave the registry. The images
        themselves stay in their clouds.
      </p>
      {remove.error && <ErrorMessage error={remove.error} context="Could not delete the record" />}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="button-quiet" data-autofocus onClick={onClose}>
          Keep record
        </button>
        <button
          type="button"
          className="button-danger"
          disabled={remove.busy}
          onClick={() => void onDelete()}
        >
          Delete
        </button>
      </div>
    </Dialog>
  );
}
