import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Workspace } from '@contract/index';
import type { ApiError } from '../../api/api-error';
import { useAppInfo, useWorkspaceList } from '../../api/queries';
import { showWorkspaceInAddress, workspaceFromAddress } from './workspace-url';

interface WorkspaceState {
  /** Every workspace, with account counts (undefined while the first list loads). */
  workspaces: Workspace[] | undefined;
  listError: ApiError | null;
  /** What this window shows: known and confirmed to exist, or null while that is being found out. */
  current: Workspace | null;
  /** Where a new window opens, from main ('sandbox' on a first run, else 'default'). */
  startWorkspaceId: string | null;
  switchTo: (workspaceId: string) => void;
  /** Said when the window's workspace vanished (removed in another window, or an old address). */
  notice: string | null;
  dismissNotice: () => void;
}

const WorkspaceContext = createContext<WorkspaceState | null>(null);

function pickFallback(workspaces: Workspace[], startId: string | null): Workspace | null {
  return (
    workspaces.find((w) => w.id === startId) ??
    workspaces.find((w) => w.kind === 'user') ??
    workspaces[0] ??
    null
  );
}

/**
 * The window's current workspace, held in React state (per window, never shared through storage):
 * first from `?workspace=ID`, else main's start workspace. Once known it is pinned, so main's start
 * workspace changing later (the first own account) never moves an open window.
 */
export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const info = useAppInfo();
  const list = useWorkspaceList();
  const [chosen, setChosen] = useState<string | null>(workspaceFromAddress);
  const [notice, setNotice] = useState<string | null>(null);

  const startWorkspaceId = info.data?.startWorkspaceId ?? null;
  const wanted = chosen ?? startWorkspaceId;
  const workspaces = list.data;
  const found = (wanted && workspaces?.find((w) => w.id === wanted)) || null;
  // Only a settled list may say a workspace is gone: one just created may still be on its way.
  const gone = wanted !== null && workspaces !== undefined && !found && !list.isFetching;
  const current = found ?? (gone ? pickFallback(workspaces, startWorkspaceId) : null);

  // Adjusting state while rendering (not in an effect) so no frame shows the unpinned choice.
  if (current && chosen !== current.id) {
    setChosen(current.id);
    if (gone && chosen)
      setNotice(`The workspace this window showed no longer exists; showing ${current.name}.`);
  }

  useEffect(() => {
    if (current) showWorkspaceInAddress(current.id);
  }, [current]);
  const title = current ? `Hangar — ${current.name}` : 'Hangar';
  useEffect(() => {
    document.title = title;
  }, [title]);

  const switchTo = useCallback((workspaceId: string) => {
    setNotice(null);
    setChosen(workspaceId);
  }, []);
  const dismissNotice = useCallback(() => setNotice(null), []);

  const value = useMemo<WorkspaceState>(
    () => ({
      workspaces,
      listError: list.error,
      current,
      startWorkspaceId,
      switchTo,
      notice,
      dismissNotice,
    }),
    [workspaces, list.error, current, startWorkspaceId, switchTo, notice, dismissNotice],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspaces(): WorkspaceState {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('WorkspaceProvider is missing above this component');
  return value;
}
