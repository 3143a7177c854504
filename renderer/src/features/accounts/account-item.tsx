import { useId, useState } from 'react';
import type { Account } from '@contract/index';
import { useApi } from '../../api/api-context';
import { toApiError } from '../../api/api-error';
import { CloudBadge } from '../../components/cloud-badge';
import { ACCOUNT_LABELS } from './account-labels';
import { ConnectionCheckResult, type CheckState } from './form/connection-check';

const CREDENTIALS_LABEL: Record<Account['credentials'], string> = {
  keychain: 'keychain',
  session: 'this session only',
  sandbox: 'sandbox',
  missing: 'missing',
};

interface AccountItemProps {
  account: Account;
  /** Why the cloud may be out of reach (from the sources' last sync), or null. */
  offlineReason: string | null;
  onRemove: () => void;
}

/** One account: its cloud, what it covers, where its secret is held (never the secret itself). */
export function AccountItem({ account, offlineReason, onRemove }: AccountItemProps) {
  const api = useApi();
  const nameId = useId();
  const reasonId = useId();
  const [check, setCheck] = useState<CheckState>({ state: 'idle' });
  const labels = ACCOUNT_LABELS[account.cloud];
  const target = account.name;

  const test = async () => {
    setCheck({ state: 'running', target });
    try {
      setCheck({
        state: 'done',
        target,
        check: await api.invoke('accounts:test', { accountId: account.id }),
      });
    } catch (error) {
      setCheck({ state: 'failed', error: toApiError(error) });
    }
  };

  return (
    <li className="account-item">
      <div className="account-line">
        <CloudBadge cloud={account.cloud} />
        <span id={nameId} className="account-name" title={account.name}>
          {account.name}
        </span>
        <span className={`badge badge-${account.kind}`}>{account.kind}</span>
        {account.kind !== 'sandbox' && (
          <button
            type="button"
            className="button-small button-quiet"
            aria-describedby={nameId}
            onClick={onRemove}
          >
            Remove
          </button>
        )}
      </div>
      <dl className="account-meta">
        <MetaRow label={labels.locations} values={account.locations} />
        <MetaRow label={labels.scopes} values={account.scopes} />
        {account.identity && (
          <div>
            <dt>{labels.identity}</dt>
            <dd className="mono" title={account.identity}>
              {account.identity}
            </dd>
          </div>
        )}
        <div>
          <dt>Secret</dt>
          <dd className={account.credentials === 'missing' ? 'text-warning' : undefined}>
            {CREDENTIALS_LABEL[account.credentials]}
          </dd>
        </div>
        {account.endpoint && (
          <div>
            <dt>Endpoint</dt>
            <dd className="mono" title={account.endpoint}>
              {account.endpoint}
            </dd>
          </div>
        )}
      </dl>
      <div className="account-actions">
        <button
          type="button"
          className="button-small"
          aria-describedby={[nameId, offlineReason ? reasonId : ''].join(' ').trim()}
          disabled={check.state === 'running'}
          onClick={() => void test()}
        >
          Test connection
        </button>
        {check.state !== 'idle' && (
          <button
            type="button"
            className="button-small button-quiet"
            onClick={() => setCheck({ state: 'idle' })}
          >
            Hide result
          </button>
        )}
      </div>
      {offlineReason && (
        <p id={reasonId} className="offline-reason">
          {offlineReason}
        </p>
      )}
      <ConnectionCheckResult result={check} cloud={account.cloud} />
    </li>
  );
}

function MetaRow({ label, values }: { label: string; values: string[] }) {
  const text = values.join(', ') || '—';
  return (
    <div>
      <dt>{label}</dt>
      <dd title={text}>{text}</dd>
    </div>
  );
}
