import type { ComputeCapabilities, ComputeDriver } from '../../compute-driver';
import type { HttpTuning } from '../openstack-http';
import type { OpenStackDriverConfig } from '../openstack-driver';
import type { ComputeCall } from './compute-context';
import { computeError } from './compute-errors';
import { ComputeSessions } from './compute-session';
import { captureImage, deleteImage, deprecateImage } from './glance-lifecycle';
import { importImage, type ImportMeta } from './glance-import';
import { listNetworks } from './neutron-networks';
import { createSecurityGroup, listSecurityGroups } from './neutron-security-groups';
import { listFlavors } from './nova-flavors';
import { createKeyPair, importKeyPair, listKeyPairs } from './nova-keypairs';
import { launchServers } from './nova-launch';
import { getServer, serversUsingImage, terminateServer } from './nova-servers';
import { negotiateMicroversion, type Microversion } from './nova-version';

export const OPENSTACK_COPY_REASON =
  "An OpenStack image belongs to one region; copy it by importing it into the other region's Glance";

export const OPENSTACK_COMPUTE: ComputeCapabilities = {
  keyPairs: 'create-or-import',
  securityGroups: true,
  // Floating IPs are a separate Neutron resource Hangar does not allocate yet.
  publicIp: false,
  volumes: true,
  capture: { supported: true, reason: null },
  copy: { supported: false, reason: OPENSTACK_COPY_REASON },
  deprecate: { supported: true, reason: null },
  delete: { supported: true, reason: null },
};

export interface OpenStackComputeOptions {
  http?: HttpTuning;
  now?: () => Date;
}

/** The OpenStack compute driver with Glance's import, whose signature ComputeDriver declares. */
export type OpenStackComputeDriver = ComputeDriver & Required<Pick<ComputeDriver, 'importImage'>>;

const LAUNCH_HINT = 'Check the image, flavor, network, security groups and key pair, then launch again.';

/**
 * Launch and image lifecycle on OpenStack over plain HTTP: Nova v2.1 (microversion negotiated,
 * at most 2.67), Neutron v2.0 and Glance v2, endpoints from the Keystone catalog for the region
 * and interface of the account, one cached token for all of them.
 */
export function createOpenStackComputeDriver(
  config: OpenStackDriverConfig,
  options: OpenStackComputeOptions = {},
): OpenStackComputeDriver {
  const sessions = new ComputeSessions(config, options.http);
  const secret =
    config.credentials.kind === 'password' ? config.credentials.password : config.credentials.secret;
  const versions = new Map<string, Promise<Microversion>>();
  const novaFor = (region: string): Promise<Microversion> => {
    let version = versions.get(region);
    if (!version) {
      version = negotiateMicroversion(sessions, region, options.http);
      versions.set(region, version);
      version.catch(() => versions.delete(region));
    }
    return version;
  };
  const run = async <T>(
    region: string,
    activity: string,
    work: (call: ComputeCall) => Promise<T>,
    signal?: AbortSignal,
    hint?: string,
  ): Promise<T> => {
    try {
      if (signal?.aborted) throw signal.reason;
      return await work({ sessions, region, http: options.http, nova: () => novaFor(region), signal });
    } catch (error) {
      throw computeError(
        error,
        { region, activity, who: config.who, authKind: config.credentials.kind, hint },
        secret,
        signal,
      );
    }
  };
  const short = (text: string): string => text.trim().slice(0, 64);

  return {
    compute: OPENSTACK_COMPUTE,
    listFlavors: (location, signal) => run(location, 'list the flavors', listFlavors, signal),
    listNetworks: (location, signal) => run(location, 'list the networks', listNetworks, signal),
    // Neutron's groups are per project; every network's ports may use any of them.
    listSecurityGroups: (location) =>
      run(location, 'list the security groups', async (call) =>
        listSecurityGroups(call, (await sessions.session()).projectId),
      ),
    createSecurityGroup: (location, group) =>
      run(
        location,
        `create security group "${short(group.name)}"`,
        (call) => createSecurityGroup(call, group),
        undefined,
        'Change the name or the rules, then try again.',
      ),
    listKeyPairs: (location) => run(location, 'list the key pairs', listKeyPairs),
    createKeyPair: (location, name, type) =>
      run(
        location,
        `create key pair "${short(name)}"`,
        (call) => createKeyPair(call, name, type),
        undefined,
        'Choose another name (or use the existing key pair), then try again.',
      ),
    importKeyPair: (location, name, publicKey) =>
      run(
        location,
        `import key pair "${short(name)}"`,
        (call) => importKeyPair(call, name, publicKey),
        undefined,
        'Choose another name, or check that the public key is one OpenSSH wrote, then try again.',
      ),
    launch: (spec, signal) =>
      run(
        spec.location,
        `launch "${short(spec.name)}"`,
        (call) => launchServers(call, spec),
        signal,
        LAUNCH_HINT,
      ),
    getServer: (location, serverId) =>
      run(location, `look up server ${short(serverId)}`, (call) => getServer(call, serverId)),
    terminate: (location, serverId) =>
      run(location, `terminate server ${short(serverId)}`, (call) => terminateServer(call, serverId)),
    serversUsingImage: (location, imageId) =>
      run(location, `list the servers using image ${short(imageId)}`, (call) =>
        serversUsingImage(call, imageId),
      ),
    captureImage: (location, serverId, name, description) =>
      run(
        location,
        `capture an image of server ${short(serverId)}`,
        (call) => captureImage(call, serverId, name, description),
        undefined,
        'Wait until the server is running and no other snapshot of it is in progress, then capture again.',
      ),
    deprecateImage: (location, imageId, at) =>
      run(location, `deprecate image ${short(imageId)}`, (call) =>
        deprecateImage(call, imageId, at, options.now?.() ?? new Date()),
      ),
    deleteImage: (location, imageId) =>
      run(location, `delete image ${short(imageId)}`, (call) => deleteImage(call, imageId)),
    importImage: (location, meta: ImportMeta, file, onProgress, signal) =>
      run(
        location,
        `import image "${short(meta.name)}"`,
        (call) => importImage(call, meta, file, onProgress),
        signal,
      ),
  };
}
