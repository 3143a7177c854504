import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Cloud, KeychainStatus } from '@contract/index';
import { useApi } from '../../api/api-context';
import { toApiError } from '../../api/api-error';
import { invalidateAccounts } from '../../api/queries';
import { CLOUD_LABEL } from '../../lib/clouds';
import { plural } from '../../lib/format';
import { readSecret } from '../accounts/secret/read-secret';
import { SecretFields } from '../accounts/secret/secret-fields';
import { readStorage, StorageChoice } from '../accounts/secret/storage-choice';

export interface AwaitingAccount {
  accountId: string;
  name: string;
  cloud: Cloud;
}

interface AwaitingSecretsProps {
  accounts: AwaitingAccount[];
  keychain: KeychainStatus;
  /** The accounts still without a secret after a save. */
  onRemaining: (accounts: AwaitingAccount[]) => void;
  onDone: () => void;
}

/** One secret per imported account (accounts:set-secret); blanks are left for later ("Set secret"). */
export function AwaitingSecrets({ accounts, keychain, onRemaining, onDone }: AwaitingSecretsProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [savedCount, setSavedCount] = useState(0);
  const [note, setNote] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // This step replaces the file picker that had focus: start at the first secret.
  useEffect(() => formRef.current?.querySelector<HTMLElement>('input, textarea')?.focus(), []);

  if (accounts.length === 0) {
    return (
      <>
        <p role="status">
          {savedCount > 0
            ? `Saved ${plural(savedCount, 'secret')}: every account has its secret.`
            : 'No account needs a secret.'}
        </p>
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" className="button-primary" data-autofocus onClick={onDone}>
            Done
          </button>
        </div>
      </>
    );
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const storage = readStorage(form, 'import-storage');
    const next: Record<string, string> = {};
    const remaining: AwaitingAccount[] = [];
    let saved = 0;
    setSaving(true);
    for (const account of accounts) {
      const read = readSecret(account.cloud, form, account.accountId);
      if (read.state === 'empty') {
        remaining.push(account);
        continue;
      }
      if (read.state === 'invalid') {
        next[account.accountId] = read.message;
        remaining.push(account);
        continue;
      }
      try {
        await api.invoke('accounts:set-secret', {
          accountId: account.accountId,
          storage,
          secret: read.secret,
        });
        saved += 1;
      } catch (error) {
        next[account.accountId] = toApiError(error).message;
        remaining.push(account);
      }
    }
    setSaving(false);
    setProblems(next);
    setSavedCount((n) => n + saved);
    setNote(
      saved > 0
        ? `Saved ${plural(saved, 'secret')}.`
        : Object.keys(next).length === 0
          ? 'Type at least one secret, or choose Skip for now.'
          : null,
    );
    if (saved > 0) void invalidateAccounts(queryClient);
    if (remaining.length === 0) form.reset();
    onRemaining(remaining);
  };

  return (
    <form
      ref={formRef}
      className="awaiting-secrets"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Secrets for the imported accounts"
    >
      <p>
        {plural(accounts.length, 'account')} {accounts.length === 1 ? 'needs its' : 'need their'} secret. Fill
        in the ones you have; the others show <strong>Set secret</strong> in the Accounts list until you do.
      </p>
      <ul className="awaiting-list">
        {accounts.map((account) => (
          <li key={account.accountId}>
            <fieldset className="form-group">
              <legend>
                {account.name} ({CLOUD_LABEL[account.cloud]})
              </legend>
              <SecretFields cloud={account.cloud} prefix={account.accountId} />
              {problems[account.accountId] && (
                <p className="field-error" role="alert">
                  {problems[account.accountId]}
                </p>
              )}
            </fieldset>
          </li>
        ))}
      </ul>
      <StorageChoice name="import-storage" keychain={keychain} />
      {note && <p role="status">{note}</p>}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="button-quiet" onClick={onDone}>
          Skip for now
        </button>
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save secrets'}
        </button>
      </div>
    </form>
  );
}
