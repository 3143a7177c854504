import {
  referencePath,
  regionOfZone,
  type GcpOperationError,
  type GcpSubnetworkResource,
} from './compute-resources';
import type { GcpComputeState } from './compute-state';
import { gcpErrors } from './gcp-api-error';
import type { GcpImageResource } from './gcp-image-resource';

/** What an instance's references resolve to, or the operation error Compute reports for them. */

export type Json = Record<string, unknown>;
export const notFound = (resource: string): GcpOperationError => ({
  code: 'RESOURCE_NOT_FOUND',
  message: `The resource '${resource}' was not found`,
});

/** `projects/P/global/images/NAME` or `…/images/family/F`, as the catalog holds it. */
export function findImage(state: GcpComputeState, path: string): GcpImageResource | GcpOperationError {
  const m = /^projects\/([^/]+)\/global\/images\/(?:family\/)?([^/]+)$/.exec(path);
  if (!m) return notFound(path);
  const [, project = '', name = ''] = m;
  const image = path.includes('/family/')
    ? state.catalog.latestInFamily(project, name)
    : state.catalog.exists(project)
      ? state.catalog.image(project, name)
      : undefined;
  if (!image || image.status !== 'READY') return notFound(path);
  return image;
}

export interface Placement {
  subnet: GcpSubnetworkResource;
  natIP: string | null;
}

/** Where one network interface lands; an error for a reference the project does not hold. */
export function place(
  state: GcpComputeState,
  zone: string,
  nic: Json,
  i: number,
): Placement | GcpOperationError {
  const region = regionOfZone(zone);
  const field = `resource.networkInterfaces[${i}]`;
  const netPath = typeof nic.network === 'string' ? referencePath(nic.network, state.project) : null;
  const subPath = typeof nic.subnetwork === 'string' ? referencePath(nic.subnetwork, state.project) : null;
  let subnet: GcpSubnetworkResource | undefined;
  if (subPath) {
    const m = /^projects\/([^/]+)\/regions\/([^/]+)\/subnetworks\/([^/]+)$/.exec(subPath);
    if (!m)
      throw gcpErrors.invalidField(
        `${field}.subnetwork`,
        String(nic.subnetwork),
        'Invalid subnetwork reference.',
      );
    if (m[2] !== region) {
      throw gcpErrors.invalidField(
        `${field}.subnetwork`,
        String(nic.subnetwork),
        `Subnetwork must be in region '${region}', the region of the instance.`,
      );
    }
    subnet = m[1] === state.project ? state.subnetworks.get(`${region}/${m[3] ?? ''}`) : undefined;
    if (!subnet) return notFound(subPath);
    if (netPath && !subnet.network.endsWith(`/${netPath}`)) {
      throw gcpErrors.invalidField(
        `${field}.network`,
        String(nic.network),
        'The network does not contain the given subnetwork.',
      );
    }
  } else {
    const path = netPath ?? `projects/${state.project}/global/networks/default`;
    const m = /^projects\/([^/]+)\/global\/networks\/([^/]+)$/.exec(path);
    const network = m && m[1] === state.project ? state.networks.get(m[2] ?? '') : undefined;
    if (!network) return notFound(path);
    if (!network.autoCreateSubnetworks) {
      throw gcpErrors.invalidField(field, '', 'Subnetwork should be specified for custom subnetmode network');
    }
    subnet = [...state.subnetworks.values()].find(
      (s) => s.network === network.selfLink && s.region.endsWith(`/${region}`),
    );
    if (!subnet) return notFound(`projects/${state.project}/regions/${region}/subnetworks/${network.name}`);
  }
  const nat =
    Array.isArray(nic.accessConfigs) &&
    nic.accessConfigs.some((a: Json) => (a.type ?? 'ONE_TO_ONE_NAT') === 'ONE_TO_ONE_NAT');
  return { subnet, natIP: nat ? state.externalIp() : null };
}

export const isError = (value: object): value is GcpOperationError => 'code' in value && 'message' in value;
