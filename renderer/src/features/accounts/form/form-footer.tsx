import type { Account, Cloud, KeychainStatus } from '@contract/index';
import type { ApiError } from '../../../api/api-error';
import { ErrorMessage } from '../../../components/error-message';
import { ConnectionCheckResult, type CheckState } from './connection-check';

interface FormFooterProps {
  cloud: Cloud;
  check: CheckState;
  saveError: ApiError | null;
  /** A request the contract refused for a reason no field shows. */
  formIssue: string | null;
  submitting: boolean;
  onTest: () => void;
  onCancel: () => void;
  onTrust?: (fingerprint: string) => void;
}

/** The bottom of every account form: the test result, errors, then Test / Cancel / Save. */
export function FormFooter(props: FormFooterProps) {
  const { cloud, check, saveError, formIssue, submitting, onTest, onCancel, onTrust } = props;
  return (
    <>
      <ConnectionCheckResult result={check} cloud={cloud} onTrust={onTrust} />
      {formIssue && (
        <p className="field-error" role="alert">
          {formIssue}
        </p>
      )}
      {saveError && <ErrorMessage error={saveError} context="Could not save the account" />}
      <div className="dialog-actions">
        <button type="button" onClick={onTest} disabled={check.state === 'running'}>
          Test connection
        </button>
        <span className="spacer" />
        <button type="button" className="button-quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button-primary" disabled={submitting}>
          {submitting ? 'Saving…' : 'Save account'}
        </button>
      </div>
    </>
  );
}

/** What each cloud's form component receives from the dialog. */
export interface CloudFormProps {
  keychain: KeychainStatus;
  onCancel: () => void;
  onSaved: (account: Account) => void;
}
