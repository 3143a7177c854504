import { json, type Reply } from './sandbox-http';
import { isAdmin, type NovaContext } from './nova-context';
import { snapshotBytes } from './nova-snapshot-data';
// Glance's own fields: a snapshot does not inherit these from the image its server booted.
import { GLANCE_CORE_FIELDS } from '../../providers/openstack/glance-image';
import { serverView } from './nova-server-view';
import type { NovaServer } from './nova-state';
import { NovaFault } from './nova-wire';

/** GET/DELETE /servers/{id}, GET /servers[/detail] and POST /servers/{id}/action (createImage). */

const MAX_LIMIT = 1000;

function visibleServer(context: NovaContext, id: string): NovaServer {
  const server = context.state.servers.get(id);
  if (!server || (!isAdmin(context) && server.projectId !== context.caller.projectId))
    throw new NovaFault(404, `Instance ${id} could not be found.`);
  return server;
}

export function showServer(context: NovaContext, id: string): Reply {
  return json(200, { server: serverView(context, visibleServer(context, id)) });
}

export function deleteServer(context: NovaContext, id: string): Reply {
  const server = visibleServer(context, id);
  server.deletingSince ??= context.now;
  return { status: 204, headers: {}, body: '' };
}

/** The list with Nova's member filters, newest first, `limit`/`marker` paging and servers_links. */
export function listServers(context: NovaContext, query: URLSearchParams, detail: boolean): Reply {
  const filters = {
    image: query.get('image'),
    reservation: query.get('reservation_id'),
    status: query.get('status')?.toUpperCase() ?? null,
    name: query.get('name'),
  };
  let name: RegExp | null = null;
  try {
    name = filters.name ? new RegExp(filters.name) : null;
  } catch {
    throw new NovaFault(400, `Invalid regex for name filter: ${filters.name}`);
  }
  const servers = [...context.state.servers.values()]
    .filter((server) => isAdmin(context) || server.projectId === context.caller.projectId)
    .filter((server) => filters.image === null || server.imageId === filters.image)
    .filter((server) => filters.reservation === null || server.reservationId === filters.reservation)
    .filter((server) => name === null || name.test(server.name))
    .filter(
      (server) =>
        filters.status === null || context.state.phase(server, context.now).status === filters.status,
    )
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  const limitText = query.get('limit');
  if (limitText !== null && !/^\d+$/.test(limitText))
    throw new NovaFault(
      400,
      `Invalid input for query parameters limit. Value: ${limitText}. '${limitText}' does not match '^[0-9]*$'`,
    );
  const limit = Math.min(limitText === null ? MAX_LIMIT : Number(limitText), MAX_LIMIT);
  const marker = query.get('marker');
  const start = marker === null ? 0 : servers.findIndex((server) => server.id === marker) + 1;
  if (marker !== null && start === 0) throw new NovaFault(400, `marker [${marker}] not found`);
  const page = servers.slice(start, start + limit);
  const path = detail ? 'servers/detail' : 'servers';
  const body: Record<string, unknown> = {
    servers: page.map((server) =>
      detail
        ? serverView(context, server)
        : {
            id: server.id,
            name: server.name,
            links: [{ rel: 'self', href: `${context.mountUrl}/v2.1/servers/${server.id}` }],
          },
    ),
  };
  // Nova offers a next page whenever this one is full, even when nothing follows.
  const last = page[page.length - 1];
  if (last && page.length === limit) {
    const params = new URLSearchParams([...query].filter(([key]) => key !== 'marker'));
    params.set('limit', String(limit));
    params.set('marker', last.id);
    body.servers_links = [{ rel: 'next', href: `${context.mountUrl}/v2.1/${path}?${params.toString()}` }];
  }
  return json(200, body);
}

/** What a snapshot inherits from the image the server booted, as Nova's image_* system metadata. */
function inherited(server: NovaServer): Record<string, unknown> {
  const skip = new Set([
    ...GLANCE_CORE_FIELDS,
    'image_type',
    'instance_uuid',
    'base_image_ref',
    'owner_project_name',
    'owner_user_name',
    'user_id',
    'boot_roles',
    'image_location',
    'img_signature',
    'cache_in_nova',
    'bittorrent',
  ]);
  return Object.fromEntries(
    Object.entries(server.imageProperties).filter(
      ([key, value]) => !skip.has(key) && typeof value === 'string',
    ),
  );
}

/**
 * createImage: Glance gets a queued image at once (with the caller's token); the upload follows
 * in the background, so Glance shows queued → saving → active while the server's task state
 * goes image_snapshot → image_uploading → none. A failed upload deletes the image, as Nova does.
 */
async function createImage(
  context: NovaContext,
  server: NovaServer,
  request: Record<string, unknown>,
): Promise<Reply> {
  const name = request.name;
  if (typeof name !== 'string' || name.length > 255)
    throw new NovaFault(
      400,
      `Invalid input for field/attribute createImage. Value: ${JSON.stringify(request)}. 'name' is a required property`,
    );
  const metadata = (request.metadata ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(metadata))
    if (typeof value !== 'string' || value.length > 255 || key.length > 255)
      throw new NovaFault(
        400,
        `Invalid input for field/attribute metadata. Value: ${JSON.stringify(value).slice(0, 40)}.`,
      );
  const phase = context.state.phase(server, context.now);
  if (phase.status !== 'ACTIVE')
    throw new NovaFault(
      409,
      `Cannot 'createImage' instance ${server.id} while it is in vm_state ${phase.vmState}`,
    );
  if (phase.taskState !== null)
    throw new NovaFault(
      409,
      `Cannot 'createImage' instance ${server.id} while it is in task_state ${phase.taskState}`,
    );
  const source = server.imageProperties;
  const image = await context.glance.create(context.caller, {
    ...inherited(server),
    ...metadata,
    name,
    container_format: 'bare',
    disk_format: 'raw',
    visibility: 'private',
    min_disk: Math.max(server.flavor.disk, Number(source.min_disk ?? 0)),
    min_ram: Number(source.min_ram ?? 0),
    image_type: 'snapshot',
    instance_uuid: server.id,
    base_image_ref: server.imageId,
    owner_project_name: context.caller.projectName,
    owner_user_name: context.caller.userName,
    user_id: context.caller.userId,
    boot_roles: context.caller.roles.join(','),
  });
  const { snapshotMs } = context.state.timing;
  server.snapshotUntil = context.now + snapshotMs;
  const caller = context.caller;
  context.tasks.after(snapshotMs * 0.3, async () => {
    try {
      await context.glance.upload(caller, image.id, snapshotBytes(server.id), 4, snapshotMs * 0.6);
    } catch {
      await context.glance.remove(caller, image.id).catch(() => undefined);
    } finally {
      server.snapshotUntil = null;
    }
  });
  if (context.minor >= 45) return json(202, { image_id: image.id });
  const glanceRoot = context.glance.rootFor(caller);
  return { status: 202, headers: { location: `${glanceRoot}/images/${image.id}` }, body: '' };
}

export async function serverAction(
  context: NovaContext,
  id: string,
  body: Record<string, unknown>,
): Promise<Reply> {
  const server = visibleServer(context, id);
  const [action] = Object.keys(body);
  if (action === 'createImage')
    return createImage(context, server, (body.createImage ?? {}) as Record<string, unknown>);
  throw new NovaFault(400, `There is no such action: ${action ?? ''}`);
}
