import type { LaunchEntry } from '@contract/index';
import { useApi } from '../../api/api-context';
import { useWorkspaceId } from '../../api/workspace-scope';
import { Dialog } from '../../components/dialog';
import { LifecycleError } from './lifecycle-error';
import { plural } from '../../lib/format';
import { useAction } from '../registry/use-action';
import { useInvalidateLaunches } from './lifecycle-queries';
import { isLiveServer, launchName } from './model/launch-history';

interface TerminateDialogProps {
  launch: LaunchEntry;
  onClose: () => void;
  /** Told once the cloud took the request; the history follows the servers until they are gone. */
  onTerminating: (launch: LaunchEntry) => void;
}

/** Terminating cannot be undone: ask first, naming every server that will go. */
export function TerminateDialog({ launch, onClose, onTerminating }: TerminateDialogProps) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const invalidate = useInvalidateLaunches();
  const live = launch.servers.filter(isLiveServer);
  const terminate = useAction(() => api.invoke('launch:terminate', { workspaceId, launchId: launch.id }));

  const onTerminate = async () => {
    const updated = await terminate.run();
    if (!updated) return;
    await invalidate();
    onTerminating(updated);
  };

  return (
    <Dialog title={`Terminate ${launchName(launch)}?`} role="alertdialog" onClose={onClose}>
      <p>
        {plural(live.length, 'server')} in {launch.location} ({launch.accountName}) will be terminated, with
        their local disks. This cannot be undone; images captured from them stay.
      </p>
      <ul className="registry-list">
        {live.map((server) => (
          <li key={server.serverId ?? server.name}>
            {server.name} <span className="mono">{server.serverId ?? ''}</span>{' '}
            <span className="muted">{server.state}</span>
          </li>
        ))}
      </ul>
      {terminate.error && <LifecycleError error={terminate.error} context="Could not terminate" />}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="button-quiet" data-autofocus onClick={onClose}>
          Keep running
        </button>
        <button
          type="button"
          className="button-danger"
          disabled={terminate.busy}
          onClick={() => void onTerminate()}
        >
          Terminate servers
        </button>
      </div>
    </Dialog>
  );
}
