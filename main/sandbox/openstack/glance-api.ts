import {
  canSee,
  comparator,
  listable,
  matchesFilters,
  pageAfter,
  SORT_KEYS,
  VISIBILITIES,
  type MemberStatus,
  type SandboxGlanceImage,
  type Viewer,
  type VisibilityFilter,
} from './glance-query';
import { imageSchema, imagesSchema } from './glance-schemas';
import { glanceJsonError, json, webobError, type Reply } from './sandbox-http';

/**
 * Glance v2 below one region's mount: version discovery, GET /v2/images (every list parameter a
 * catalog sync uses, `first`/`next`/`schema` links exactly as Glance writes them), GET
 * /v2/images/{id} and the two schemas. Errors are Glance's own: webob's page for 4xx on
 * resources (HTML, JSON or plain text by the Accept header), JSON for query validation.
 */

export interface GlanceRequest {
  method: string;
  /** Absolute URL of the mount, e.g. http://127.0.0.1:PORT/regionone/image */
  mountUrl: string;
  /** Path below the mount, e.g. /v2/images */
  path: string;
  query: URLSearchParams;
  viewer: Viewer;
  images: readonly SandboxGlanceImage[];
  /** The request's Accept header: webob shapes error bodies by it. */
  accept?: string | null;
  /** Fault: answer a page with a `next` link that repeats the request's own marker. */
  repeatMarker?: boolean;
}

const RESERVED = new Set([
  'limit',
  'marker',
  'visibility',
  'member_status',
  'os_hidden',
  'sort_key',
  'sort_dir',
  'sort',
]);
const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 25;

export function wireImage(image: SandboxGlanceImage): Record<string, unknown> {
  const id = image.wire.id;
  return {
    ...image.wire,
    self: `/v2/images/${id}`,
    file: `/v2/images/${id}/file`,
    schema: '/v2/schemas/image',
  };
}

function versions(mountUrl: string): Reply {
  const ids: [string, string][] = [
    ['v2.15', 'CURRENT'],
    ...['v2.9', 'v2.7', 'v2.6', 'v2.5', 'v2.4', 'v2.3', 'v2.2', 'v2.1', 'v2.0'].map(
      (id): [string, string] => [id, 'SUPPORTED'],
    ),
  ];
  return json(300, {
    versions: ids.map(([id, status]) => ({ id, status, links: [{ rel: 'self', href: `${mountUrl}/v2/` }] })),
  });
}

/** `first` and `next` as Glance writes them: /v2/images?<the request's parameters>, marker swapped. */
function link(query: URLSearchParams, marker: string | null): string {
  const params = new URLSearchParams([...query].filter(([key]) => key !== 'marker'));
  if (marker !== null) params.append('marker', marker);
  const text = params.toString();
  return text ? `/v2/images?${text}` : '/v2/images';
}

function listImages(request: GlanceRequest): Reply {
  const { query, viewer } = request;
  const limitText = query.get('limit');
  let limit = DEFAULT_LIMIT;
  if (limitText !== null) {
    if (!/^-?\d+$/.test(limitText))
      return glanceJsonError(400, 'Bad Request', 'limit param must be an integer');
    limit = Number(limitText);
    if (limit < 0) return glanceJsonError(400, 'Bad Request', 'limit param must be positive');
    limit = Math.min(limit, MAX_LIMIT);
  }
  const visibility = (query.get('visibility') ?? undefined) as VisibilityFilter;
  if (visibility !== undefined && !VISIBILITIES.includes(visibility)) {
    return glanceJsonError(400, 'Bad Request', `Invalid visibility value: ${visibility}`);
  }
  const memberStatus = query.get('member_status') ?? 'accepted';
  if (!['accepted', 'pending', 'rejected', 'all'].includes(memberStatus)) {
    return glanceJsonError(400, 'Bad Request', `Invalid status: ${memberStatus}`);
  }
  const hiddenText = (query.get('os_hidden') ?? 'false').toLowerCase();
  if (hiddenText !== 'true' && hiddenText !== 'false') {
    return glanceJsonError(
      400,
      'Bad Request',
      `Invalid value '${query.get('os_hidden')}' for 'os_hidden' filter. Valid values are 'true' or 'false'.`,
    );
  }
  const keys = query
    .getAll('sort_key')
    .flatMap((k) => k.split(','))
    .filter(Boolean);
  const dirs = query
    .getAll('sort_dir')
    .flatMap((d) => d.split(','))
    .filter(Boolean);
  const badKey = keys.find((key) => !SORT_KEYS.includes(key));
  if (badKey)
    return glanceJsonError(
      400,
      'Bad Request',
      `Invalid sort key: ${badKey}. It must be one of the following: ${SORT_KEYS.join(', ')}.`,
    );
  const badDir = dirs.find((dir) => dir !== 'asc' && dir !== 'desc');
  if (badDir) return glanceJsonError(400, 'Bad Request', `Invalid sort direction: ${badDir}`);

  const filters = new Map<string, string[]>();
  for (const [key, value] of query)
    if (!RESERVED.has(key)) filters.set(key, [...(filters.get(key) ?? []), value]);
  const compare = comparator(
    keys.length > 0 ? keys : ['created_at'],
    dirs.length > 0 ? (dirs as ('asc' | 'desc')[]) : ['desc'],
  );

  const markerId = query.get('marker');
  let marker: SandboxGlanceImage | null = null;
  if (markerId !== null) {
    marker = request.images.find((image) => image.wire.id === markerId && canSee(image, viewer)) ?? null;
    if (!marker) return webobError(400, 'Bad Request', `No image found with ID ${markerId}`, request.accept);
  }
  const hidden = hiddenText === 'true';
  const selected = request.images
    .filter((image) => image.wire.os_hidden === hidden)
    .filter((image) => listable(image, viewer, visibility, memberStatus as MemberStatus | 'all'))
    .filter((image) => matchesFilters(image, filters))
    .sort(compare);
  const page = pageAfter(selected, marker, compare, limit);
  const body: Record<string, unknown> = {
    images: page.map(wireImage),
    first: link(query, null),
    schema: '/v2/schemas/images',
  };
  // Glance offers a next page whenever this one is full, even if nothing follows.
  const last = page[page.length - 1];
  if (request.repeatMarker && markerId !== null) body.next = link(query, markerId);
  else if (last && page.length === limit) body.next = link(query, last.wire.id);
  return json(200, body);
}

const decodeSegment = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

export function handleGlance(request: GlanceRequest): Reply {
  const { method, path } = request;
  if (method === 'GET' && (path === '' || path === '/')) return versions(request.mountUrl);
  if (method !== 'GET')
    return webobError(
      405,
      'Method Not Allowed',
      'The method is not allowed for this resource.',
      request.accept,
    );
  if (path === '/v2/images' || path === '/v2/images/') return listImages(request);
  if (path === '/v2/schemas/images') return json(200, imagesSchema());
  if (path === '/v2/schemas/image') return json(200, imageSchema());
  const byId = /^\/v2\/images\/([^/]+)$/.exec(path);
  if (byId) {
    const id = decodeSegment(byId[1] ?? '');
    const image = request.images.find((candidate) => candidate.wire.id === id);
    // Glance answers the same for an image that never existed, was deleted, or is another project's.
    if (!image || !canSee(image, request.viewer))
      return webobError(404, 'Not Found', `No image found with ID ${id}`, request.accept);
    return json(200, wireImage(image));
  }
  return webobError(404, 'Not Found', 'The resource could not be found.', request.accept);
}
