import { Fragment, useId } from 'react';
import type { LaunchEntry } from '@contract/index';
import { CloudBadge } from '../../components/cloud-badge';
import { RelativeTime } from '../../components/relative-time';
import { useRegistryActions } from '../registry/registry-actions';
import {
  addressesOf,
  failureReason,
  isCapturable,
  specRows,
  terminateBlocked,
  type CaptureSource,
  type LaunchServer,
} from './model/launch-history';

interface LaunchRowProps {
  launch: LaunchEntry;
  expanded: boolean;
  onToggle: () => void;
  onTerminate: () => void;
  onCapture: (server: CaptureSource['server']) => void;
}

const COLUMNS = 11;

/** One launch: a summary row, and (opened) its full spec and servers underneath. */
export function LaunchRow({ launch, expanded, onToggle, onTerminate, onCapture }: LaunchRowProps) {
  const detailsId = useId();
  const actions = useRegistryActions();
  const reason = failureReason(launch);
  const blocked = terminateBlocked(launch);
  const addresses = addressesOf(launch);
  const recordId = launch.recordId;

  return (
    <Fragment>
      <tr className={`launch-row is-${launch.state}`}>
        <td className="launch-when">
          <button
            type="button"
            className="button-small button-quiet"
            aria-expanded={expanded}
            aria-controls={detailsId}
            onClick={onToggle}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> Details
          </button>
        </td>
        <td className="launch-when">
          <RelativeTime iso={launch.at} />
        </td>
        <td>{launch.by}</td>
        <td>
          <CloudBadge cloud={launch.cloud} />
        </td>
        <td>{launch.accountName}</td>
        <td>{launch.location}</td>
        <td>
          <span className="mono">{launch.imageId}</span>
          {recordId && actions && (
            <div>
              <button type="button" className="link-button" onClick={() => actions.openRecord(recordId)}>
                Open record
              </button>
            </div>
          )}
        </td>
        <td>
          {launch.servers.length === 0 ? (
            <span className="muted">none yet</span>
          ) : (
            <ul className="launch-servers">
              {launch.servers.map((server, index) => (
                <ServerItem key={server.serverId ?? index} server={server} onCapture={onCapture} />
              ))}
            </ul>
          )}
        </td>
        <td className="launch-state-cell">
          <span className={`launch-state is-${launch.state}`}>{launch.state}</span>
          {reason && (
            <div className="launch-reason" title={reason}>
              {reason}
            </div>
          )}
        </td>
        <td className="mono launch-addresses">
          {addresses.length > 0 ? addresses.map((address) => <div key={address}>{address}</div>) : '—'}
        </td>
        <td className="launch-actions">
          <button
            type="button"
            className="button-small button-danger"
            disabled={blocked !== null}
            title={blocked ?? undefined}
            aria-describedby={blocked ? `${detailsId}-blocked` : undefined}
            onClick={onTerminate}
          >
            Terminate
          </button>
          {blocked && (
            <span id={`${detailsId}-blocked`} className="visually-hidden">
              {blocked}
            </span>
          )}
        </td>
      </tr>
      {expanded && (
        <tr className="launch-details-row">
          <td id={detailsId} colSpan={COLUMNS}>
            <LaunchDetails launch={launch} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

function ServerItem({
  server,
  onCapture,
}: {
  server: LaunchServer;
  onCapture: (server: CaptureSource['server']) => void;
}) {
  const nameId = useId();
  return (
    <li>
      <span id={nameId}>{server.name}</span> <span className="muted">{server.state}</span>
      {isCapturable(server) && (
        <>
          {' '}
          <button
            type="button"
            className="button-small"
            aria-describedby={nameId}
            onClick={() => onCapture(server)}
          >
            Capture image…
          </button>
        </>
      )}
    </li>
  );
}

function LaunchDetails({ launch }: { launch: LaunchEntry }) {
  return (
    <div className="launch-details">
      <section aria-label="Launch spec">
        <h3>Spec</h3>
        <dl className="kv">
          {specRows(launch).map(([label, value]) => (
            <div key={label} className="kv-row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {failureReason(launch) && <p className="launch-reason">{failureReason(launch)}</p>}
        <p className="muted">
          Launched by {launch.by} on {new Date(launch.at).toLocaleString()} · {launch.id}
        </p>
      </section>
      <section aria-label="Servers">
        <h3>Servers</h3>
        {launch.servers.length === 0 ? (
          <p className="muted">The cloud started no server.</p>
        ) : (
          <table className="mapping-table" aria-label={`Servers of ${launch.spec.Name ?? launch.id}`}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Server id</th>
                <th scope="col">State</th>
                <th scope="col">Addresses</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {launch.servers.map((server, index) => (
                <tr key={server.serverId ?? index}>
                  <td>{server.name}</td>
                  <td className="mono">{server.serverId ?? '—'}</td>
                  <td>{server.state}</td>
                  <td className="mono">{server.addresses.join(', ') || '—'}</td>
                  <td>{server.reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
