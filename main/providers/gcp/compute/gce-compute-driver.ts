import { randomUUID } from 'node:crypto';
import type { GcpConnection, GcpSecret } from '@contract/index';
import type { ComputeCapabilities, ComputeDriver } from '../../compute-driver';
import { CloudError } from '../../driver';
import { gcpFailure } from '../gcp-driver';
import type { GcpErrorContext } from '../gcp-error';
import { parseGcpImageId, type GcpImageRef } from '../gcp-get-image';
import type { GcpCallTuning } from '../gcp-images-client';
import { captureImage, deleteImage, deprecateImage } from './gce-image-lifecycle';
import { launchInstances } from './gce-launch';
import { serverRef, zoneOf } from './gce-names';
import {
  createSecurityGroup,
  listFlavors,
  listNetworks,
  listSecurityGroups,
  listZones,
} from './gce-networking';
import { deleteServer, getServer, serversUsingImage } from './gce-servers';
import { openGceSession, type GceSession } from './gce-session';

/** What Compute Engine offers the launch dialog and the image lifecycle. */
export const GCE_COMPUTE_CAPABILITIES: ComputeCapabilities = {
  // Compute keeps no key pairs: a public key goes into the instance's `ssh-keys` metadata.
  keyPairs: 'public-key-only',
  // Firewall rules of the network, reaching servers through network tags.
  securityGroups: true,
  publicIp: true,
  volumes: true,
  capture: { supported: true, reason: null },
  copy: {
    supported: false,
    reason: 'Compute Engine images are global: one image serves every region, so there is nothing to copy.',
  },
  deprecate: { supported: true, reason: null },
  delete: { supported: true, reason: null },
};

export interface GceComputeOptions extends GcpCallTuning {
  /** Pause between operation waits that came back early. Default 2 s. */
  pollIntervalMs?: number;
}

const INSTANCE_ADMIN = 'Compute Instance Admin (v1)';
const IMAGE_ADMIN = 'Compute Storage Admin';

function imageRef(imageId: string): GcpImageRef {
  const ref = parseGcpImageId(imageId);
  if (!ref) {
    throw new CloudError({
      code: 'invalid-request',
      message: `"${imageId.slice(0, 120)}" is not a Compute Engine image id: write it as projects/PROJECT/global/images/NAME.`,
    });
  }
  return ref;
}

/**
 * Launch and image lifecycle on Compute Engine for one account, through @google-cloud/compute
 * over REST. Locations are ZONES (us-central1-a): machine types and servers are zonal, networks
 * global with regional subnetworks (the zone's region picks them), images global. Every change
 * Compute answers with an operation is followed to DONE and its error reported in Compute's words.
 */
export function createGcpComputeDriver(
  connection: GcpConnection,
  secret: GcpSecret,
  options: GceComputeOptions = {},
): ComputeDriver {
  const poll = options.pollIntervalMs ?? 2000;
  const context = (activity: string, permission: string, role = INSTANCE_ADMIN): GcpErrorContext => ({
    activity,
    project: connection.projectId,
    permission,
    role,
    scope: 'compute',
    endpoint: connection.endpoint,
  });

  /** One fresh session per call, closed afterwards; every failure leaves as a CloudError. */
  async function run<T>(
    ctx: GcpErrorContext,
    signal: AbortSignal | undefined,
    work: (session: GceSession, fail: (error: unknown) => CloudError) => Promise<T>,
  ): Promise<T> {
    if (signal?.aborted) throw gcpFailure(signal.reason, null, ctx, secret, signal);
    let session: GceSession | null = null;
    const fail = (error: unknown): CloudError => gcpFailure(error, session, ctx, secret, signal);
    try {
      session = await openGceSession(connection, secret, options);
      return await work(session, fail);
    } catch (error) {
      throw fail(error);
    } finally {
      await session?.close();
    }
  }

  return {
    compute: GCE_COMPUTE_CAPABILITIES,

    listPlacements: (signal) =>
      run(context('list the zones', 'compute.zones.list', 'Compute Viewer'), signal, (s) =>
        listZones(s, signal),
      ),

    listFlavors: (location, signal) =>
      run(
        context(`list the machine types of ${location}`, 'compute.machineTypes.list', 'Compute Viewer'),
        signal,
        (s) => listFlavors(s, zoneOf(location), signal),
      ),

    listNetworks: (location, signal) =>
      run(
        context('list the networks and subnetworks', 'compute.subnetworks.list', 'Compute Network Viewer'),
        signal,
        (s) => listNetworks(s, zoneOf(location), signal),
      ),

    listSecurityGroups: (_location, networkId) =>
      run(
        context('list the firewall rules', 'compute.firewalls.list', 'Compute Network Viewer'),
        undefined,
        (s) => listSecurityGroups(s, networkId),
      ),

    createSecurityGroup: (_location, group) =>
      run(
        context(
          `create the firewall rule ${group.name}`,
          'compute.firewalls.create',
          'Compute Security Admin',
        ),
        undefined,
        (s) => createSecurityGroup(s, group, poll, randomUUID),
      ),

    launch: (spec, signal) =>
      run(
        context(`launch ${spec.name} in ${spec.location}`, 'compute.instances.create'),
        signal,
        async (session, fail) => ({
          serverIds: await launchInstances(
            { session, pollIntervalMs: poll, requestId: randomUUID, failure: fail, signal },
            spec,
          ),
        }),
      ),

    getServer: async (location, serverId) => {
      const ref = serverRef(location, serverId);
      return run(
        context(`look up the server ${ref.name}`, 'compute.instances.get', 'Compute Viewer'),
        undefined,
        (s) => getServer(s, ref.zone, ref.name, serverId),
      );
    },

    terminate: async (location, serverId) => {
      const ref = serverRef(location, serverId);
      return run(context(`delete the server ${ref.name}`, 'compute.instances.delete'), undefined, (s) =>
        deleteServer(s, ref.zone, ref.name, poll, randomUUID()),
      );
    },

    serversUsingImage: async (location, imageId) => {
      const ref = imageRef(imageId);
      return run(
        context(`find the servers using ${ref.name}`, 'compute.disks.list', 'Compute Viewer'),
        undefined,
        (s) => serversUsingImage(s, location, ref),
      );
    },

    captureImage: async (location, serverId, name, description) => {
      const ref = serverRef(location, serverId);
      return run(
        context(`capture ${ref.name} as an image`, 'compute.images.create', IMAGE_ADMIN),
        undefined,
        (s) => captureImage(s, ref.zone, ref.name, name, description, poll, randomUUID()),
      );
    },

    deprecateImage: async (_location, imageId, at) => {
      const ref = imageRef(imageId);
      return run(
        context(`deprecate the image ${ref.name}`, 'compute.images.deprecate', IMAGE_ADMIN),
        undefined,
        (s) => deprecateImage(s, ref, at, poll, randomUUID()),
      );
    },

    deleteImage: async (_location, imageId) => {
      const ref = imageRef(imageId);
      return run(
        context(`delete the image ${ref.name}`, 'compute.images.delete', IMAGE_ADMIN),
        undefined,
        (s) => deleteImage(s, ref, poll, randomUUID()),
      );
    },
  };
}
