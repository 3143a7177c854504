import { createHash } from 'node:crypto';
import { COMPUTE_V1_BASE } from './gcp-image-resource';
import { gcpErrors } from './gcp-api-error';
import { compileListFilter } from './gcp-list-filter';

const MAX_RESULTS = 500;

export interface ComputeListPage<T> {
  kind: string;
  id: string;
  items?: T[];
  nextPageToken?: string;
  selfLink: string;
}

function decodeToken(token: string, print: string): number {
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

/**
 * One page of any Compute collection, in its list envelope (`compute#instanceList` …): the same
 * filter language as images.list, `maxResults` up to 500, opaque tokens bound to the query, and
 * `items` left out of an empty page.
 */
export function listPage<T>(
  items: readonly T[],
  kind: string,
  collectionPath: string,
  query: URLSearchParams,
): ComputeListPage<T> {
  const rawMax = query.get('maxResults');
  const size = rawMax === null ? MAX_RESULTS : Number(rawMax);
  if (!Number.isInteger(size) || size < 0 || size > MAX_RESULTS) {
    throw gcpErrors.invalidField(
      'maxResults',
      rawMax ?? '',
      `Must be an integer between 0 and ${MAX_RESULTS}.`,
    );
  }
  const filter = query.get('filter');
  const print = createHash('sha256')
    .update([collectionPath, filter ?? ''].join('\u0000'))
    .digest('base64url')
    .slice(0, 12);
  const token = query.get('pageToken');
  const offset = token ? decodeToken(token, print) : 0;
  const matches = items.filter(compileListFilter(filter));
  const pageSize = size === 0 ? MAX_RESULTS : size;
  const slice = matches.slice(offset, offset + pageSize);
  const page: ComputeListPage<T> = {
    kind,
    id: collectionPath,
    selfLink: `${COMPUTE_V1_BASE}/${collectionPath}`,
  };
  if (slice.length > 0) page.items = slice;
  if (offset + pageSize < matches.length) {
    page.nextPageToken = Buffer.from(JSON.stringify({ o: offset + pageSize, f: print })).toString(
      'base64url',
    );
  }
  return page;
}
