import type { SourceProgress, SyncSnapshot } from '@contract/index';

/** The live state of one sync run; the snapshot is what `sync:progress` carries. */
export class SyncOperation {
  readonly controller = new AbortController();
  private state: SyncSnapshot['state'] = 'running';
  private finishedAt: string | null = null;
  private readonly progress: Map<string, SourceProgress>;

  constructor(
    readonly id: string,
    readonly workspaceId: string,
    private readonly startedAt: string,
    sources: SourceProgress[],
  ) {
    this.progress = new Map(sources.map((source) => [source.sourceId, source]));
  }

  get running(): boolean {
    return this.state === 'running';
  }

  update(sourceId: string, change: Partial<SourceProgress>): void {
    const current = this.progress.get(sourceId);
    if (current) this.progress.set(sourceId, { ...current, ...change });
  }

  finish(at: string): void {
    this.state = this.controller.signal.aborted ? 'cancelled' : 'done';
    this.finishedAt = at;
    for (const [sourceId, source] of this.progress) {
      if (source.state === 'queued' || source.state === 'running') {
        this.progress.set(sourceId, { ...source, state: 'cancelled' });
      }
    }
  }

  snapshot(): SyncSnapshot {
    return {
      operationId: this.id,
      workspaceId: this.workspaceId,
      state: this.state,
      startedAt: this.startedAt,
      finishedAt: this.finishedAt,
      sources: [...this.progress.values()],
    };
  }
}
