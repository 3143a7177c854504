import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stopServer } from '../shared/stand-in-http';
import { ComputeStandIn } from './compute-stand-in';
import { KeystoneTokenCheck, type ServiceCredentials } from './keystone-token-check';
import type { NovaTiming } from './nova-state';
import { json } from './sandbox-http';
import { readBody } from './stand-in-io';

/**
 * The Nova + Neutron stand-in on its own port, for tests that run a real Keystone and Glance
 * (which have no Nova or Neutron here): /compute/v2.1/… and /network/v2.0/…, tokens validated
 * against that Keystone with a service user, snapshots uploaded into that Glance.
 */

export interface ComputeServerOptions {
  /** Keystone v3, e.g. http://127.0.0.1:PORT/v3 */
  keystoneUrl: string;
  service?: ServiceCredentials;
  region: string;
  timing?: Partial<NovaTiming>;
  port?: number;
}

export interface LoggedComputeRequest {
  service: 'nova' | 'neutron';
  method: string;
  path: string;
  query: Record<string, string>;
  microversion: string | null;
  body: unknown;
  status: number;
}

export interface ComputeServer {
  /** For the catalog: http://127.0.0.1:PORT/compute/v2.1 */
  computeUrl: string;
  /** For the catalog: http://127.0.0.1:PORT/network */
  networkUrl: string;
  standIn: ComputeStandIn;
  /** Every request answered, with its parsed JSON body (never the token). */
  readonly requests: LoggedComputeRequest[];
  stop(): Promise<void>;
}

export async function startComputeServer(options: ComputeServerOptions): Promise<ComputeServer> {
  const standIn = new ComputeStandIn({
    region: options.region,
    keystoneUrl: options.keystoneUrl,
    tokens: new KeystoneTokenCheck({ keystoneUrl: options.keystoneUrl, service: options.service }),
    timing: options.timing,
  });
  const requests: LoggedComputeRequest[] = [];
  let endpoint = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in.invalid');
    const match = /^\/(compute|network)(\/.*)?$/.exec(url.pathname);
    let reply = json(404, { error: { code: 404, message: 'The resource could not be found.' } });
    const body = await readBody(req).catch(() => '');
    const service = match?.[1] === 'compute' ? 'nova' : 'neutron';
    if (match) {
      reply = await standIn
        .handle(service, {
          method: req.method ?? 'GET',
          path: match[2] ?? '',
          query: url.searchParams,
          headers: req.headers,
          body,
          mountUrl: `${endpoint}/${match[1]}`,
        })
        .catch((error: unknown) =>
          json(500, {
            computeFault: { code: 500, message: error instanceof Error ? error.message : String(error) },
          }),
        );
      let parsed: unknown = null;
      try {
        parsed = body ? JSON.parse(body) : null;
      } catch {
        parsed = body;
      }
      requests.push({
        service,
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        microversion: (req.headers['openstack-api-version'] as string | undefined) ?? null,
        body: parsed,
        status: reply.status,
      });
    }
    res.writeHead(reply.status, {
      ...reply.headers,
      'content-length': String(Buffer.byteLength(reply.body)),
      'x-openstack-request-id': `req-${randomUUID()}`,
    });
    res.end(reply.body);
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    computeUrl: `${endpoint}/compute/v2.1`,
    networkUrl: `${endpoint}/network`,
    standIn,
    requests,
    stop: async () => {
      await standIn.stop();
      await stopServer(server);
    },
  };
}
