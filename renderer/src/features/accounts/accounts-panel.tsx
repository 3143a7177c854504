import { useState } from 'react';
import type { Account } from '@contract/index';
import { useAccounts, useCatalogSources } from '../../api/queries';
import { ErrorMessage } from '../../components/error-message';
import { accountOfflineReason } from '../sync/offline-reason';
import { useSync } from '../sync/sync-context';
import { AccountItem } from './account-item';
import { AddAccountDialog } from './add-account-dialog';
import { RemoveAccountDialog } from './remove-account-dialog';

interface AccountsPanelProps {
  adding: boolean;
  onAdd: () => void;
  onCloseAdd: () => void;
}

/** The account list, the add dialog, and the offer to sync an account just added. */
export function AccountsPanel({ adding, onAdd, onCloseAdd }: AccountsPanelProps) {
  const accounts = useAccounts();
  const sources = useCatalogSources();
  const { running, start } = useSync();
  const [removing, setRemoving] = useState<Account | null>(null);
  const [justAdded, setJustAdded] = useState<Account | null>(null);
  const [removedNote, setRemovedNote] = useState<string | null>(null);

  const onSaved = (account: Account) => {
    onCloseAdd();
    setRemovedNote(null);
    setJustAdded(account);
  };

  const onRemoved = (account: Account, keychainEntryRemoved: boolean) => {
    setRemoving(null);
    if (justAdded?.id === account.id) setJustAdded(null);
    setRemovedNote(`Removed ${account.name}${keychainEntryRemoved ? ' and its keychain entry' : ''}.`);
  };

  return (
    <section className="panel accounts" role="region" aria-label="Accounts">
      <div className="panel-head">
        <h2>Accounts</h2>
        <button type="button" onClick={onAdd}>
          Add account
        </button>
      </div>
      {justAdded && (
        <div className="offer" role="status">
          <p>
            Added <strong>{justAdded.name}</strong>. Sync it now to cache its images.
          </p>
          <div className="offer-actions">
            <button
              type="button"
              className="button-primary"
              disabled={running}
              onClick={() => {
                void start({ accountId: justAdded.id });
                setJustAdded(null);
              }}
            >
              Sync now
            </button>
            <button type="button" className="button-quiet" onClick={() => setJustAdded(null)}>
              Later
            </button>
          </div>
        </div>
      )}
      {removedNote && (
        <p className="removed-note" role="status">
          {removedNote}
        </p>
      )}
      {accounts.isError && <ErrorMessage error={accounts.error} context="Could not list the accounts" />}
      {accounts.isSuccess && accounts.data.length === 0 && <p className="empty-note">No accounts yet.</p>}
      <ul className="account-list">
        {accounts.data?.map((account) => (
          <AccountItem
            key={account.id}
            account={account}
            offlineReason={accountOfflineReason(sources.data ?? [], account.id)}
            onRemove={() => setRemoving(account)}
          />
        ))}
      </ul>
      {adding && <AddAccountDialog onClose={onCloseAdd} onSaved={onSaved} />}
      {removing && (
        <RemoveAccountDialog account={removing} onClose={() => setRemoving(null)} onRemoved={onRemoved} />
      )}
    </section>
  );
}
