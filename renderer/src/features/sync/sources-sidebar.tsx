import { useId, useMemo } from 'react';
import type { Source, SourceProgress } from '@contract/index';
import { useCatalogSources } from '../../api/queries';
import { ErrorMessage } from '../../components/error-message';
import { formatCount } from '../../lib/format';
import { CloudBadge } from '../../components/cloud-badge';
import { accountOfflineReason } from './offline-reason';
import { SourceItem } from './source-item';
import { SyncProgress } from './sync-progress';
import { useSync } from './sync-context';

interface AccountGroup {
  accountId: string;
  accountName: string;
  cloud: Source['cloud'];
  sources: Source[];
}

function groupByAccount(sources: Source[]): AccountGroup[] {
  const groups = new Map<string, AccountGroup>();
  for (const source of sources) {
    let group = groups.get(source.accountId);
    if (!group) {
      group = {
        accountId: source.accountId,
        accountName: source.accountName,
        cloud: source.cloud,
        sources: [],
      };
      groups.set(source.accountId, group);
    }
    group.sources.push(source);
  }
  return [...groups.values()];
}

/** What is cached, how fresh it is, and the buttons to refresh it. */
export function SourcesSidebar() {
  const sources = useCatalogSources();
  const { snapshot, running, start } = useSync();
  const groups = useMemo(() => groupByAccount(sources.data ?? []), [sources.data]);
  const progressById = useMemo(() => {
    const map = new Map<string, SourceProgress>();
    if (snapshot?.state === 'running') snapshot.sources.forEach((p) => map.set(p.sourceId, p));
    return map;
  }, [snapshot]);

  return (
    <section className="panel sources" role="region" aria-label="Sources">
      <div className="panel-head">
        <h2>Sources</h2>
        <button type="button" disabled={running} onClick={() => void start({})}>
          Sync all
        </button>
      </div>
      <SyncProgress />
      {sources.isError && <ErrorMessage error={sources.error} context="Could not list the sources" />}
      {sources.isSuccess && groups.length === 0 && (
        <p className="empty-note">Nothing cached yet. Add an account, then choose Sync all.</p>
      )}
      {groups.map((group) => (
        <AccountSources
          key={group.accountId}
          group={group}
          reason={accountOfflineReason(group.sources, group.accountId)}
          running={running}
          progressById={progressById}
          onSync={(sourceIds) => void start({ accountId: group.accountId, sourceIds })}
        />
      ))}
    </section>
  );
}

interface AccountSourcesProps {
  group: AccountGroup;
  /** Why the last sync could not reach the cloud, shown next to Sync (which stays enabled). */
  reason: string | null;
  running: boolean;
  progressById: Map<string, SourceProgress>;
  onSync: (sourceIds?: string[]) => void;
}

function AccountSources({ group, reason, running, progressById, onSync }: AccountSourcesProps) {
  const reasonId = useId();
  return (
    <div className="source-group">
      <div className="source-group-head">
        <CloudBadge cloud={group.cloud} />
        <h3 title={group.accountName}>{group.accountName}</h3>
        <span className="muted">
          {formatCount(group.sources.reduce((sum, s) => sum + s.imageCount, 0))} images
        </span>
        <button
          type="button"
          className="button-small"
          aria-label={`Sync account ${group.accountName}`}
          aria-describedby={reason ? reasonId : undefined}
          disabled={running}
          onClick={() => onSync()}
        >
          Sync
        </button>
      </div>
      {reason && (
        <p id={reasonId} className="offline-reason">
          {reason}
        </p>
      )}
      <ul className="source-list">
        {group.sources.map((source) => (
          <SourceItem
            key={source.id}
            source={source}
            progress={progressById.get(source.id)}
            syncDisabled={running}
            onSync={() => onSync([source.id])}
          />
        ))}
      </ul>
    </div>
  );
}
