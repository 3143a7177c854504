import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context';
import { useAccounts } from '../../api/queries';
import { useWorkspaceId } from '../../api/workspace-scope';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/error-message';
import { LifecycleError } from './lifecycle-error';
import { errorId } from '../../components/form-field';
import { useAction } from '../registry/use-action';
import { useTrackOperation } from './lifecycle-context';
import { copyTargets, type ImageRef } from './model/image-actions';

interface CopyImageDialogProps {
  image: ImageRef;
  onClose: () => void;
}

/** Copies an image to more of its account's locations; each copy can join the record it came from. */
export function CopyImageDialog({ image, onClose }: CopyImageDialogProps) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const accounts = useAccounts();
  const track = useTrackOperation();
  const id = useId();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [name, setName] = useState(image.imageName.slice(0, 128) || image.imageId.slice(0, 128));
  const [addToRecord, setAddToRecord] = useState(image.recordId !== null);
  const [problem, setProblem] = useState<string | null>(null);
  const account = accounts.data?.find((a) => a.id === image.accountId);
  const targets = copyTargets(account, image.location);
  const copy = useAction((toLocations: string[]) =>
    api.invoke('lifecycle:copy', {
      workspaceId,
      accountId: image.accountId,
      location: image.location,
      imageId: image.imageId,
      toLocations,
      name: name.trim(),
      addToRecordId: addToRecord ? image.recordId : null,
    }),
  );

  const toggle = (location: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(location);
      else next.delete(location);
      return next;
    });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const toLocations = targets.filter((location) => chosen.has(location));
    if (toLocations.length === 0) return setProblem('choose at least one location to copy to');
    if (name.trim() === '') return setProblem('give the copies a name');
    setProblem(null);
    const started = await copy.run(toLocations);
    if (!started) return;
    track(started.operationId, `Copy ${image.imageId} to ${toLocations.join(', ')}`);
    onClose();
  };

  return (
    <Dialog title={`Copy ${image.imageId} to other locations`} onClose={onClose}>
      <form className="registry-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <p>
          From {image.location} in {image.accountName}. Each copy is a new image in its location, owned by
          this account.
        </p>
        {accounts.isPending && <p className="muted">Loading the account’s locations…</p>}
        {accounts.isError && <ErrorMessage error={accounts.error} context="Could not load the accounts" />}
        {accounts.data && targets.length === 0 ? (
          <p className="field-warning">
            {image.accountName} covers no other location. Add locations to the account to copy there.
          </p>
        ) : (
          <fieldset
            className="form-group checkbox-grid"
            aria-describedby={problem ? errorId(`${id}-targets`) : undefined}
          >
            <legend>Copy to</legend>
            {targets.map((location) => (
              <label key={location} className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.has(location)}
                  onChange={(event) => toggle(location, event.target.checked)}
                />
                {location}
              </label>
            ))}
          </fieldset>
        )}
        <div className="form-field">
          <label htmlFor={`${id}-name`}>Name of the copies</label>
          <input
            id={`${id}-name`}
            type="text"
            maxLength={128}
            autoComplete="off"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        {image.recordId && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={addToRecord}
              onChange={(event) => setAddToRecord(event.target.checked)}
            />
            Add the copies to this record
          </label>
        )}
        {problem && (
          <p id={errorId(`${id}-targets`)} className="field-error" role="alert">
            {problem}
          </p>
        )}
        {copy.error && <LifecycleError error={copy.error} context="Could not start the copy" />}
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" className="button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button-primary" disabled={copy.busy || targets.length === 0}>
            Copy
          </button>
        </div>
      </form>
    </Dialog>
  );
}
