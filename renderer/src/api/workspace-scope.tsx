import { createContext, useContext, type ReactNode } from 'react';

/**
 * The workspace every request below names. Set once per mounted workspace view: the view is keyed
 * by the id, so a switch mounts a fresh subtree instead of letting old state meet the new context.
 */
const WorkspaceIdContext = createContext<string | null>(null);

export function WorkspaceScope({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  return <WorkspaceIdContext.Provider value={workspaceId}>{children}</WorkspaceIdContext.Provider>;
}

export function useWorkspaceId(): string {
  const workspaceId = useContext(WorkspaceIdContext);
  if (!workspaceId) throw new Error('WorkspaceScope is missing above this component');
  return workspaceId;
}

/** A request as a view states it; the scope adds the workspace. */
export type WithoutWorkspace<T> = Omit<T, 'workspaceId'>;
