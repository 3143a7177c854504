import { armErrors } from './arm-error';
import { diskSkuBodies, resourceSkuBody, sizesIn, vmSizeBody } from './compute-seed';
import { json, RG, route, type ComputeRoute, type HttpMethod } from './compute-route';
import { NETWORK_ROUTES } from './network-routes';

const COMPUTE = '/providers/Microsoft\\.Compute';
const VM = `${RG}${COMPUTE}/virtualMachines/([^/]+)`;
const VERSION = `${RG}${COMPUTE}/galleries/([^/]+)/images/([^/]+)/versions/([^/]+)`;
const vmAction = (verb: string) => `Microsoft.Compute/virtualMachines/${verb}`;

/** `$filter=location eq 'westeurope'`, the only filter Resource SKUs take. */
function filteredLocation(query: URLSearchParams, locations: readonly string[]): string[] {
  const filter = query.get('$filter');
  if (filter === null) return [...locations];
  const match = /^location eq '([a-z0-9]+)'$/i.exec(filter.trim());
  if (!match) throw armErrors.badFilter(filter);
  return locations.filter((l) => l === match[1]?.toLowerCase());
}

/** Compute RP: sizes, SKUs, virtual machines, image writes and the operation status resources. */
const COMPUTE_ROUTES: readonly ComputeRoute[] = [
  {
    operation: 'virtualMachineSizes.list',
    action: 'Microsoft.Compute/locations/vmSizes/read',
    method: 'GET',
    pattern: route(`${COMPUTE}/locations/([^/]+)/vmSizes`),
    locationGroup: 0,
    handle: ({ captures: [location = ''] }) => json({ value: sizesIn(location).map(vmSizeBody) }),
  },
  {
    operation: 'resourceSkus.list',
    action: 'Microsoft.Compute/skus/read',
    method: 'GET',
    pattern: route(`${COMPUTE}/skus`),
    handle: ({ query, world, page }) =>
      page(
        filteredLocation(query, world.network.locations).flatMap((location) => [
          ...sizesIn(location).map((size) => resourceSkuBody(size, location)),
          ...diskSkuBodies(location),
        ]),
      ),
  },
  {
    operation: 'computeOperations.get',
    action: 'Microsoft.Compute/locations/operations/read',
    method: 'GET',
    pattern: route(`${COMPUTE}/locations/([^/]+)/operations/([^/]+)`),
    locationGroup: 0,
    handle: ({ captures: [, id = ''], query, world }) =>
      query.get('monitor') === 'true' ? world.operations.result(id) : world.operations.status(id),
  },
  {
    operation: 'virtualMachines.listAll',
    action: vmAction('read'),
    method: 'GET',
    pattern: route(`${COMPUTE}/virtualMachines`),
    handle: ({ world, page }) => page(world.vms.list()),
  },
  {
    operation: 'virtualMachines.list',
    action: vmAction('read'),
    method: 'GET',
    pattern: route(`${RG}${COMPUTE}/virtualMachines`),
    handle: ({ captures: [group = ''], world, page }) => page(world.vms.list(group)),
  },
  {
    operation: 'virtualMachines.get',
    action: vmAction('read'),
    method: 'GET',
    pattern: route(VM),
    handle: ({ captures: [group = '', name = ''], query, world }) =>
      json(world.vms.get(group, name, query.get('$expand'))),
  },
  {
    operation: 'virtualMachines.instanceView',
    action: 'Microsoft.Compute/virtualMachines/instanceView/read',
    method: 'GET',
    pattern: route(`${VM}/instanceView`),
    handle: ({ captures: [group = '', name = ''], world }) => json(world.vms.instanceView(group, name)),
  },
  {
    operation: 'virtualMachines.createOrUpdate',
    action: vmAction('write'),
    method: 'PUT',
    pattern: route(VM),
    handle: ({ captures: [group = '', name = ''], body, apiVersion, world }) =>
      world.vms.put(group, name, body, apiVersion),
  },
  {
    operation: 'virtualMachines.delete',
    action: vmAction('delete'),
    method: 'DELETE',
    pattern: route(VM),
    handle: ({ captures: [group = '', name = ''], apiVersion, world }) =>
      world.vms.delete(group, name, apiVersion),
  },
  {
    operation: 'virtualMachines.deallocate',
    action: vmAction('deallocate/action'),
    method: 'POST',
    pattern: route(`${VM}/deallocate`),
    handle: ({ captures: [group = '', name = ''], apiVersion, world }) =>
      world.vms.deallocate(group, name, apiVersion),
  },
  {
    operation: 'virtualMachines.generalize',
    action: vmAction('generalize/action'),
    method: 'POST',
    pattern: route(`${VM}/generalize`),
    handle: ({ captures: [group = '', name = ''], world }) => world.vms.generalize(group, name),
  },
  {
    operation: 'images.createOrUpdate',
    action: 'Microsoft.Compute/images/write',
    method: 'PUT',
    pattern: route(`${RG}${COMPUTE}/images/([^/]+)`),
    handle: ({ captures: [group = '', name = ''], body, apiVersion, world }) =>
      world.images.putManagedImage(group, name, body, apiVersion),
  },
  {
    operation: 'images.delete',
    action: 'Microsoft.Compute/images/delete',
    method: 'DELETE',
    pattern: route(`${RG}${COMPUTE}/images/([^/]+)`),
    handle: ({ captures: [group = '', name = ''], apiVersion, world }) =>
      world.images.deleteManagedImage(group, name, apiVersion),
  },
  {
    operation: 'galleryImageVersions.update',
    action: 'Microsoft.Compute/galleries/images/versions/write',
    method: 'PATCH',
    pattern: route(VERSION),
    handle: ({ captures, body, apiVersion, world }) =>
      world.images.updateGalleryVersion(captures, body, apiVersion, 'merge'),
  },
  {
    operation: 'galleryImageVersions.createOrUpdate',
    action: 'Microsoft.Compute/galleries/images/versions/write',
    method: 'PUT',
    pattern: route(VERSION),
    handle: ({ captures, body, apiVersion, world }) =>
      world.images.updateGalleryVersion(captures, body, apiVersion, 'replace'),
  },
  {
    operation: 'galleryImageVersions.delete',
    action: 'Microsoft.Compute/galleries/images/versions/delete',
    method: 'DELETE',
    pattern: route(VERSION),
    handle: ({ captures, apiVersion, world }) => world.images.deleteGalleryVersion(captures, apiVersion),
  },
];

/**
 * The launch-side route for a method and a path under `/subscriptions/{id}`. `wrong-method`
 * when the path is served but not with this method (ARM's 405); null when it is not ours.
 */
export function matchComputeRoute(
  method: string,
  rest: string,
): { route: ComputeRoute; captures: string[] } | 'wrong-method' | null {
  let pathKnown = false;
  for (const candidate of [...COMPUTE_ROUTES, ...NETWORK_ROUTES]) {
    const match = candidate.pattern.exec(rest);
    if (!match) continue;
    if (candidate.method !== (method.toUpperCase() as HttpMethod)) {
      pathKnown = true;
      continue;
    }
    return { route: candidate, captures: match.slice(1).map((c) => decodeURIComponent(c)) };
  }
  return pathKnown ? 'wrong-method' : null;
}
