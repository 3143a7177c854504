import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SyncSnapshot, SyncStartRequest } from '@contract/index';
import { useApi, useTransportStatus } from '../../api/api-context';
import { toApiError, type ApiError } from '../../api/api-error';
import { invalidateCatalog } from '../../api/queries';
import { useWorkspaceId, type WithoutWorkspace } from '../../api/workspace-scope';

interface SyncContextValue {
  /** The running sync, or the last one until dismissed. */
  snapshot: SyncSnapshot | null;
  running: boolean;
  /** Why starting or cancelling failed. */
  error: ApiError | null;
  /** Syncs in this window's workspace; which accounts or sources is the caller's choice. */
  start: (request: WithoutWorkspace<SyncStartRequest>) => Promise<void>;
  cancel: () => Promise<void>;
  dismiss: () => void;
}

const SyncContext = createContext<SyncContextValue | null>(null);

/** Newer operations win; within one operation the latest snapshot wins. */
function pickSnapshot(current: SyncSnapshot | null, incoming: SyncSnapshot): SyncSnapshot {
  if (!current || current.operationId === incoming.operationId) return incoming;
  return incoming.startedAt >= current.startedAt ? incoming : current;
}

/**
 * One sync at a time, shared by the sources sidebar and the "sync the new account" offer.
 * Progress arrives as `sync:progress` snapshots; on mount (and after the event link reconnects)
 * `sync:status` reattaches to a sync that was already running. Only this window's workspace
 * counts: another window's sync of another client is none of this view's business.
 */
export function SyncProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const queryClient = useQueryClient();
  const { openCount } = useTransportStatus();
  const [stored, setSnapshot] = useState<SyncSnapshot | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [shownFor, setShownFor] = useState(workspaceId);
  if (shownFor !== workspaceId) {
    // A switch: the panel starts over (adjusted while rendering, so no frame shows the old one).
    setShownFor(workspaceId);
    setSnapshot(null);
    setError(null);
  }
  // Belt and braces: a late answer for another workspace is never shown here.
  const snapshot = stored?.workspaceId === workspaceId ? stored : null;

  useEffect(
    () =>
      api.on('sync:progress', (incoming) => {
        if (incoming.workspaceId === workspaceId) setSnapshot((current) => pickSnapshot(current, incoming));
      }),
    [api, workspaceId],
  );

  useEffect(() => {
    let live = true;
    api
      .invoke('sync:status', { workspaceId })
      .then(({ current }) => {
        if (live && current?.workspaceId === workspaceId)
          setSnapshot((existing) => pickSnapshot(existing, current));
      })
      .catch(() => {
        // Not fatal: the sidebar still works, and the next progress event reattaches us.
      });
    return () => {
      live = false;
    };
  }, [api, openCount, workspaceId]);

  const finished = snapshot !== null && snapshot.state !== 'running';
  useEffect(() => {
    // Belt and braces next to `catalog:changed`: counts and sync times changed.
    if (finished) void invalidateCatalog(queryClient);
  }, [finished, queryClient]);

  const start = useCallback(
    async (request: WithoutWorkspace<SyncStartRequest>) => {
      setError(null);
      try {
        const { operationId } = await api.invoke('sync:start', { ...request, workspaceId });
        setSnapshot((current) =>
          current?.operationId === operationId
            ? current
            : {
                operationId,
                workspaceId,
                state: 'running',
                startedAt: new Date().toISOString(),
                finishedAt: null,
                sources: [],
              },
        );
      } catch (e) {
        setError(toApiError(e));
      }
    },
    [api, workspaceId],
  );

  const operationId = snapshot?.state === 'running' ? snapshot.operationId : null;
  const cancel = useCallback(async () => {
    if (!operationId) return;
    setError(null);
    try {
      await api.invoke('sync:cancel', { operationId });
    } catch (e) {
      setError(toApiError(e));
    }
  }, [api, operationId]);

  const dismiss = useCallback(() => {
    setSnapshot((current) => (current?.state === 'running' ? current : null));
    setError(null);
  }, []);

  const value = useMemo<SyncContextValue>(
    () => ({ snapshot, running: snapshot?.state === 'running', error, start, cancel, dismiss }),
    [snapshot, error, start, cancel, dismiss],
  );
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}

export function useSync(): SyncContextValue {
  const value = useContext(SyncContext);
  if (!value) throw new Error('SyncProvider is missing above this component');
  return value;
}
