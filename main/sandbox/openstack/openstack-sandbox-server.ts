import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpenStackConnection, OpenStackSecret } from '@contract/index';
import type { CloudSandbox } from '../../providers/provider-module';
import { ComputeStandIn } from './compute-stand-in';
import { handleGlance } from './glance-api';
import { handleGlanceWrite } from './glance-writes';
import { addServiceUser, routeComputeOrUpload } from './sandbox-compute-routes';
import { KeystoneTokenCheck } from './keystone-token-check';
import type { NovaTiming } from './nova-state';
import type { SandboxGlanceImage } from './glance-query';
import { handleKeystone } from './keystone-api';
import { OpenStackFaultInjector, type FaultRequest } from './openstack-faults';
import { OpenStackRequestLog, type OpenStackRequest } from './openstack-request-log';
import { htmlError, json, type Reply } from './sandbox-http';
import { OPENSTACK_SANDBOX_DEMO, SandboxIdentity } from './sandbox-identity';
import { seedOpenStackImages } from './seed-openstack';
import { glanceMount, IDENTITY_MOUNT, serviceCatalog } from './service-catalog';
import { faultReply, readBody } from './stand-in-io';
import { delay, stopServer } from '../shared/stand-in-http';

export interface OpenStackSandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The cloud's "now": seeds build dates and end-of-life. Defaults to now. */
  referenceDate?: Date;
  /** Default RegionOne and RegionTwo; the first is the busy one. */
  regions?: readonly string[];
  tokenLifetimeMs?: number;
  /** How long a server build, a deletion and a snapshot take in the Nova stand-in. */
  computeTiming?: Partial<NovaTiming>;
}

export interface OpenStackSandbox extends CloudSandbox<OpenStackConnection, OpenStackSecret> {
  /** http://127.0.0.1:PORT */
  readonly endpoint: string;
  /** Keystone v3: http://127.0.0.1:PORT/identity/v3 */
  readonly authUrl: string;
  readonly regions: readonly string[];
  readonly identity: SandboxIdentity;
  /** Region → images; tests may add or change images in place. */
  readonly images: Map<string, SandboxGlanceImage[]>;
  readonly faults: OpenStackFaultInjector;
  readonly requestLog: OpenStackRequestLog;
  /** Region → its Nova and Neutron (servers, key pairs, quotas, networks, groups, ports). */
  readonly compute: ReadonlyMap<string, ComputeStandIn>;
  /**
   * Deletes an image from every region, as `DELETE /v2/images/{id}` would (Glance forgets it:
   * lists leave it out and GET answers 404). False when no region holds it.
   */
  removeImage(cloudId: string): boolean;
}

function removeImage(images: Map<string, SandboxGlanceImage[]>, cloudId: string): boolean {
  let removed = false;
  for (const regionImages of images.values()) {
    // In place: tests and handlers hold the same arrays.
    for (let i = regionImages.length - 1; i >= 0; i -= 1) {
      if (regionImages[i]?.wire.id !== cloudId) continue;
      regionImages.splice(i, 1);
      removed = true;
    }
  }
  return removed;
}

/**
 * Starts the OpenStack stand-in: Keystone v3 and each region's Glance v2 on one port of
 * 127.0.0.1, seeded with a private cloud's images, with fault injection and a request log.
 */
