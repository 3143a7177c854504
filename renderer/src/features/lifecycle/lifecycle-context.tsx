import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { useWorkspaceId } from '../../api/workspace-scope';
import { invalidateLaunches } from './lifecycle-queries';
import { OperationToasts, type TrackedOperation } from './operation-toasts';

/** Shows a started operation (capture, copy) as a notice that follows it to the end. */
type TrackOperation = (operationId: string, title: string) => void;

const TrackContext = createContext<TrackOperation | null>(null);

/** Outside the workspace views nothing shows the notice; the caller's own message still does. */
export function useTrackOperation(): TrackOperation {
  return useContext(TrackContext) ?? noTracking;
}

const noTracking: TrackOperation = () => undefined;

/**
 * Hosts what the lifecycle views share in one workspace: the launch history kept fresh on
 * `launch:changed`, and the notices of the operations its dialogs started.
 */
export function LifecycleProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const client = useQueryClient();
  const workspaceId = useWorkspaceId();
  const [tracked, setTracked] = useState<TrackedOperation[]>([]);

  useEffect(
    () =>
      api.on('launch:changed', (event) => {
        if (event.workspaceId === workspaceId) void invalidateLaunches(client, workspaceId);
      }),
    [api, client, workspaceId],
  );

  const track = useCallback<TrackOperation>(
    (operationId, title) =>
      setTracked((list) => [...list.filter((op) => op.operationId !== operationId), { operationId, title }]),
    [],
  );
  const dismiss = useCallback(
    (operationId: string) => setTracked((list) => list.filter((op) => op.operationId !== operationId)),
    [],
  );
  const value = useMemo(() => track, [track]);

  return (
    <TrackContext.Provider value={value}>
      {children}
      <OperationToasts operations={tracked} onDismiss={dismiss} />
    </TrackContext.Provider>
  );
}
