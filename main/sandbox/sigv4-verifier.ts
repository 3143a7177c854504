import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import { ec2Error } from './ec2-api-error';
import { NodeSha256 } from './node-sha256';

/** What the `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` header claims. */
export interface SignatureClaim {
  accessKeyId: string;
  shortDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  amzDate: string;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: string;
}

const AUTH_PATTERN =
  /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request\s*,\s*SignedHeaders=([a-z0-9;_.-]+)\s*,\s*Signature=([0-9a-f]{64})\s*$/;
/** EC2 refuses requests signed more than 15 minutes away from its clock. */
const MAX_SKEW_MS = 15 * 60_000;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function parseAmzDate(amzDate: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!m) throw ec2Error('AuthFailure', 'AWS was not able to validate the provided access credentials');
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

/** Reads the claim; a missing or malformed header is refused the way EC2 refuses it. */
export function parseAuthorization(headers: IncomingHttpHeaders, now: Date): SignatureClaim {
  const authorization = header(headers, 'authorization');
  if (!authorization) throw ec2Error('MissingAuthenticationToken');
  const match = AUTH_PATTERN.exec(authorization);
  const amzDate = header(headers, 'x-amz-date');
  if (!match || !amzDate) throw ec2Error('AuthFailure');
  const [, accessKeyId, shortDate, region, service, signedHeaders, signature] = match as unknown as string[];
  if (service !== 'ec2' || !amzDate.startsWith(shortDate!)) throw ec2Error('AuthFailure');
  if (Math.abs(parseAmzDate(amzDate).getTime() - now.getTime()) > MAX_SKEW_MS) {
    throw ec2Error('RequestExpired', `Request has expired. Timestamp date is ${amzDate}`);
  }
  return {
    accessKeyId: accessKeyId!,
    shortDate: shortDate!,
    region: region!,
    service: service!,
    signedHeaders: signedHeaders!.split(';'),
    signature: signature!,
    amzDate,
  };
}

/**
 * Recomputes the signature with the SDK's own signer over exactly the headers the client
 * signed, and compares in constant time. Any header it claims but did not send fails.
 */
export async function verifySignature(
  request: ReceivedRequest,
  claim: SignatureClaim,
  secretAccessKey: string,
): Promise<boolean> {
  const headers: Record<string, string> = {};
  for (const name of claim.signedHeaders) {
    const value = header(request.headers, name);
    if (value === undefined) return false;
    headers[name] = value;
  }
  // The signer trusts a signed x-amz-content-sha256 instead of hashing the body, so check it
  // against the body ourselves; EC2 takes no unsigned payloads.
  const claimedHash = headers['x-amz-content-sha256'];
  if (
    claimedHash !== undefined &&
    claimedHash !== createHash('sha256').update(request.body, 'utf8').digest('hex')
  ) {
    return false;
  }
  const host = header(request.headers, 'host') ?? '';
  const signer = new SignatureV4({
    service: claim.service,
    region: claim.region,
    credentials: { accessKeyId: claim.accessKeyId, secretAccessKey },
    sha256: NodeSha256,
    // The client decides whether x-amz-content-sha256 is signed; if it did, it is in `headers`.
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: host.replace(/:\d+$/, ''),
      path: request.path,
      query: request.query,
      headers,
      body: request.body,
    },
    { signingDate: parseAmzDate(claim.amzDate), signableHeaders: new Set(claim.signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization ?? ''))?.[1];
  return expected !== undefined && timingSafeEqual(Buffer.from(expected), Buffer.from(claim.signature));
}
