import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Account, ImportCandidateView } from '@contract/index';
import { useApi } from '../../../api/api-context';
import { toApiError } from '../../../api/api-error';
import { invalidateAccounts, invalidateCatalog, useAppInfo } from '../../../api/queries';
import { useWorkspaceId } from '../../../api/workspace-scope';
import { Dialog } from '../../../components/dialog';
import { ErrorMessage } from '../../../components/error-message';
import { plural } from '../../../lib/format';
import { readSecret } from '../secret/read-secret';
import { readStorage, StorageChoice } from '../secret/storage-choice';
import { CandidateItem } from './candidate-item';
import { useDiscovery } from './use-discovery';

interface ImportMachineDialogProps {
  workspaceName: string;
  onClose: () => void;
  onImported: (accounts: Account[]) => void;
}

const UNKNOWN_KEYCHAIN = { available: true, message: null };
const byImportable = (a: ImportCandidateView, b: ImportCandidateView) =>
  Number(b.importable) - Number(a.importable);

/**
 * Accounts from credentials this machine already has (AWS profiles, a Google key file, Azure,
 * GOVC and OS_* variables, clouds.yaml), imported into the current workspace. Secrets found stay
 * in main; those missing are typed here and read from the inputs only when importing.
 */
export function ImportMachineDialog({ workspaceName, onClose, onImported }: ImportMachineDialogProps) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const queryClient = useQueryClient();
  const info = useAppInfo();
  const { discovery, discover, forget } = useDiscovery();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [importing, setImporting] = useState(false);
  // Accounts imported by earlier attempts of this dialog, offered for syncing once it closes.
  const [importedBefore, setImportedBefore] = useState<Account[]>([]);
  const candidates = discovery.state === 'found' ? [...discovery.candidates].sort(byImportable) : [];
  const chosen = candidates.filter((c) => c.importable && selected.has(c.id));

  const check = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const onKeyFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const before = new Set(candidates.map((c) => c.id));
    // The key's text goes to main once, for this discovery; nothing here keeps it.
    const found = await discover({ name: file.name, text: await file.text() });
    const added = found.filter((c) => c.importable && !before.has(c.id)).map((c) => c.id);
    if (added.length) setSelected((current) => new Set([...current, ...added]));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const storage = readStorage(form, 'machine-storage');
    const next: Record<string, string> = {};
    const imported: Account[] = [];
    const importedIds = new Set<string>();
    setImporting(true);
    for (const candidate of chosen) {
      let secret;
      if (candidate.promptForCredential && candidate.cloud) {
        const read = readSecret(candidate.cloud, form, candidate.id);
        if (read.state !== 'ok') {
          next[candidate.id] =
            read.state === 'empty' ? `Type the secret for ${candidate.name}.` : read.message;
          continue;
        }
        secret = read.secret;
      }
      try {
        imported.push(
          await api.invoke('accounts:import', { workspaceId, candidateId: candidate.id, storage, secret }),
        );
        importedIds.add(candidate.id);
      } catch (error) {
        next[candidate.id] = toApiError(error).message;
      }
    }
    setImporting(false);
    setProblems(next);
    if (imported.length) {
      void invalidateAccounts(queryClient);
      void invalidateCatalog(queryClient);
      forget(importedIds);
      setSelected((current) => new Set([...current].filter((id) => !importedIds.has(id))));
    }
    if (Object.keys(next).length === 0) {
      form.reset();
      onImported([...importedBefore, ...imported]);
    } else {
      setImportedBefore((before) => [...before, ...imported]);
    }
  };

  return (
    <Dialog
      title="Import from this machine"
      onClose={() => (importedBefore.length ? onImported(importedBefore) : onClose())}
      className="dialog-wide"
    >
      <form className="import-machine-form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="muted">
          Credentials found on this computer, to add to <strong>{workspaceName}</strong>. Nothing is imported
          until you choose it.
        </p>
        {discovery.state === 'looking' && <p role="status">Looking for credentials on this machine…</p>}
        {discovery.state === 'failed' && (
          <ErrorMessage error={discovery.error} context="Could not look for credentials" />
        )}
        {discovery.state === 'found' && (
          <>
            {candidates.length === 0 ? (
              <p role="status">
                No credentials found: no AWS profiles, GOOGLE_APPLICATION_CREDENTIALS, Azure, GOVC or OS_*
                variables, or clouds.yaml.
              </p>
            ) : (
              <ul className="candidate-list" aria-label="Credentials found">
                {candidates.map((candidate) => (
                  <CandidateItem
                    key={candidate.id}
                    candidate={candidate}
                    checked={selected.has(candidate.id)}
                    onCheck={(on) => check(candidate.id, on)}
                    problem={problems[candidate.id] ?? null}
                  />
                ))}
              </ul>
            )}
            {discovery.errors.length > 0 && (
              <ul className="candidate-errors" aria-label="Sources that could not be read">
                {discovery.errors.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            )}
          </>
        )}
        <div className="form-field">
          <label htmlFor="machine-google-key">Google service-account key file</label>
          <input
            id="machine-google-key"
            type="file"
            accept=".json,application/json"
            aria-describedby="machine-google-key-hint"
            onChange={(event) => void onKeyFile(event)}
          />
          <p id="machine-google-key-hint" className="field-hint">
            Adds the account a key file belongs to, for a key kept elsewhere than
            GOOGLE_APPLICATION_CREDENTIALS.
          </p>
        </div>
        <StorageChoice name="machine-storage" keychain={info.data?.keychain ?? UNKNOWN_KEYCHAIN} />
        <div className="dialog-actions">
          <button type="button" onClick={() => void discover()} disabled={discovery.state === 'looking'}>
            Look again
          </button>
          <span className="spacer" />
          <span className="muted" aria-live="polite">
            {plural(chosen.length, 'account')} chosen
          </span>
          <button
            type="button"
            className="button-quiet"
            onClick={() => (importedBefore.length ? onImported(importedBefore) : onClose())}
          >
            {importedBefore.length ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="button-primary" disabled={importing || chosen.length === 0}>
            {importing ? 'Importing…' : 'Import selected'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
