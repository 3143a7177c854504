import { useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Account } from '@contract/index';
import { useApi } from '../../api/api-context';
import { toApiError } from '../../api/api-error';
import { invalidateAccounts } from '../../api/queries';
import { CloudBadge } from '../../components/cloud-badge';
import { RelativeTime } from '../../components/relative-time';
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
  /** The name of the workspace environment it belongs to, if any. */
  environmentName: string | null;
  onRemove: () => void;
  /** Rotate its secret, or give it one when it has none here. */
  onSetSecret: () => void;
}

/** One account: its cloud, what it covers, where its secret is held (never the secret itself). */
export function AccountItem(props: AccountItemProps) {
  const { account, offlineReason, environmentName, onRemove, onSetSecret } = props;
  const api = useApi();
  const queryClient = useQueryClient();
  const nameId = useId();
  const reasonId = useId();
  const [check, setCheck] = useState<CheckState>({ state: 'idle' });
  const labels = ACCOUNT_LABELS[account.cloud];
  const target = account.name;

  const test = async () => {
    setCheck({ state: 'running', target });
    try {
      const result = await api.invoke('accounts:test', { accountId: account.id });
      setCheck({ state: 'done', target, check: result });
      // A success is remembered in main as "last verified".
      if (result.ok) void invalidateAccounts(queryClient);
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
        {environmentName && <MetaRow label="Environment" values={[environmentName]} />}
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
        {account.kind !== 'sandbox' && (
          <button
            type="button"
            className={`button-small ${account.credentials === 'missing' ? 'button-primary' : ''}`}
            aria-describedby={nameId}
            onClick={onSetSecret}
          >
            {account.credentials === 'missing' ? 'Set secret' : 'Rotate secret'}
          </button>
        )}
        <span className="account-verified muted">
          {account.lastVerifiedAt ? (
            <RelativeTime iso={account.lastVerifiedAt} prefix="last verified" />
          ) : (
            'not verified yet'
          )}
        </span>
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
