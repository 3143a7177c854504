import { isGlanceImage, type GlanceImage } from './glance-image';
import { ProtocolError, requestJson, type HttpTuning } from './openstack-http';

/** Glance's api_limit_max default; a larger limit is silently cut to it. */
export const GLANCE_MAX_PAGE_SIZE = 1000;
/** A catalog this large is a server looping with fresh markers, not a cloud. */
const MAX_PAGES = 20_000;

/**
 * The catalog's image endpoint without a version suffix: catalogs list `http://host:9292`,
 * `http://host/image` or `http://host:9292/v2/`; requests go to `<base>/v2/images`.
 */
export function glanceBase(endpoint: string): string {
  return endpoint
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/v2(\.\d+)?$/, '');
}

/**
 * Glance writes `next` as `/v2/images?…` relative to its own root, which may sit under a path
 * (`/image`). Absolute links are only followed to the same origin: the token goes with them.
 */
export function resolveNext(base: string, next: string): string {
  const baseUrl = new URL(`${base}/`);
  if (/^https?:\/\//i.test(next)) {
    const absolute = new URL(next);
    if (absolute.origin !== baseUrl.origin) {
      throw new ProtocolError(
        'Glance',
        base,
        `Glance's next-page link points to another server (${absolute.origin})`,
      );
    }
    return absolute.toString();
  }
  const basePath = baseUrl.pathname.replace(/\/$/, '');
  const path = next.startsWith('/') ? next : `/${next}`;
  if (basePath !== '' && path.startsWith(`${basePath}/v2/`)) return `${baseUrl.origin}${path}`;
  return `${base}${path}`;
}

interface ImagesPage {
  images: GlanceImage[];
  next: string | null;
}

function readPage(body: unknown, url: string): ImagesPage {
  const page = body as { images?: unknown; next?: unknown } | null;
  if (!page || !Array.isArray(page.images)) {
    throw new ProtocolError('Glance', url, 'Glance answered with a page that has no "images" list');
  }
  const bad = page.images.findIndex((image) => !isGlanceImage(image));
  if (bad >= 0) throw new ProtocolError('Glance', url, `image ${bad + 1} of a Glance page has no id`);
  if (page.next !== undefined && page.next !== null && typeof page.next !== 'string') {
    throw new ProtocolError('Glance', url, 'Glance answered with a "next" link that is not text');
  }
  return { images: page.images as GlanceImage[], next: (page.next as string | undefined) ?? null };
}

export interface GlanceListRequest {
  /** The image endpoint from the catalog. */
  endpoint: string;
  token: string;
  pageSize: number;
  /** Filters, e.g. { visibility: 'all', os_hidden: 'true' }. */
  query: Record<string, string>;
  tuning?: HttpTuning;
  signal?: AbortSignal;
}

/**
 * GET /v2/images page by page, following `next`. Yields only images not seen before; a marker
 * that comes back, or a page of nothing new, is a server loop and ends the listing with an error
 * rather than spinning or duplicating.
 */
export async function* glanceImagePages(request: GlanceListRequest): AsyncGenerator<GlanceImage[]> {
  const base = glanceBase(request.endpoint);
  const params = new URLSearchParams({
    limit: String(Math.min(request.pageSize, GLANCE_MAX_PAGE_SIZE)),
    ...request.query,
  });
  let url: string | null = `${base}/v2/images?${params.toString()}`;
  const markers = new Set<string>();
  const seen = new Set<string>();
  for (let pages = 0; url !== null; pages += 1) {
    if (pages >= MAX_PAGES)
      throw new ProtocolError('Glance', url, `Glance kept sending pages (${MAX_PAGES}); Hangar stopped`);
    const response = await requestJson(
      'Glance',
      url,
      { headers: { 'x-auth-token': request.token } },
      request.tuning,
      request.signal,
    );
    const page = readPage(response.body, url);
    const fresh = page.images.filter((image) => !seen.has(image.id));
    if (page.images.length > 0 && fresh.length === 0) {
      throw new ProtocolError(
        'Glance',
        url,
        'Glance sent a page of images it had already sent; Hangar stopped rather than loop',
      );
    }
    for (const image of fresh) seen.add(image.id);
    yield fresh;

    if (page.next === null || page.images.length === 0) break;
    const nextUrl = resolveNext(base, page.next);
    const marker = new URL(nextUrl).searchParams.get('marker');
    if (marker === null || markers.has(marker)) {
      throw new ProtocolError(
        'Glance',
        url,
        marker === null
          ? 'Glance sent a next-page link without a marker'
          : `Glance sent the page marker ${marker} twice; Hangar stopped rather than loop`,
      );
    }
    markers.add(marker);
    url = nextUrl;
  }
}
