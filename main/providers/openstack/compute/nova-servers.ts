import type { ServerStatus } from '../../compute-driver';
import { HttpStatusError } from '../openstack-http';
import { dict, str, type ComputeCall } from './compute-context';
import { HANGAR_PORT_MARK } from './nova-launch';
import { listAll } from './paged-list';
import { readServer } from './server-status';

/** Nova's own "not found" for a server, as opposed to a wrong endpoint's 404. */
const isServerGone = (error: unknown): boolean =>
  error instanceof HttpStatusError &&
  error.status === 404 &&
  error.service === 'Nova' &&
  /could not be found|not found/i.test(error.detail);

const serverPath = (id: string): string => `/servers/${encodeURIComponent(id)}`;

/** GET /servers/{id}; null once Nova no longer knows it (deleted servers answer 404). */
export async function getServer(call: ComputeCall, serverId: string): Promise<ServerStatus | null> {
  const nova = await call.nova();
  try {
    const { body } = await call.sessions.call('compute', call.region, serverPath(serverId), {
      headers: nova.headers,
      signal: call.signal,
    });
    const server = readServer(dict(body)?.server);
    if (!server) throw new Error(`Nova answered server ${serverId} without its id`);
    return server;
  } catch (error) {
    if (isServerGone(error)) return null;
    throw error;
  }
}

/**
 * DELETE /servers/{id} (a server already gone counts as done), then the ports Hangar made for
 * it: Nova keeps ports it was handed, so without this each subnet choice would leak one.
 */
export async function terminateServer(call: ComputeCall, serverId: string): Promise<void> {
  const nova = await call.nova();
  const ports = await call.sessions
    .call('network', call.region, '/v2.0/ports', { query: { device_id: serverId }, signal: call.signal })
    .then(({ body }) => (Array.isArray(dict(body)?.ports) ? (dict(body)?.ports as unknown[]) : []))
    .catch(() => [] as unknown[]);
  const ours = ports
    .map((entry) => dict(entry))
    .filter((port) => (str(port?.description) ?? '').startsWith(HANGAR_PORT_MARK))
    .map((port) => str(port?.id))
    .filter((id): id is string => !!id);
  try {
    await call.sessions.call('compute', call.region, serverPath(serverId), {
      method: 'DELETE',
      headers: nova.headers,
      signal: call.signal,
    });
  } catch (error) {
    if (!isServerGone(error)) throw error;
  }
  for (const portId of ours) {
    await call.sessions
      .call('network', call.region, `/v2.0/ports/${portId}`, { method: 'DELETE', signal: call.signal })
      .catch((error: unknown) => {
        if (!(error instanceof HttpStatusError && error.status === 404)) throw error;
      });
  }
}

/** GET /servers/detail?image={id}, every page: the project's servers that still exist and boot that image. */
export async function serversUsingImage(call: ComputeCall, imageId: string): Promise<ServerStatus[]> {
  const nova = await call.nova();
  const servers = await listAll(call.sessions, {
    type: 'compute',
    region: call.region,
    path: '/servers/detail',
    query: { image: imageId },
    headers: nova.headers,
    collection: 'servers',
    read: readServer,
    keyOf: (server) => server.id,
    signal: call.signal,
  });
  // The filter is Nova's; a server it answers with another image (an old Nova ignoring it) is not ours.
  return servers.filter((server) => server.imageId === imageId && server.state !== 'terminated');
}
