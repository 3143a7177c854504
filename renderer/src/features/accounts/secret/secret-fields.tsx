import { useState, type ChangeEvent, type ReactNode } from 'react';
import type { Cloud } from '@contract/index';
import { describeKey } from '../gcp/gcp-form-schema';
import { secretFieldName } from './read-secret';

interface SecretFieldsProps {
  cloud: Cloud;
  /** Makes names and ids unique when several accounts' fields share a form (an account or candidate id). */
  prefix: string;
  /** For OpenStack: which secret the account uses, guessed from its identity ("application credential …"). */
  identity?: string | null;
}

/**
 * The secret inputs of one cloud, uncontrolled: their values live only in the DOM inputs of the
 * open form (read at submit, cleared by form.reset() and gone with the dialog).
 */
export function SecretFields({ cloud, prefix, identity }: SecretFieldsProps) {
  const field = (name: string) => ({ id: `${prefix}-${name}`, name: secretFieldName(prefix, name) });
  switch (cloud) {
    case 'aws':
      return (
        <>
          <SecretInput {...field('secretAccessKey')} label="Secret access key" />
          <SecretInput
            {...field('sessionToken')}
            label="Session token (optional)"
            hint="Only for temporary credentials (keys starting with ASIA)."
          />
        </>
      );
    case 'gcp':
      return <GcpSecretFields prefix={prefix} field={field} />;
    case 'azure':
      return <SecretInput {...field('clientSecret')} label="Client secret" />;
    case 'openstack':
      return <OpenStackSecretFields field={field} identity={identity ?? null} />;
    case 'vmware':
      return <SecretInput {...field('password')} label="Password" hint="The vCenter user's password." />;
  }
}

type FieldOf = (name: string) => { id: string; name: string };

interface SecretInputProps {
  id: string;
  name: string;
  label: string;
  hint?: ReactNode;
}

function SecretInput({ id, name, label, hint }: SecretInputProps) {
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="password"
        className="mono"
        autoComplete="new-password"
        spellCheck={false}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function KindRadios<K extends string>(props: {
  field: FieldOf;
  label: string;
  value: K;
  options: readonly [K, string][];
  onChange: (kind: K) => void;
}) {
  const { field, label, value, options, onChange } = props;
  return (
    <div className="radio-row" role="radiogroup" aria-label={label}>
      {options.map(([kind, text]) => (
        <label key={kind} className="checkbox">
          <input
            type="radio"
            name={field('kind').name}
            value={kind}
            checked={value === kind}
            onChange={() => onChange(kind)}
          />
          {text}
        </label>
      ))}
    </div>
  );
}

function GcpSecretFields({ prefix, field }: { prefix: string; field: FieldOf }) {
  const [kind, setKind] = useState<'service-account' | 'access-token'>('service-account');
  // Only who the key belongs to is kept in state, never the key.
  const [keyOwner, setKeyOwner] = useState<string | null>(null);
  const keyArea = field('keyJson');

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    void file.text().then((text) => {
      const area = document.getElementById(keyArea.id);
      if (area instanceof HTMLTextAreaElement) area.value = text;
      setKeyOwner(describeKey(text)?.clientEmail ?? null);
    });
  };

  return (
    <>
      <KindRadios
        field={field}
        label="Credential type"
        value={kind}
        options={[
          ['service-account', 'Service-account key'],
          ['access-token', 'Access token'],
        ]}
        onChange={setKind}
      />
      {kind === 'service-account' ? (
        <>
          <div className="form-field">
            <label htmlFor={`${prefix}-key-file`}>Key file</label>
            <input id={`${prefix}-key-file`} type="file" accept=".json,application/json" onChange={onFile} />
          </div>
          <div className="form-field">
            <label htmlFor={keyArea.id}>Service-account key JSON</label>
            <textarea
              {...keyArea}
              className="secret-text mono"
              rows={3}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${keyArea.id}-hint`}
              onChange={(event) => setKeyOwner(describeKey(event.target.value)?.clientEmail ?? null)}
            />
            <p id={`${keyArea.id}-hint`} className="field-hint">
              {keyOwner ? `Key for ${keyOwner}.` : 'Load the key file above, or paste its contents here.'}
            </p>
          </div>
        </>
      ) : (
        <SecretInput
          {...field('accessToken')}
          label="Access token"
          hint="For example from gcloud auth print-access-token; it expires after about an hour."
        />
      )}
    </>
  );
}

function OpenStackSecretFields({ field, identity }: { field: FieldOf; identity: string | null }) {
  const [kind, setKind] = useState<'password' | 'application-credential'>(
    identity?.startsWith('application credential') ? 'application-credential' : 'password',
  );
  return (
    <>
      <KindRadios
        field={field}
        label="Secret type"
        value={kind}
        options={[
          ['password', 'User password'],
          ['application-credential', 'Application credential'],
        ]}
        onChange={setKind}
      />
      {kind === 'password' ? (
        <SecretInput {...field('password')} label="Password" />
      ) : (
        <SecretInput {...field('applicationCredentialSecret')} label="Application credential secret" />
      )}
    </>
  );
}
