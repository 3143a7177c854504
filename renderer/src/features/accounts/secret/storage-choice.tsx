import type { KeychainStatus } from '@contract/index';
import type { CredentialStorage } from '@contract/index';

interface StorageChoiceProps {
  /** The radios' name; read from the form at submit. */
  name: string;
  keychain: KeychainStatus;
}

/** Where new secrets are kept (uncontrolled). Without a keychain, only "this session only", and why. */
export function StorageChoice({ name, keychain }: StorageChoiceProps) {
  const initial: CredentialStorage = keychain.available ? 'keychain' : 'session';
  return (
    <fieldset className="form-group">
      <legend>Where to keep the secret</legend>
      <div className="radio">
        <input
          id={`${name}-keychain`}
          name={name}
          type="radio"
          value="keychain"
          defaultChecked={initial === 'keychain'}
          disabled={!keychain.available}
          aria-describedby={`${name}-keychain-hint`}
        />
        <label htmlFor={`${name}-keychain`}>OS keychain</label>
        <p id={`${name}-keychain-hint`} className="field-hint">
          Remembered across restarts by the operating system&apos;s keychain.
        </p>
      </div>
      <div className="radio">
        <input
          id={`${name}-session`}
          name={name}
          type="radio"
          value="session"
          defaultChecked={initial === 'session'}
          aria-describedby={`${name}-session-hint`}
        />
        <label htmlFor={`${name}-session`}>This session only</label>
        <p id={`${name}-session-hint`} className="field-hint">
          Held in memory until Hangar quits or you lock it; you enter it again next time.
        </p>
      </div>
      {!keychain.available && (
        <p className="field-warning">
          The keychain is unavailable, so secrets are kept for this session only.
          {keychain.message && ` ${keychain.message}`}
        </p>
      )}
    </fieldset>
  );
}

export function readStorage(form: HTMLFormElement, name: string): CredentialStorage {
  const element = form.elements.namedItem(name);
  return element instanceof RadioNodeList && element.value === 'keychain' ? 'keychain' : 'session';
}
