import { useEffect, useId, useState } from 'react';
import { useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { Account } from '@contract/index';
import { useApi } from '../../api/api-context';
import { useWorkspaceId } from '../../api/workspace-scope';
import { ErrorMessage } from '../../components/error-message';
import { LifecycleError } from './lifecycle-error';
import { WizardField, fieldAria } from '../wizard/wizard-field';
import { useRegistryActions } from '../registry/registry-actions';
import { useAction } from '../registry/use-action';
import {
  ImportFormSchema,
  importRequest,
  recordPrefill,
  type ImportValues,
  type RepositoryImage,
} from './model/imgapi';
import { isFinished } from './model/operation';
import { useTrackOperation } from './lifecycle-context';
import { OperationProgress } from './operation-progress';
import { RegisterFields } from './register-fields';
import { useOperation } from './use-operation';

export type ImportForm = UseFormReturn<ImportValues>;

/** The import form, owned by the dialog so the repository table can fill in the manifest URL. */
export function useImportForm(accounts: readonly Account[]): ImportForm {
  const form = useForm<ImportValues>({
    resolver: zodResolver(ImportFormSchema),
    defaultValues: {
      manifestUrl: '',
      accountId: '',
      location: '',
      mode: 'none',
      recordName: '',
      osFamily: '',
      osVersion: '',
    },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  // The first OpenStack account, once the list arrives, unless one was chosen meanwhile.
  const first = accounts[0];
  useEffect(() => {
    if (!first || form.getValues('accountId') !== '') return;
    form.setValue('accountId', first.id);
    form.setValue('location', first.locations[0] ?? '');
  }, [first, form]);
  return form;
}

/** Choosing a listed image fills its manifest URL and what a new record would be called. */
export function chooseImage(form: ImportForm, image: RepositoryImage): void {
  form.setValue('manifestUrl', image.manifestUrl, { shouldValidate: form.formState.isSubmitted });
  const prefill = recordPrefill(image);
  form.setValue('recordName', prefill.recordName);
  form.setValue('osFamily', prefill.osFamily);
  form.setValue('osVersion', prefill.osVersion);
}

interface ImgapiImportFormProps {
  form: ImportForm;
  accounts: readonly Account[];
  onClose: () => void;
}

/** Where to import to, whether to register, and the import's progress once it runs. */
export function ImgapiImportForm({ form, accounts, onClose }: ImgapiImportFormProps) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const actions = useRegistryActions();
  const track = useTrackOperation();
  const id = useId();
  const [operationId, setOperationId] = useState<string | null>(null);
  const snapshot = useOperation(operationId);
  const start = useAction((values: ImportValues) =>
    api.invoke('imgapi:import', importRequest(values, workspaceId)),
  );
  const cancel = useAction((opId: string) => api.invoke('operations:cancel', { operationId: opId }));
  const [accountId, mode] = useWatch({ control: form.control, name: ['accountId', 'mode'] });
  const { errors } = form.formState;
  const account = accounts.find((a) => a.id === accountId);
  const running = operationId !== null && !(snapshot && isFinished(snapshot));
  const recordId = snapshot?.state === 'done' ? (snapshot.result?.recordId ?? null) : null;

  // Closed while it runs: the import goes on, followed by a notice instead.
  const leave = () => {
    if (running && operationId) track(operationId, snapshot?.title ?? 'Import from a repository');
    onClose();
  };
  const onSubmit = form.handleSubmit(async (values) => {
    const started = await start.run(values);
    if (started) setOperationId(started.operationId);
  });
  const field = (name: 'manifestUrl' | 'accountId' | 'location', hasHint: boolean) => ({
    ...fieldAria(`${id}-${name}`, hasHint, errors[name]?.message),
    ...form.register(name),
  });

  return (
    <form className="registry-form imgapi-import" noValidate onSubmit={(event) => void onSubmit(event)}>
      <fieldset className="imgapi-import-fields" disabled={running || snapshot?.state === 'done'}>
        <WizardField
          id={`${id}-manifestUrl`}
          label="Manifest URL"
          error={errors.manifestUrl?.message}
          hint="Filled in when you choose a listed image; or paste one, e.g. https://…/images/UUID."
          required
        >
          <input
            id={`${id}-manifestUrl`}
            type="url"
            autoComplete="off"
            aria-required="true"
            {...field('manifestUrl', true)}
          />
        </WizardField>
        {accounts.length === 0 ? (
          <p className="field-warning">
            Add an OpenStack account first: repository images are imported into an OpenStack cloud’s Glance.
          </p>
        ) : (
          <div className="form-columns">
            <WizardField
              id={`${id}-accountId`}
              label="OpenStack account"
              error={errors.accountId?.message}
              required
            >
              <select
                id={`${id}-accountId`}
                aria-required="true"
                {...fieldAria(`${id}-accountId`, false, errors.accountId?.message)}
                {...form.register('accountId', {
                  // Another account has other locations: start from its first.
                  onChange: (event: { target: { value: string } }) =>
                    form.setValue(
                      'location',
                      accounts.find((a) => a.id === event.target.value)?.locations[0] ?? '',
                    ),
                })}
              >
                <option value="">Choose an account…</option>
                {accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </WizardField>
            <WizardField id={`${id}-location`} label="Location" error={errors.location?.message} required>
              <select id={`${id}-location`} aria-required="true" {...field('location', false)}>
                {(account?.locations ?? []).map((location) => (
                  <option key={location} value={location}>
                    {location}
                  </option>
                ))}
              </select>
            </WizardField>
          </div>
        )}
        <RegisterFields
          idPrefix={`${id}-register`}
          mode={mode}
          registration={(name) => form.register(name)}
          errors={{
            recordName: errors.recordName?.message,
            osFamily: errors.osFamily?.message,
            osVersion: errors.osVersion?.message,
          }}
        />
      </fieldset>
      {start.error && <LifecycleError error={start.error} context="Could not start the import" />}
      {operationId && (
        <section className="imgapi-progress" aria-label="Import">
          <OperationProgress snapshot={snapshot} label="Import progress" />
          {snapshot?.state === 'done' && (
            <p className="check-ok" role="status">
              Imported as {snapshot.result?.imageIds.join(', ') || 'a new image'} in{' '}
              {form.getValues('location')}.{recordId ? ' Registered.' : ''}
            </p>
          )}
          {snapshot?.state === 'cancelled' && (
            <p role="status">The import was cancelled; nothing half-made was left in Glance.</p>
          )}
          {cancel.error && <ErrorMessage error={cancel.error} context="Could not cancel" />}
        </section>
      )}
      <div className="dialog-actions">
        {running && (
          <button type="button" disabled={cancel.busy} onClick={() => void cancel.run(operationId)}>
            Cancel import
          </button>
        )}
        {recordId && actions && (
          <button
            type="button"
            className="button-quiet"
            onClick={() => {
              onClose();
              actions.openRecord(recordId);
            }}
          >
            Show the record
          </button>
        )}
        <span className="spacer" />
        <button type="button" className="button-quiet" onClick={leave}>
          {operationId ? 'Close' : 'Cancel'}
        </button>
        {snapshot?.state !== 'done' && (
          <button
            type="submit"
            className="button-primary"
            disabled={running || start.busy || accounts.length === 0}
          >
            {snapshot && isFinished(snapshot) ? 'Try again' : 'Import'}
          </button>
        )}
      </div>
    </form>
  );
}
