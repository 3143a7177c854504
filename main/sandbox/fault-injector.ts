import { ec2Error, type Ec2ApiError } from './ec2-api-error';

/** An error the sandbox answers with instead of the real result, for the next `times` matching calls. */
export interface ErrorFault {
  /** Only this action (e.g. "DescribeImages"); every action when omitted. */
  action?: string;
  /** An EC2 error code: RequestLimitExceeded, InternalError, ServiceUnavailable, Unavailable, … */
  code: string;
  /** Overrides the code's usual status (e.g. 500 for a custom code). */
  status?: number;
  message?: string;
  /** How many calls fail; default 1, `Infinity` for all. */
  times?: number;
}

/** Extra time before answering, to catch a request in flight. */
export interface LatencyFault {
  action?: string;
  ms: number;
  times?: number;
}

interface Armed<T> {
  spec: T;
  remaining: number;
}

function takeFirst<T extends { action?: string }>(list: Armed<T>[], action: string): T | undefined {
  const armed = list.find(
    (entry) => entry.remaining > 0 && (entry.spec.action === undefined || entry.spec.action === action),
  );
  if (!armed) return undefined;
  armed.remaining -= 1;
  return armed.spec;
}

/** In-process fault injection: tests arm faults on the server object, never over HTTP. */
export class FaultInjector {
  private errors: Armed<ErrorFault>[] = [];
  private latencies: Armed<LatencyFault>[] = [];

  add(fault: ErrorFault): void {
    this.errors.push({ spec: fault, remaining: fault.times ?? 1 });
  }

  addLatency(fault: LatencyFault): void {
    this.latencies.push({ spec: fault, remaining: fault.times ?? Infinity });
  }

  clear(): void {
    this.errors = [];
    this.latencies = [];
  }

  /** Errors still to be served. */
  pending(): number {
    return this.errors.reduce((sum, entry) => sum + entry.remaining, 0);
  }

  /** Consumes one armed error for this action, if any. */
  takeError(action: string): Ec2ApiError | null {
    const fault = takeFirst(this.errors, action);
    return fault ? ec2Error(fault.code, fault.message, fault.status) : null;
  }

  takeLatency(action: string): number {
    return takeFirst(this.latencies, action)?.ms ?? 0;
  }
}
