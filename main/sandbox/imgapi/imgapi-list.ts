import type { ImgapiManifest } from './imgapi-seed';

/**
 * ListImages (GET /images) as IMGAPI answers it: filters on manifest fields, results sorted by
 * published_at (ascending unless `sort=published_at.desc`), `limit` (default and maximum 1000)
 * and `marker` with IMGAPI's ">=" semantics — the marker image itself comes back as the first
 * item of the next page, which IMGAPI's own client drops.
 */

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_LIMIT = 1000;

/** An answer the routes turn into an HTTP response: a JSON value or a restify-style error. */
export type ListOutcome =
  | { ok: true; images: ImgapiManifest[] }
  | { ok: false; status: number; code: string; message: string; errors?: { field: string; code: string }[] };

const invalid = (field: string, message: string): ListOutcome => ({
  ok: false,
  status: 422,
  code: 'InvalidParameter',
  message,
  errors: [{ field, code: 'Invalid' }],
});

/** `~foo` is a case-sensitive substring match, anything else an exact match. */
function textMatches(value: string, filter: string): boolean {
  return filter.startsWith('~') ? value.includes(filter.slice(1)) : value === filter;
}

function matchesFilters(image: ImgapiManifest, query: URLSearchParams): boolean {
  const name = query.get('name');
  if (name !== null && !textMatches(image.name, name)) return false;
  const version = query.get('version');
  if (version !== null && !textMatches(image.version, version)) return false;
  const os = query.get('os');
  if (os !== null && image.os !== os) return false;
  const type = query.get('type');
  if (type !== null) {
    const excluded = type.startsWith('!');
    if (excluded ? image.type === type.slice(1) : image.type !== type) return false;
  }
  const owner = query.get('owner');
  if (owner !== null && image.owner !== owner) return false;
  const isPublic = query.get('public');
  if (isPublic !== null && String(image.public) !== isPublic) return false;
  const state = query.get('state') ?? 'active';
  if (state !== 'all' && image.state !== state) return false;
  for (const [key, value] of query) {
    if (!key.startsWith('tag.')) continue;
    const tag = image.tags?.[key.slice(4)];
    if (tag === undefined || String(tag) !== value) return false;
  }
  return true;
}

const byPublished = (a: ImgapiManifest, b: ImgapiManifest): number =>
  a.published_at.localeCompare(b.published_at) || a.uuid.localeCompare(b.uuid);

export function listImages(all: readonly ImgapiManifest[], query: URLSearchParams): ListOutcome {
  const state = query.get('state');
  if (state !== null && !['active', 'unactivated', 'disabled', 'all'].includes(state)) {
    return invalid('state', `invalid "state": "${state}"`);
  }
  let limit = MAX_LIMIT;
  const rawLimit = query.get('limit');
  if (rawLimit !== null) {
    limit = Number(rawLimit);
    if (!/^\d+$/.test(rawLimit) || limit < 1 || limit > MAX_LIMIT) {
      return invalid(
        'limit',
        `invalid "limit": "${rawLimit}" (must be an integer between 1 and ${MAX_LIMIT})`,
      );
    }
  }
  const sort = query.get('sort') ?? 'published_at';
  if (!['published_at', 'published_at.asc', 'published_at.desc'].includes(sort)) {
    return invalid('sort', `invalid "sort": "${sort}"`);
  }
  const descending = sort === 'published_at.desc';

  let from: string | null = null;
  const marker = query.get('marker');
  if (marker !== null) {
    if (UUID_RE.test(marker)) {
      const image = all.find((candidate) => candidate.uuid === marker);
      if (!image)
        return { ok: false, status: 404, code: 'ResourceNotFound', message: `image ${marker} not found` };
      from = image.published_at;
    } else if (!Number.isNaN(Date.parse(marker))) {
      from = new Date(marker).toISOString();
    } else {
      return invalid('marker', `invalid "marker": "${marker}" (must be an image UUID or a date)`);
    }
  }

  const sorted = all.filter((image) => matchesFilters(image, query)).sort(byPublished);
  if (descending) sorted.reverse();
  const paged =
    from === null
      ? sorted
      : sorted.filter((image) => (descending ? image.published_at <= from : image.published_at >= from));
  return { ok: true, images: paged.slice(0, limit) };
}
