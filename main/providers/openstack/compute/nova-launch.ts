import type { LaunchSpec } from '../../compute-driver';
import { dict, str, type ComputeCall, type Dict } from './compute-context';
import { invalid } from './compute-errors';
import { networkOfSubnet } from './neutron-networks';
import { listAll } from './paged-list';
import { readServer } from './server-status';

/** Written on the ports Hangar makes for a subnet choice, so terminate can remove them again. */
export const HANGAR_PORT_MARK = 'hangar:launch-port';

const META_MAX = 255;
/** Nova's limit for user_data once base64-encoded. */
const USER_DATA_MAX = 65_535;

/** Checks what Nova would refuse (or silently misread) before anything is created. */
function checkSpec(spec: LaunchSpec): { metadata: Dict; userData: string | null } {
  const name = spec.name.trim();
  if (name === '' || name.length > 255) throw invalid('A server needs a name of 1 to 255 characters.');
  if (!Number.isInteger(spec.count) || spec.count < 1)
    throw invalid('The server count must be a whole number of at least 1.');
  if (spec.publicIp)
    throw invalid(
      'Hangar does not attach floating IPs on OpenStack: launch without a public IP, then associate a floating IP (openstack server add floating ip, or Horizon).',
    );
  if (spec.publicKey)
    throw invalid(
      'OpenStack takes a key pair it holds: import the public key as a key pair first, then choose it.',
    );
  for (const volume of spec.volumes) {
    if (!Number.isInteger(volume.sizeGb) || volume.sizeGb < 1)
      throw invalid('Each data volume needs a size of at least 1 GB.');
    if (volume.kmsKeyId)
      throw invalid(
        'Cinder takes encryption keys from the volume type, not per volume: leave the KMS key empty.',
      );
    if (volume.encrypted && !volume.type)
      throw invalid(
        'On OpenStack a volume is encrypted by its volume type: choose an encrypted volume type (ask the operators which) instead of only ticking Encrypted.',
      );
  }
  const metadata: Dict = {};
  for (const [key, value] of Object.entries(spec.tags)) {
    if (key.length < 1 || key.length > META_MAX || value.length > META_MAX)
      throw invalid(
        `Tag "${key.slice(0, 40)}" is too long: Nova metadata keys and values have at most 255 characters.`,
      );
    metadata[key] = value;
  }
  let userData: string | null = null;
  if (spec.userData) {
    userData = Buffer.from(spec.userData, 'utf8').toString('base64');
    if (userData.length > USER_DATA_MAX)
      throw invalid(
        'The user data is too large: Nova takes at most 64 KiB once base64-encoded (about 48 KiB of text).',
      );
  }
  return { metadata, userData };
}

/** Where the server's first interface goes: a network, a port on the chosen subnet, or "auto". */
async function networksFor(
  call: ComputeCall,
  spec: LaunchSpec,
  minor: number,
): Promise<{ networks: unknown; portId: string | null }> {
  const networkId = spec.networkId ?? (spec.subnetId ? await networkOfSubnet(call, spec.subnetId) : null);
  if (networkId === null) return { networks: minor >= 37 ? 'auto' : undefined, portId: null };
  // Nova picks the subnet itself on a network; to honour a subnet choice, Hangar makes the port.
  // One port serves one server, so a multi-server launch takes the network and lets Neutron pick.
  if (!spec.subnetId || spec.count > 1) return { networks: [{ uuid: networkId }], portId: null };
  const { body } = await call.sessions.call('network', call.region, '/v2.0/ports', {
    method: 'POST',
    body: {
      port: {
        network_id: networkId,
        name: `${spec.name.trim()}-port`,
        description: `${HANGAR_PORT_MARK} for server ${spec.name.trim()}`.slice(0, 255),
        fixed_ips: [{ subnet_id: spec.subnetId }],
        ...(spec.securityGroupIds.length > 0 ? { security_groups: spec.securityGroupIds } : {}),
      },
    },
    idempotent: false,
    signal: call.signal,
  });
  const portId = str(dict(dict(body)?.port)?.id);
  if (!portId) throw new Error('Neutron answered the new port without its id');
  return { networks: [{ port: portId }], portId };
}

export function serverBody(
  spec: LaunchSpec,
  checked: { metadata: Dict; userData: string | null },
  networks: unknown,
  viaPort: boolean,
  minor: number,
): Dict {
  if (minor < 67 && spec.volumes.some((volume) => volume.type))
    throw invalid(
      `This cloud's Nova (microversion 2.${minor}) cannot choose a volume type at launch: leave the type at the default.`,
    );
  const server: Dict = {
    name: spec.name.trim(),
    imageRef: spec.imageId,
    flavorRef: spec.flavorId,
    min_count: spec.count,
    max_count: spec.count,
  };
  if (networks !== undefined) server.networks = networks;
  // Nova accepts a group's name or id here; the id is unambiguous (names repeat across projects).
  // On a port Hangar made, the groups are already on the port.
  if (!viaPort && spec.securityGroupIds.length > 0)
    server.security_groups = spec.securityGroupIds.map((id) => ({ name: id }));
  if (spec.keyName) server.key_name = spec.keyName;
  if (checked.userData) server.user_data = checked.userData;
  if (Object.keys(checked.metadata).length > 0) server.metadata = checked.metadata;
  if (spec.volumes.length > 0) {
    // Nova adds the image's own boot entry; these are blank data volumes Cinder creates and
    // deletes with the server.
    server.block_device_mapping_v2 = spec.volumes.map((volume) => ({
      source_type: 'blank',
      destination_type: 'volume',
      boot_index: -1,
      volume_size: volume.sizeGb,
      ...(volume.type ? { volume_type: volume.type } : {}),
      delete_on_termination: true,
    }));
  }
  if (spec.count > 1) server.return_reservation_id = true;
  return server;
}

/**
 * POST /servers. One server answers its id; several answer a reservation id, and the servers of
 * that reservation are listed for theirs. A port Hangar made is deleted again if Nova refuses.
 */
export async function launchServers(call: ComputeCall, spec: LaunchSpec): Promise<{ serverIds: string[] }> {
  const checked = checkSpec(spec);
  const nova = await call.nova();
  const { networks, portId } = await networksFor(call, spec, nova.minor);
  let body: unknown;
  try {
    ({ body } = await call.sessions.call('compute', call.region, '/servers', {
      method: 'POST',
      headers: nova.headers,
      body: { server: serverBody(spec, checked, networks, portId !== null, nova.minor) },
      idempotent: false,
      signal: call.signal,
    }));
  } catch (error) {
    if (portId)
      await call.sessions
        .call('network', call.region, `/v2.0/ports/${portId}`, { method: 'DELETE' })
        .catch(() => undefined);
    throw error;
  }
  const single = str(dict(dict(body)?.server)?.id);
  if (single) return { serverIds: [single] };
  const reservation = str(dict(body)?.reservation_id);
  if (!reservation)
    throw new Error('Nova accepted the launch but answered neither a server id nor a reservation id');
  const servers = await listAll(call.sessions, {
    type: 'compute',
    region: call.region,
    path: '/servers/detail',
    query: { reservation_id: reservation },
    headers: nova.headers,
    collection: 'servers',
    read: readServer,
    keyOf: (server) => server.id,
    signal: call.signal,
  });
  return {
    serverIds: servers.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true })).map((s) => s.id),
  };
}
