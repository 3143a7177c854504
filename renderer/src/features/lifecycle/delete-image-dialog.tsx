import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ChannelResponse } from '@contract/index';
import { useApi } from '../../api/api-context';
import { invalidateCatalog } from '../../api/queries';
import { useWorkspaceId } from '../../api/workspace-scope';
import { Dialog } from '../../components/dialog';
import { LifecycleError } from './lifecycle-error';
import { useInvalidateRegistry } from '../registry/registry-queries';
import { useAction } from '../registry/use-action';
import { usageCheckText, type ImageRef } from './model/image-actions';

interface DeleteImageDialogProps {
  image: ImageRef;
  onClose: () => void;
}

type DeleteResult = ChannelResponse<'lifecycle:delete'>;

/**
 * Deletes (deregisters) an image after asking. Main refuses while servers launched from it still
 * exist — asked of the cloud, or read from the launch history when the cloud cannot be asked —
 * and the dialog then lists them. Registry mappings of a deleted image are marked by main.
 */
export function DeleteImageDialog({ image, onClose }: DeleteImageDialogProps) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const client = useQueryClient();
  const invalidateRegistry = useInvalidateRegistry();
  const [result, setResult] = useState<DeleteResult | null>(null);
  const remove = useAction(() =>
    api.invoke('lifecycle:delete', {
      workspaceId,
      accountId: image.accountId,
      location: image.location,
      imageId: image.imageId,
    }),
  );

  const onDelete = async () => {
    const answer = await remove.run();
    if (!answer) return;
    setResult(answer);
    if (answer.deleted) await Promise.all([invalidateRegistry(), invalidateCatalog(client)]);
  };

  return (
    <Dialog
      title={`Delete image ${image.imageId}?`}
      role="alertdialog"
      onClose={onClose}
      className="dialog-wide"
    >
      {!result && (
        <p>
          {image.imageName || image.imageId} in {image.location}, {image.accountName}, is removed from the
          cloud. Hangar first checks that no server launched from it still exists. This cannot be undone.
        </p>
      )}
      {result && <DeleteOutcome result={result} />}
      {remove.error && <LifecycleError error={remove.error} context="The image was not deleted" />}
      <div className="dialog-actions">
        <span className="spacer" />
        {result ? (
          <button type="button" className="button-primary" data-autofocus onClick={onClose}>
            Close
          </button>
        ) : (
          <>
            <button type="button" className="button-quiet" data-autofocus onClick={onClose}>
              Keep image
            </button>
            <button
              type="button"
              className="button-danger"
              disabled={remove.busy}
              onClick={() => void onDelete()}
            >
              Delete
            </button>
          </>
        )}
      </div>
    </Dialog>
  );
}

function DeleteOutcome({ result }: { result: DeleteResult }) {
  if (result.deleted)
    return (
      <p role="status" className="check-ok">
        {result.message} Registry mappings of it now show it as missing.
      </p>
    );
  return (
    <div className="delete-refused" role="alert">
      <p>{result.message}</p>
      <p className="field-hint">{usageCheckText(result.checkedIn)}</p>
      <table className="mapping-table" aria-label="Servers still using this image">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Id</th>
            <th scope="col">Location</th>
          </tr>
        </thead>
        <tbody>
          {result.usedBy.map((user) => (
            <tr key={`${user.kind}-${user.id}`}>
              <td>{user.name}</td>
              <td className="mono">{user.id}</td>
              <td>{user.location}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
