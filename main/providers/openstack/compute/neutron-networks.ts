import type { NetworkChoice, Subnet } from '../../compute-driver';
import { dict, str, type ComputeCall } from './compute-context';
import { listAll } from './paged-list';

interface WireNetwork {
  id: string;
  name: string;
  external: boolean;
  shared: boolean;
}

interface WireSubnet extends Subnet {
  networkId: string;
}

function readNetwork(entry: unknown): WireNetwork | null {
  const network = dict(entry);
  const id = str(network?.id);
  if (!network || !id) return null;
  return {
    id,
    name: str(network.name) || id,
    external: network['router:external'] === true,
    shared: network.shared === true,
  };
}

function readSubnet(entry: unknown): WireSubnet | null {
  const subnet = dict(entry);
  const id = str(subnet?.id);
  const networkId = str(subnet?.network_id);
  if (!subnet || !id || !networkId) return null;
  return { id, name: str(subnet.name) || id, cidr: str(subnet.cidr), networkId };
}

/**
 * GET /v2.0/networks and /v2.0/subnets, every page, joined. External networks (the floating-IP
 * pools every project sees) are left out unless shared: a server cannot be plugged into them.
 */
export async function listNetworks(call: ComputeCall): Promise<NetworkChoice[]> {
  const list = <T>(
    path: string,
    collection: string,
    read: (entry: unknown) => T | null,
    keyOf: (t: T) => string,
  ) =>
    listAll(call.sessions, {
      type: 'network',
      region: call.region,
      path,
      collection,
      read,
      keyOf,
      signal: call.signal,
    });
  const [networks, subnets] = await Promise.all([
    list('/v2.0/networks', 'networks', readNetwork, (n) => n.id),
    list('/v2.0/subnets', 'subnets', readSubnet, (s) => s.id),
  ]);
  return networks
    .filter((network) => !network.external || network.shared)
    .map((network) => ({
      id: network.id,
      name: network.name,
      subnets: subnets
        .filter((subnet) => subnet.networkId === network.id)
        .map(({ id, name, cidr }) => ({ id, name, cidr })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The network a subnet belongs to (GET /v2.0/subnets/{id}), for a launch that names only the subnet. */
export async function networkOfSubnet(call: ComputeCall, subnetId: string): Promise<string> {
  const { body } = await call.sessions.call(
    'network',
    call.region,
    `/v2.0/subnets/${encodeURIComponent(subnetId)}`,
    {
      signal: call.signal,
    },
  );
  const networkId = str(dict(dict(body)?.subnet)?.network_id);
  if (!networkId) throw new Error(`Neutron answered subnet ${subnetId} without its network`);
  return networkId;
}
