import type { protos } from '@google-cloud/compute';
import type { ServerStatus } from '../../compute-driver';
import { CloudError } from '../../driver';
import type { GcpImageRef } from '../gcp-get-image';
import { toImageUri } from '../gcp-image-mapper';
import { isRegion, isZone, lastSegment, regionOf, relativePath } from './gce-names';
import { operationOf, waitForOperation } from './gce-operations';
import { bootDiskOf, serverStatus } from './gce-server-status';
import { listAll, type GceSession } from './gce-session';

type Disk = protos.google.cloud.compute.v1.IDisk;

export const isNotFound = (error: unknown): boolean => {
  const e = (error ?? {}) as { code?: unknown; httpStatusCode?: unknown };
  return e.code === 5 || e.httpStatusCode === 404;
};

/** The image a server's boot disk was made from (`disks.get` → sourceImage), or null. */
async function bootImage(
  session: GceSession,
  zone: string,
  link: string | null,
  signal?: AbortSignal,
): Promise<string | null> {
  if (!link) return null;
  try {
    const [disk] = await session
      .client('DisksClient')
      .get({ project: session.project, zone, disk: lastSegment(link) }, session.call(signal));
    return disk.sourceImage ? toImageUri(disk.sourceImage) : null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** One server now, or null once Compute no longer knows it (deleted). */
export async function getServer(
  session: GceSession,
  zone: string,
  name: string,
  id: string,
  signal?: AbortSignal,
): Promise<ServerStatus | null> {
  let instance: protos.google.cloud.compute.v1.IInstance;
  try {
    [instance] = await session
      .client('InstancesClient')
      .get({ project: session.project, zone, instance: name }, session.call(signal));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  return serverStatus(instance, id, await bootImage(session, zone, bootDiskOf(instance), signal));
}

/** `instances.delete`, followed to DONE; a server already gone is not an error. */
export async function deleteServer(
  session: GceSession,
  zone: string,
  name: string,
  pollIntervalMs: number,
  requestId: string,
): Promise<void> {
  let result;
  try {
    result = await session
      .client('InstancesClient')
      .delete({ project: session.project, zone, instance: name, requestId }, session.call());
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  await waitForOperation(session, operationOf(result), `delete the server ${name}`, pollIntervalMs);
}

/** Disks made from the image: in one zone, or in every zone (of a region) when asked for globally. */
async function disksFrom(
  session: GceSession,
  location: string,
  ref: GcpImageRef,
  signal?: AbortSignal,
): Promise<{ zone: string; disk: Disk }[]> {
  // Regex equality on the whole field: selfLinks may come from any Compute host.
  const filter = `sourceImage eq ".*/projects/${ref.project}/global/images/${ref.name}"`;
  const client = session.client('DisksClient');
  if (isZone(location)) {
    const disks = await listAll(
      `the disks of ${location}`,
      (pageToken, o) => client.list({ project: session.project, zone: location, filter, pageToken }, o),
      session,
      signal,
    );
    return disks.map((disk) => ({ zone: location, disk }));
  }
  if (location !== 'global' && !isRegion(location)) {
    throw new CloudError({
      code: 'invalid-request',
      message: `"${location.slice(0, 40)}" is neither a zone, a region nor "global".`,
    });
  }
  const found: { zone: string; disk: Disk }[] = [];
  const seen = new Set<string>();
  const pages = client.aggregatedListAsync({ project: session.project, filter }, session.page(signal));
  for await (const [scope, scoped] of pages) {
    const zone = lastSegment(scope);
    if (location !== 'global' && regionOf(zone) !== location) continue;
    for (const disk of scoped.disks ?? []) {
      const key = disk.selfLink ?? `${zone}/${disk.name ?? ''}`;
      // The same disk twice means a page came back again: stop rather than loop.
      if (seen.has(key)) {
        throw new CloudError({
          code: 'cloud-error',
          message: 'Google Cloud repeated a page of disks, so Hangar stopped rather than loop. Try again.',
        });
      }
      seen.add(key);
      found.push({ zone, disk });
    }
  }
  return found;
}

/**
 * Servers that still exist and boot from the image. Compute records the image on the boot disk
 * (`sourceImage`), not the instance, so the disks made from it are listed and their users
 * (instances) looked up. A zone answers for that zone (ids are names); "global" or a region
 * answers for every zone in it (ids are `zones/Z/instances/NAME`, which getServer accepts).
 */
export async function serversUsingImage(
  session: GceSession,
  location: string,
  ref: GcpImageRef,
  signal?: AbortSignal,
): Promise<ServerStatus[]> {
  const disks = await disksFrom(session, location, ref, signal);
  const users = new Map<string, Set<string>>();
  for (const { zone, disk } of disks) {
    for (const user of disk.users ?? []) {
      const set = users.get(zone) ?? new Set<string>();
      set.add(lastSegment(user));
      users.set(zone, set);
    }
  }
  const imageId = `projects/${ref.project}/global/images/${ref.name}`;
  const client = session.client('InstancesClient');
  const statuses: ServerStatus[] = [];
  for (const [zone, names] of users) {
    const instances = await listAll(
      `the servers of ${zone}`,
      (pageToken, o) => client.list({ project: session.project, zone, pageToken }, o),
      session,
      signal,
    );
    for (const instance of instances) {
      if (!names.has(instance.name ?? '')) continue;
      const id =
        zone === location
          ? (instance.name ?? '')
          : relativePath(instance.selfLink).replace(/^projects\/[^/]+\//, '');
      statuses.push(serverStatus(instance, id, imageId));
    }
  }
  return statuses;
}
