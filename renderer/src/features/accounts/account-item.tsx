import { useId } from 'react';
import type { Account } from '@contract/index';

const CREDENTIALS_LABEL: Record<Account['credentials'], string> = {
  keychain: 'keychain',
  session: 'this session only',
  sandbox: 'sandbox',
  missing: 'missing',
};

interface AccountItemProps {
  account: Account;
  onRemove: () => void;
}

/** One account: what it covers and where its secret is held (never the secret itself). */
export function AccountItem({ account, onRemove }: AccountItemProps) {
  const nameId = useId();
  const owners = ['self', ...account.owners.filter((o) => o !== 'self')];
  return (
    <li className="account-item">
      <div className="account-line">
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
        <div>
          <dt>Regions</dt>
          <dd title={account.regions.join(', ')}>{account.regions.join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>Owners</dt>
          <dd title={owners.join(', ')}>{owners.join(', ')}</dd>
        </div>
        <div>
          <dt>Key</dt>
          <dd className="mono">{account.accessKeyHint ? `…${account.accessKeyHint}` : '—'}</dd>
        </div>
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
    </li>
  );
}
