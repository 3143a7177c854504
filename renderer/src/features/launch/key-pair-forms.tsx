import { useState, type Dispatch, type KeyboardEvent, type ReactNode } from 'react';
import { CreateKeyPairRequestSchema, ImportKeyPairRequestSchema } from '@contract/index';
import { useApi } from '../../api/api-context';
import { useWorkspaceId } from '../../api/workspace-scope';
import { ErrorMessage } from '../../components/error-message';
import { fieldAria, WizardField } from '../wizard/wizard-field';
import { effectiveSavePath, type LaunchAction, type LaunchDraft } from './model/launch-draft';
import { fieldInputId } from './model/launch-steps';
import { keyRequestOf } from './model/launch-spec';
import { PUBLIC_KEY_HINT, savedKeyNote } from './model/key-files';

interface KeyFormProps {
  draft: LaunchDraft;
  dispatch: Dispatch<LaunchAction>;
  place: { accountId: string; location: string };
  /** The step's own errors for these fields ("create the key pair first"). */
  errors: Record<string, string>;
}

const id = fieldInputId;

/** The new key is now chosen under "Use an existing key pair": focus goes there (this form is gone). */
function focusChosenKey() {
  requestAnimationFrame(() => document.getElementById(id('keyName'))?.focus());
}

/** field → message from a contract schema's issues, first one each. */
function issuesByField(issues: readonly { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[String(issue.path[0])] ??= issue.message;
  return out;
}

/** Runs a key call: its busy state, its error, and the contract's field errors before asking. */
function useKeyCall() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const run = async (check: () => Record<string, string> | null, call: () => Promise<void>) => {
    const problems = check();
    setFieldErrors(problems ?? {});
    if (problems) return;
    setBusy(true);
    setError(null);
    try {
      await call();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, fieldErrors, run };
}

/** A sub-form inside the step's form: Enter in its fields runs its own button, not Next. */
function SubForm({ label, onEnter, children }: { label: string; onEnter: () => void; children: ReactNode }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (
      event.key !== 'Enter' ||
      !(event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement)
    )
      return;
    event.preventDefault();
    event.stopPropagation();
    onEnter();
  };
  return (
    <div className="launch-subform" role="group" aria-label={label} onKeyDown={onKeyDown}>
      {children}
    </div>
  );
}

/**
 * "Create a new key pair": the cloud makes it, main writes the private key to the chosen file
 * (mode 0600) and returns only where it went. Hangar keeps no copy, and says so.
 */
export function CreateKeyPairForm({ draft, dispatch, place, errors }: KeyFormProps) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const call = useKeyCall();
  const errorOf = (field: string) =>
    call.fieldErrors[field] ?? (field === 'name' ? errors.newKeyName : undefined);
  const create = () => {
    const request = { workspaceId, ...place, ...keyRequestOf(draft) };
    const parsed = CreateKeyPairRequestSchema.safeParse(request);
    void call.run(
      () => (parsed.success ? null : issuesByField(parsed.error.issues)),
      async () => {
        if (!parsed.success) return;
        const created = await api.invoke('launch:create-key-pair', parsed.data);
        dispatch({ type: 'key-added', keyPair: created.keyPair, note: savedKeyNote(created.savedTo) });
        focusChosenKey();
      },
    );
  };
  return (
    <SubForm label="New key pair" onEnter={create}>
      <div className="form-columns">
        <WizardField id={id('newKeyName')} label="Key name" error={errorOf('name')} required>
          <input
            id={id('newKeyName')}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={draft.newKeyName}
            aria-required="true"
            {...fieldAria(id('newKeyName'), false, errorOf('name'))}
            onChange={(event) => dispatch({ type: 'set', patch: { newKeyName: event.target.value } })}
          />
        </WizardField>
        <WizardField id={id('newKeyType')} label="Key type" error={errorOf('type')}>
          <select
            id={id('newKeyType')}
            value={draft.newKeyType}
            onChange={(event) =>
              dispatch({
                type: 'set',
                patch: { newKeyType: event.target.value as LaunchDraft['newKeyType'] },
              })
            }
          >
            <option value="ed25519">ED25519</option>
            <option value="rsa">RSA</option>
          </select>
        </WizardField>
      </div>
      <WizardField
        id={id('savePath')}
        label="Save private key to"
        error={errorOf('savePath')}
        hint="A file on this computer, outside Hangar’s data folder. It is written once, readable only by you; Hangar keeps no copy of the private key."
        required
      >
        <input
          id={id('savePath')}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={effectiveSavePath(draft)}
          aria-required="true"
          {...fieldAria(id('savePath'), true, errorOf('savePath'))}
          onChange={(event) => dispatch({ type: 'set', patch: { savePath: event.target.value } })}
        />
      </WizardField>
      <div className="launch-row-actions">
        <button type="button" disabled={call.busy} aria-busy={call.busy || undefined} onClick={create}>
          Create key pair
        </button>
        {call.busy && <span role="status">Creating the key pair…</span>}
      </div>
      {call.error !== null && <ErrorMessage error={call.error} context="Could not create the key pair" />}
    </SubForm>
  );
}

