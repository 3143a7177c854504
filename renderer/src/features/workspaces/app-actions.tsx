import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Workspace } from '@contract/index';
import { useApi } from '../../api/api-context';
import { toApiError } from '../../api/api-error';
import { invalidateAccounts } from '../../api/queries';
import { APP_SHELL_ID } from '../../components/dialog';
import { downloadText } from '../../lib/download';
import { plural } from '../../lib/format';
import { addressForWorkspace } from './workspace-url';

/** The dialogs one window can show; at most one at a time. */
export type AppDialog =
  | { kind: 'palette' }
  | { kind: 'create-workspace' }
  | { kind: 'edit-workspace'; workspace: Workspace }
  | { kind: 'delete-workspace'; workspace: Workspace }
  | { kind: 'import-workspace' }
  | { kind: 'add-account' }
  | { kind: 'import-machine' };

/** One line about the last window-wide action (lock, export, new window), shown in the header. */
export interface ActionNote {
  level: 'info' | 'error';
  text: string;
}

interface AppActions {
  dialog: AppDialog | null;
  openDialog: (dialog: AppDialog) => void;
  closeDialog: () => void;
  note: ActionNote | null;
  dismissNote: () => void;
  locking: boolean;
  lockNow: () => Promise<void>;
  exportWorkspace: (workspace: Workspace) => Promise<void>;
  openInNewWindow: (workspace: Workspace) => void;
}

const AppActionsContext = createContext<AppActions | null>(null);

const isModalOpen = () => document.getElementById(APP_SHELL_ID)?.hasAttribute('inert') ?? false;

/** Window-wide actions shared by the header, the sidebar and the Ctrl/Cmd+K palette. */
export function AppActionsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<AppDialog | null>(null);
  const [note, setNote] = useState<ActionNote | null>(null);
  const [locking, setLocking] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'k') return;
      // Already handled: the palette's own Ctrl/Cmd+K closes it.
      if (event.defaultPrevented) return;
      // Another dialog has the window: the palette waits until it closes.
      if (isModalOpen()) return;
      event.preventDefault();
      setDialog({ kind: 'palette' });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const lockNow = useCallback(async () => {
    setLocking(true);
    try {
      const { sessionEntriesForgotten: n } = await api.invoke('app:lock', {});
      setNote({
        level: 'info',
        text:
          n === 0
            ? 'Locked: no session-only secrets were held. The cached catalog stays browsable.'
            : `Locked: forgot ${plural(n, 'session secret')}. The cached catalog stays browsable; set the secrets again to sync.`,
      });
      // Session-only accounts now show "missing" with Set secret.
      void invalidateAccounts(queryClient);
    } catch (error) {
      setNote({ level: 'error', text: `Could not lock: ${toApiError(error).message}` });
    } finally {
      setLocking(false);
    }
  }, [api, queryClient]);

  const exportWorkspace = useCallback(
    async (workspace: Workspace) => {
      try {
        const file = await api.invoke('workspaces:export', { workspaceId: workspace.id });
        downloadText(file.fileName, 'application/json', file.content);
        setNote({
          level: 'info',
          text: `Exported ${workspace.name} to ${file.fileName}. The file holds no secrets: after importing it, give each account its secret.`,
        });
      } catch (error) {
        setNote({ level: 'error', text: `Could not export ${workspace.name}: ${toApiError(error).message}` });
      }
    },
    [api],
  );

  const openInNewWindow = useCallback((workspace: Workspace) => {
    const opened = window.open(addressForWorkspace(workspace.id), '_blank');
    if (opened) {
      // Same origin, but the new window has no business reaching back into this one.
      opened.opener = null;
      setNote(null);
    } else {
      setNote({
        level: 'error',
        text: `Could not open another window for ${workspace.name}. Allow pop-ups for this page, or open ${addressForWorkspace(workspace.id)} yourself.`,
      });
    }
  }, []);

  const closeDialog = useCallback(() => setDialog(null), []);
  const dismissNote = useCallback(() => setNote(null), []);

  const value = useMemo<AppActions>(
    () => ({
      dialog,
      openDialog: setDialog,
      closeDialog,
      note,
      dismissNote,
      locking,
      lockNow,
      exportWorkspace,
      openInNewWindow,
    }),
    [dialog, closeDialog, note, dismissNote, locking, lockNow, exportWorkspace, openInNewWindow],
  );
  return <AppActionsContext.Provider value={value}>{children}</AppActionsContext.Provider>;
}

export function useAppActions(): AppActions {
  const value = useContext(AppActionsContext);
  if (!value) throw new Error('AppActionsProvider is missing above this component');
  return value;
}
