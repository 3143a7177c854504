import { createHash } from 'node:crypto';
import { gcpErrors } from './gcp-api-error';
import type { GcpCatalog } from './gcp-catalog';
import { COMPUTE_V1_BASE, type GcpImageResource } from './gcp-image-resource';
import { compileListFilter } from './gcp-list-filter';
import type { GcpComputeOperation } from './compute-router';

export type GcpOperation =
  'images.list' | 'images.get' | 'images.getFromFamily' | 'oauth.token' | GcpComputeOperation;

export interface ComputeRoute {
  operation: 'images.list' | 'images.get' | 'images.getFromFamily';
  project: string;
  /** Image name (get) or family (getFromFamily). */
  resource?: string;
}

const SEGMENT = '([a-z][a-z0-9-]{0,62})';
const ROUTES: [RegExp, ComputeRoute['operation']][] = [
  [new RegExp(`^/compute/v1/projects/${SEGMENT}/global/images/?$`), 'images.list'],
  [new RegExp(`^/compute/v1/projects/${SEGMENT}/global/images/family/${SEGMENT}$`), 'images.getFromFamily'],
  [new RegExp(`^/compute/v1/projects/${SEGMENT}/global/images/${SEGMENT}$`), 'images.get'],
];

/** The Compute REST paths the images client calls; null for anything else. */
export function matchComputeRoute(pathname: string): ComputeRoute | null {
  for (const [pattern, operation] of ROUTES) {
    const match = pattern.exec(pathname);
    if (match) return { operation, project: match[1] as string, resource: match[2] };
  }
  return null;
}

export interface ImageListPage {
  kind: 'compute#imageList';
  id: string;
  items?: GcpImageResource[];
  nextPageToken?: string;
  selfLink: string;
}

const MAX_RESULTS = 500;

/** Page tokens are opaque, and bound to the query that produced them, as Compute's are. */
function fingerprint(project: string, filter: string | null, orderBy: string | null): string {
  return createHash('sha256')
    .update([project, filter ?? '', orderBy ?? ''].join('\u0000'))
    .digest('base64url')
    .slice(0, 12);
}

export function encodePageToken(offset: number, print: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: print })).toString('base64url');
}

function decodePageToken(token: string, print: string): number {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      o?: unknown;
      f?: unknown;
    };
    if (value.f === print && Number.isInteger(value.o) && (value.o as number) > 0) return value.o as number;
  } catch {
    // refused below, in Compute's words
  }
  throw gcpErrors.invalidField('pageToken', token.slice(0, 80), 'Invalid page token.');
}

function parseMaxResults(raw: string | null): number {
  if (raw === null) return MAX_RESULTS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw gcpErrors.invalidField('maxResults', raw, 'Must be a non-negative integer.');
  }
  if (value > MAX_RESULTS) {
    throw gcpErrors.invalidField('maxResults', raw, `Must be less than or equal to ${MAX_RESULTS}`);
  }
  return value === 0 ? MAX_RESULTS : value;
}

function ordered(images: readonly GcpImageResource[], orderBy: string | null): readonly GcpImageResource[] {
  if (orderBy === null || orderBy.trim() === '' || orderBy.trim() === 'name') return images;
  if (orderBy.trim() === 'creationTimestamp desc') {
    return [...images].sort((a, b) => Date.parse(b.creationTimestamp) - Date.parse(a.creationTimestamp));
  }
  throw gcpErrors.invalidField('orderBy', orderBy, 'Sorting by this field is not supported.');
}

export interface ListQuery {
  maxResults: string | null;
  pageToken: string | null;
  filter: string | null;
  orderBy: string | null;
}

/** `images.list`: one page in Compute's envelope, with the next page's token when more remain. */
export function listImagesPage(catalog: GcpCatalog, project: string, query: ListQuery): ImageListPage {
  const size = parseMaxResults(query.maxResults);
  const print = fingerprint(project, query.filter, query.orderBy);
  const offset = query.pageToken ? decodePageToken(query.pageToken, print) : 0;
  const matches = ordered(catalog.images(project), query.orderBy).filter(compileListFilter(query.filter));
  const items = matches.slice(offset, offset + size);
  const page: ImageListPage = {
    kind: 'compute#imageList',
    id: `projects/${project}/global/images`,
    selfLink: `${COMPUTE_V1_BASE}/projects/${project}/global/images`,
  };
  // Compute leaves `items` out of an empty page rather than sending [].
  if (items.length > 0) page.items = items;
  if (offset + size < matches.length) page.nextPageToken = encodePageToken(offset + size, print);
  return page;
}

export function getImage(catalog: GcpCatalog, project: string, name: string): GcpImageResource {
  const image = catalog.image(project, name);
  if (!image) throw gcpErrors.notFound(`projects/${project}/global/images/${name}`);
  return image;
}

export function getFromFamily(catalog: GcpCatalog, project: string, family: string): GcpImageResource {
  const image = catalog.latestInFamily(project, family);
  if (!image) throw gcpErrors.notFound(`projects/${project}/global/images/family/${family}`);
  return image;
}
