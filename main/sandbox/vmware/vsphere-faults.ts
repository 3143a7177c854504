/**
 * Faults the vSphere stand-in can serve instead of (or on top of) the real answer. vSphere lists
 * do not page, so the two paging faults take the shape they have on this API:
 * - `truncated-body`: the answer announces its full Content-Length, sends half and drops the
 *   connection (a proxy or load balancer cutting a response short);
 * - `repeated-listing`: a list repeats what an earlier one said: the item list of a library
 *   answers with the previous library's ids (a stale cache), and a PropertyCollector page hands
 *   back the token it was asked with (a real paging token repeated).
 */
export type VsphereFaultKind =
  | 'latency'
  | 'throttle-429'
  | 'unavailable-503'
  | 'malformed-body'
  | 'truncated-body'
  | 'repeated-listing'
  | 'forbidden-403';

/**
 * Which requests a fault hits: `list` = the content library list, item lists and
 * PropertyCollector retrievals over a view (what a sync pages through); `detail` = GETs of one
 * library, item or template, and PropertyCollector reads of one object (a lookup by moid);
 * `session` = sign-in (REST and SOAP); `any` = all of them.
 */
export type FaultTarget = 'list' | 'detail' | 'session' | 'any';

export interface VsphereFault {
  kind: VsphereFaultKind;
  target?: FaultTarget;
  /** How many matching requests it hits; default 1. */
  times?: number;
  /** For latency. */
  ms?: number;
}

interface Armed {
  fault: VsphereFault;
  remaining: number;
}

export class VsphereFaults {
  private armed: Armed[] = [];

  add(fault: VsphereFault): void {
    this.armed.push({ fault, remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.armed = [];
  }

  /** Faults still armed. */
  pending(): number {
    return this.armed.reduce((sum, entry) => sum + entry.remaining, 0);
  }

  /**
   * Consumes the armed faults that match: at most one latency and one error per request.
   * `canRepeat` false leaves a repeated-listing fault armed for a request that can repeat.
   */
  take(
    target: Exclude<FaultTarget, 'any'>,
    canRepeat = true,
  ): { latencyMs: number; error: VsphereFault | null } {
    let latencyMs = 0;
    let error: VsphereFault | null = null;
    for (const entry of this.armed) {
      if (entry.remaining <= 0) continue;
      const scope = entry.fault.target ?? 'list';
      if (scope !== 'any' && scope !== target) continue;
      if (entry.fault.kind === 'repeated-listing' && !canRepeat) continue;
      if (entry.fault.kind === 'latency') {
        if (latencyMs > 0) continue;
        latencyMs = entry.fault.ms ?? 200;
      } else {
        if (error) continue;
        error = entry.fault;
      }
      entry.remaining -= 1;
    }
    this.armed = this.armed.filter((entry) => entry.remaining > 0);
    return { latencyMs, error };
  }
}
