import { CLOUD_LABEL } from '../../lib/clouds';
import { fieldAria, WizardField } from '../wizard/wizard-field';
import { CreateKeyPairForm, ImportKeyPairForm, PublicKeyField } from './key-pair-forms';
import type { KeyMode } from './model/launch-draft';
import { fieldInputId } from './model/launch-steps';
import type { StepProps } from './step-props';

const KEY_ID = fieldInputId('keyName');

const MODES: readonly { id: KeyMode; label: string }[] = [
  { id: 'existing', label: 'Use an existing key pair' },
  { id: 'create', label: 'Create a new key pair' },
  { id: 'import', label: 'Import my public key' },
];

/** Step 4: how to reach the server: a key pair the cloud holds, or (where the cloud takes one) the user's public key. */
export function StepAccess(props: StepProps) {
  const { draft, dispatch, errors, options, choices, place, location } = props;
  const cloud = place.cloud ? CLOUD_LABEL[place.cloud] : 'This cloud';
  const mode = options.capabilities.keyPairs;

  if (mode === 'none')
    return (
      <p>
        {cloud} takes no SSH key at launch from Hangar: sign in the way the image sets up (its own users,
        guest customisation or the console).
      </p>
    );
  if (mode === 'public-key-only')
    return (
      <>
        <p>
          {cloud} takes a public key rather than a key pair: paste your own OpenSSH public key (for example
          the contents of ~/.ssh/id_ed25519.pub). It is put on the server at first boot; your private key
          never leaves this computer.
        </p>
        <PublicKeyField
          draft={draft}
          dispatch={dispatch}
          error={errors.publicKey}
          hint="Optional: without one, sign in the way the image sets up."
        />
      </>
    );

  const keyPlace = { accountId: place.accountId, location };
  return (
    <>
      {draft.keyNote && (
        <p className="launch-key-note" role="status">
          {draft.keyNote}
        </p>
      )}
      <fieldset className="form-group" role="radiogroup" aria-label="Access key">
        <legend className="visually-hidden">Access key</legend>
        {MODES.map((m) => (
          <label key={m.id} className="checkbox">
            <input
              type="radio"
              name="launch-key-mode"
              value={m.id}
              checked={draft.keyMode === m.id}
              data-autofocus={draft.keyMode === m.id || undefined}
              onChange={() => dispatch({ type: 'set', patch: { keyMode: m.id } })}
            />
            {m.label}
          </label>
        ))}
      </fieldset>
      {draft.keyMode === 'existing' && (
        <WizardField
          id={KEY_ID}
          label="Key pair"
          error={errors.keyName}
          hint={
            choices.keyPairs.length === 0 ? 'No key pairs here yet: create one or import yours.' : undefined
          }
        >
          <select
            id={KEY_ID}
            value={choices.keyName ?? ''}
            {...fieldAria(KEY_ID, choices.keyPairs.length === 0, errors.keyName)}
            onChange={(event) => dispatch({ type: 'set', patch: { keyName: event.target.value } })}
          >
            <option value="">No key pair (no SSH access)</option>
            {choices.keyPairs.map((k) => (
              <option key={k.name} value={k.name}>
                {[k.name, k.type, k.fingerprint].filter(Boolean).join(' · ')}
              </option>
            ))}
          </select>
        </WizardField>
      )}
      {draft.keyMode === 'create' && (
        <CreateKeyPairForm draft={draft} dispatch={dispatch} place={keyPlace} errors={errors} />
      )}
      {draft.keyMode === 'import' && (
        <ImportKeyPairForm draft={draft} dispatch={dispatch} place={keyPlace} errors={errors} />
      )}
    </>
  );
}
