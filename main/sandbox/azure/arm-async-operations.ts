import { randomUUID } from 'node:crypto';
import { armErrors } from './arm-error';
import type { WriteResult } from './compute-context';

/** The error body a failed operation carries, as ARM writes it. */
export interface ArmOperationError {
  code: string;
  message: string;
}

type OperationStatus = 'InProgress' | 'Succeeded' | 'Failed';
type Provider = 'Microsoft.Compute' | 'Microsoft.Network';

interface Operation {
  id: string;
  provider: Provider;
  location: string;
  startTime: Date;
  endTime: Date | null;
  status: OperationStatus;
  error: ArmOperationError | null;
}

interface Scheduled {
  at: number;
  seq: number;
  apply: () => void;
}

/**
 * Time in the stand-in, evaluated lazily: a state change is scheduled for a moment and applied
 * by the first request that arrives after it (every request calls `tick`). No timers run, so a
 * stopped stand-in leaves nothing behind, and the order of changes is the order of their moments.
 */
export class ArmTimeline {
  private pending: Scheduled[] = [];
  private seq = 0;

  constructor(readonly now: () => number = Date.now) {}

  /** Runs `apply` once `delayMs` has passed (at the next request after that). */
  after(delayMs: number, apply: () => void): void {
    this.pending.push({ at: this.now() + Math.max(0, delayMs), seq: (this.seq += 1), apply });
  }

  tick(): void {
    const now = this.now();
    for (;;) {
      const due = this.pending
        .filter((item) => item.at <= now)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) return;
      this.pending = this.pending.filter((item) => item !== due);
      due.apply();
    }
  }
}

/**
 * ARM's long-running operations: a write answers 201/202 with `Azure-AsyncOperation` (the status
 * resource the SDK polls) and, for POST and DELETE, `Location` (the result monitor). The status
 * reads InProgress until the operation's work is done, then Succeeded or Failed with an error.
 */
export class ArmOperations {
  private readonly operations = new Map<string, Operation>();

  constructor(
    private readonly timeline: ArmTimeline,
    private readonly origin: () => string,
    private readonly subscriptionId: string,
    /** `Retry-After` seconds on status answers; none by default, so the client's own interval applies. */
    private readonly retryAfterSeconds: number | null = null,
  ) {}

  /**
   * Starts an operation finishing after `delayMs`: `finish` applies its effect and returns an
   * error to fail it. Returns the headers the accepting answer carries.
   */
  start(
    provider: Provider,
    location: string,
    delayMs: number,
    finish: () => ArmOperationError | void,
    options: { location?: boolean; apiVersion: string },
  ): Record<string, string> {
    const operation: Operation = {
      id: randomUUID(),
      provider,
      location: location.toLowerCase(),
      startTime: new Date(this.timeline.now()),
      endTime: null,
      status: 'InProgress',
      error: null,
    };
    this.operations.set(operation.id, operation);
    this.timeline.after(delayMs, () => {
      const error = finish();
      operation.status = error ? 'Failed' : 'Succeeded';
      operation.error = error ?? null;
      operation.endTime = new Date(this.timeline.now());
    });
    const base = `${this.origin()}/subscriptions/${this.subscriptionId}/providers/${provider}/locations/${operation.location}`;
    const version = `api-version=${encodeURIComponent(options.apiVersion)}`;
    const headers: Record<string, string> = {
      'azure-asyncoperation': `${base}/operations/${operation.id}?${version}`,
    };
    if (options.location) {
      headers.location =
        provider === 'Microsoft.Compute'
          ? `${base}/operations/${operation.id}?monitor=true&${version}`
          : `${base}/operationResults/${operation.id}?${version}`;
    }
    if (this.retryAfterSeconds !== null) headers['retry-after'] = String(this.retryAfterSeconds);
    return headers;
  }

  /** The status resource (`Azure-AsyncOperation`). */
  status(id: string): WriteResult {
    const operation = this.find(id);
    const body: Record<string, unknown> = {
      name: operation.id,
      status: operation.status,
      startTime: operation.startTime.toISOString(),
    };
    if (operation.endTime) body.endTime = operation.endTime.toISOString();
    if (operation.error) body.error = operation.error;
    const headers: Record<string, string> =
      operation.status === 'InProgress' && this.retryAfterSeconds !== null
        ? { 'retry-after': String(this.retryAfterSeconds) }
        : {};
    return { status: 200, body, headers };
  }

  /** The result monitor (`Location`): 202 while running, 200 when done, the error when failed. */
  result(id: string): WriteResult {
    const operation = this.find(id);
    if (operation.status === 'InProgress') return { status: 202 };
    if (operation.error) {
      return { status: 409, body: { error: operation.error } };
    }
    return { status: 200 };
  }

  private find(id: string): Operation {
    const operation = this.operations.get(id.toLowerCase()) ?? this.operations.get(id);
    if (!operation) throw armErrors.resourceNotFound('operations', id, '(none)');
    return operation;
  }
}
