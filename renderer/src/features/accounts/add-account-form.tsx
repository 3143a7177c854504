import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import type { Account, AddAwsAccountRequest, KeychainStatus } from '@contract/index';
import { useApi } from '../../api/api-context';
import { toApiError, type ApiError } from '../../api/api-error';
import { invalidateAccounts, invalidateCatalog } from '../../api/queries';
import { ErrorMessage } from '../../components/error-message';
import { describedBy, FormField } from '../../components/form-field';
import {
  AccountFormSchema,
  emptyAccountForm,
  firstRegion,
  type AccountFormValues,
} from './account-form-schema';
import { ConnectionCheckResult, type CheckState } from './connection-check';
import { ScopeFields } from './scope-fields';
import { StorageFields } from './storage-fields';

interface AddAccountFormProps {
  keychain: KeychainStatus;
  onCancel: () => void;
  onSaved: (account: Account) => void;
}

/**
 * The AWS account form. The secret lives only in the form's inputs: requests are built on the fly
 * (never kept in React or TanStack state), and the form is reset as soon as the account is saved.
 */
export function AddAccountForm({ keychain, onCancel, onSaved }: AddAccountFormProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [check, setCheck] = useState<CheckState>({ state: 'idle' });
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const form = useForm<AccountFormValues, unknown, AddAwsAccountRequest>({
    resolver: zodResolver(AccountFormSchema),
    defaultValues: emptyAccountForm(keychain.available),
    // Validate on submit, then live on change. Not on blur: an error appearing as focus leaves a
    // field shifts the layout under the pointer, and the click on "Save account" would miss.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, handleSubmit, reset, trigger, getValues, setError, formState } = form;
  const { errors, isSubmitting } = formState;

  const testConnection = async () => {
    const valid = await trigger(['accessKeyId', 'secretAccessKey', 'endpoint', 'otherRegions']);
    if (!valid) return;
    const values = getValues();
    const region = firstRegion(values);
    if (!region) {
      setError('regions', { message: 'choose a region to test against' });
      return;
    }
    setCheck({ state: 'running', region });
    try {
      const result = await api.invoke('accounts:test', {
        accessKeyId: values.accessKeyId.trim(),
        secretAccessKey: values.secretAccessKey,
        sessionToken: values.sessionToken.trim() || undefined,
        region,
        endpoint: values.endpoint.trim() || undefined,
      });
      setCheck({ state: 'done', region, check: result });
    } catch (error) {
      setCheck({ state: 'failed', error: toApiError(error) });
    }
  };

  const save = async (request: AddAwsAccountRequest) => {
    setSaveError(null);
    try {
      const account = await api.invoke('accounts:add-aws', request);
      reset(emptyAccountForm(keychain.available));
      void invalidateAccounts(queryClient);
      void invalidateCatalog(queryClient);
      onSaved(account);
    } catch (error) {
      // Keep the inputs so the user can fix and retry (e.g. switch to "this session only").
      setSaveError(toApiError(error));
    }
  };

  const text = (id: string, name: keyof AccountFormValues, error: string | undefined, hasHint = false) => ({
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hasHint, error),
    autoComplete: 'off',
    spellCheck: false,
    ...register(name),
  });

  return (
    <form className="account-form" onSubmit={handleSubmit(save)} noValidate>
      <div className="form-columns">
        <div className="form-column">
          <FormField
            id="account-name"
            label="Name"
            error={errors.name?.message}
            hint="How the account appears in Hangar."
          >
            <input type="text" data-autofocus {...text('account-name', 'name', errors.name?.message, true)} />
          </FormField>
          <FormField id="account-access-key-id" label="Access key id" error={errors.accessKeyId?.message}>
            <input
              type="text"
              className="mono"
              {...text('account-access-key-id', 'accessKeyId', errors.accessKeyId?.message)}
            />
          </FormField>
          <FormField id="account-secret" label="Secret access key" error={errors.secretAccessKey?.message}>
            <input
              type="password"
              className="mono"
              {...text('account-secret', 'secretAccessKey', errors.secretAccessKey?.message)}
            />
          </FormField>
          <FormField
            id="account-session-token"
            label="Session token (optional)"
            error={errors.sessionToken?.message}
            hint="Only for temporary credentials (keys starting with ASIA)."
          >
            <input
              type="password"
              {...text('account-session-token', 'sessionToken', errors.sessionToken?.message, true)}
            />
          </FormField>
          <FormField
            id="account-endpoint"
            label="Custom endpoint URL (optional)"
            error={errors.endpoint?.message}
            hint="Leave empty for AWS itself; set it for a stand-in or a private endpoint."
          >
            <input type="url" {...text('account-endpoint', 'endpoint', errors.endpoint?.message, true)} />
          </FormField>
          <StorageFields register={register} keychain={keychain} />
        </div>
        <div className="form-column">
          <ScopeFields register={register} errors={errors} />
        </div>
      </div>

      <ConnectionCheckResult result={check} />
      {saveError && <ErrorMessage error={saveError} context="Could not save the account" />}

      <div className="dialog-actions">
        <button type="button" onClick={() => void testConnection()} disabled={check.state === 'running'}>
          Test connection
        </button>
        <span className="spacer" />
        <button type="button" className="button-quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button-primary" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save account'}
        </button>
      </div>
    </form>
  );
}
