import { CloudError } from '../../driver';
import { glanceImageId } from '../glance-get-image';
import { isGlanceImage, type GlanceImage } from '../glance-image';
import { DEPRECATES_AT_PROPERTY } from '../image-mapper';
import { HttpStatusError } from '../openstack-http';
import { dict, str, type ComputeCall } from './compute-context';
import { invalid } from './compute-errors';

const JSON_PATCH = 'application/openstack-images-v2.1-json-patch';

export function checkImageId(input: string): string {
  const id = glanceImageId(input);
  if (id === null)
    throw invalid(`"${input.trim().slice(0, 64)}" is not an OpenStack image id (Glance ids are UUIDs).`);
  return id;
}

const isImageGone = (error: unknown): boolean =>
  error instanceof HttpStatusError && error.status === 404 && error.service === 'Glance';

async function readImage(call: ComputeCall, imageId: string): Promise<GlanceImage> {
  try {
    const { body } = await call.sessions.call('image', call.region, `/v2/images/${imageId}`, {
      signal: call.signal,
    });
    if (!isGlanceImage(body)) throw new Error(`Glance answered image ${imageId} without its id`);
    return body;
  } catch (error) {
    if (!isImageGone(error)) throw error;
    throw new CloudError({
      code: 'not-found',
      message: `Glance in ${call.region} has no image ${imageId} (deleted, or not visible to this project). Sync the catalog, then try again.`,
    });
  }
}

/** Whether the image a server booted carries Hangar's deprecation date (best effort: false when unknown). */
async function sourceIsDeprecated(
  call: ComputeCall,
  serverId: string,
  headers: Record<string, string>,
): Promise<boolean> {
  try {
    const { body } = await call.sessions.call(
      'compute',
      call.region,
      `/servers/${encodeURIComponent(serverId)}`,
      {
        headers,
        signal: call.signal,
      },
    );
    const imageId = glanceImageId(str(dict(dict(dict(body)?.server)?.image)?.id) ?? '');
    if (!imageId) return false;
    const image = await call.sessions.call('image', call.region, `/v2/images/${imageId}`, {
      signal: call.signal,
    });
    return typeof dict(image.body)?.[DEPRECATES_AT_PROPERTY] === 'string';
  } catch {
    return false;
  }
}

/**
 * POST /servers/{id}/action {"createImage": …}. Nova registers the snapshot in Glance at once
 * (queued), then uploads it (saving → active): the caller polls the image. From 2.45 the id comes
 * in the body; before, in the Location header (…/images/{id}).
 */
export async function captureImage(
  call: ComputeCall,
  serverId: string,
  name: string,
  description: string,
): Promise<{ imageId: string }> {
  const imageName = name.trim();
  if (imageName === '' || imageName.length > 255)
    throw invalid('An image needs a name of 1 to 255 characters.');
  const nova = await call.nova();
  // Snapshot metadata becomes image properties; Horizon shows `description` (values stop at 255).
  const metadata: Record<string, string> = description.trim()
    ? { description: description.trim().slice(0, 255) }
    : {};
  // Nova copies the source image's properties into the snapshot; a private copy of an image
  // Hangar deprecated must not inherit its date ("" reads as none).
  if (await sourceIsDeprecated(call, serverId, nova.headers)) metadata[DEPRECATES_AT_PROPERTY] = '';
  const response = await call.sessions.call(
    'compute',
    call.region,
    `/servers/${encodeURIComponent(serverId)}/action`,
    {
      method: 'POST',
      headers: nova.headers,
      body: { createImage: { name: imageName, metadata } },
      idempotent: false,
      signal: call.signal,
    },
  );
  const fromBody = str(dict(response.body)?.image_id);
  const fromLocation = /\/images\/([^/?#]+)\/?$/.exec(response.headers.get('location') ?? '')?.[1] ?? null;
  const imageId = glanceImageId(fromBody ?? fromLocation ?? '');
  if (!imageId) throw new Error('Nova accepted the snapshot but did not say which image it is making');
  return { imageId };
}

async function patch(call: ComputeCall, imageId: string, ops: Record<string, unknown>[]): Promise<void> {
  if (ops.length === 0) return;
  await call.sessions.call('image', call.region, `/v2/images/${imageId}`, {
    method: 'PATCH',
    body: ops,
    contentType: JSON_PATCH,
    signal: call.signal,
  });
}

const action = (call: ComputeCall, imageId: string, name: 'deactivate' | 'reactivate'): Promise<unknown> =>
  call.sessions.call('image', call.region, `/v2/images/${imageId}/actions/${name}`, {
    method: 'POST',
    signal: call.signal,
  });

/**
 * Glance has no deprecation date, so Hangar's rule is:
 *  - a date in the future: hide the image (os_hidden=true: left out of default listings, still
 *    launchable by id) and record the date in the `hangar_deprecates_at` property;
 *  - a date now or past: the same, and deactivate it (no new servers from it; admins still can);
 *  - no date (undo): os_hidden=false, the property removed, and a deactivated image reactivated.
 * The image mapper reads both, so the catalog shows deprecatesAt and the deprecation state.
 */
export async function deprecateImage(
  call: ComputeCall,
  input: string,
  at: Date | null,
  now: Date,
): Promise<void> {
  const imageId = checkImageId(input);
  const image = await readImage(call, imageId);
  const hasDate = Object.prototype.hasOwnProperty.call(image, DEPRECATES_AT_PROPERTY);
  if (at === null) {
    await patch(call, imageId, [
      ...(image.os_hidden === true ? [{ op: 'replace', path: '/os_hidden', value: false }] : []),
      ...(hasDate ? [{ op: 'remove', path: `/${DEPRECATES_AT_PROPERTY}` }] : []),
    ]);
    if (image.status === 'deactivated') await action(call, imageId, 'reactivate');
    return;
  }
  if (Number.isNaN(at.getTime())) throw invalid('The deprecation date is not a valid date.');
  await patch(call, imageId, [
    { op: 'replace', path: '/os_hidden', value: true },
    { op: hasDate ? 'replace' : 'add', path: `/${DEPRECATES_AT_PROPERTY}`, value: at.toISOString() },
  ]);
  if (at.getTime() <= now.getTime() && image.status === 'active') await action(call, imageId, 'deactivate');
}

/**
 * DELETE /v2/images/{id}. An image already gone counts as deleted; a protected one is refused by
 * Glance (403), and the message says how to lift the protection.
 */
export async function deleteImage(call: ComputeCall, input: string): Promise<void> {
  const imageId = checkImageId(input);
  try {
    await call.sessions.call('image', call.region, `/v2/images/${imageId}`, {
      method: 'DELETE',
      signal: call.signal,
    });
  } catch (error) {
    if (isImageGone(error)) return;
    if (!(error instanceof HttpStatusError && error.status === 403)) throw error;
    const image = await readImage(call, imageId).catch(() => null);
    if (image?.protected !== true && !/protected/i.test(error.detail)) throw error;
    const name = image?.name ? `"${image.name}" (${imageId})` : imageId;
    throw new CloudError(
      {
        code: 'cloud-permission',
        message: `Image ${name} is protected: Glance refuses to delete a protected image. Unprotect it first (openstack image set --unprotected ${imageId}, or in Horizon: Edit Image, clear "Protected"), then delete it again.`,
      },
      { cause: error },
    );
  }
}
