import type { CatalogFacets, ImageDetail, Source } from '@contract/index';
import type { StoredImage } from '../catalog/stored-image';
import type { AppStateStore, SourceRecord } from '../stores/app-state';
import type { CatalogShardStore } from '../stores/catalog-shard-store';
import { ServiceError } from '../ipc/app-error';
import { toIndexedRow, type IndexedRow } from './catalog-rows';
import type { Clock } from './clock';

/**
 * The cached catalog in memory: shards from disk turned into query-ready rows, rebuilt per source
 * when a sync replaces it. The shard store is the durable copy; this is only ever derived from it.
 */
export class CatalogIndex {
  private readonly rowsBySource = new Map<string, IndexedRow[]>();
  private flat: IndexedRow[] | null = null;

  constructor(
    private readonly state: AppStateStore,
    private readonly shards: CatalogShardStore,
    private readonly clock: Clock,
  ) {}

  /** Build rows for every cached source that still belongs to an account. */
  rebuild(): void {
    this.rowsBySource.clear();
    for (const source of this.state.data.sources) {
      const shard = this.shards.get(source.id);
      if (shard) this.indexSource(source, shard.images);
    }
    this.flat = null;
  }

  async replaceSource(sourceId: string, images: StoredImage[], syncedAt: string): Promise<void> {
    await this.shards.replace(sourceId, images, syncedAt);
    const source = this.state.data.sources.find((candidate) => candidate.id === sourceId);
    if (source) this.indexSource(source, images);
    this.flat = null;
  }

  async removeSources(sourceIds: readonly string[]): Promise<void> {
    for (const sourceId of sourceIds) {
      await this.shards.remove(sourceId);
      this.rowsBySource.delete(sourceId);
    }
    this.flat = null;
  }

  rows(): IndexedRow[] {
    this.flat ??= [...this.rowsBySource.values()].flat();
    return this.flat;
  }

  detail(key: string): ImageDetail {
    const slash = key.indexOf('/');
    const sourceId = key.slice(0, slash);
    const row = this.rowsBySource.get(sourceId)?.find((candidate) => candidate.summary.key === key);
    const image = this.shards
      .get(sourceId)
      ?.images.find((candidate) => candidate.cloudId === row?.summary.cloudId);
    const source = this.sources().find((candidate) => candidate.id === sourceId);
    if (!row || !image || !source) {
      throw new ServiceError(
        'not-found',
        'That image is no longer in the cache; the catalog was re-synced or its account removed.',
      );
    }
    return {
      ...row.summary,
      fields: image.fields,
      raw: image.raw,
      sourceSyncedAt: source.lastSyncedAt,
      sourceStale: source.stale,
    };
  }

  facets(): CatalogFacets {
    const owners = new Map<string, string | null>();
    const regions = new Set<string>();
    const architectures = new Set<string>();
    for (const { summary } of this.rows()) {
      if (!owners.get(summary.ownerId)) owners.set(summary.ownerId, summary.ownerAlias);
      regions.add(summary.location);
      architectures.add(summary.architecture);
    }
    return {
      accounts: this.state.data.accounts.map((account) => ({ id: account.id, name: account.name })),
      regions: [...regions].sort(),
      owners: [...owners].map(([id, alias]) => ({ id, alias })).sort((a, b) => a.id.localeCompare(b.id)),
      architectures: [...architectures].sort(),
    };
  }

  sources(): Source[] {
    const { accounts, settings } = this.state.data;
    const now = this.clock.now().getTime();
    return this.state.data.sources.map((record) => {
      const account = accounts.find((candidate) => candidate.id === record.accountId);
      const staleReason = staleReasonOf(record, now, settings.staleAfterHours);
      return {
        id: record.id,
        accountId: record.accountId,
        accountName: account?.name ?? record.accountId,
        cloud: account?.cloud ?? 'aws',
        location: record.location,
        owner: record.owner,
        imageCount: record.imageCount,
        lastSyncedAt: record.lastSyncedAt,
        lastAttemptAt: record.lastAttemptAt,
        lastError: record.lastError,
        stale: staleReason !== null,
        staleReason,
      };
    });
  }

  private indexSource(source: SourceRecord, images: readonly StoredImage[]): void {
    const account = this.state.data.accounts.find((candidate) => candidate.id === source.accountId);
    const rowSource = {
      id: source.id,
      accountId: source.accountId,
      accountName: account?.name ?? source.accountId,
      location: source.location,
    };
    const now = this.clock.now().getTime();
    this.rowsBySource.set(
      source.id,
      images.map((image) => toIndexedRow(rowSource, image, now)),
    );
  }
}

/** Why a source cannot be trusted as current, or null when it can. */
export function staleReasonOf(record: SourceRecord, nowMs: number, staleAfterHours: number): string | null {
  if (!record.lastSyncedAt)
    return record.lastError ? 'Never synced: the last attempt failed.' : 'Not synced yet.';
  const syncedMs = Date.parse(record.lastSyncedAt);
  if (record.lastError && record.lastAttemptAt && Date.parse(record.lastAttemptAt) > syncedMs) {
    return 'The last sync failed; showing the copy from the last successful sync.';
  }
  const ageHours = (nowMs - syncedMs) / 3_600_000;
  if (ageHours > staleAfterHours) return `Older than ${staleAfterHours} hours.`;
  return null;
}
