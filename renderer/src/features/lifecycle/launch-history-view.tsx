import { useState } from 'react';
import type { LaunchEntry } from '@contract/index';
import { ErrorMessage } from '../../components/error-message';
import { plural } from '../../lib/format';
import { CaptureDialog } from './capture-dialog';
import { LaunchRow } from './launch-history-row';
import { useInvalidateLaunches, useLaunchHistory } from './lifecycle-queries';
import { launchName, type CaptureSource } from './model/launch-history';
import { TerminateDialog } from './terminate-dialog';

type HistoryDialog =
  { kind: 'terminate'; launch: LaunchEntry } | { kind: 'capture'; source: CaptureSource } | null;

const HEADERS = ['When', 'By', 'Cloud', 'Account', 'Location', 'Image', 'Servers', 'State', 'Addresses'];

/**
 * Every launch of the workspace, newest first, as main's store keeps it: readable offline, fresh
 * on `launch:changed`. A row opens to its spec and servers; running servers can be captured.
 */
export function LaunchHistoryView() {
  const history = useLaunchHistory();
  const refresh = useInvalidateLaunches();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<HistoryDialog>(null);
  const [note, setNote] = useState('');
  const launches = history.data ?? [];

  const toggle = (id: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const close = () => setDialog(null);

  return (
    <div className="registry launch-history">
      <div className="registry-main">
        <div className="catalog-toolbar">
          <h2 className="launch-history-title">Launches</h2>
          <span className="spacer" />
          <button type="button" disabled={history.isFetching} onClick={() => void refresh()}>
            Refresh
          </button>
        </div>
        <div className="catalog-status">
          <span role="status" aria-live="polite">
            {history.data
              ? plural(launches.length, 'launch', 'launches')
              : history.isPending
                ? 'Loading…'
                : ''}
          </span>
          {note && <span className="launch-history-note"> · {note}</span>}
        </div>
        {history.isError && (
          <ErrorMessage error={history.error} context="Could not load the launch history" />
        )}
        {history.data && launches.length === 0 ? (
          <div className="empty-state">
            <h2>No launches yet</h2>
            <p>Launch a server from a registry record or a catalog image; every launch is kept here.</p>
          </div>
        ) : (
          <div className="registry-table-wrap">
            <table className="registry-table launch-table" aria-label="Launch history">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Details</span>
                  </th>
                  {HEADERS.map((header) => (
                    <th key={header} scope="col">
                      {header}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {launches.map((launch) => (
                  <LaunchRow
                    key={launch.id}
                    launch={launch}
                    expanded={expanded.has(launch.id)}
                    onToggle={() => toggle(launch.id)}
                    onTerminate={() => setDialog({ kind: 'terminate', launch })}
                    onCapture={(server) => setDialog({ kind: 'capture', source: { launch, server } })}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {dialog?.kind === 'terminate' && (
        <TerminateDialog
          launch={dialog.launch}
          onClose={close}
          onTerminating={(launch) => {
            close();
            setNote(`Terminating ${launchName(launch)}: this list follows its servers until they are gone.`);
          }}
        />
      )}
      {dialog?.kind === 'capture' && (
        <CaptureDialog
          source={dialog.source}
          recordId={dialog.source.launch.recordId}
          initialMode="none"
          onClose={close}
        />
      )}
    </div>
  );
}
