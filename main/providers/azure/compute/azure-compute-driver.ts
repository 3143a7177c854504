import type { VirtualMachine } from '@azure/arm-compute';
import type { AzureConnection, AzureSecret } from '@contract/index';
import type { ComputeCapabilities, ComputeDriver, ServerStatus } from '../../compute-driver';
import { allPages } from '../paged-listing';
import { referenceMatches } from './compute-ids';
import { invalidRequest } from './compute-errors';
import { createComputeSession, type AzureComputeOptions, type ComputeSession } from './compute-session';
import {
  captureManagedImage,
  deleteAzureImage,
  REASONS,
  replicateGalleryVersion,
  setGalleryEndOfLife,
} from './image-lifecycle';
import {
  createAzureSecurityGroup,
  listAzureFlavors,
  listAzureNetworks,
  listAzureSecurityGroups,
} from './launch-choices';
import { launchServers, terminateServer } from './launch-servers';
import { readServer } from './server-status';

const LOCATION = /^[a-z0-9]{3,40}$/;

/** What Azure allows, with the limits the dialog should show next to each action. */
export const AZURE_COMPUTE_CAPABILITIES: ComputeCapabilities = {
  keyPairs: 'public-key-only',
  securityGroups: true,
  publicIp: true,
  volumes: true,
  capture: {
    supported: true,
    reason: 'Azure generalizes the VM to capture it: the VM cannot be started again afterwards.',
  },
  copy: { supported: true, reason: `Compute Gallery image versions only. ${REASONS.managedNoCopy}` },
  deprecate: {
    supported: true,
    reason: `Compute Gallery image versions only. ${REASONS.managedNoDeprecate}`,
  },
  delete: {
    supported: true,
    reason: `Managed images and gallery image versions. ${REASONS.marketplaceOwned}`,
  },
};

function checkLocation(location: string): string {
  if (!LOCATION.test(location))
    throw invalidRequest(
      `"${location.slice(0, 40)}" is not an Azure location: choose one such as westeurope.`,
    );
  return location;
}

/** Runs one call with fresh clients, turning any failure into a CloudError that says what to do. */
async function withClients<T>(
  session: ComputeSession,
  activity: string,
  location: string | undefined,
  run: (clients: ReturnType<ComputeSession['open']>) => Promise<T>,
): Promise<T> {
  const clients = session.open();
  try {
    return await run(clients);
  } catch (error) {
    throw session.fail(error, activity, location, clients);
  }
}

/**
 * Launch and image lifecycle for one Azure service principal: VMs in the location's
 * `hangar-<location>` resource group with a network interface (and public IP) of their own,
 * the user's SSH public key, managed images captured from generalized VMs, and Compute Gallery
 * versions replicated, deprecated and deleted.
 */
export function createAzureComputeDriver(
  connection: AzureConnection,
  secret: AzureSecret,
  options: AzureComputeOptions = {},
): ComputeDriver {
  const session = createComputeSession(connection, secret, options);
  const getServer = (location: string, serverId: string) =>
    withClients(session, `look up server ${serverId.split('/').pop() ?? ''}`, location, (clients) =>
      readServer(clients, serverId),
    );

  return {
    compute: AZURE_COMPUTE_CAPABILITIES,

    listFlavors: (location, signal) =>
      withClients(session, 'list the VM sizes', location, (clients) =>
        listAzureFlavors(clients, checkLocation(location), signal),
      ),

    listNetworks: (location, signal) =>
      withClients(session, 'list the virtual networks', location, (clients) =>
        listAzureNetworks(clients, checkLocation(location), signal),
      ),

    listSecurityGroups: (location) =>
      withClients(session, 'list the network security groups', location, (clients) =>
        listAzureSecurityGroups(clients, checkLocation(location)),
      ),

    createSecurityGroup: (location, group) =>
      withClients(session, `create network security group ${group.name}`, location, (clients) =>
        createAzureSecurityGroup(clients, checkLocation(location), group, session.lro()),
      ),

    launch: (spec, signal) => launchServers(session, spec, signal),

    getServer,

    terminate: (location, serverId) => terminateServer(session, location, serverId),

    async serversUsingImage(location: string, imageId: string): Promise<ServerStatus[]> {
      const vms = await withClients(session, 'list the virtual machines', location, (clients) =>
        allPages<VirtualMachine>(
          (onResponse) => clients.compute.virtualMachines.listAll({ onResponse }),
          'virtual machines',
        ),
      );
      const users = vms.filter((vm) => vm.id && referenceMatches(vm.storageProfile?.imageReference, imageId));
      const statuses = await Promise.all(users.map((vm) => getServer(location, vm.id!)));
      return statuses.filter((status): status is ServerStatus => status !== null);
    },

    captureImage: (location, serverId, name, description) =>
      captureManagedImage(session, location, serverId, name, description),

    copyImage: (fromLocation, imageId, toLocation) =>
      replicateGalleryVersion(session, fromLocation, imageId, checkLocation(toLocation)),

    deprecateImage: (location, imageId, at) => setGalleryEndOfLife(session, location, imageId, at),

    deleteImage: (location, imageId) => deleteAzureImage(session, location, imageId),
  };
}
