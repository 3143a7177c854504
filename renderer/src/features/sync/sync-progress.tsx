import type { SourceProgress } from '@contract/index';
import { ErrorMessage } from '../../components/error-message';
import { formatCount, formatDuration, plural } from '../../lib/format';
import { useSync } from './sync-context';
import { STATE_LABEL, summarize } from './sync-summary';

/** The running (or last) sync: overall bar, per-source results, Cancel. */
export function SyncProgress() {
  const { snapshot, running, error, cancel, dismiss } = useSync();
  if (!snapshot) return error ? <ErrorMessage error={error} context="Sync did not start" /> : null;

  const summary = summarize(snapshot);
  const percent = Math.round(summary.fraction * 100);
  const headline = running
    ? `Syncing ${summary.finished} of ${plural(summary.total, 'source')}…`
    : snapshot.state === 'cancelled'
      ? `Sync cancelled: ${summary.completed} of ${plural(summary.total, 'source')} synced`
      : summary.failed === summary.total
        ? // Nothing was fetched: say so, rather than "0 images" above a catalog that still holds its cache.
          `Sync failed: none of ${plural(summary.total, 'source')} could be synced; the cache is unchanged`
        : `Sync finished: ${plural(summary.total, 'source')}, ${plural(summary.images, 'image')}`;

  return (
    <section className="sync-progress" aria-label="Sync progress">
      <div className="sync-progress-head">
        <span role="status">{headline}</span>
        {running ? (
          <button type="button" onClick={() => void cancel()}>
            Cancel sync
          </button>
        ) : (
          <button type="button" className="button-quiet" onClick={dismiss}>
            Dismiss
          </button>
        )}
      </div>
      <div
        className="progressbar"
        role="progressbar"
        aria-label="Sync progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${summary.finished} of ${summary.total} sources`}
      >
        <div
          className={`progressbar-fill ${summary.failed ? 'has-failures' : ''}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      {summary.failed > 0 && <p className="sync-failures">{plural(summary.failed, 'source')} failed.</p>}
      {summary.unreachable && (
        <p className="sync-offline">The cloud could not be reached; the cached catalog is still browsable.</p>
      )}
      {error && <ErrorMessage error={error} context="Could not cancel the sync" />}
      {snapshot.sources.length > 0 && (
        <ul className="sync-sources" aria-label="Sync progress by source">
          {snapshot.sources.map((source) => (
            <SourceProgressRow key={source.sourceId} source={source} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SourceProgressRow({ source }: { source: SourceProgress }) {
  const detail =
    source.state === 'running'
      ? `${formatCount(source.imageCount)} images, page ${source.pages}`
      : source.state === 'done'
        ? `${formatCount(source.imageCount)} images in ${formatDuration(source.durationMs)}`
        : '';
  return (
    <li className={`sync-source state-${source.state}`}>
      <span className="sync-source-label">
        {source.accountName} · {source.location} · {source.owner}
      </span>
      <span className="sync-source-state">{STATE_LABEL[source.state]}</span>
      {detail && <span className="sync-source-detail">{detail}</span>}
      {source.error && (
        <span className="sync-source-error">
          <code>{source.error.code}</code> {source.error.message}
        </span>
      )}
    </li>
  );
}
