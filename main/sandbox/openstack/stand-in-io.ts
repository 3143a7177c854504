import type { IncomingMessage } from 'node:http';
import type { OpenStackFault } from './openstack-faults';
import { htmlError, keystoneError, type Reply } from './sandbox-http';

/**
 * The stand-in's request plumbing that is not routing: bounded body reading, and the replies that
 * stand in for a real answer when a fault fires.
 */

const MAX_BODY_BYTES = 1 << 20;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      size > MAX_BODY_BYTES
        ? reject(new Error('body too large'))
        : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

/** Answers a fault that replaces the real reply, or null when the real handler must run. */
export function faultReply(
  fault: OpenStackFault | null,
  service: 'keystone' | 'glance',
  identityUrl: string,
): Reply | null {
  const retryAfter: Record<string, string> = fault?.retryAfter ? { 'retry-after': fault.retryAfter } : {};
  switch (fault?.kind) {
    case 'throttle-429':
      return htmlError(
        429,
        'Too Many Requests',
        'Too many requests have been made in a given amount of time.',
        { 'retry-after': fault.retryAfter ?? '1' },
      );
    case 'unavailable-503':
      return htmlError(
        503,
        'Service Unavailable',
        'No server is available to handle this request.',
        retryAfter,
      );
    case 'malformed-body':
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"images": [{"id": "<html><body>502 Bad Gateway</body></html>',
      };
    case 'unauthorized-401':
      return service === 'keystone'
        ? keystoneError(401, 'Unauthorized', 'The request you have made requires authentication.')
        : htmlError(
            401,
            'Unauthorized',
            'This server could not verify that you are authorized to access the document you requested.',
            {
              'www-authenticate': `Keystone uri="${identityUrl}/v3"`,
            },
          );
    case 'forbidden-403':
      return service === 'keystone'
        ? keystoneError(403, 'Forbidden', 'You are not authorized to perform the requested action.')
        : htmlError(403, 'Forbidden', 'You are not authorized to complete get_images action.');
    default:
      return null;
  }
}
