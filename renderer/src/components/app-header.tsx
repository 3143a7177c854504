import type { AppInfo } from '@contract/index';
import { useTransportStatus } from '../api/api-context';
import { CLOUD_LABEL } from '../lib/clouds';

const SANDBOX_EXPLANATION =
  'Sandbox: local stand-ins for the clouds with sample accounts and images, so you can try Hangar without real credentials. Nothing here touches a real cloud.';

/** App name, the workspace as a badge (so a consultant always sees which client they are in), link state. */
export function AppHeader({ info }: { info: AppInfo | undefined }) {
  const { events } = useTransportStatus();
  const sandbox = info?.sandbox.running ?? false;
  const badgeTitle = sandbox
    ? `${SANDBOX_EXPLANATION}${info?.sandbox.clouds.length ? ` (${info.sandbox.clouds.map((c) => CLOUD_LABEL[c]).join(', ')})` : ''}`
    : 'The current workspace: its accounts and cached images are kept apart from every other workspace.';
  return (
    <header className="app-header">
      <h1 className="app-name">Hangar</h1>
      {info && (
        <span className={`workspace-badge ${sandbox ? 'is-sandbox' : ''}`} title={badgeTitle}>
          <span className="visually-hidden">Workspace: </span>
          {info.workspaceName}
        </span>
      )}
      {sandbox && (
        <span className="sandbox-note" title={SANDBOX_EXPLANATION}>
          sample data, no real cloud
        </span>
      )}
      <span className="spacer" />
      {events === 'reconnecting' && (
        <span className="link-state" role="status">
          Live updates lost, reconnecting…
        </span>
      )}
      {info && <span className="app-version">v{info.version}</span>}
    </header>
  );
}
