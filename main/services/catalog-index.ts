import type { z } from 'zod';
import type {
  CatalogExport,
  CatalogFacets,
  CatalogPage,
  CatalogQueryParsed,
  ExportRequestSchema,
  FacetsRequestSchema,
  ImageDetail,
  Source,
  Timeline,
  TimelineRequestSchema,
} from '@contract/index';
import type { StoredImage } from '../catalog/stored-image';
import type { AppStateStore, SourceRecord } from '../stores/app-state';
import { DamagedDetailError, type CatalogShardStore } from '../stores/catalog-shard-store';
import { ServiceError } from '../ipc/app-error';
import { CatalogTable, Segment, type SourceInfo } from './catalog-rows';
import { runCatalogQuery, type SummaryContext } from './catalog-query';
import { computeFacets } from './catalog-facets';
import { computeTimeline } from './catalog-timeline';
import { exportView } from './catalog-export';
import type { Clock } from './clock';

/**
 * The cached catalog, query-ready: the shard store's columns per source joined into one table,
 * rebuilt lazily when a sync or an account change alters the set of sources. The shard store is
 * the durable copy; everything here is derived from it and from the app state's accounts.
 */
export class CatalogIndex {
  private segments = new Map<string, Segment>();
  private current: CatalogTable | null = null;

  constructor(
    private readonly state: AppStateStore,
    private readonly shards: CatalogShardStore,
    private readonly clock: Clock,
    /** Which sources this index covers: one workspace's, so another client's rows never enter it. */
    private readonly includes: (source: SourceRecord) => boolean = () => true,
  ) {}

  private ownSources(): SourceRecord[] {
    return this.state.data.sources.filter(this.includes);
  }

  /** Forgets everything derived; the next call rebuilds from the shard store and the app state. */
  rebuild(): void {
    this.segments.clear();
    this.current = null;
    this.table();
  }

  async replaceSource(sourceId: string, images: StoredImage[], syncedAt: string): Promise<void> {
    await this.shards.replace(sourceId, images, syncedAt);
  }

  async removeSources(sourceIds: readonly string[]): Promise<void> {
    for (const sourceId of sourceIds) await this.shards.remove(sourceId);
  }

  query(query: CatalogQueryParsed): CatalogPage {
    return runCatalogQuery(this.table(), query, this.context());
  }

  facets(request: z.infer<typeof FacetsRequestSchema>): CatalogFacets {
    const { accountNames, nowMs } = this.context();
    return computeFacets(this.table(), request, nowMs, accountNames);
  }

  timeline(request: z.infer<typeof TimelineRequestSchema>): Timeline {
    return computeTimeline(this.table(), request, this.clock.now());
  }

  export(request: z.infer<typeof ExportRequestSchema>): CatalogExport {
    const context = this.context();
    return exportView(this.table(), request, context, new Date(context.nowMs));
  }

  /** One image with its tags, detail fields and raw object, read from disk for this call only. */
  async detail(key: string): Promise<ImageDetail> {
    const slash = key.indexOf('/');
    const sourceId = key.slice(0, slash);
    const cloudId = key.slice(slash + 1);
    // Twice at most: a sync may replace the source between finding the row and reading it.
    for (let attempt = 0; attempt < 2 && slash > 0; attempt += 1) {
      const table = this.table();
      const index = table.segments.findIndex((segment) => segment.source.sourceId === sourceId);
      const segment = table.segments[index];
      const row = segment ? segment.rowOf(cloudId) : -1;
      if (!segment || row < 0) break;
      let record;
      try {
        record = await this.shards.readDetail(segment.shard, row);
      } catch (error) {
        if (!(error instanceof DamagedDetailError)) throw error;
        throw new ServiceError(
          'internal',
          `The cached details of this image are damaged (${error.message}); sync its source again to restore them.`,
        );
      }
      if (!record) continue;
      const context = this.context();
      const source = this.sources().find((candidate) => candidate.id === sourceId);
      return {
        ...table.summaryOf(table.bases[index]! + row, context.accountNames, context.nowMs),
        tags: record.tags,
        fields: record.fields,
        raw: record.raw,
        sourceSyncedAt: source?.lastSyncedAt ?? null,
        sourceStale: source?.stale ?? true,
      };
    }
    throw new ServiceError(
      'not-found',
      'That image is no longer in the cache; the catalog was re-synced or its account removed.',
    );
  }

  sources(): Source[] {
    const { accounts, settings } = this.state.data;
    const now = this.clock.now().getTime();
    return this.ownSources().map((record) => {
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

  /** Rows for every cached source that still belongs to an account, as one table. */
  table(): CatalogTable {
    const cloudOf = new Map(this.state.data.accounts.map((account) => [account.id, account.cloud]));
    const wanted: Segment[] = [];
    for (const record of this.ownSources()) {
      const shard = this.shards.get(record.id);
      const cloud = cloudOf.get(record.accountId);
      if (!shard || !cloud) continue;
      const info: SourceInfo = {
        sourceId: record.id,
        accountId: record.accountId,
        location: record.location,
        cloud,
      };
      const known = this.segments.get(record.id);
      wanted.push(
        known && known.shard === shard && sameSource(known.source, info) ? known : new Segment(shard, info),
      );
    }
    wanted.sort((a, b) => (a.source.sourceId < b.source.sourceId ? -1 : 1));
    const previous = this.current?.segments;
    if (this.current && previous?.length === wanted.length && previous.every((s, i) => s === wanted[i])) {
      return this.current;
    }
    this.segments = new Map(wanted.map((segment) => [segment.source.sourceId, segment]));
    this.current = new CatalogTable(wanted);
    return this.current;
  }

  private context(): SummaryContext {
    return {
      accountNames: new Map(this.state.data.accounts.map((account) => [account.id, account.name])),
      nowMs: this.clock.now().getTime(),
    };
  }
}

const sameSource = (a: SourceInfo, b: SourceInfo): boolean =>
  a.accountId === b.accountId && a.location === b.location && a.cloud === b.cloud;

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
