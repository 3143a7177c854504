import type { protos } from '@google-cloud/compute';
import { CloudError } from '../../driver';
import { clip } from '../../shared/error-facts';
import type { GceSession } from './gce-session';
import { lastSegment } from './gce-names';

export type GceOperation = protos.google.cloud.compute.v1.IOperation;

/** Compute's `wait` returns after at most about two minutes; one attempt must outlast it. */
const WAIT_ATTEMPT_MS = 150_000;

/** What `insert` / `delete` / `deprecate` resolve to: an LRO wrapper around the first Operation. */
export function operationOf(result: readonly unknown[]): GceOperation {
  const first = result[0] as { latestResponse?: GceOperation } | undefined;
  const op = first?.latestResponse ?? (result[1] as GceOperation | undefined);
  if (!op?.name)
    throw new CloudError({
      code: 'cloud-error',
      message: 'Compute Engine accepted the request but returned no operation to follow.',
    });
  return op;
}

const isDone = (op: GceOperation): boolean => String(op.status) === 'DONE';

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', abort, { once: true });
    function done(): void {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort(): void {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    }
  });
}

/** An operation that finished with errors, as a CloudError in Compute's own words with what to do. */
export function operationFailure(op: GceOperation, activity: string): CloudError {
  const errors = op.error?.errors ?? [];
  const codes = [...new Set(errors.map((e) => e.code).filter((c): c is string => !!c))];
  const said = clip(
    errors
      .map((e) => e.message ?? e.code ?? '')
      .filter(Boolean)
      .join(' ') ||
      (op.httpErrorMessage ?? 'unknown error'),
    400,
  );
  const has = (code: string): boolean => codes.some((c) => c.startsWith(code));
  if (has('QUOTA_EXCEEDED')) {
    return new CloudError({
      code: 'cloud-error',
      message: `Compute Engine refused to ${activity}: ${said} (QUOTA_EXCEEDED). Delete servers you no longer need, choose a smaller machine type or another region, or ask for more quota (IAM & Admin → Quotas), then try again.`,
    });
  }
  if (has('ZONE_RESOURCE_POOL_EXHAUSTED')) {
    return new CloudError({
      code: 'cloud-error',
      message: `Compute Engine could not ${activity}: ${said}. The zone has no capacity for this machine type right now; try another zone or machine type.`,
    });
  }
  if (has('RESOURCE_NOT_FOUND')) {
    return new CloudError({
      code: 'not-found',
      message: `Compute Engine could not ${activity}: ${said}. Check that the network, subnetwork and image exist in the project and in the zone's region, then try again.`,
    });
  }
  if (op.httpErrorStatusCode === 403) {
    return new CloudError({
      code: 'cloud-permission',
      message: `Compute Engine refused to ${activity}: ${said}. Grant the service account a role that allows it (for example Compute Instance Admin (v1)), then try again.`,
    });
  }
  return new CloudError({
    code: 'cloud-error',
    message: `Compute Engine could not ${activity}: ${said}${codes.length > 0 ? ` (${codes.join(', ')})` : ''}.`,
  });
}

/**
 * Follows an operation to DONE with zoneOperations.wait / globalOperations.wait (each returns when
 * the operation finishes or after a while, so the loop asks again), then throws its error if it
 * failed. Never assumes an operation is done because the request that started it returned.
 */
export async function waitForOperation(
  session: GceSession,
  started: GceOperation,
  activity: string,
  pollIntervalMs: number,
  signal?: AbortSignal,
): Promise<GceOperation> {
  let op = started;
  const zone = op.zone ? lastSegment(op.zone) : null;
  // An operation lives in the project of what it changes (an image of another project, say).
  const project = /\/projects\/([^/]+)\//.exec(op.selfLink ?? '')?.[1] ?? session.project;
  while (!isDone(op)) {
    if (signal?.aborted) throw signal.reason;
    const options = session.call(signal, { attemptTimeoutMs: WAIT_ATTEMPT_MS });
    const request = { project, operation: op.name ?? '' };
    const [next] = zone
      ? await session.client('ZoneOperationsClient').wait({ ...request, zone }, options)
      : await session.client('GlobalOperationsClient').wait(request, options);
    // A wait that comes back early (a proxy's timeout, Compute's own cap) is asked again after a pause.
    if (!isDone(next)) await pause(pollIntervalMs, signal);
    op = next;
  }
  if ((op.error?.errors?.length ?? 0) > 0) throw operationFailure(op, activity);
  return op;
}
