import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SyncSnapshot, SyncStartRequest } from '@contract/index';
import { useApi, useTransportStatus } from '../../api/api-context';
import { toApiError, type ApiError } from '../../api/api-error';
import { invalidateCatalog } from '../../api/queries';

interface SyncContextValue {
  /** The running sync, or the last one until dismissed. */
  snapshot: SyncSnapshot | null;
  running: boolean;
  /** Why starting or cancelling failed. */
  error: ApiError | null;
  start: (request: SyncStartRequest) => Promise<void>;
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
 * `sync:status` reattaches to a sync that was already running.
 */
export function SyncProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { openCount } = useTransportStatus();
  const [snapshot, setSnapshot] = useState<SyncSnapshot | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(
    () => api.on('sync:progress', (incoming) => setSnapshot((current) => pickSnapshot(current, incoming))),
    [api],
  );

  useEffect(() => {
    let live = true;
    api
      .invoke('sync:status', {})
      .then(({ current }) => {
        if (live && current) setSnapshot((existing) => pickSnapshot(existing, current));
      })
      .catch(() => {
        // Not fatal: the sidebar still works, and the next progress event reattaches us.
      });
    return () => {
      live = false;
    };
  }, [api, openCount]);

  const finished = snapshot !== null && snapshot.state !== 'running';
  useEffect(() => {
    // Belt and braces next to `catalog:changed`: counts and sync times changed.
    if (finished) void invalidateCatalog(queryClient);
  }, [finished, queryClient]);

  const start = useCallback(
    async (request: SyncStartRequest) => {
      setError(null);
      try {
        const { operationId } = await api.invoke('sync:start', request);
        setSnapshot((current) =>
          current?.operationId === operationId
            ? current
            : {
                operationId,
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
    [api],
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