/** "Import my public key": the user's own key becomes a key pair of the cloud. */
export function ImportKeyPairForm({ draft, dispatch, place, errors }: KeyFormProps) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const call = useKeyCall();
  const errorOf = (field: string) =>
    call.fieldErrors[field] ??
    (field === 'name' ? errors.importName : field === 'publicKey' ? errors.publicKey : undefined);
  const importKey = () => {
    const request = { workspaceId, ...place, name: draft.importName, publicKey: draft.publicKey };
    const parsed = ImportKeyPairRequestSchema.safeParse(request);
    void call.run(
      () => (parsed.success ? null : issuesByField(parsed.error.issues)),
      async () => {
        if (!parsed.success) return;
        const keyPair = await api.invoke('launch:import-key-pair', parsed.data);
        dispatch({
          type: 'key-added',
          keyPair,
          note: `Imported your public key as key pair ${keyPair.name}.`,
        });
        focusChosenKey();
      },
    );
  };
  return (
    <SubForm label="Imported key pair" onEnter={importKey}>
      <WizardField id={id('importName')} label="Key name" error={errorOf('name')} required>
        <input
          id={id('importName')}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={draft.importName}
          aria-required="true"
          {...fieldAria(id('importName'), false, errorOf('name'))}
          onChange={(event) => dispatch({ type: 'set', patch: { importName: event.target.value } })}
        />
      </WizardField>
      <PublicKeyField
        draft={draft}
        dispatch={dispatch}
        error={errorOf('publicKey')}
        hint={`Paste ${PUBLIC_KEY_HINT}: the .pub file, never the private key.`}
      />
      <div className="launch-row-actions">
        <button type="button" disabled={call.busy} aria-busy={call.busy || undefined} onClick={importKey}>
          Import key pair
        </button>
        {call.busy && <span role="status">Importing the key…</span>}
      </div>
      {call.error !== null && <ErrorMessage error={call.error} context="Could not import the key" />}
    </SubForm>
  );
}

interface PublicKeyFieldProps {
  draft: LaunchDraft;
  dispatch: Dispatch<LaunchAction>;
  error: string | undefined;
  hint: string;
}

/** The user's OpenSSH public key: one line, never a secret. */
export function PublicKeyField({ draft, dispatch, error, hint }: PublicKeyFieldProps) {
  return (
    <WizardField id={id('publicKey')} label="Public key" error={error} hint={hint}>
      <textarea
        id={id('publicKey')}
        className="mono"
        rows={3}
        spellCheck={false}
        placeholder="ssh-ed25519 AAAA… you@laptop"
        value={draft.publicKey}
        {...fieldAria(id('publicKey'), true, error)}
        onChange={(event) => dispatch({ type: 'set', patch: { publicKey: event.target.value } })}
      />
    </WizardField>
  );
}
