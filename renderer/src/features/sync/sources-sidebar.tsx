import { useMemo } from 'react';
import type { Source, SourceProgress } from '@contract/index';
import { useCatalogSources } from '../../api/queries';
import { ErrorMessage } from '../../components/error-message';
import { formatCount } from '../../lib/format';
import { SourceItem } from './source-item';
import { SyncProgress } from './sync-progress';
import { useSync } from './sync-context';

interface AccountGroup {
  accountId: string;
  accountName: string;
  sources: Source[];
}

function groupByAccount(sources: Source[]): AccountGroup[] {
  const groups = new Map<string, AccountGroup>();
  for (const source of sources) {
    let group = groups.get(source.accountId);
    if (!group) {
      group = { accountId: source.accountId, accountName: source.accountName, sources: [] };
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
        <div key={group.accountId} className="source-group">
          <div className="source-group-head">
            <h3 title={group.accountName}>{group.accountName}</h3>
            <span className="muted">
              {formatCount(group.sources.reduce((sum, s) => sum + s.imageCount, 0))} images
            </span>
            <button
              type="button"
              className="button-small"
              aria-label={`Sync account ${group.accountName}`}
              disabled={running}
              onClick={() => void start({ accountId: group.accountId })}
            >
              Sync
            </button>
          </div>
          <ul className="source-list">
            {group.sources.map((source) => (
              <SourceItem
                key={source.id}
                source={source}
                progress={progressById.get(source.id)}
                syncDisabled={running}
                onSync={() => void start({ accountId: source.accountId, sourceIds: [source.id] })}
              />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
