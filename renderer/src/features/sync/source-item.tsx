import type { Source, SourceProgress } from '@contract/index';
import { RelativeTime } from '../../components/relative-time';
import { formatCount } from '../../lib/format';
import { STATE_LABEL } from './sync-summary';

interface SourceItemProps {
  source: Source;
  /** This source's part in the running sync, if any. */
  progress: SourceProgress | undefined;
  syncDisabled: boolean;
  onSync: () => void;
}

/** One cached slice (account × region × owner): size, freshness, last error, and its own Sync. */
export function SourceItem({ source, progress, syncDisabled, onSync }: SourceItemProps) {
  const label = `${source.accountName} · ${source.location} · ${source.owner}`;
  const active = progress && (progress.state === 'queued' || progress.state === 'running');
  return (
    <li className="source-item">
      <div className="source-line">
        <span className="source-label" title={label}>
          {source.location} · {source.owner}
        </span>
        <span className="source-count">{formatCount(source.imageCount)}</span>
        <button
          type="button"
          className="button-icon"
          aria-label={`Sync source ${label}`}
          title={`Sync ${label}`}
          disabled={syncDisabled}
          onClick={onSync}
        >
          ↻
        </button>
      </div>
      <div className="source-meta">
        {active ? (
          <span className="source-syncing">
            {STATE_LABEL[progress.state]}
            {progress.state === 'running' && ` · ${formatCount(progress.imageCount)} images so far`}
          </span>
        ) : source.lastSyncedAt ? (
          <RelativeTime iso={source.lastSyncedAt} prefix="synced" />
        ) : (
          <span>never synced</span>
        )}
        {source.stale && (
          <span
            className="badge badge-warning"
            title={source.staleReason ?? 'Older than the stale threshold'}
          >
            stale
          </span>
        )}
      </div>
      {source.stale && source.staleReason && <div className="source-stale-reason">{source.staleReason}</div>}
      {source.lastError && (
        <div className="source-error">
          <code>{source.lastError.code}</code> {source.lastError.message}
          {source.lastError.code === 'cloud-unreachable' && ' The cached images are still browsable.'}
        </div>
      )}
    </li>
  );
}
