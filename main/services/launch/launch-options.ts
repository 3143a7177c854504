import { imageLocationOf, type LaunchOptions } from '@contract/index';
import type { AccountRecord, AppStateStore } from '../../stores/app-state';
import type { ComputeDriver } from '../../providers/compute-driver';
import type { DriverProvider } from '../driver-provider';
import { ServiceError } from '../../ipc/app-error';
import { requireAccountIn, requireLocation } from '../registry/registry-accounts';
import { normalisedArchitecture } from '../registry/architecture';
import { unfitReason } from './launch-validation';

export interface Place {
  account: AccountRecord;
  compute: ComputeDriver;
}

/** The account and compute driver for a workspace's request, with the location checked. */
export async function placeOf(
  state: AppStateStore,
  drivers: DriverProvider,
  request: { workspaceId: string; accountId: string; location: string },
): Promise<Place> {
  const account = requireAccountIn(state, request.workspaceId, request.accountId);
  // GCE launches in a zone while its images are global: any zone of the account's project will do.
  if (account.cloud !== 'gcp') requireLocation(state, account, request.location);
  return { account, compute: await drivers.computeFor(account) };
}

/** What the launch dialog offers, asked of the cloud, each flavor checked against the image. */
export async function launchOptions(
  place: Place,
  drivers: DriverProvider,
  location: string,
  imageId: string,
): Promise<LaunchOptions> {
  const { account, compute } = place;
  const images = await drivers.forAccount(account);
  const imageLocation = imageLocationOf(account.cloud, location);
  const image = images.getImage ? await images.getImage(imageLocation, imageId) : null;
  if (!image)
    throw new ServiceError(
      'not-found',
      `The cloud has no image ${imageId} in ${imageLocation}; it may have been deleted.`,
    );
  const raw = (image.raw ?? {}) as Record<string, unknown>;
  const minRam = typeof raw.min_ram === 'number' && raw.min_ram > 0 ? raw.min_ram : null;
  const requirements = {
    id: image.cloudId,
    name: image.name,
    architecture: normalisedArchitecture(image.architecture),
    minDiskGb: image.sizeGb,
    minRamMiB: minRam,
    state: image.state,
  };
  const [flavors, networks, keyPairs] = await Promise.all([
    compute.listFlavors(location),
    compute.listNetworks(location),
    compute.listKeyPairs ? compute.listKeyPairs(location) : Promise.resolve([]),
  ]);
  const caps = compute.compute;
  return {
    cloud: account.cloud,
    capabilities: {
      launch: { supported: true, reason: null },
      keyPairs: caps.keyPairs,
      securityGroups: caps.securityGroups,
      publicIp: caps.publicIp,
      volumes: caps.volumes,
      capture: caps.capture,
      copy: caps.copy,
      deprecate: caps.deprecate,
      delete: caps.delete,
    },
    image: requirements,
    flavors: flavors
      .map((flavor) => ({ ...flavor, unfitReason: unfitReason(flavor, requirements) }))
      .sort((a, b) => a.vcpus - b.vcpus || a.memoryMiB - b.memoryMiB),
    networks,
    keyPairs,
  };
}
