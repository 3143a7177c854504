import { json, type Reply } from './sandbox-http';
import type { NovaContext } from './nova-context';
import { createKeyPair, deleteKeyPair, listKeyPairs, showKeyPair } from './nova-keypairs-api';
import type { SeedFlavor } from './nova-seed';
import { createServers } from './nova-server-create';
import { deleteServer, listServers, serverAction, showServer } from './nova-servers-api';
import { NovaFault, novaError, novaVersion } from './nova-wire';

/** Nova v2.1 below its mount (…/compute): versions, flavors, key pairs and servers. */

export interface NovaRequest {
  method: string;
  /** Below /v2.1, e.g. /servers/detail */
  path: string;
  query: URLSearchParams;
  body: string;
}

function flavorView(context: NovaContext, flavor: SeedFlavor, detail: boolean): Record<string, unknown> {
  const links = [
    { rel: 'self', href: `${context.mountUrl}/v2.1/flavors/${flavor.id}` },
    { rel: 'bookmark', href: `${context.mountUrl}/flavors/${flavor.id}` },
  ];
  if (!detail)
    return {
      id: flavor.id,
      name: flavor.name,
      links,
      ...(context.minor >= 55 ? { description: flavor.description } : {}),
    };
  return {
    id: flavor.id,
    name: flavor.name,
    ram: flavor.ram,
    disk: flavor.disk,
    vcpus: flavor.vcpus,
    'OS-FLV-EXT-DATA:ephemeral': 0,
    'OS-FLV-DISABLED:disabled': false,
    swap: context.minor >= 75 ? 0 : '',
    rxtx_factor: 1.0,
    'os-flavor-access:is_public': true,
    links,
    ...(context.minor >= 55 ? { description: flavor.description } : {}),
    ...(context.minor >= 61 ? { extra_specs: { ...flavor.extraSpecs } } : {}),
  };
}

function listFlavors(context: NovaContext, query: URLSearchParams, detail: boolean): Reply {
  const flavors = [...context.state.flavors].sort((a, b) => a.ram - b.ram || a.id.localeCompare(b.id));
  const limit = Math.min(Number(query.get('limit') ?? 1000) || 1000, 1000);
  const marker = query.get('marker');
  const start = marker === null ? 0 : flavors.findIndex((flavor) => flavor.id === marker) + 1;
  if (marker !== null && start === 0) throw new NovaFault(400, `marker [${marker}] not found`);
  const page = flavors.slice(start, start + limit);
  const body: Record<string, unknown> = {
    flavors: page.map((flavor) => flavorView(context, flavor, detail)),
  };
  const last = page[page.length - 1];
  if (last && page.length === limit)
    body.flavors_links = [
      {
        rel: 'next',
        href: `${context.mountUrl}/v2.1/flavors${detail ? '/detail' : ''}?limit=${limit}&marker=${last.id}`,
      },
    ];
  return json(200, body);
}

function parse(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new NovaFault(400, 'Malformed request body');
}

async function route(context: NovaContext, request: NovaRequest): Promise<Reply> {
  const { method, path, query } = request;
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [collection, id, sub] = segments;
  if (collection === 'flavors' && method === 'GET') {
    if (id === undefined || id === 'detail') return listFlavors(context, query, id === 'detail');
    const flavor = context.state.flavors.find((candidate) => candidate.id === id);
    if (!flavor) throw new NovaFault(404, `Flavor ${id} could not be found.`);
    return json(200, { flavor: flavorView(context, flavor, true) });
  }
  if (collection === 'os-keypairs') {
    if (id === undefined && method === 'GET') return listKeyPairs(context, query);
    if (id === undefined && method === 'POST') return createKeyPair(context, parse(request.body));
    if (id !== undefined && method === 'GET') return showKeyPair(context, id);
    if (id !== undefined && method === 'DELETE') return deleteKeyPair(context, id);
  }
  if (collection === 'servers') {
    if (id === undefined && method === 'POST') return createServers(context, parse(request.body));
    if ((id === undefined || id === 'detail') && method === 'GET')
      return listServers(context, query, id === 'detail');
    if (id !== undefined && sub === undefined && method === 'GET') return showServer(context, id);
    if (id !== undefined && sub === undefined && method === 'DELETE') return deleteServer(context, id);
    if (id !== undefined && sub === 'action' && method === 'POST')
      return serverAction(context, id, parse(request.body));
  }
  if (segments.length <= 3 && ['flavors', 'os-keypairs', 'servers'].includes(collection ?? ''))
    throw new NovaFault(405, 'The method is not allowed for the requested URL.');
  throw new NovaFault(404, 'The resource could not be found.');
}

export async function handleNova(context: NovaContext, request: NovaRequest): Promise<Reply> {
  try {
    return await route(context, request);
  } catch (error) {
    if (error instanceof NovaFault) return novaError(error.status, error.message);
    throw error;
  }
}

/** GET on the mount root: every API version Nova offers (no token needed). */
export const novaVersions = (mountUrl: string): Reply =>
  json(200, {
    versions: [
      {
        id: 'v2.0',
        status: 'SUPPORTED',
        version: '',
        min_version: '',
        updated: '2011-01-21T11:33:21Z',
        links: [{ rel: 'self', href: `${mountUrl}/v2/` }],
      },
      novaVersion(mountUrl),
    ],
  });
