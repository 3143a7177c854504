import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Account } from '@contract/index';
import { useApi } from '../../../api/api-context';
import { toApiError, type ApiError } from '../../../api/api-error';
import { invalidateAccounts, useAppInfo } from '../../../api/queries';
import { Dialog } from '../../../components/dialog';
import { ErrorMessage } from '../../../components/error-message';
import { CLOUD_LABEL } from '../../../lib/clouds';
import { readSecret } from './read-secret';
import { SecretFields } from './secret-fields';
import { readStorage, StorageChoice } from './storage-choice';

interface SetSecretDialogProps {
  account: Account;
  onClose: () => void;
  onSaved: (account: Account) => void;
}

const UNKNOWN_KEYCHAIN = { available: true, message: null };

/** Rotates an account's secret, or gives one to an account that has none on this machine. */
export function SetSecretDialog({ account, onClose, onSaved }: SetSecretDialogProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const info = useAppInfo();
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const missing = account.credentials === 'missing';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const read = readSecret(account.cloud, form, account.id);
    if (read.state !== 'ok') {
      setProblem(read.state === 'empty' ? 'Type the secret first.' : read.message);
      return;
    }
    setProblem(null);
    setError(null);
    setSaving(true);
    try {
      const saved = await api.invoke('accounts:set-secret', {
        accountId: account.id,
        storage: readStorage(form, 'secret-storage'),
        secret: read.secret,
      });
      form.reset();
      void invalidateAccounts(queryClient);
      onSaved(saved);
    } catch (e) {
      setError(toApiError(e));
      setSaving(false);
    }
  };

  const title = `${missing ? 'Set' : 'Rotate'} secret for ${account.name}`;
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="secret-form" onSubmit={(event) => void submit(event)} noValidate aria-label={title}>
        <p className="muted">
          {missing
            ? `No secret for this ${CLOUD_LABEL[account.cloud]} account is held on this machine (it was imported, or kept for a session that ended).`
            : `The new secret replaces the one held now; test the connection afterwards.`}
        </p>
        <SecretFields cloud={account.cloud} prefix={account.id} identity={account.identity} />
        <StorageChoice name="secret-storage" keychain={info.data?.keychain ?? UNKNOWN_KEYCHAIN} />
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        {error && <ErrorMessage error={error} context="Could not save the secret" />}
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" className="button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save secret'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