export async function startOpenStackSandbox(
  options: OpenStackSandboxOptions = {},
): Promise<OpenStackSandbox> {
  const regions = [...(options.regions ?? ['RegionOne', 'RegionTwo'])];
  const identity = new SandboxIdentity(options.tokenLifetimeMs);
  const images = seedOpenStackImages(regions, options.referenceDate ?? new Date());
  const faults = new OpenStackFaultInjector();
  const requestLog = new OpenStackRequestLog();
  let endpoint = '';
  let seq = 0;
  const serviceUser = addServiceUser(identity);
  const compute = new Map<string, ComputeStandIn>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in.invalid');
    const method = req.method ?? 'GET';
    const identityUrl = `${endpoint}${IDENTITY_MOUNT}`;
    const record: OpenStackRequest = {
      seq: ++seq,
      receivedAt: new Date(),
      service: 'unknown',
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      region: null,
      userName: null,
      fault: null,
      status: 0,
    };
    const { complete } = requestLog.completeOnce(record, res);
    const send = (reply: Reply, truncate = false): void => {
      if (res.destroyed) return;
      const headers = {
        ...reply.headers,
        'content-length': String(Buffer.byteLength(reply.body)),
        'x-openstack-request-id': `req-${randomUUID()}`,
      };
      if (!truncate) {
        record.status = reply.status;
        res.writeHead(reply.status, headers);
        res.end(reply.body);
        complete();
        return;
      }
      // Half the promised bytes, then the connection drops: the client sees a body that broke off.
      res.writeHead(reply.status, headers);
      res.write(reply.body.slice(0, Math.floor(reply.body.length / 2)), () => res.socket?.destroy());
    };

    try {
      const routed = await routeComputeOrUpload({
        req,
        res,
        url,
        regions,
        record,
        faults,
        requestLog,
        identity,
        images,
        compute,
        endpoint,
      });
      if (routed) return send(routed.reply, routed.truncate);
      const body = await readBody(req);
      const glance = glanceMount(url.pathname, regions);
      const isKeystone = url.pathname === IDENTITY_MOUNT || url.pathname.startsWith(`${IDENTITY_MOUNT}/`);
      if (!isKeystone && !glance)
        return send(
          json(404, {
            error: { code: 404, message: 'The resource could not be found.', title: 'Not Found' },
          }),
        );
      record.service = isKeystone ? 'keystone' : 'glance';
      record.region = glance?.region ?? null;
      const isList = glance !== null && method === 'GET' && /^\/v2\/images\/?$/.test(glance.rest);
      const isTokenRequest =
        isKeystone && method === 'POST' && url.pathname === `${IDENTITY_MOUNT}/v3/auth/tokens`;
      const faultRequest: FaultRequest | null = isKeystone
        ? isTokenRequest
          ? { target: 'keystone-auth', hasMarker: false }
          : null
        : {
            target: isList ? 'glance-list' : 'glance-other',
            hasMarker: isList && url.searchParams.has('marker'),
          };
      const fault = faultRequest ? faults.take(faultRequest) : null;
      record.fault = fault?.kind ?? null;
      requestLog.received(record);
      if (fault?.kind === 'latency') await delay(fault.ms ?? 0, res);
      const replaced = faultReply(fault, record.service, identityUrl);
      if (replaced) return send(replaced);
      const truncate = fault?.kind === 'truncated-page';

      if (isKeystone) {
        const result = handleKeystone(
          { identity, identityUrl, catalog: () => serviceCatalog(endpoint, regions), now: () => new Date() },
          method,
          url.pathname.slice(IDENTITY_MOUNT.length),
          body,
          {
            authToken: req.headers['x-auth-token'] as string | undefined,
            subjectToken: req.headers['x-subject-token'] as string | undefined,
          },
        );
        record.userName = result.userName;
        return send(result.reply, truncate);
      }
      const mount = glance as NonNullable<typeof glance>;
      if (mount.rest === '' || mount.rest === '/') {
        return send(
          handleGlance({
            method,
            mountUrl: `${endpoint}${mount.mount}`,
            path: mount.rest,
            query: url.searchParams,
            viewer: { projectId: '', isAdmin: false },
            images: [],
          }),
        );
      }
      const token = identity.resolve(req.headers['x-auth-token'] as string | undefined);
      if (!token || token.projectId === null) {
        return send(
          htmlError(
            401,
            'Unauthorized',
            'This server could not verify that you are authorized to access the document you requested.',
            {
              'www-authenticate': `Keystone uri="${identityUrl}/v3"`,
            },
          ),
        );
      }
      record.userName = identity.users.get(token.userId)?.name ?? null;
      if (identity.projects.get(token.projectId)?.imagesForbidden) {
        return send(htmlError(403, 'Forbidden', 'You are not authorized to complete get_images action.'));
      }
      const viewer = { projectId: token.projectId, isAdmin: token.roles.includes('admin') };
      const written = handleGlanceWrite({
        method,
        path: mount.rest,
        body,
        contentType: req.headers['content-type'] ?? null,
        accept: req.headers.accept ?? null,
        viewer,
        images: images.get(mount.region) ?? [],
        mountUrl: `${endpoint}${mount.mount}`,
        now: new Date(),
      });
      if (written) return send(written, truncate);
      const reply = handleGlance({
        method,
        mountUrl: `${endpoint}${mount.mount}`,
        path: mount.rest,
        query: url.searchParams,
        viewer,
        images: images.get(mount.region) ?? [],
        accept: req.headers.accept ?? null,
        repeatMarker: fault?.kind === 'repeated-marker',
      });
      return send(reply, truncate);
    } catch (error) {
      return send(
        htmlError(
          500,
          'Internal Server Error',
          error instanceof Error
            ? error.message
            : 'The server has either erred or is incapable of performing the requested operation.',
        ),
      );
    }
  }

  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  endpoint = `http://127.0.0.1:${port}`;
  const authUrl = `${endpoint}${IDENTITY_MOUNT}/v3`;
  const tokens = new KeystoneTokenCheck({ keystoneUrl: authUrl, service: serviceUser });
  for (const region of regions)
    compute.set(
      region,
      new ComputeStandIn({ region, tokens, keystoneUrl: authUrl, timing: options.computeTiming }),
    );

  return {
    cloud: 'openstack',
    connection: {
      authUrl,
      region: regions[0] ?? 'RegionOne',
      interface: 'public',
      authType: 'password',
      username: OPENSTACK_SANDBOX_DEMO.username,
      userDomainName: 'Default',
      projectName: OPENSTACK_SANDBOX_DEMO.projectName,
      projectDomainName: 'Default',
    },
    secret: { kind: 'password', password: OPENSTACK_SANDBOX_DEMO.password },
    endpoint,
    authUrl,
    regions,
    identity,
    images,
    faults,
    requestLog,
    compute,
    removeImage: (cloudId) => removeImage(images, cloudId),
    stop: async () => {
      await Promise.all([...compute.values()].map((standIn) => standIn.stop()));
      await stopServer(server);
    },
  };
}
