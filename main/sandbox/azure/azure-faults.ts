import type { ComputeOperation } from './compute-operations';

/** The calls the Azure stand-in answers, named after the SDK operations that make them. */
export type AzureOperation =
  | ComputeOperation
  | 'openid-configuration'
  | 'token'
  | 'virtualMachineImages.listPublishers'
  | 'virtualMachineImages.listOffers'
  | 'virtualMachineImages.listSkus'
  | 'virtualMachineImages.list'
  | 'virtualMachineImages.get'
  | 'images.list'
  | 'galleries.list'
  | 'galleryImages.listByGallery'
  | 'galleryImageVersions.listByGalleryImage'
  | 'images.get'
  | 'galleries.get'
  | 'galleryImages.get'
  | 'galleryImageVersions.get';

/**
 * What goes wrong:
 * - `error`: an error status with the cloud's own body (ARM envelope, or Entra's for `token`),
 *   with `Retry-After` when `retryAfterSeconds` is set (429/503: the SDK waits and retries);
 * - `malformed`: 200 with `application/json` that is not JSON;
 * - `truncated`: 200 whose body stops half way, the connection cut (Content-Length unmet);
 * - `repeat-next-link`: the page's `nextLink` points at the very request that produced it,
 *   the paging bug a driver must catch instead of looping;
 * - `latency`: the answer comes `ms` later (or never, if the client gives up first).
 */
export type AzureFaultKind = 'error' | 'malformed' | 'truncated' | 'repeat-next-link' | 'latency';

export interface AzureFault {
  kind: AzureFaultKind;
  /** Only this operation; every operation when omitted. */
  operation?: AzureOperation;
  /** Let this many matching requests through first (e.g. 1 to hit the second page). */
  skip?: number;
  /** How many matching requests are hit; default 1, `Infinity` for all. */
  times?: number;
  status?: number;
  code?: string;
  message?: string;
  retryAfterSeconds?: number;
  ms?: number;
}

interface Armed {
  fault: AzureFault;
  skip: number;
  remaining: number;
}

/** In-process fault injection: tests arm faults on the server object, never over HTTP. */
export class AzureFaultInjector {
  private armed: Armed[] = [];

  add(fault: AzureFault): void {
    this.armed.push({ fault, skip: fault.skip ?? 0, remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.armed = [];
  }

  /** Faults still waiting to hit a request. */
  pending(): number {
    return this.armed.reduce(
      (sum, entry) => sum + (Number.isFinite(entry.remaining) ? entry.remaining : 1),
      0,
    );
  }

  /**
   * The faults for one request, at most one of each kind, consumed as they hit. Latency is
   * reported alongside another fault so "slow, then failing" can be armed too.
   */
  take(operation: AzureOperation): AzureFault[] {
    const hits: AzureFault[] = [];
    const kinds = new Set<AzureFaultKind>();
    for (const entry of this.armed) {
      if (entry.remaining <= 0 || kinds.has(entry.fault.kind)) continue;
      if (entry.fault.operation !== undefined && entry.fault.operation !== operation) continue;
      if (entry.skip > 0) {
        entry.skip -= 1;
        continue;
      }
      entry.remaining -= 1;
      kinds.add(entry.fault.kind);
      hits.push(entry.fault);
    }
    this.armed = this.armed.filter((entry) => entry.remaining > 0);
    return hits;
  }
}
