import type { LaunchSpec } from '../../compute-driver';
import { CloudError } from '../../driver';
import { parseGcpImageId } from '../gcp-get-image';
import { instanceResource, type InstancePlan } from './gce-instance-request';
import { gceLabels, instanceNames, regionOf, resourceName, zoneOf } from './gce-names';
import { operationOf, waitForOperation } from './gce-operations';
import type { GceSession } from './gce-session';

export interface LaunchContext {
  session: GceSession;
  pollIntervalMs: number;
  /** A fresh requestId per mutating call, so the client's retries cannot double a server. */
  requestId: () => string;
  /** Turns whatever was thrown into the CloudError the user sees. */
  failure: (error: unknown) => CloudError;
  signal?: AbortSignal;
}

const isNotFound = (error: unknown): boolean => {
  const e = (error ?? {}) as { code?: unknown; httpStatusCode?: unknown };
  return e.code === 5 || e.httpStatusCode === 404;
};

/** The network tags that make the chosen firewall rules reach the server (their target tags). */
async function firewallTags(session: GceSession, ids: string[], signal?: AbortSignal): Promise<string[]> {
  const client = session.client('FirewallsClient');
  const tags = new Set<string>();
  for (const id of ids) {
    const firewall = resourceName(id, 'The firewall rule');
    const [rule] = await client.get({ project: session.project, firewall }, session.call(signal));
    for (const tag of rule.targetTags ?? []) tags.add(tag);
  }
  return [...tags];
}

/** Deletes what a failed launch had started; the names of the servers that did exist. */
async function rollBack(ctx: LaunchContext, zone: string, names: string[]): Promise<string[]> {
  const { session } = ctx;
  const client = session.client('InstancesClient');
  const deleted = await Promise.all(
    names.map(async (instance) => {
      try {
        const op = operationOf(
          await client.delete(
            { project: session.project, zone, instance, requestId: ctx.requestId() },
            session.call(),
          ),
        );
        await waitForOperation(session, op, `delete ${instance}`, ctx.pollIntervalMs);
        return instance;
      } catch (error) {
        // Never created (its insert failed), or already gone: nothing to undo.
        if (isNotFound(error)) return null;
        throw error;
      }
    }),
  );
  return deleted.filter((name): name is string => name !== null);
}

/**
 * Launches `count` servers with one `instances.insert` each and follows every insert operation to
 * DONE: Compute accepts a request before it checks quota and references, so a server exists only
 * once its operation succeeds. If any fails (or the launch is cancelled), the servers this launch
 * started are deleted again, so a failed launch leaves nothing behind, and the message says so.
 */
export async function launchInstances(ctx: LaunchContext, spec: LaunchSpec): Promise<string[]> {
  const { session, signal } = ctx;
  const zone = zoneOf(spec.location);
  const ref = parseGcpImageId(spec.imageId);
  if (!ref) {
    throw new CloudError({
      code: 'invalid-request',
      message: `"${spec.imageId.slice(0, 120)}" is not a Compute Engine image id: write it as projects/PROJECT/global/images/NAME.`,
    });
  }
  resourceName(spec.flavorId, 'The machine type');
  const names = instanceNames(spec.name, spec.count);
  const plan: Omit<InstancePlan, 'networkTags'> = {
    project: session.project,
    zone,
    region: regionOf(zone),
    imagePath: `projects/${ref.project}/global/images/${ref.name}`,
    labels: gceLabels(spec.tags),
  };
  // Everything Hangar can check is checked before the first call, so a bad spec starts nothing.
  names.forEach((name) => instanceResource(spec, name, { ...plan, networkTags: [] }));
  const client = session.client('InstancesClient');
  const started: string[] = [];
  try {
    const networkTags = await firewallTags(session, spec.securityGroupIds, signal);
    const operations = [];
    for (const name of names) {
      const instanceResourceBody = instanceResource(spec, name, { ...plan, networkTags });
      const result = await client.insert(
        {
          project: session.project,
          zone,
          instanceResource: instanceResourceBody,
          requestId: ctx.requestId(),
        },
        session.call(signal),
      );
      started.push(name);
      operations.push(operationOf(result));
    }
    const outcomes = await Promise.allSettled(
      operations.map((op, i) =>
        waitForOperation(session, op, `launch ${names[i] ?? ''} in ${zone}`, ctx.pollIntervalMs, signal),
      ),
    );
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
    return names;
  } catch (error) {
    const failure = ctx.failure(error);
    if (started.length === 0) throw failure;
    let note: string;
    try {
      const undone = await rollBack(ctx, zone, started);
      note =
        undone.length === 0
          ? ''
          : ` Hangar deleted the server${undone.length === 1 ? '' : 's'} this launch had already created (${undone.join(', ')}).`;
    } catch {
      note = ` Hangar could not delete the servers this launch started (${started.join(', ')}); delete them in the Cloud console.`;
    }
    throw new CloudError(
      { ...failure.appError, message: `${failure.appError.message}${note}` },
      { cause: error },
    );
  }
}
