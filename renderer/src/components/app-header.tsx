import type { AppInfo } from '@contract/index';
import { useTransportStatus } from '../api/api-context';
import { CLOUD_LABEL } from '../lib/clouds';
import { useAppActions } from '../features/workspaces/app-actions';
import { colorClass } from '../features/workspaces/workspace-colors';
import { useWorkspaces } from '../features/workspaces/workspace-context';

const SANDBOX_EXPLANATION =
  'Sandbox: local stand-ins for the clouds with sample accounts and images, so you can try Hangar without real credentials. Nothing here touches a real cloud.';
const WORKSPACE_EXPLANATION =
  'The workspace this window shows: its accounts and cached images are kept apart from every other workspace.';
const LOCK_EXPLANATION =
  'Forget the secrets kept for this session only, now. Keychain secrets stay in the keychain; the cached catalog stays browsable.';

const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);

/**
 * App name, then the window's workspace in its colour (a bar along the top and a badge, so a
 * consultant always sees which client they are in), switching, locking, and the link state.
 */
export function AppHeader({ info }: { info: AppInfo | undefined }) {
  const { events } = useTransportStatus();
  const { current } = useWorkspaces();
  const { openDialog, lockNow, locking } = useAppActions();
  const sandbox = current?.kind === 'sandbox';
  const sandboxClouds = info?.sandbox.clouds.map((c) => CLOUD_LABEL[c]).join(', ');
  const badgeTitle = sandbox
    ? `${SANDBOX_EXPLANATION}${sandboxClouds ? ` (${sandboxClouds})` : ''}`
    : WORKSPACE_EXPLANATION;
  return (
    <header className={`app-header ${current ? `has-workspace ${colorClass(current.color)}` : ''}`}>
      <h1 className="app-name">Hangar</h1>
      {current && (
        <span className={`workspace-badge ${sandbox ? 'is-sandbox' : ''}`} title={badgeTitle}>
          <span className="visually-hidden">Workspace: </span>
          {current.name}
        </span>
      )}
      {sandbox && (
        <span className="sandbox-note" title={SANDBOX_EXPLANATION}>
          sample data, no real cloud
        </span>
      )}
      <button
        type="button"
        className="button-small"
        aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
        onClick={() => openDialog({ kind: 'palette' })}
      >
        Switch workspace{' '}
        <kbd className="shortcut" aria-hidden="true">
          {isMac ? '⌘K' : 'Ctrl+K'}
        </kbd>
      </button>
      <span className="spacer" />
      {events === 'reconnecting' && (
        <span className="link-state" role="status">
          Live updates lost, reconnecting…
        </span>
      )}
      <button
        type="button"
        className="button-small"
        title={LOCK_EXPLANATION}
        disabled={locking}
        onClick={() => void lockNow()}
      >
        Lock now
      </button>
      {info && <span className="app-version">v{info.version}</span>}
    </header>
  );
}
