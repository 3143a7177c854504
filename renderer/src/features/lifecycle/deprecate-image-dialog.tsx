import { useId, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { invalidateCatalog } from '../../api/queries';
import { useWorkspaceId } from '../../api/workspace-scope';
import { Dialog } from '../../components/dialog';
import { LifecycleError } from './lifecycle-error';
import { describedBy, errorId, hintId } from '../../components/form-field';
import { formatDateTime } from '../../lib/format';
import { useInvalidateRegistry } from '../registry/registry-queries';
import { useAction } from '../registry/use-action';
import {
  defaultDeprecationDay,
  deprecationDayProblem,
  deprecationInstant,
  type ImageRef,
} from './model/image-actions';

interface DeprecateImageDialogProps {
  image: ImageRef;
  onClose: () => void;
}

/**
 * Marks an image deprecated from a day on (new launches are steered away; existing servers keep
 * running), or takes a deprecation back.
 */
export function DeprecateImageDialog({ image, onClose }: DeprecateImageDialogProps) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const client = useQueryClient();
  const invalidateRegistry = useInvalidateRegistry();
  const id = useId();
  const [day, setDay] = useState(() => defaultDeprecationDay(new Date()));
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const deprecate = useAction((at: string | null) =>
    api.invoke('lifecycle:deprecate', {
      workspaceId,
      accountId: image.accountId,
      location: image.location,
      imageId: image.imageId,
      at,
    }),
  );

  const send = async (at: string | null) => {
    setDone(null);
    const result = await deprecate.run(at);
    if (!result) return;
    // Drift and the catalog's deprecation column see it at the next check or sync; refetch what is cached.
    await Promise.all([invalidateRegistry(), invalidateCatalog(client)]);
    setDone(
      result.deprecatesAt
        ? `${image.imageId} is deprecated from ${formatDateTime(result.deprecatesAt)}.`
        : `The deprecation of ${image.imageId} was taken back.`,
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = deprecationDayProblem(day, new Date());
    setProblem(found);
    if (!found) void send(deprecationInstant(day));
  };

  const fieldId = `${id}-day`;
  return (
    <Dialog title={`Deprecate ${image.imageId}`} onClose={onClose}>
      <form className="registry-form" noValidate onSubmit={onSubmit}>
        <p>
          {image.imageName || image.imageId} in {image.location}, {image.accountName}.
          {image.deprecatesAt ? ` Now deprecated from ${formatDateTime(image.deprecatesAt)}.` : ''}
        </p>
        <div className="form-field">
          <label htmlFor={fieldId}>Deprecation date</label>
          <input
            id={fieldId}
            type="date"
            value={day}
            data-autofocus
            aria-invalid={problem ? true : undefined}
            aria-describedby={describedBy(fieldId, true, problem ?? undefined)}
            onChange={(event) => setDay(event.target.value)}
          />
          <p id={hintId(fieldId)} className="field-hint">
            From this day (midnight UTC) the cloud marks it deprecated; servers already running are not
            touched.
          </p>
          {problem && (
            <p id={errorId(fieldId)} className="field-error">
              {problem}
            </p>
          )}
        </div>
        {deprecate.error && <LifecycleError error={deprecate.error} context="The cloud did not take it" />}
        {done && (
          <p role="status" className="check-ok">
            {done}
          </p>
        )}
        <div className="dialog-actions">
          <button
            type="button"
            className="button-quiet"
            disabled={deprecate.busy}
            onClick={() => void send(null)}
          >
            Take back the deprecation
          </button>
          <span className="spacer" />
          <button type="button" className="button-quiet" onClick={onClose}>
            {done ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="button-primary" disabled={deprecate.busy}>
            Deprecate
          </button>
        </div>
      </form>
    </Dialog>
  );
}
