import { useState } from 'react';
import type { Account, Workspace } from '@contract/index';
import { useAccounts, useCatalogSources } from '../../api/queries';
import { ErrorMessage } from '../../components/error-message';
import { accountOfflineReason } from '../sync/offline-reason';
import { useSync } from '../sync/sync-context';
import { AccountItem } from './account-item';
import { AddAccountDialog } from './add-account-dialog';
import { ImportMachineDialog } from './import/import-machine-dialog';
import { RemoveAccountDialog } from './remove-account-dialog';
import { SetSecretDialog } from './secret/set-secret-dialog';
import { SyncOffer } from './sync-offer';

interface AccountsPanelProps {
  /** The window's workspace (its name and environments). */
  workspace: Workspace | null;
  adding: boolean;
  importing: boolean;
  onAdd: () => void;
  onImport: () => void;
  onCloseDialog: () => void;
}

/** The workspace's accounts, the add and import dialogs, and the offer to sync what was just added. */
export function AccountsPanel({
  workspace,
  adding,
  importing,
  onAdd,
  onImport,
  onCloseDialog,
}: AccountsPanelProps) {
  const accounts = useAccounts();
  const sources = useCatalogSources();
  const { running, start } = useSync();
  const [removing, setRemoving] = useState<Account | null>(null);
  const [settingSecret, setSettingSecret] = useState<Account | null>(null);
  const [justAdded, setJustAdded] = useState<Account[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const environmentName = (account: Account) =>
    workspace?.environments.find((env) => env.id === account.environmentId)?.name ?? null;

  const onAdded = (added: Account[]) => {
    onCloseDialog();
    setNote(null);
    setJustAdded(added);
  };

  const onRemoved = (account: Account, keychainEntryRemoved: boolean) => {
    setRemoving(null);
    setJustAdded((current) => current.filter((a) => a.id !== account.id));
    setNote(`Removed ${account.name}${keychainEntryRemoved ? ' and its keychain entry' : ''}.`);
  };

  const onSecretSaved = (account: Account) => {
    setSettingSecret(null);
    setNote(
      `Saved the secret for ${account.name} (${account.credentials === 'keychain' ? 'OS keychain' : 'this session only'}). Test the connection to check it.`,
    );
  };

  return (
    <section className="panel accounts" role="region" aria-label="Accounts">
      <div className="panel-head">
        <h2>Accounts</h2>
        <button type="button" onClick={onAdd}>
          Add account
        </button>
      </div>
      <button type="button" className="button-small panel-extra" onClick={onImport}>
        Import from this machine
      </button>
      {justAdded.length > 0 && (
        <SyncOffer
          accounts={justAdded}
          syncing={running}
          onSync={() => {
            void start(
              justAdded.length === 1
                ? { accountId: justAdded[0]!.id }
                : { accountIds: justAdded.map((a) => a.id) },
            );
            setJustAdded([]);
          }}
          onLater={() => setJustAdded([])}
        />
      )}
      {note && (
        <p className="removed-note" role="status">
          {note}
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
            environmentName={environmentName(account)}
            onRemove={() => setRemoving(account)}
            onSetSecret={() => setSettingSecret(account)}
          />
        ))}
      </ul>
      {adding && (
        <AddAccountDialog
          workspace={workspace}
          onClose={onCloseDialog}
          onSaved={(account) => onAdded([account])}
        />
      )}
      {importing && (
        <ImportMachineDialog
          workspaceName={workspace?.name ?? 'this workspace'}
          onClose={onCloseDialog}
          onImported={onAdded}
        />
      )}
      {removing && (
        <RemoveAccountDialog account={removing} onClose={() => setRemoving(null)} onRemoved={onRemoved} />
      )}
      {settingSecret && (
        <SetSecretDialog
          account={settingSecret}
          onClose={() => setSettingSecret(null)}
          onSaved={onSecretSaved}
        />
      )}
    </section>
  );
}
