import type { Account } from '@contract/index';
import { useAppInfo } from '../../api/queries';
import { Dialog } from '../../components/dialog';
import { AddAccountForm } from './add-account-form';

interface AddAccountDialogProps {
  onClose: () => void;
  onSaved: (account: Account) => void;
}

const UNKNOWN_KEYCHAIN = { available: true, message: null };

/** The form lives only while the dialog is open: closing it drops every typed value, secret included. */
export function AddAccountDialog({ onClose, onSaved }: AddAccountDialogProps) {
  const info = useAppInfo();
  return (
    <Dialog title="Add AWS account" onClose={onClose} className="dialog-wide">
      <AddAccountForm
        keychain={info.data?.keychain ?? UNKNOWN_KEYCHAIN}
        onCancel={onClose}
        onSaved={onSaved}
      />
    </Dialog>
  );
}
