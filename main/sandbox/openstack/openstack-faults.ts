/**
 * Faults the OpenStack stand-in can serve instead of (or on top of) a real answer, armed in
 * process by tests and by the embedded Sandbox's "make it misbehave" controls.
 */
export type OpenStackFaultKind =
  /** Answers normally, `ms` later. */
  | 'latency'
  /** 429 with Retry-After, as a rate-limiting proxy in front of the API would. */
  | 'throttle-429'
  /** 503 Service Unavailable from the load balancer. */
  | 'unavailable-503'
  /** 200 with a body that is not JSON. */
  | 'malformed-body'
  /** The real answer, cut off mid-body: the connection closes before Content-Length is reached. */
  | 'truncated-page'
  /** A list page whose `next` link repeats the marker just used (served on the first page with a marker). */
  | 'repeated-marker'
  | 'unauthorized-401'
  | 'forbidden-403';

/** Which requests a fault applies to ('compute': every Nova and Neutron request). */
export type FaultTarget = 'keystone-auth' | 'glance-list' | 'glance' | 'compute';

export interface OpenStackFault {
  kind: OpenStackFaultKind;
  /** Default 'glance-list'. 'glance' is every Glance request, lists included. */
  target?: FaultTarget;
  /** How many matching requests it affects; default 1, `Infinity` for all. */
  times?: number;
  /** For latency. */
  ms?: number;
  /** For throttle-429 (and 503 when set): the Retry-After header, e.g. "1" or an HTTP date. */
  retryAfter?: string;
}

interface Armed {
  fault: OpenStackFault;
  remaining: number;
}

/** What a request is, for matching. */
export interface FaultRequest {
  /** glance-other: a Glance request that is not an image list (an image by id, versions …). */
  target: 'keystone-auth' | 'glance-list' | 'glance-other' | 'compute';
  /** Whether a Glance list request carries a marker (repeated-marker waits for one). */
  hasMarker: boolean;
}

const matches = (fault: OpenStackFault, request: FaultRequest): boolean => {
  const target = fault.target ?? 'glance-list';
  const targetOk =
    target === request.target ||
    (target === 'glance' && (request.target === 'glance-list' || request.target === 'glance-other'));
  return targetOk && (fault.kind !== 'repeated-marker' || request.hasMarker);
};

export class OpenStackFaultInjector {
  private armed: Armed[] = [];

  add(fault: OpenStackFault): void {
    if (fault.kind === 'latency' && !(typeof fault.ms === 'number' && fault.ms >= 0)) {
      throw new Error('a latency fault needs ms >= 0');
    }
    this.armed.push({ fault, remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.armed = [];
  }

  /** Faults still to be served (Infinity when one is unbounded). */
  pending(): number {
    return this.armed.reduce((sum, entry) => sum + entry.remaining, 0);
  }

  /** Consumes and returns the first armed fault for this request, in arming order. */
  take(request: FaultRequest): OpenStackFault | null {
    const entry = this.armed.find(
      (candidate) => candidate.remaining > 0 && matches(candidate.fault, request),
    );
    if (!entry) return null;
    entry.remaining -= 1;
    this.armed = this.armed.filter((candidate) => candidate.remaining > 0);
    return entry.fault;
  }
}
