import { createHash } from 'node:crypto';
import { ec2Error } from './ec2-api-error';

/**
 * NextToken: opaque to clients, but bound to the query that produced it, so replaying it with
 * other filters fails like EC2 does instead of returning a silently wrong page.
 */
export function queryFingerprint(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 16);
}

export function encodePageToken(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ v: 1, o: offset, f: fingerprint })).toString('base64url');
}

export function decodePageToken(token: string, fingerprint: string): number {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
      v?: unknown;
      o?: unknown;
      f?: unknown;
    };
    if (value.v === 1 && value.f === fingerprint && Number.isInteger(value.o) && (value.o as number) >= 0) {
      return value.o as number;
    }
  } catch {
    // falls through to the EC2 error below
  }
  throw ec2Error('InvalidPaginationToken', `Invalid pagination token: ${token.slice(0, 64)}`);
}
