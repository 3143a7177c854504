import { useId } from 'react';
import type { Workspace } from '@contract/index';
import { ErrorMessage } from '../../components/error-message';
import { useAppActions } from './app-actions';
import { accountCountText, colorClass } from './workspace-colors';
import { useWorkspaces } from './workspace-context';

/** Every workspace with its account count: click to switch this window, ↗ to open one beside it. */
export function WorkspacesPanel() {
  const { workspaces, current, listError, switchTo } = useWorkspaces();
  const { openDialog, exportWorkspace, openInNewWindow } = useAppActions();
  return (
    <section className="panel workspaces" role="region" aria-label="Workspaces">
      <div className="panel-head">
        <h2>Workspaces</h2>
        <button
          type="button"
          className="button-small"
          onClick={() => openDialog({ kind: 'create-workspace' })}
        >
          New workspace
        </button>
      </div>
      {listError && <ErrorMessage error={listError} context="Could not list the workspaces" />}
      <ul className="workspace-list">
        {workspaces?.map((workspace) => (
          <WorkspaceItem
            key={workspace.id}
            workspace={workspace}
            current={workspace.id === current?.id}
            onSwitch={() => switchTo(workspace.id)}
            onOpenWindow={() => openInNewWindow(workspace)}
          />
        ))}
      </ul>
      <div className="workspace-actions">
        {current?.kind === 'user' && (
          <>
            <button
              type="button"
              className="button-small"
              onClick={() => openDialog({ kind: 'edit-workspace', workspace: current })}
            >
              Edit workspace
            </button>
            <button type="button" className="button-small" onClick={() => void exportWorkspace(current)}>
              Export workspace
            </button>
          </>
        )}
        <button
          type="button"
          className="button-small"
          onClick={() => openDialog({ kind: 'import-workspace' })}
        >
          Import workspace
        </button>
      </div>
    </section>
  );
}

interface WorkspaceItemProps {
  workspace: Workspace;
  current: boolean;
  onSwitch: () => void;
  onOpenWindow: () => void;
}

function WorkspaceItem({ workspace, current, onSwitch, onOpenWindow }: WorkspaceItemProps) {
  const countId = useId();
  return (
    <li className={`workspace-item ${colorClass(workspace.color)} ${current ? 'is-current' : ''}`}>
      <button
        type="button"
        className="workspace-switch"
        aria-current={current ? 'true' : undefined}
        aria-describedby={countId}
        onClick={onSwitch}
      >
        <span className="ws-swatch" aria-hidden="true" />
        <span className="workspace-item-name">{workspace.name}</span>
      </button>
      <span id={countId} className="workspace-count">
        {accountCountText(workspace.accountCount)}
        {current && <span className="visually-hidden">, shown in this window</span>}
      </span>
      <button
        type="button"
        className="button-icon"
        aria-label={`Open ${workspace.name} in a new window`}
        title={`Open ${workspace.name} in a new window`}
        onClick={onOpenWindow}
      >
        ↗
      </button>
    </li>
  );
}
