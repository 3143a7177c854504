import type { UseFormRegisterReturn } from 'react-hook-form';
import type { KeychainStatus } from '@contract/index';

interface StorageFieldsProps {
  /** register('storage'), shared by both radios. */
  registration: UseFormRegisterReturn;
  keychain: KeychainStatus;
}

/** Where the secret is held. Without a keychain only "this session only" is offered, and we say why. */
export function StorageFields({ registration, keychain }: StorageFieldsProps) {
  return (
    <fieldset className="form-group">
      <legend>Where to keep the secret</legend>
      <div className="radio">
        <input
          id="storage-keychain"
          type="radio"
          value="keychain"
          disabled={!keychain.available}
          aria-describedby="storage-keychain-hint"
          {...registration}
        />
        <label htmlFor="storage-keychain">OS keychain</label>
        <p id="storage-keychain-hint" className="field-hint">
          Remembered across restarts by the operating system&apos;s keychain.
        </p>
      </div>
      <div className="radio">
        <input
          id="storage-session"
          type="radio"
          value="session"
          aria-describedby="storage-session-hint"
          {...registration}
        />
        <label htmlFor="storage-session">This session only</label>
        <p id="storage-session-hint" className="field-hint">
          Held in memory until Hangar quits; you enter it again next time.
        </p>
      </div>
      {!keychain.available && (
        <p className="field-warning">
          The keychain is unavailable, so the secret is kept for this session only.
          {keychain.message && ` ${keychain.message}`}
        </p>
      )}
    </fieldset>
  );
}
