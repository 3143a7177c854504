import { CloudError } from '../../driver';
import type { GcpImageRef } from '../gcp-get-image';
import { relativePath, resourceName } from './gce-names';
import { operationOf, waitForOperation } from './gce-operations';
import { bootDiskOf } from './gce-server-status';
import type { GceSession } from './gce-session';

/**
 * Captures the server's boot disk as an image in the account's project (`images.insert` with
 * `sourceDisk`), followed to DONE — the image is PENDING until then and READY after. The server
 * keeps running (`forceCreate`): the image is crash-consistent, like a snapshot of a running disk.
 */
export async function captureImage(
  session: GceSession,
  zone: string,
  server: string,
  name: string,
  description: string,
  pollIntervalMs: number,
  requestId: string,
): Promise<{ imageId: string }> {
  const imageName = resourceName(name, 'The image name');
  const [instance] = await session
    .client('InstancesClient')
    .get({ project: session.project, zone, instance: server }, session.call());
  const disk = bootDiskOf(instance);
  if (!disk) {
    throw new CloudError({
      code: 'cloud-error',
      message: `The server ${server} has no boot disk to capture.`,
    });
  }
  const result = await session.client('ImagesClient').insert(
    {
      project: session.project,
      forceCreate: true,
      requestId,
      imageResource: { name: imageName, description, sourceDisk: relativePath(disk) },
    },
    session.call(),
  );
  await waitForOperation(
    session,
    operationOf(result),
    `capture ${server} as the image ${imageName}`,
    pollIntervalMs,
  );
  return { imageId: `projects/${session.project}/global/images/${imageName}` };
}

/**
 * Compute's deprecation record is informational: a date never changes the state by itself. So
 * a date now or past sets DEPRECATED (with that date); a future date announces it on an ACTIVE
 * image (the catalog shows "scheduled"), and Hangar has to deprecate again when the day comes;
 * null makes the image ACTIVE again and clears the dates.
 */
export function deprecationBody(
  at: Date | null,
  now: Date = new Date(),
): {
  state: 'ACTIVE' | 'DEPRECATED';
  deprecated?: string;
} {
  if (at === null) return { state: 'ACTIVE' };
  return { state: at.getTime() <= now.getTime() ? 'DEPRECATED' : 'ACTIVE', deprecated: at.toISOString() };
}

export async function deprecateImage(
  session: GceSession,
  ref: GcpImageRef,
  at: Date | null,
  pollIntervalMs: number,
  requestId: string,
): Promise<void> {
  const result = await session
    .client('ImagesClient')
    .deprecate(
      { project: ref.project, image: ref.name, deprecationStatusResource: deprecationBody(at), requestId },
      session.call(),
    );
  const verb = at === null ? 'take back the deprecation of' : 'deprecate';
  await waitForOperation(session, operationOf(result), `${verb} the image ${ref.name}`, pollIntervalMs);
}

export async function deleteImage(
  session: GceSession,
  ref: GcpImageRef,
  pollIntervalMs: number,
  requestId: string,
): Promise<void> {
  const result = await session
    .client('ImagesClient')
    .delete({ project: ref.project, image: ref.name, requestId }, session.call());
  await waitForOperation(session, operationOf(result), `delete the image ${ref.name}`, pollIntervalMs);
}
