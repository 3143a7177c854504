import { createHash } from 'node:crypto';
import { armErrors } from './arm-error';

export interface ArmPage<T> {
  value: T[];
  nextLink?: string;
}

/** Binds a skip token to the path that issued it, so replaying it elsewhere fails like ARM does. */
const fingerprint = (path: string): string =>
  createHash('sha256').update(path.toLowerCase()).digest('base64url').slice(0, 12);

function decodeSkipToken(token: string, path: string): number {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      o?: unknown;
      f?: unknown;
    };
    if (value.f === fingerprint(path) && Number.isInteger(value.o) && (value.o as number) > 0)
      return value.o as number;
  } catch {
    // the ARM error below
  }
  throw armErrors.invalidSkipToken();
}

/**
 * One page of a list, with ARM's absolute `nextLink` (`…?api-version=…&$skiptoken=…`) when more
 * remain. The SDK follows the link as given and re-adds api-version only if it is missing.
 */
export function pageOf<T>(
  items: readonly T[],
  options: { origin: string; path: string; query: URLSearchParams; pageSize: number },
): ArmPage<T> {
  const skipToken = options.query.get('$skiptoken');
  const offset = skipToken === null ? 0 : decodeSkipToken(skipToken, options.path);
  const end = offset + Math.max(1, options.pageSize);
  const page: ArmPage<T> = { value: items.slice(offset, end) };
  if (end < items.length) {
    const token = Buffer.from(JSON.stringify({ o: end, f: fingerprint(options.path) })).toString('base64url');
    const apiVersion = encodeURIComponent(options.query.get('api-version') ?? '');
    page.nextLink = `${options.origin}${options.path}?api-version=${apiVersion}&%24skiptoken=${token}`;
  }
  return page;
}
