import { randomBytes, randomUUID } from 'node:crypto';
import { intToV4, slaac, stableId, v4ToInt } from './neutron-addresses';

/**
 * One region's Neutron, in memory: networks, subnets, security groups with their rules, and
 * ports with addresses allocated from their subnets. Every project gets, on first sight (as a
 * devstack project would have), a "private" network (IPv4 + SLAAC IPv6), a "backend" network with
 * two subnets, and Neutron's "default" security group; all projects see the "shared" network
 * and the external "public" one. Seeded ids are derived from names, so they are stable per run.
 */

/** The cloud operator's project, owner of the shared and external networks. */
export const OPERATOR_PROJECT = 'c0a1d2e3f4a5b6c7d8e9f0a1b2c3d4e5';

export class NeutronFault extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'NeutronFault';
  }
}

export interface NeutronNetwork {
  id: string;
  name: string;
  project_id: string;
  shared: boolean;
  external: boolean;
  subnets: string[];
  created_at: string;
}

export interface NeutronSubnet {
  id: string;
  name: string;
  network_id: string;
  project_id: string;
  cidr: string;
  ip_version: 4 | 6;
  gateway_ip: string;
  created_at: string;
  used: Set<number>;
}

export interface NeutronRule {
  id: string;
  security_group_id: string;
  project_id: string;
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  protocol: string | null;
  port_range_min: number | null;
  port_range_max: number | null;
  remote_ip_prefix: string | null;
  remote_group_id: string | null;
  description: string;
  created_at: string;
}

export interface NeutronGroup {
  id: string;
  name: string;
  description: string;
  project_id: string;
  rules: NeutronRule[];
  created_at: string;
}

export interface NeutronPort {
  id: string;
  name: string;
  description: string;
  network_id: string;
  project_id: string;
  device_id: string;
  device_owner: string;
  mac_address: string;
  fixed_ips: { subnet_id: string; ip_address: string; host: number }[];
  security_groups: string[];
  created_at: string;
}

export class NeutronState {
  readonly networks = new Map<string, NeutronNetwork>();
  readonly subnets = new Map<string, NeutronSubnet>();
  readonly groups = new Map<string, NeutronGroup>();
  readonly ports = new Map<string, NeutronPort>();
  /** Security groups a project may hold (Neutron's default quota). */
  groupQuota = 10;
  private readonly seen = new Set<string>();

  constructor(
    private readonly region: string,
    private readonly created = new Date('2024-01-15T09:00:00Z'),
  ) {
    this.addNetwork(OPERATOR_PROJECT, 'shared', { shared: true }, [['shared-subnet', '192.168.233.0/24']]);
    this.addNetwork(OPERATOR_PROJECT, 'public', { external: true }, [['public-subnet', '172.24.4.0/24']]);
  }

  private addNetwork(
    projectId: string,
    name: string,
    flags: { shared?: boolean; external?: boolean },
    subnets: [string, string][],
  ): void {
    const id = stableId(`${this.region}/${projectId}/network/${name}`);
    const createdAt = this.created.toISOString().replace('.000', '');
    const network: NeutronNetwork = {
      id,
      name,
      project_id: projectId,
      shared: flags.shared ?? false,
      external: flags.external ?? false,
      subnets: [],
      created_at: createdAt,
    };
    for (const [subnetName, cidr] of subnets) {
      const v6 = cidr.includes(':');
      const subnet: NeutronSubnet = {
        id: stableId(`${this.region}/${projectId}/subnet/${subnetName}`),
        name: subnetName,
        network_id: id,
        project_id: projectId,
        cidr,
        ip_version: v6 ? 6 : 4,
        gateway_ip: v6 ? `${cidr.split('/')[0]}1` : intToV4(v4ToInt(cidr.split('/')[0] ?? '0.0.0.0') + 1),
        created_at: createdAt,
        used: new Set(),
      };
      this.subnets.set(subnet.id, subnet);
      network.subnets.push(subnet.id);
    }
    this.networks.set(id, network);
  }

  /** Gives a project its networks and default group the first time Neutron hears of it. */
  ensureProject(projectId: string): void {
    if (this.seen.has(projectId)) return;
    this.seen.add(projectId);
    this.addNetwork(projectId, 'private', {}, [
      ['private-subnet', '10.0.0.0/26'],
      ['ipv6-private-subnet', 'fd4e:6a2b:91c3::/64'],
    ]);
    this.addNetwork(projectId, 'backend', {}, [
      ['backend-a', '10.20.1.0/24'],
      ['backend-b', '10.20.2.0/24'],
    ]);
    const group = this.createGroup(
      projectId,
      'default',
      'Default security group',
      stableId(`${this.region}/${projectId}/sg/default`),
    );
    for (const ethertype of ['IPv4', 'IPv6'] as const)
      this.addRule(group, { direction: 'ingress', ethertype, remote_group_id: group.id });
  }

  canSeeNetwork(network: NeutronNetwork, projectId: string): boolean {
    return network.project_id === projectId || network.shared || network.external;
  }

