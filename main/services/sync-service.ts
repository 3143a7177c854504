import { randomUUID } from 'node:crypto';
import type { SyncSnapshot, SyncStartRequest } from '@contract/index';
import type { AppStateStore, SourceRecord } from '../stores/app-state';
import type { EventBus } from '../app/event-bus';
import { ServiceError, toAppError } from '../ipc/app-error';
import type { AccountService } from './account-service';
import type { CatalogShardStore } from '../stores/catalog-shard-store';
import type { DriverProvider } from './driver-provider';
import type { Clock } from './clock';
import { SyncOperation } from './sync-operation';
import { runLimited } from '../util/run-limited';
import type { WorkspaceService } from './workspace-service';

export interface SyncLimits {
  /** Sources synced at once within one account, so one account cannot exhaust its API rate. */
  perAccount: number;
  /** Accounts synced at once. */
  accounts: number;
  /** Least time between two progress events, so a fast sync does not flood the renderer. */
  progressIntervalMs: number;
}

const defaultLimits: SyncLimits = { perAccount: 2, accounts: 2, progressIntervalMs: 100 };

/**
 * Syncs sources from their clouds into the cache. A source's cached shard is replaced only after
 * its sync succeeded, so a failed or cancelled sync never loses what was cached.
 */
export class SyncService {
  private current: SyncOperation | null = null;
  private lastEmit = 0;
  private running: Promise<void> | null = null;

  constructor(
    private readonly state: AppStateStore,
    private readonly accounts: AccountService,
    private readonly drivers: DriverProvider,
    private readonly shards: CatalogShardStore,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly workspaces: WorkspaceService,
    private readonly limits: SyncLimits = defaultLimits,
  ) {}

  start(request: SyncStartRequest): { operationId: string } {
    if (this.current?.running) {
      throw new ServiceError(
        'conflict',
        'A sync is already running. Wait for it to finish or cancel it first.',
      );
    }
    const inWorkspace = this.workspaces.accountIdsOf(request.workspaceId);
    const sources = this.selectSources(request).filter((source) => inWorkspace.has(source.accountId));
    if (sources.length === 0)
      throw new ServiceError('not-found', 'There is nothing to sync: add an account first.');
    const operation = new SyncOperation(
      randomUUID(),
      request.workspaceId,
      this.clock.now().toISOString(),
      sources.map((source) => ({
        sourceId: source.id,
        accountName: this.accounts.find(source.accountId).name,
        location: source.location,
        owner: source.owner,
        state: 'queued',
        pages: 0,
        imageCount: 0,
        durationMs: null,
        error: null,
      })),
    );
    this.current = operation;
    this.running = this.run(operation, sources).finally(() => {
      operation.finish(this.clock.now().toISOString());
      this.emitProgress(operation, true);
    });
    this.emitProgress(operation, true);
    return { operationId: operation.id };
  }

  cancel(operationId: string): { cancelled: boolean } {
    if (!this.current || this.current.id !== operationId || !this.current.running)
      return { cancelled: false };
    this.current.controller.abort();
    return { cancelled: true };
  }

  /** The latest sync of this workspace; another workspace's sync is not its business. */
  status(workspaceId: string): { current: SyncSnapshot | null } {
    if (!this.current || this.current.workspaceId !== workspaceId) return { current: null };
    return { current: this.current.snapshot() };
  }

  /** The running sync, whichever workspace it belongs to (for shutdown). */
  runningOperationId(): string | null {
    return this.current?.running ? this.current.id : null;
  }

  /** Resolves when the running sync (if any) has finished; for shutdown and tests. */
  async idle(): Promise<void> {
    await this.running;
  }

  private selectSources(request: SyncStartRequest): SourceRecord[] {
    const accountIds = request.accountIds ?? (request.accountId ? [request.accountId] : null);
    for (const accountId of accountIds ?? []) this.accounts.find(accountId);
    return this.state.data.sources.filter(
      (source) =>
        (!accountIds || accountIds.includes(source.accountId)) &&
        (!request.sourceIds || request.sourceIds.includes(source.id)),
    );
  }

  private async run(operation: SyncOperation, sources: SourceRecord[]): Promise<void> {
    const byAccount = new Map<string, SourceRecord[]>();
    for (const source of sources)
      byAccount.set(source.accountId, [...(byAccount.get(source.accountId) ?? []), source]);
    await runLimited([...byAccount.values()], this.limits.accounts, (accountSources) =>
      runLimited(accountSources, this.limits.perAccount, (source) => this.syncSource(operation, source)),
    );
  }

  private async syncSource(operation: SyncOperation, source: SourceRecord): Promise<void> {
    const signal = operation.controller.signal;
    if (signal.aborted) return;
    const started = performance.now();
    operation.update(source.id, { state: 'running' });
    this.emitProgress(operation, true);
    const attemptAt = this.clock.now().toISOString();
    try {
      const driver = await this.drivers.forAccount(this.accounts.find(source.accountId));
      const images = await driver.listImages(
        { location: source.location, owner: source.owner },
        ({ pages, images: count }) => {
          operation.update(source.id, { pages, imageCount: count });
          this.emitProgress(operation, false);
        },
        signal,
      );
      if (signal.aborted) throw new ServiceError('cancelled', 'The sync was cancelled.');
      const syncedAt = this.clock.now().toISOString();
      await this.shards.replace(source.id, images, syncedAt);
      await this.recordAttempt(source.id, {
        imageCount: images.length,
        lastSyncedAt: syncedAt,
        lastAttemptAt: attemptAt,
        lastError: null,
      });
      operation.update(source.id, { state: 'done', imageCount: images.length, durationMs: elapsed(started) });
      this.bus.emit('catalog:changed', { sourceIds: [source.id] });
    } catch (error) {
      const appError = toAppError(error);
      const cancelled = signal.aborted || appError.code === 'cancelled';
      if (!cancelled) await this.recordAttempt(source.id, { lastAttemptAt: attemptAt, lastError: appError });
      operation.update(source.id, {
        state: cancelled ? 'cancelled' : 'failed',
        durationMs: elapsed(started),
        error: cancelled ? null : appError,
      });
      // The source list shows the error and the stale flag.
      if (!cancelled) this.bus.emit('catalog:changed', { sourceIds: [source.id] });
    }
    this.emitProgress(operation, true);
  }

  private async recordAttempt(sourceId: string, change: Partial<SourceRecord>): Promise<void> {
    await this.state.update((state) => {
      const record = state.sources.find((candidate) => candidate.id === sourceId);
      if (record) Object.assign(record, change);
    });
  }

  private emitProgress(operation: SyncOperation, force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastEmit < this.limits.progressIntervalMs) return;
    this.lastEmit = now;
    this.bus.emit('sync:progress', operation.snapshot());
  }
}

const elapsed = (started: number): number => Math.round(performance.now() - started);
