import { createHash } from 'node:crypto';

/**
 * The stand-in's layout on its one port, devstack-style: Keystone under /identity, each region's
 * Glance under /<region>/image (public), /<region>/image-internal and /<region>/image-admin.
 * Nova under /<region>/compute (catalog: …/compute/v2.1) and Neutron under /<region>/network.
 */

export const IDENTITY_MOUNT = '/identity';

export const regionSlug = (region: string): string => region.toLowerCase().replace(/[^a-z0-9]+/g, '-');

const idOf = (text: string): string => createHash('md5').update(text).digest('hex');

interface Endpoint {
  id: string;
  interface: 'public' | 'internal' | 'admin';
  region_id: string;
  region: string;
  url: string;
}

export interface CatalogEntry {
  id: string;
  type: string;
  name: string;
  endpoints: Endpoint[];
}

function entry(
  type: string,
  name: string,
  urls: (region: string, iface: Endpoint['interface']) => string,
  regions: readonly string[],
): CatalogEntry {
  const interfaces: Endpoint['interface'][] = ['public', 'internal', 'admin'];
  return {
    id: idOf(`service:${type}`),
    type,
    name,
    endpoints: regions.flatMap((region) =>
      interfaces.map((iface) => {
        const url = urls(region, iface);
        return { id: idOf(`${iface}:${url}`), interface: iface, region_id: region, region, url };
      }),
    ),
  };
}

/** What a project-scoped token carries in its `catalog`. */
export function serviceCatalog(base: string, regions: readonly string[]): CatalogEntry[] {
  const suffix = (iface: Endpoint['interface']): string => (iface === 'public' ? '' : `-${iface}`);
  return [
    entry('identity', 'keystone', () => `${base}${IDENTITY_MOUNT}`, regions),
    entry(
      'image',
      'glance',
      (region, iface) => `${base}/${regionSlug(region)}/image${suffix(iface)}`,
      regions,
    ),
    entry('compute', 'nova', (region) => `${base}/${regionSlug(region)}/compute/v2.1`, regions),
    entry('network', 'neutron', (region) => `${base}/${regionSlug(region)}/network`, regions),
  ];
}

/** Which region's Glance a path belongs to, and the path below its mount. */
export function glanceMount(
  path: string,
  regions: readonly string[],
): { region: string; mount: string; rest: string } | null {
  const match = /^\/([a-z0-9-]+)\/image(-internal|-admin)?(\/.*)?$/.exec(path);
  if (!match) return null;
  const region = regions.find((candidate) => regionSlug(candidate) === match[1]);
  if (!region) return null;
  return { region, mount: `/${match[1]}/image${match[2] ?? ''}`, rest: match[3] ?? '' };
}

/** Which region's Nova or Neutron a path belongs to, and the path below its mount. */
export function computeMount(
  path: string,
  regions: readonly string[],
): { service: 'nova' | 'neutron'; region: string; mount: string; rest: string } | null {
  const match = /^\/([a-z0-9-]+)\/(compute|network)(\/.*)?$/.exec(path);
  if (!match) return null;
  const region = regions.find((candidate) => regionSlug(candidate) === match[1]);
  if (!region) return null;
  return {
    service: match[2] === 'compute' ? 'nova' : 'neutron',
    region,
    mount: `/${match[1]}/${match[2]}`,
    rest: match[3] ?? '',
  };
}
