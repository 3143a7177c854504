import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { LaunchDialog } from './launch-dialog';
import type { LaunchSource } from './model/place-choices';

export interface LaunchActions {
  /** Opens the launch dialog for a registry record or a catalog image. */
  launch: (source: LaunchSource) => void;
}

const LaunchActionsContext = createContext<LaunchActions | null>(null);

/** Null outside the workspace views (a panel rendered alone then offers no "Launch…"). */
export function useLaunchActions(): LaunchActions | null {
  return useContext(LaunchActionsContext);
}

interface LaunchActionsProviderProps {
  /** A launch started: show where its progress is (the Activity view). */
  onLaunched: (result: { launchId: string; operationId: string }) => void;
  children: ReactNode;
}

/** Hosts the one launch dialog of a workspace view, so the catalog and the registry open the same one. */
export function LaunchActionsProvider({ onLaunched, children }: LaunchActionsProviderProps) {
  const [source, setSource] = useState<LaunchSource | null>(null);
  const launch = useCallback((next: LaunchSource) => setSource(next), []);
  const value = useMemo<LaunchActions>(() => ({ launch }), [launch]);
  return (
    <LaunchActionsContext.Provider value={value}>
      {children}
      {source && (
        <LaunchDialog
          source={source}
          onClose={() => setSource(null)}
          onLaunched={(result) => {
            setSource(null);
            onLaunched(result);
          }}
        />
      )}
    </LaunchActionsContext.Provider>
  );
}
