import type { ChangeEvent } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { AccountFormRequest } from '../form/account-form-request';
import { describedBy, FormField } from '../../../components/form-field';
import { TextField } from '../form/text-field';
import { describeKey, type GcpFormValues } from './gcp-form-schema';

interface GcpCredentialFieldsProps {
  form: UseFormReturn<GcpFormValues, unknown, AccountFormRequest>;
}

/**
 * A service-account key (loaded from its file or pasted) or an access token. The key is read in
 * the renderer with FileReader straight into the form's memory: never into localStorage, never
 * into a query cache, and gone when the dialog closes.
 */
export function GcpCredentialFields({ form }: GcpCredentialFieldsProps) {
  const { register, watch, setValue, getValues, formState } = form;
  const { errors } = formState;
  const kind = watch('credentialKind');
  const keyJson = watch('keyJson');
  const key = describeKey(keyJson);
  const keyError = errors.keyJson?.message;

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      const text = typeof reader.result === 'string' ? reader.result : '';
      setValue('keyJson', text, { shouldValidate: true, shouldDirty: true });
      // A key names its own project: a sensible default when none was typed yet.
      const project = describeKey(text)?.projectId;
      if (project && getValues('projectId').trim() === '') {
        setValue('projectId', project, { shouldValidate: true, shouldDirty: true });
      }
    };
    reader.onerror = () => form.setError('keyJson', { message: `could not read ${file.name}` });
    reader.readAsText(file);
    // Let the same file be chosen again after an edit; the File object is not kept either.
    input.value = '';
  };

  return (
    <fieldset className="form-group">
      <legend>Credential</legend>
      <div className="radio-row" role="radiogroup" aria-label="Credential type">
        <label className="checkbox">
          <input type="radio" value="service-account" {...register('credentialKind')} />
          Service-account key
        </label>
        <label className="checkbox">
          <input type="radio" value="access-token" {...register('credentialKind')} />
          Access token
        </label>
      </div>
      {kind === 'service-account' ? (
        <>
          <div className="form-field">
            <label htmlFor="gcp-key-file">Key file</label>
            <input id="gcp-key-file" type="file" accept=".json,application/json" onChange={onFile} />
          </div>
          <FormField
            id="gcp-key-json"
            label="Service-account key JSON"
            error={keyError}
            hint={
              key ? `Key for ${key.clientEmail}.` : 'Load the key file above, or paste its contents here.'
            }
          >
            <textarea
              id="gcp-key-json"
              className="secret-text mono"
              rows={4}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={keyError ? true : undefined}
              aria-describedby={describedBy('gcp-key-json', true, keyError)}
              {...register('keyJson')}
            />
          </FormField>
        </>
      ) : (
        <TextField
          id="gcp-access-token"
          label="Access token"
          type="password"
          mono
          hint="An OAuth 2.0 token, for example from gcloud auth print-access-token. It expires after about an hour."
          registration={register('accessToken')}
          error={errors.accessToken?.message}
        />
      )}
    </fieldset>
  );
}
