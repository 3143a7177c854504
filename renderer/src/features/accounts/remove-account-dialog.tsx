import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Account } from '@contract/index';
import { useApi } from '../../api/api-context';
import { toApiError, type ApiError } from '../../api/api-error';
import { invalidateAccounts, invalidateCatalog } from '../../api/queries';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/error-message';
import { CLOUD_LABEL } from '../../lib/clouds';

interface RemoveAccountDialogProps {
  account: Account;
  onClose: () => void;
  /** Told afterwards whether a keychain entry went too, so the panel can confirm it in words. */
  onRemoved: (account: Account, keychainEntryRemoved: boolean) => void;
}

const WHAT_GOES: Record<Account['credentials'], string> = {
  keychain: 'Its keychain entry is removed too.',
  session: 'The secret held for this session is forgotten.',
  sandbox: '',
  missing: 'No secret is stored for it.',
};

/** Confirms a removal, saying exactly what disappears with the account. */
export function RemoveAccountDialog({ account, onClose, onRemoved }: RemoveAccountDialogProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.invoke('accounts:remove', { accountId: account.id });
      void invalidateAccounts(queryClient);
      void invalidateCatalog(queryClient);
      onRemoved(account, result.keychainEntryRemoved);
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Remove ${account.name}?`} role="alertdialog" onClose={onClose}>
      <p>
        Hangar forgets this account and its cached images. {WHAT_GOES[account.credentials]} The account itself
        in {CLOUD_LABEL[account.cloud]} is not touched.
      </p>
      {error && <ErrorMessage error={error} context="Could not remove the account" />}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="button-quiet" data-autofocus onClick={onClose}>
          Keep account
        </button>
        <button type="button" className="button-danger" disabled={busy} onClick={() => void remove()}>
          Remove account
        </button>
      </div>
    </Dialog>
  );
}
