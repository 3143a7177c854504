import { ProtocolError } from '../openstack-http';
import { SERVICE_NAMES, type ComputeSessions, type ServiceType } from './compute-session';

/** More pages than this is a server handing out fresh markers forever, not a project. */
const MAX_PAGES = 1_000;

export interface PagedRequest<T> {
  type: ServiceType;
  region: string;
  /** e.g. /flavors/detail, /v2.0/networks */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** The list's key in the body: "flavors", "networks" … */
  collection: string;
  /** Turns one wire entry into the item, or null when it is malformed (e.g. keypairs' {keypair: …}). */
  read: (entry: unknown) => T | null;
  /** The item's id, for duplicate and loop detection. */
  keyOf: (item: T) => string;
  signal?: AbortSignal;
}

function nextMarker(body: Record<string, unknown>, collection: string): string | null | undefined {
  const links = body[`${collection}_links`];
  if (!Array.isArray(links)) return undefined;
  const next = links.find((link) => (link as { rel?: unknown } | null)?.rel === 'next') as
    { href?: unknown } | undefined;
  if (!next || typeof next.href !== 'string') return undefined;
  try {
    return new URL(next.href, 'http://relative.invalid').searchParams.get('marker');
  } catch {
    return null;
  }
}

/**
 * Every entry of a Nova or Neutron collection, following `<collection>_links` rel=next. Only the
 * marker is taken from the link (Nova writes links with the host it believes it has, which a proxy
 * may not share); a marker seen twice, or a page of nothing new, ends with an error, not a loop.
 */
export async function listAll<T>(sessions: ComputeSessions, request: PagedRequest<T>): Promise<T[]> {
  const service = SERVICE_NAMES[request.type];
  const items = new Map<string, T>();
  const markers = new Set<string>();
  let marker: string | null = null;
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    const query: Record<string, string> = { ...request.query, ...(marker ? { marker } : {}) };
    const response = await sessions.call(request.type, request.region, request.path, {
      query,
      headers: request.headers,
      signal: request.signal,
    });
    const body = (response.body ?? {}) as Record<string, unknown>;
    const entries = body[request.collection];
    if (!Array.isArray(entries)) {
      throw new ProtocolError(
        service,
        request.path,
        `${service} answered without a "${request.collection}" list`,
      );
    }
    let fresh = 0;
    for (const entry of entries) {
      const item = request.read(entry);
      if (item === null) continue;
      const key = request.keyOf(item);
      if (items.has(key)) continue;
      items.set(key, item);
      fresh += 1;
    }
    const next = nextMarker(body, request.collection);
    if (next === undefined || entries.length === 0) return [...items.values()];
    if (next === null || markers.has(next) || fresh === 0) {
      throw new ProtocolError(
        service,
        request.path,
        `${service} repeated a page of ${request.collection}; Hangar stopped rather than loop`,
      );
    }
    markers.add(next);
    marker = next;
  }
  throw new ProtocolError(service, request.path, `${service} kept sending pages; Hangar stopped`);
}
