import type { protos } from '@google-cloud/compute';
import type { FirewallRule, Flavor, NetworkChoice, SecurityGroupChoice } from '../../compute-driver';
import { CloudError } from '../../driver';
import { networkPath, regionOf, relativePath, resourceName } from './gce-names';
import { operationOf, waitForOperation } from './gce-operations';
import { listAll, type GceSession } from './gce-session';

type Firewall = protos.google.cloud.compute.v1.IFirewall;

/** Arm series Compute offers (Tau T2A, Axion C4A / N4A); the API's `architecture` field wins when set. */
const ARM_SERIES = /^(t2a|c4a|n4a)-/;

/** The project's zones that are up, sorted: where a server can be made. */
export async function listZones(session: GceSession, signal?: AbortSignal): Promise<string[]> {
  const client = session.client('ZonesClient');
  const zones = await listAll(
    'the zones',
    (pageToken, o) => client.list({ project: session.project, pageToken }, o),
    session,
    signal,
  );
  return zones
    .filter((z) => !z.status || z.status === 'UP')
    .map((z) => z.name ?? '')
    .filter(Boolean)
    .sort();
}

export async function listFlavors(
  session: GceSession,
  zone: string,
  signal?: AbortSignal,
): Promise<Flavor[]> {
  const client = session.client('MachineTypesClient');
  const types = await listAll(
    `the machine types of ${zone}`,
    (pageToken, o) => client.list({ project: session.project, zone, pageToken }, o),
    session,
    signal,
  );
  return types
    .filter(
      (t) => !t.deprecated?.state || t.deprecated.state === 'ACTIVE' || t.deprecated.state === 'DEPRECATED',
    )
    .map((t) => {
      const name = t.name ?? '';
      const arm = t.architecture ? t.architecture === 'ARM64' : ARM_SERIES.test(name);
      return {
        id: name,
        name,
        vcpus: Number(t.guestCpus ?? 0),
        memoryMiB: Number(t.memoryMb ?? 0),
        diskGb: null,
        architecture: arm ? 'arm64' : 'x86_64',
      };
    });
}

/** Networks are global; their subnetworks are regional, so the zone's region picks which show. */
export async function listNetworks(
  session: GceSession,
  zone: string,
  signal?: AbortSignal,
): Promise<NetworkChoice[]> {
  const region = regionOf(zone);
  const networksClient = session.client('NetworksClient');
  const subnetsClient = session.client('SubnetworksClient');
  const [networks, subnets] = await Promise.all([
    listAll(
      'the networks',
      (pageToken, o) => networksClient.list({ project: session.project, pageToken }, o),
      session,
      signal,
    ),
    listAll(
      `the subnetworks of ${region}`,
      (pageToken, o) => subnetsClient.list({ project: session.project, region, pageToken }, o),
      session,
      signal,
    ),
  ]);
  return networks.map((network) => ({
    id: relativePath(network.selfLink) || `projects/${session.project}/global/networks/${network.name ?? ''}`,
    name: network.name ?? '',
    subnets: subnets
      .filter((s) => relativePath(s.network) === relativePath(network.selfLink))
      .map((s) => ({ id: relativePath(s.selfLink), name: s.name ?? '', cidr: s.ipCidrRange ?? null })),
  }));
}

function ruleSummary(firewall: Firewall): string {
  const allowed = (firewall.allowed ?? [])
    .map((a) => (a.ports?.length ? `${a.IPProtocol ?? ''}:${a.ports.join(',')}` : (a.IPProtocol ?? '')))
    .join(' ');
  const from = (firewall.sourceRanges ?? []).join(', ') || 'anywhere';
  const to = firewall.targetTags?.length
    ? `instances tagged ${firewall.targetTags.join(', ')}`
    : 'every instance';
  return `${allowed} from ${from} to ${to}`;
}

/**
 * Compute has no security groups: firewall rules belong to a network and reach the instances
 * carrying their target tags (or every instance, when they name none). Each ingress allow rule
 * is offered as a "security group"; choosing it puts its target tags on the server.
 */
export async function listSecurityGroups(
  session: GceSession,
  networkId: string | null,
  signal?: AbortSignal,
): Promise<SecurityGroupChoice[]> {
  const client = session.client('FirewallsClient');
  const network = networkId ? networkPath(session.project, networkId) : null;
  const request: { project: string; filter?: string } = { project: session.project };
  if (network) request.filter = `network eq ".*/${network}"`;
  const firewalls = await listAll(
    'the firewall rules',
    (pageToken, o) => client.list({ ...request, pageToken }, o),
    session,
    signal,
  );
  return firewalls
    .filter((f) => !f.disabled && (f.direction ?? 'INGRESS') === 'INGRESS' && (f.allowed?.length ?? 0) > 0)
    .filter((f) => !network || relativePath(f.network) === network)
    .map((f) => ({
      id: f.name ?? '',
      name: f.name ?? '',
      description: f.description ? `${f.description} (${ruleSummary(f)})` : ruleSummary(f),
      networkId: relativePath(f.network) || null,
    }));
}

const portsOf = (rule: FirewallRule): string =>
  rule.fromPort === rule.toPort ? String(rule.fromPort) : `${rule.fromPort}-${rule.toPort}`;

/**
 * The firewall rules for a new "security group": one rule per source range (Compute's rules take
 * one set of ranges for all their ports), each targeting the tag `name`, named name, name-2 ….
 */
export function firewallsFor(
  name: string,
  description: string,
  network: string,
  rules: FirewallRule[],
): Firewall[] {
  if (rules.length === 0) {
    throw new CloudError({
      code: 'invalid-request',
      message: 'A Compute Engine firewall needs at least one rule: add the ports to open.',
    });
  }
  const byRange = new Map<string, FirewallRule[]>();
  for (const rule of rules) byRange.set(rule.cidr, [...(byRange.get(rule.cidr) ?? []), rule]);
  return [...byRange.entries()].map(([cidr, group], index) => {
    const allowed: { IPProtocol: string; ports?: string[] }[] = [];
    for (const protocol of ['tcp', 'udp', 'icmp'] as const) {
      const matching = group.filter((r) => r.protocol === protocol);
      if (matching.length === 0) continue;
      allowed.push(
        protocol === 'icmp'
          ? { IPProtocol: 'icmp' }
          : { IPProtocol: protocol, ports: [...new Set(matching.map(portsOf))] },
      );
    }
    const suffix = index === 0 ? '' : `-${index + 1}`;
    return {
      name: `${name.slice(0, 63 - suffix.length)}${suffix}`,
      description,
      network,
      direction: 'INGRESS',
      priority: 1000,
      sourceRanges: [cidr],
      allowed,
      targetTags: [name],
    };
  });
}

export async function createSecurityGroup(
  session: GceSession,
  group: { name: string; description: string; networkId: string | null; rules: FirewallRule[] },
  pollIntervalMs: number,
  requestId: () => string,
): Promise<SecurityGroupChoice> {
  const name = resourceName(group.name, 'The firewall name');
  const network = networkPath(session.project, group.networkId ?? 'default');
  const client = session.client('FirewallsClient');
  for (const firewall of firewallsFor(name, group.description, network, group.rules)) {
    const started = operationOf(
      await client.insert(
        { project: session.project, firewallResource: firewall, requestId: requestId() },
        session.call(),
      ),
    );
    await waitForOperation(
      session,
      started,
      `create the firewall rule ${firewall.name ?? name}`,
      pollIntervalMs,
    );
  }
  return { id: name, name, description: group.description, networkId: network };
}
