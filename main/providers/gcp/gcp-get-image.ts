import type { ImagesClient } from '@google-cloud/compute';
import type { StoredImage } from '../../catalog/stored-image';
import { mapGcpImage, type GcpImageContext } from './gcp-image-mapper';
import { RpcCode, type GcpCallOptions } from './gcp-images-client';

/** An image named by its project and name, the two parts `images.get` takes. */
export interface GcpImageRef {
  project: string;
  name: string;
}

const PROJECT = '[a-z][a-z0-9-]{4,28}[a-z0-9]';
const NAME = '[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?';
/**
 * `projects/P/global/images/NAME` (StoredImage.cloudId), Scalr's `P/global/images/NAME`, or a
 * selfLink `https://compute.googleapis.com/compute/v1/projects/P/global/images/NAME`.
 */
const IMAGE_ID = new RegExp(
  `^(?:https://[^/]+/compute/(?:v1|beta|alpha)/)?(?:projects/)?(${PROJECT})/global/images/(${NAME})$`,
);

export function parseGcpImageId(cloudImageId: string): GcpImageRef | null {
  const match = IMAGE_ID.exec(cloudImageId);
  return match ? { project: match[1] as string, name: match[2] as string } : null;
}

/** Compute's "no such image": NOT_FOUND from the client, 404 `notFound` on the wire. */
function isNotFound(error: unknown): boolean {
  const e = (error ?? {}) as { code?: unknown; httpStatusCode?: unknown };
  return e.code === RpcCode.NOT_FOUND || e.httpStatusCode === 404;
}

/**
 * One image by project and name (`images.get`), asked of Compute now. Deprecated, obsolete and
 * DELETED-marked images come back with their deprecation state; null when Compute answers 404
 * (never existed, or deleted). Other errors are thrown as the client raised them.
 */
export async function getGcpImage(
  client: ImagesClient,
  ref: GcpImageRef,
  context: GcpImageContext,
  options: GcpCallOptions,
): Promise<StoredImage | null> {
  try {
    const [image] = await client.get({ project: ref.project, image: ref.name }, options);
    return mapGcpImage(image, context);
  } catch (error) {
    if (!options.signal?.aborted && isNotFound(error)) return null;
    throw error;
  }
}
