import type { GcpOperation } from './gcp-images-api';

/** The faults the shared driver suite asks every stand-in for. */
export type GcpFaultKind =
  | 'latency'
  | 'throttle-429'
  | 'unavailable-503'
  | 'malformed-body'
  | 'truncated-page'
  | 'repeated-page-token';

export interface GcpFault {
  kind: GcpFaultKind;
  /** Which calls it hits; `images.list` by default. */
  operation?: GcpOperation;
  /** How many matching calls it hits; 1 by default, `Infinity` for all. */
  times?: number;
  /** For `latency`: the delay before answering (default 250 ms). */
  ms?: number;
}

interface Armed {
  fault: GcpFault;
  remaining: number;
}

/** What the server knows about a request when it asks for a fault. */
export interface FaultContext {
  operation: GcpOperation;
  /** A repeated page token only makes sense for a request that carried one. */
  hasPageToken: boolean;
}

/** In-process fault injection: tests arm faults on the server object, never over HTTP. */
export class GcpFaultInjector {
  private armed: Armed[] = [];

  arm(fault: GcpFault): void {
    this.armed.push({ fault, remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.armed = [];
  }

  /** Faults still to be served. */
  pending(): number {
    return this.armed.reduce((sum, entry) => sum + entry.remaining, 0);
  }

  /** Consumes the latency armed for this call, if any, in ms. */
  takeLatency(context: FaultContext): number {
    const fault = this.take(context, (kind) => kind === 'latency');
    return fault ? (fault.ms ?? 250) : 0;
  }

  /** Consumes the first non-latency fault that applies to this call. */
  takeFault(context: FaultContext): GcpFault | undefined {
    return this.take(
      context,
      (kind) => kind !== 'latency' && (kind !== 'repeated-page-token' || context.hasPageToken),
    );
  }

  private take(context: FaultContext, accepts: (kind: GcpFaultKind) => boolean): GcpFault | undefined {
    const entry = this.armed.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (candidate.fault.operation ?? 'images.list') === context.operation &&
        accepts(candidate.fault.kind),
    );
    if (!entry) return undefined;
    entry.remaining -= 1;
    return entry.fault;
  }
}
