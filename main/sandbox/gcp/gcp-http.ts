import type { IncomingMessage, ServerResponse } from 'node:http';
import { GcpApiError } from './gcp-api-error';
import { readBoundedBody } from '../shared/stand-in-http';

const MAX_BODY_BYTES = 64 * 1024;

/** The headers Google's front end puts on every JSON answer. */
const GOOGLE_HEADERS = {
  'content-type': 'application/json; charset=UTF-8',
  server: 'ESF',
  vary: 'Origin, X-Origin, Referer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'x-xss-protection': '0',
};

export function readBody(req: IncomingMessage): Promise<string> {
  return readBoundedBody(
    req,
    MAX_BODY_BYTES,
    () => new GcpApiError(413, 'INVALID_ARGUMENT', 'invalid', 'The request body is too large.'),
  );
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { ...GOOGLE_HEADERS, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * A page cut off mid-body: the headers promise the whole page, half of it arrives, then the
 * connection drops — what a reset proxy or a flaky network does to a large response.
 */
export function sendTruncated(res: ServerResponse, body: unknown): void {
  const text = Buffer.from(JSON.stringify(body));
  res.writeHead(200, { ...GOOGLE_HEADERS, 'content-length': text.length });
  res.write(text.subarray(0, Math.floor(text.length / 2)), () => res.destroy());
}

/** A 200 that is not JSON at all: a captive portal or misconfigured proxy answering in Google's place. */
export function sendMalformed(res: ServerResponse): void {
  const html =
    '<!DOCTYPE html><html><head><title>Network login</title></head>' +
    '<body><p>Sign in to continue to the internet.</p></body></html>';
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
  });
  res.end(html);
}
