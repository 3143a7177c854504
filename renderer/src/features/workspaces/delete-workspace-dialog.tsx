import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Workspace } from '@contract/index';
import { useApi } from '../../api/api-context';
import { toApiError, type ApiError } from '../../api/api-error';
import { invalidateAccounts, invalidateCatalog } from '../../api/queries';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/error-message';
import { plural } from '../../lib/format';
import { useAppActions } from './app-actions';
import { useWorkspaces } from './workspace-context';

/** Confirms deleting a workspace, saying that its accounts and their keychain entries go with it. */
export function DeleteWorkspaceDialog({ workspace }: { workspace: Workspace }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { current, workspaces, startWorkspaceId, switchTo } = useWorkspaces();
  const { closeDialog } = useAppActions();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const count = workspace.accountCount;

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.invoke('workspaces:remove', { workspaceId: workspace.id, removeAccounts: true });
      if (current?.id === workspace.id) {
        // Move this window before the list refetches, so it never shows a workspace that is gone.
        const others = (workspaces ?? []).filter((w) => w.id !== workspace.id);
        const next =
          others.find((w) => w.id === startWorkspaceId) ?? others.find((w) => w.kind === 'user') ?? others[0];
        if (next) switchTo(next.id);
      }
      void invalidateAccounts(queryClient);
      void invalidateCatalog(queryClient);
      closeDialog();
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Delete workspace ${workspace.name}?`} role="alertdialog" onClose={closeDialog}>
      <p>
        {count === 0
          ? 'It has no accounts. '
          : `Its ${plural(count, 'account')} ${count === 1 ? 'goes' : 'go'} too, with ${count === 1 ? 'its keychain entry' : 'their keychain entries'} and cached images. `}
        The accounts themselves in the clouds are not touched. Export the workspace first to keep its
        definition.
      </p>
      {error && <ErrorMessage error={error} context="Could not delete the workspace" noAdvice />}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="button-quiet" data-autofocus onClick={closeDialog}>
          Keep workspace
        </button>
        <button type="button" className="button-danger" disabled={busy} onClick={() => void remove()}>
          Delete workspace
        </button>
      </div>
    </Dialog>
  );
}
