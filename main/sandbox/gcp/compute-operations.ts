import { randomBytes } from 'node:crypto';
import { urls, type GcpOperationError, type GcpOperationResource } from './compute-resources';
import { pacificTimestamp } from './gcp-seed-builder';

/** What an operation does when it finishes, and how it fails instead. */
export interface OperationPlan {
  operationType: string;
  targetLink: string;
  targetId: string;
  /** How long it stays PENDING + RUNNING. */
  durationMs: number;
  /** Applied once, when the operation turns DONE without an error. */
  onDone?: () => void;
  /** Applied once, when the operation turns DONE with its error. */
  onFailed?: () => void;
  error?: { errors: GcpOperationError[]; httpStatus: number; httpMessage: string };
}

interface Tracked {
  resource: GcpOperationResource;
  plan: OperationPlan;
  createdAt: number;
  startsAt: number;
  doneAt: number;
  settled: boolean;
}

/** Where an operation lives: `zones/Z/operations` or `global/operations`. */
export type OperationScope = { project: string; zone: string | null };

const key = (scope: OperationScope, name: string): string =>
  `${scope.project}/${scope.zone ?? 'global'}/${name}`;

/**
 * Zonal and global operations. Each moves PENDING → RUNNING → DONE with the clock (read lazily:
 * `advance` settles whatever is due before any request is answered), applying its effect once.
 * A repeated `requestId` answers with the operation the first request started, as Compute does
 * (the router asks `forRequest` before it checks anything, so a retried insert is not a conflict).
 */
export class GcpOperations {
  private readonly tracked = new Map<string, Tracked>();
  private readonly byRequestId = new Map<string, string>();
  private seq = 0;

  constructor(
    private readonly user: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The operation an earlier request with this `requestId` started, if any. */
  forRequest(project: string, requestId: string | null): GcpOperationResource | undefined {
    const existing = requestId ? this.byRequestId.get(`${project}/${requestId}`) : undefined;
    const tracked = existing ? this.tracked.get(existing) : undefined;
    return tracked ? this.render(tracked) : undefined;
  }

  start(scope: OperationScope, plan: OperationPlan, requestId: string | null): GcpOperationResource {
    const repeated = this.forRequest(scope.project, requestId);
    if (repeated) return repeated;
    const createdAt = this.now();
    this.seq += 1;
    const name = `operation-${createdAt}-${randomBytes(7).toString('hex').slice(0, 13)}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
    // Compute's ids are uint64s printed in decimal: 19 digits here, unique per stand-in.
    const id = String(BigInt(createdAt) * 1_000_000n + BigInt(this.seq));
    const base = scope.zone
      ? `${urls.zone(scope.project, scope.zone)}/operations`
      : `${urls.project(scope.project)}/global/operations`;
    const resource: GcpOperationResource = {
      kind: 'compute#operation',
      id,
      name,
      ...(scope.zone ? { zone: urls.zone(scope.project, scope.zone) } : {}),
      operationType: plan.operationType,
      targetLink: plan.targetLink,
      targetId: plan.targetId,
      status: 'PENDING',
      user: this.user,
      progress: 0,
      insertTime: pacificTimestamp(new Date(createdAt)),
      selfLink: `${base}/${name}`,
      selfLinkWithId: `${base}/${id}`,
    };
    const duration = Math.max(0, plan.durationMs);
    this.tracked.set(key(scope, name), {
      resource,
      plan,
      createdAt,
      startsAt: createdAt + Math.min(duration / 4, 100),
      doneAt: createdAt + duration,
      settled: false,
    });
    if (requestId) this.byRequestId.set(`${scope.project}/${requestId}`, key(scope, name));
    return { ...resource };
  }

  /** Settles every operation that is due, in the order they were started. */
  advance(): void {
    const now = this.now();
    for (const op of this.tracked.values()) {
      if (op.settled || now < op.doneAt) continue;
      op.settled = true;
      if (op.plan.error) op.plan.onFailed?.();
      else op.plan.onDone?.();
    }
  }

  /** The operation as `get` answers now, or undefined when there is none by that name. */
  view(scope: OperationScope, name: string): GcpOperationResource | undefined {
    const op = this.tracked.get(key(scope, name));
    return op ? this.render(op) : undefined;
  }

  private render(op: Tracked): GcpOperationResource {
    const now = this.now();
    const resource: GcpOperationResource = { ...op.resource };
    if (now >= op.startsAt) {
      resource.status = 'RUNNING';
      resource.startTime = pacificTimestamp(new Date(op.startsAt));
    }
    if (op.settled) {
      resource.status = 'DONE';
      resource.progress = 100;
      resource.endTime = pacificTimestamp(new Date(op.doneAt));
      if (op.plan.error) {
        resource.error = { errors: op.plan.error.errors };
        resource.httpErrorStatusCode = op.plan.error.httpStatus;
        resource.httpErrorMessage = op.plan.error.httpMessage;
      }
    }
    return resource;
  }

  /** How long until the operation is due, for `wait` (0 once it is). */
  remainingMs(scope: OperationScope, name: string): number {
    const op = this.tracked.get(key(scope, name));
    return op ? Math.max(0, op.doneAt - this.now()) : 0;
  }

  /** Every operation of a scope, oldest first (for tests). */
  list(scope: OperationScope): GcpOperationResource[] {
    const prefix = key(scope, '');
    return [...this.tracked.entries()].filter(([k]) => k.startsWith(prefix)).map(([, op]) => this.render(op));
  }
}
