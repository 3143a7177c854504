import { isGlanceImage, type GlanceImage } from './glance-image';
import { glanceBase } from './glance-images';
import { HttpStatusError, ProtocolError, requestJson, type HttpTuning } from './openstack-http';

/** Glance's image id schema: a hyphenated UUID (glance/api/v2/images.py `get_base_properties`). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The id as Glance stores it (lowercase, no surrounding blanks), or null when it cannot be a
 * Glance image id at all. Glance refuses to create an image whose id is not a UUID, so such an
 * input is a typing mistake, not an image that went away.
 */
export function glanceImageId(input: string): string | null {
  const id = input.trim().toLowerCase();
  return UUID.test(id) ? id : null;
}

export interface GlanceGetRequest {
  /** The image endpoint from the catalog. */
  endpoint: string;
  token: string;
  /** A Glance image id as returned by `glanceImageId`. */
  imageId: string;
  tuning?: HttpTuning;
  signal?: AbortSignal;
}

/**
 * Glance's own "not found" for an image: `No image found with ID <id>` (deleted, never existed, or
 * private to another project — Glance does not tell these apart). Any other 404 (a wrong endpoint
 * path, a proxy's page) is not evidence that the image is gone, so it stays an error: a drift
 * check must never mark every image deleted because the catalog points at the wrong place.
 */
function isImageNotFound(error: unknown, imageId: string): boolean {
  return (
    error instanceof HttpStatusError &&
    error.status === 404 &&
    error.service === 'Glance' &&
    error.detail.toLowerCase().includes(imageId)
  );
}

/**
 * GET /v2/images/{id}: the image whatever its status or os_hidden flag, or null when Glance says
 * it has no such image. Other failures throw the http layer's errors for the driver to classify.
 */
export async function getGlanceImage(request: GlanceGetRequest): Promise<GlanceImage | null> {
  const url = `${glanceBase(request.endpoint)}/v2/images/${encodeURIComponent(request.imageId)}`;
  let body: unknown;
  try {
    ({ body } = await requestJson(
      'Glance',
      url,
      { headers: { 'x-auth-token': request.token } },
      request.tuning,
      request.signal,
    ));
  } catch (error) {
    if (isImageNotFound(error, request.imageId)) return null;
    throw error;
  }
  if (!isGlanceImage(body))
    throw new ProtocolError('Glance', url, 'Glance answered with an image that has no id');
  if (body.id !== request.imageId) {
    throw new ProtocolError(
      'Glance',
      url,
      `Glance answered with image ${body.id} instead of ${request.imageId}`,
    );
  }
  return body;
}
