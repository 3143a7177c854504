import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Cloud } from '@contract/index';
import { useApi } from '../../api/api-context';
import { toApiError, type ApiError } from '../../api/api-error';
import { invalidateAccounts, rememberWorkspace, useAppInfo } from '../../api/queries';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/error-message';
import { plural } from '../../lib/format';
import { useAppActions } from './app-actions';
import { useWorkspaces } from './workspace-context';
import { AwaitingSecrets, type AwaitingAccount } from './awaiting-secrets';

interface Imported {
  workspaceName: string;
  accountCount: number;
  awaiting: AwaitingAccount[];
  skipped: string[];
}

const UNKNOWN_KEYCHAIN = { available: true, message: null };

/**
 * A workspace file (exported on this or another machine) becomes a new workspace; this window
 * switches to it, then asks for each account's secret, which the file never holds.
 */
export function ImportWorkspaceDialog() {
  const api = useApi();
  const queryClient = useQueryClient();
  const info = useAppInfo();
  const { switchTo } = useWorkspaces();
  const { closeDialog } = useAppActions();
  const [imported, setImported] = useState<Imported | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const importFile = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem('workspace-file');
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    if (!file) {
      setProblem('Choose a workspace file first (….hangar-workspace.json).');
      return;
    }
    setProblem(null);
    setError(null);
    setBusy(true);
    try {
      const result = await api.invoke('workspaces:import', { content: await file.text() });
      await rememberWorkspace(queryClient, result.workspace);
      void invalidateAccounts(queryClient);
      switchTo(result.workspace.id);
      setImported({
        workspaceName: result.workspace.name,
        accountCount: result.workspace.accountCount,
        awaiting: result.accountsAwaitingCredential.map((a) => ({ ...a, cloud: a.cloud as Cloud })),
        skipped: result.skipped,
      });
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Import workspace" onClose={closeDialog} className="dialog-wide">
      {!imported ? (
        <form className="import-workspace-form" onSubmit={(event) => void importFile(event)} noValidate>
          <p className="muted">
            Choose a file exported from Hangar. It becomes a new workspace with its accounts and environments;
            it holds no secrets, so you give each account its secret next.
          </p>
          <div className="form-field">
            <label htmlFor="workspace-file">Workspace file</label>
            <input
              id="workspace-file"
              name="workspace-file"
              type="file"
              accept=".json,application/json"
              data-autofocus
              onChange={() => setProblem(null)}
            />
          </div>
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
          {error && <ErrorMessage error={error} context="Could not import the workspace" />}
          <div className="dialog-actions">
            <span className="spacer" />
            <button type="button" className="button-quiet" onClick={closeDialog}>
              Cancel
            </button>
            <button type="submit" className="button-primary" disabled={busy}>
              {busy ? 'Importing…' : 'Import workspace'}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p role="status">
            Imported <strong>{imported.workspaceName}</strong> with {plural(imported.accountCount, 'account')}
            ; this window now shows it.
          </p>
          {imported.skipped.length > 0 && (
            <div className="import-skipped">
              <p>Left out:</p>
              <ul>
                {imported.skipped.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            </div>
          )}
          <AwaitingSecrets
            accounts={imported.awaiting}
            keychain={info.data?.keychain ?? UNKNOWN_KEYCHAIN}
            onRemaining={(awaiting) => setImported({ ...imported, awaiting })}
            onDone={closeDialog}
          />
        </>
      )}
    </Dialog>
  );
}
