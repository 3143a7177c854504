import { randomBytes } from 'node:crypto';
import type { AppError, OperationSnapshot } from '@contract/index';
import type { EventBus } from '../../app/event-bus';
import type { Clock } from '../clock';
import { ServiceError, toAppError } from '../../ipc/app-error';

/** What a running operation's body may do: report progress and notice a cancel. */
export interface OperationContext {
  /** The user cancelled: undo what can be undone. */
  readonly signal: AbortSignal;
  /** Hangar is closing: stop following, change nothing (a build goes on in the cloud). */
  readonly detached: AbortSignal;
  step(step: string, progress?: number | null): void;
}

type Result = NonNullable<OperationSnapshot['result']>;

/** Finished operations kept for the progress view after they end. */
const KEEP_FINISHED = 50;

/**
 * Long actions (launch, capture, copy, import): each gets an id, streams `operation:update`
 * events, can be cancelled where its kind allows, and ends done, failed (with the error) or cancelled.
 */
export class OperationTracker {
  private readonly closing = new AbortController();
  private readonly operations = new Map<
    string,
    { snapshot: OperationSnapshot; controller: AbortController; done: Promise<void> }
  >();

  constructor(
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  start(
    meta: { workspaceId: string; kind: OperationSnapshot['kind']; title: string; cancellable: boolean },
    body: (context: OperationContext) => Promise<Partial<Result>>,
  ): string {
    const operationId = `op-${randomBytes(6).toString('hex')}`;
    const controller = new AbortController();
    const snapshot: OperationSnapshot = {
      operationId,
      ...meta,
      state: 'running',
      step: 'Starting…',
      progress: null,
      startedAt: this.clock.now().toISOString(),
      finishedAt: null,
      error: null,
      result: null,
    };
    const context: OperationContext = {
      signal: controller.signal,
      detached: this.closing.signal,
      step: (step, progress = null) => this.update(operationId, { step, progress }),
    };
    const done = Promise.resolve()
      .then(() => body(context))
      .then(
        (result) =>
          this.finish(operationId, 'done', null, { imageIds: [], recordId: null, launchId: null, ...result }),
        (error: unknown) => {
          const cancelled = controller.signal.aborted;
          this.finish(
            operationId,
            cancelled ? 'cancelled' : 'failed',
            cancelled ? null : toAppError(error),
            null,
          );
        },
      );
    this.operations.set(operationId, { snapshot, controller, done });
    this.bus.emit('operation:update', snapshot);
    this.prune();
    return operationId;
  }

  list(workspaceId: string): OperationSnapshot[] {
    return [...this.operations.values()].map((o) => o.snapshot).filter((s) => s.workspaceId === workspaceId);
  }

  cancel(operationId: string): { cancelled: boolean } {
    const operation = this.operations.get(operationId);
    if (!operation) throw new ServiceError('not-found', 'That operation is no longer known.');
    if (operation.snapshot.state !== 'running') return { cancelled: false };
    if (!operation.snapshot.cancellable)
      throw new ServiceError(
        'invalid-request',
        'The cloud cannot cancel this once started; wait for it to end.',
      );
    operation.controller.abort();
    this.update(operationId, { step: 'Cancelling…' });
    return { cancelled: true };
  }

  /** Resolves when every operation has ended (app shutdown, tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.operations.values()].map((o) => o.done));
  }

  /** Stops following every operation without cancelling any: closing Hangar never terminates a server. */
  detachAll(): void {
    this.closing.abort();
  }

  private update(operationId: string, change: Partial<OperationSnapshot>): void {
    const operation = this.operations.get(operationId);
    if (!operation || operation.snapshot.state !== 'running') return;
    operation.snapshot = { ...operation.snapshot, ...change };
    this.bus.emit('operation:update', operation.snapshot);
  }

  private finish(
    operationId: string,
    state: OperationSnapshot['state'],
    error: AppError | null,
    result: Result | null,
  ): void {
    const operation = this.operations.get(operationId)!;
    const step = state === 'done' ? 'Done' : state === 'cancelled' ? 'Cancelled' : 'Failed';
    operation.snapshot = {
      ...operation.snapshot,
      state,
      step,
      progress: state === 'done' ? 1 : operation.snapshot.progress,
      error,
      result,
      finishedAt: this.clock.now().toISOString(),
    };
    this.bus.emit('operation:update', operation.snapshot);
  }

  private prune(): void {
    const finished = [...this.operations.entries()].filter(([, o]) => o.snapshot.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.operations.delete(id);
  }
}
