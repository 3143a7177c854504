import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { delay } from '../shared/stand-in-http';
import type { ComputeStandIn } from './compute-stand-in';
import { receiveUpload } from './glance-upload';
import type { SandboxGlanceImage } from './glance-query';
import type { OpenStackFaultInjector } from './openstack-faults';
import type { OpenStackRequest, OpenStackRequestLog } from './openstack-request-log';
import { htmlError, type Reply } from './sandbox-http';
import type { SandboxIdentity } from './sandbox-identity';
import { computeMount, glanceMount } from './service-catalog';
import { faultReply, readBody } from './stand-in-io';

/**
 * The sandbox server's routes that are not read-only Keystone/Glance: each region's Nova and
 * Neutron (with the 'compute' fault target), and Glance uploads, streamed rather than buffered.
 */

/** The service user Nova and Neutron validate tokens with, as keystonemiddleware's is. */
export function addServiceUser(identity: SandboxIdentity): {
  user: string;
  password: string;
  project: string;
} {
  const project = { id: 'f3c5a7e9b1d34f6a8c0e2b4d6f8a0c2e', name: 'service' };
  identity.projects.set(project.id, project);
  const password = randomBytes(18).toString('base64url');
  identity.addUser('nova', password, { [project.id]: ['service'] });
  return { user: 'nova', password, project: project.name };
}

export interface ComputeRouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  regions: readonly string[];
  record: OpenStackRequest;
  faults: OpenStackFaultInjector;
  requestLog: OpenStackRequestLog;
  identity: SandboxIdentity;
  images: Map<string, SandboxGlanceImage[]>;
  compute: ReadonlyMap<string, ComputeStandIn>;
  endpoint: string;
}

/** The answer for a Nova, Neutron or upload request, or null when the request is none of those. */
export async function routeComputeOrUpload(
  context: ComputeRouteContext,
): Promise<{ reply: Reply; truncate: boolean } | null> {
  const { req, url, record } = context;
  const method = req.method ?? 'GET';
  const computed = computeMount(url.pathname, context.regions);
  if (computed) {
    record.service = computed.service;
    record.region = computed.region;
    const fault = context.faults.take({ target: 'compute', hasMarker: false });
    record.fault = fault?.kind ?? null;
    context.requestLog.received(record);
    if (fault?.kind === 'latency') await delay(fault.ms ?? 0, context.res);
    const replaced = faultReply(fault, 'glance', `${context.endpoint}/identity`);
    if (replaced) return { reply: replaced, truncate: false };
    const reply = await (context.compute.get(computed.region) as ComputeStandIn).handle(computed.service, {
      method,
      path: computed.rest,
      query: url.searchParams,
      headers: req.headers,
      body: await readBody(req),
      mountUrl: `${context.endpoint}${computed.mount}`,
    });
    return { reply, truncate: fault?.kind === 'truncated-page' };
  }
  const upload = glanceMount(url.pathname, context.regions);
  const uploadId = /^\/v2\/images\/([^/]+)\/file$/.exec(upload?.rest ?? '')?.[1];
  if (!upload || !uploadId || method !== 'PUT') return null;
  record.service = 'glance';
  record.region = upload.region;
  context.requestLog.received(record);
  const token = context.identity.resolve(req.headers['x-auth-token'] as string | undefined);
  if (!token || token.projectId === null) {
    req.resume();
    const explanation =
      'This server could not verify that you are authorized to access the document you requested.';
    return { reply: htmlError(401, 'Unauthorized', explanation), truncate: false };
  }
  record.userName = context.identity.users.get(token.userId)?.name ?? null;
  const viewer = { projectId: token.projectId, isAdmin: token.roles.includes('admin') };
  const images = context.images.get(upload.region) ?? [];
  return { reply: await receiveUpload(req, images, uploadId, viewer, () => new Date()), truncate: false };
}
