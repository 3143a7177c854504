import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { RegistryRecordDetail } from '@contract/index';
import { useApi } from '../../api/api-context';
import { useWorkspaceId } from '../../api/workspace-scope';
import { Dialog } from '../../components/dialog';
import { LifecycleError } from './lifecycle-error';
import { WizardField, fieldAria } from '../wizard/wizard-field';
import { useRegistryRecord } from '../registry/registry-queries';
import { useAction } from '../registry/use-action';
import { CaptureFormSchema, captureRequest, type CaptureValues } from './model/capture-form';
import { imageLocationOf } from '@contract/index';
import { defaultImageName, type CaptureSource } from './model/launch-history';
import { addConflict, architectureOf, registerDefaults, type RegisterMode } from './model/register-choice';
import { useTrackOperation } from './lifecycle-context';
import { RegisterFields, type AddOption } from './register-fields';

interface CaptureDialogProps {
  source: CaptureSource;
  /** The record "Add to the record" adds to (and new records are pre-filled from), if any. */
  recordId: string | null;
  /** The choice the dialog opens with; falls back to a new record when adding would be refused. */
  initialMode: RegisterMode;
  onClose: () => void;
}

/**
 * "Capture an image" of one running server, optionally registered in the same step. Waits for
 * the record it pre-fills from, so the form starts with its values rather than changing under
 * the user's hands.
 */
export function CaptureDialog({ source, recordId, initialMode, onClose }: CaptureDialogProps) {
  const record = useRegistryRecord(recordId);
  const waiting = recordId !== null && record.isPending;
  return (
    <Dialog title="Capture an image" onClose={onClose} className="dialog-wide">
      {waiting ? (
        <p className="muted" role="status">
          Loading the record…
        </p>
      ) : (
        <CaptureForm
          source={source}
          record={record.data ?? null}
          recordMissing={recordId !== null && record.isError}
          initialMode={initialMode}
          onClose={onClose}
        />
      )}
    </Dialog>
  );
}

interface CaptureFormProps {
  source: CaptureSource;
  record: RegistryRecordDetail | null;
  recordMissing: boolean;
  initialMode: RegisterMode;
  onClose: () => void;
}

function addOptionFor(
  source: CaptureSource,
  record: RegistryRecordDetail | null,
  recordMissing: boolean,
): AddOption {
  if (!record)
    return {
      available: false,
      reason: recordMissing
        ? 'The record this launch started from is no longer in the registry.'
        : 'This launch did not start from a registry record.',
    };
  const { launch } = source;
  const warning = addConflict(record, launch.accountId, imageLocationOf(launch.cloud, launch.location));
  return { available: true, recordName: record.alias.trim() || record.name, warning };
}

function CaptureForm({ source, record, recordMissing, initialMode, onClose }: CaptureFormProps) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const track = useTrackOperation();
  const idPrefix = useId();
  const { launch, server } = source;
  const addOption = addOptionFor(source, record, recordMissing);
  const mode: RegisterMode = initialMode === 'add' && !addOption.available ? 'new' : initialMode;

  const form = useForm<CaptureValues>({
    resolver: zodResolver(CaptureFormSchema),
    defaultValues: {
      imageName: defaultImageName(server.name, new Date()),
      description: `Captured from ${server.name} (${server.serverId})`,
      ...registerDefaults(record, mode),
    },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { errors } = form.formState;
  const watchedMode = useWatch({ control: form.control, name: 'mode' });
  const capture = useAction((values: CaptureValues) =>
    api.invoke(
      'lifecycle:capture',
      captureRequest(values, {
        workspaceId,
        source,
        addToRecordId: record?.id ?? null,
        extra: { architecture: architectureOf(record) },
      }),
    ),
  );

  const onSubmit = form.handleSubmit(async (values) => {
    const started = await capture.run(values);
    if (!started) return;
    track(started.operationId, `Capture ${values.imageName.trim()}`);
    onClose();
  });

  return (
    <form className="registry-form" noValidate onSubmit={(event) => void onSubmit(event)}>
      <p>
        From server <strong>{server.name}</strong> <span className="mono">{server.serverId}</span> in{' '}
        {launch.location}, {launch.accountName}. The server keeps running; some clouds reboot it briefly to
        take a consistent image.
      </p>
      <WizardField
        id={`${idPrefix}-imageName`}
        label="Image name"
        error={errors.imageName?.message}
        hint="3–63 letters, digits, dots or dashes."
        required
      >
        <input
          id={`${idPrefix}-imageName`}
          type="text"
          autoComplete="off"
          aria-required="true"
          data-autofocus
          {...fieldAria(`${idPrefix}-imageName`, true, errors.imageName?.message)}
          {...form.register('imageName')}
        />
      </WizardField>
      <WizardField id={`${idPrefix}-description`} label="Description" error={errors.description?.message}>
        <textarea
          id={`${idPrefix}-description`}
          rows={2}
          {...fieldAria(`${idPrefix}-description`, false, errors.description?.message)}
          {...form.register('description')}
        />
      </WizardField>
      <RegisterFields
        idPrefix={idPrefix}
        mode={watchedMode}
        registration={(name) => form.register(name)}
        errors={{
          recordName: errors.recordName?.message,
          osFamily: errors.osFamily?.message,
          osVersion: errors.osVersion?.message,
        }}
        addOption={addOption}
      />
      {capture.error && <LifecycleError error={capture.error} context="Could not start the capture" />}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="button-quiet" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button-primary" disabled={capture.busy}>
          Capture
        </button>
      </div>
    </form>
  );
}