  createGroup(projectId: string, name: string, description: string, id: string = randomUUID()): NeutronGroup {
    const group: NeutronGroup = {
      id,
      name,
      description,
      project_id: projectId,
      rules: [],
      created_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    };
    this.groups.set(id, group);
    // Neutron gives every new group "allow all outbound" for both address families.
    for (const ethertype of ['IPv4', 'IPv6'] as const)
      this.addRule(group, { direction: 'egress', ethertype });
    return group;
  }

  addRule(
    group: NeutronGroup,
    rule: Partial<NeutronRule> & Pick<NeutronRule, 'direction' | 'ethertype'>,
  ): NeutronRule {
    const full: NeutronRule = {
      id: randomUUID(),
      security_group_id: group.id,
      project_id: group.project_id,
      protocol: null,
      port_range_min: null,
      port_range_max: null,
      remote_ip_prefix: null,
      remote_group_id: null,
      description: '',
      created_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      ...rule,
    };
    const same = group.rules.find(
      (r) =>
        r.direction === full.direction &&
        r.ethertype === full.ethertype &&
        r.protocol === full.protocol &&
        r.port_range_min === full.port_range_min &&
        r.port_range_max === full.port_range_max &&
        r.remote_ip_prefix === full.remote_ip_prefix &&
        r.remote_group_id === full.remote_group_id,
    );
    if (same)
      throw new NeutronFault(
        409,
        'SecurityGroupRuleExists',
        `Security group rule already exists. Rule id is ${same.id}.`,
      );
    group.rules.push(full);
    return full;
  }

  private allocate(subnet: NeutronSubnet, mac: string): { host: number; ip: string } {
    if (subnet.ip_version === 6) return { host: 0, ip: slaac(subnet.cidr, mac) };
    const [base = '0.0.0.0', bits = '24'] = subnet.cidr.split('/');
    const size = 2 ** (32 - Number(bits));
    // .1 is the gateway and the next few are DHCP agents; the last is broadcast.
    for (let host = 10; host < size - 1; host += 1) {
      if (subnet.used.has(host)) continue;
      subnet.used.add(host);
      return { host, ip: intToV4(v4ToInt(base) + host) };
    }
    throw new NeutronFault(
      409,
      'IpAddressGenerationFailure',
      `No more IP addresses available on network ${subnet.network_id}.`,
    );
  }

  /**
   * A port on a network: an address from the chosen subnet, or (as Neutron does) from the first
   * IPv4 subnet plus every SLAAC IPv6 one; the project's default group unless groups are given.
   */
  createPort(input: {
    projectId: string;
    networkId: string;
    subnetIds?: string[];
    securityGroups?: string[];
    name?: string;
    description?: string;
    deviceId?: string;
    deviceOwner?: string;
  }): NeutronPort {
    this.ensureProject(input.projectId);
    const network = this.networks.get(input.networkId);
    if (!network || !this.canSeeNetwork(network, input.projectId))
      throw new NeutronFault(404, 'NetworkNotFound', `Network ${input.networkId} could not be found.`);
    const groups = input.securityGroups ?? [this.defaultGroup(input.projectId).id];
    for (const id of groups) {
      const group = this.groups.get(id);
      if (!group || group.project_id !== input.projectId)
        throw new NeutronFault(404, 'SecurityGroupNotFound', `Security group ${id} does not exist`);
    }
    const subnets = network.subnets.map((id) => this.subnets.get(id)).filter((s): s is NeutronSubnet => !!s);
    let chosen: NeutronSubnet[];
    if (input.subnetIds && input.subnetIds.length > 0) {
      chosen = input.subnetIds.map((id) => {
        const subnet = subnets.find((s) => s.id === id);
        if (!subnet)
          throw new NeutronFault(
            400,
            'InvalidInput',
            `Invalid input for operation: Failed to create port on network ${network.id}, because fixed_ips included invalid subnet ${id}.`,
          );
        return subnet;
      });
    } else {
      const v4 = subnets.find((s) => s.ip_version === 4);
      chosen = [...(v4 ? [v4] : []), ...subnets.filter((s) => s.ip_version === 6)];
    }
    const mac = `fa:16:3e:${[...randomBytes(3)].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;
    const port: NeutronPort = {
      id: randomUUID(),
      name: input.name ?? '',
      description: input.description ?? '',
      network_id: network.id,
      project_id: input.projectId,
      device_id: input.deviceId ?? '',
      device_owner: input.deviceOwner ?? '',
      mac_address: mac,
      fixed_ips: chosen.map((subnet) => {
        const { host, ip } = this.allocate(subnet, mac);
        return { subnet_id: subnet.id, ip_address: ip, host };
      }),
      security_groups: groups,
      created_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    };
    this.ports.set(port.id, port);
    return port;
  }

  deletePort(id: string): void {
    const port = this.ports.get(id);
    if (!port) throw new NeutronFault(404, 'PortNotFound', `Port ${id} could not be found.`);
    for (const ip of port.fixed_ips) this.subnets.get(ip.subnet_id)?.used.delete(ip.host);
    this.ports.delete(id);
  }

  defaultGroup(projectId: string): NeutronGroup {
    this.ensureProject(projectId);
    const group = [...this.groups.values()].find((g) => g.project_id === projectId && g.name === 'default');
    if (!group) throw new NeutronFault(500, 'InternalError', 'The default security group is missing.');
    return group;
  }
}
