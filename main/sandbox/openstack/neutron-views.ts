import type { NeutronGroup, NeutronNetwork, NeutronPort, NeutronRule, NeutronSubnet } from './neutron-state';

/** Neutron v2.0's JSON for each resource, field for field as a member's token sees it. */

const base = (projectId: string, createdAt: string): Record<string, unknown> => ({
  tenant_id: projectId,
  project_id: projectId,
  tags: [],
  created_at: createdAt,
  updated_at: createdAt,
});

export const networkView = (n: NeutronNetwork): Record<string, unknown> => ({
  id: n.id,
  name: n.name,
  ...base(n.project_id, n.created_at),
  admin_state_up: true,
  mtu: n.external ? 1500 : 1450,
  status: 'ACTIVE',
  subnets: [...n.subnets],
  shared: n.shared,
  availability_zone_hints: [],
  availability_zones: ['nova'],
  ipv4_address_scope: null,
  ipv6_address_scope: null,
  'router:external': n.external,
  description: '',
  port_security_enabled: true,
  is_default: n.external,
  revision_number: 1,
});

const v4Range = (cidr: string, from: number, toEnd: number): { start: string; end: string } => {
  const [address = '0.0.0.0', bits = '24'] = cidr.split('/');
  const start = address.split('.').map(Number);
  const size = 2 ** (32 - Number(bits));
  const at = (offset: number): string => {
    const value = start.reduce((sum, part) => sum * 256 + part, 0) + offset;
    return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
  };
  return { start: at(from), end: at(size - toEnd) };
};

export const subnetView = (s: NeutronSubnet): Record<string, unknown> => ({
  id: s.id,
  name: s.name,
  ...base(s.project_id, s.created_at),
  network_id: s.network_id,
  ip_version: s.ip_version,
  subnetpool_id: null,
  enable_dhcp: true,
  ipv6_ra_mode: s.ip_version === 6 ? 'slaac' : null,
  ipv6_address_mode: s.ip_version === 6 ? 'slaac' : null,
  gateway_ip: s.gateway_ip,
  cidr: s.cidr,
  allocation_pools:
    s.ip_version === 4
      ? [v4Range(s.cidr, 2, 2)]
      : [{ start: `${s.cidr.split('/')[0]}2`, end: `${s.cidr.split('/')[0]}ffff:ffff:ffff:ffff` }],
  host_routes: [],
  dns_nameservers: [],
  description: '',
  service_types: [],
  revision_number: 0,
});

export const ruleView = (r: NeutronRule): Record<string, unknown> => ({
  id: r.id,
  ...base(r.project_id, r.created_at),
  security_group_id: r.security_group_id,
  direction: r.direction,
  ethertype: r.ethertype,
  protocol: r.protocol,
  port_range_min: r.port_range_min,
  port_range_max: r.port_range_max,
  remote_ip_prefix: r.remote_ip_prefix,
  normalized_cidr: r.remote_ip_prefix,
  remote_group_id: r.remote_group_id,
  remote_address_group_id: null,
  description: r.description,
  revision_number: 0,
});

export const groupView = (g: NeutronGroup): Record<string, unknown> => ({
  id: g.id,
  name: g.name,
  ...base(g.project_id, g.created_at),
  description: g.description,
  security_group_rules: g.rules.map(ruleView),
  stateful: true,
  shared: false,
  revision_number: g.rules.length,
});

export const portView = (p: NeutronPort): Record<string, unknown> => ({
  id: p.id,
  name: p.name,
  ...base(p.project_id, p.created_at),
  network_id: p.network_id,
  mac_address: p.mac_address,
  admin_state_up: true,
  status: p.device_id ? 'ACTIVE' : 'DOWN',
  device_id: p.device_id,
  device_owner: p.device_owner,
  fixed_ips: p.fixed_ips.map(({ subnet_id, ip_address }) => ({ subnet_id, ip_address })),
  allowed_address_pairs: [],
  extra_dhcp_opts: [],
  security_groups: [...p.security_groups],
  description: p.description,
  'binding:vnic_type': 'normal',
  port_security_enabled: true,
  propagate_uplink_status: false,
  revision_number: 1,
});
