import type { FirewallRule, SecurityGroupChoice } from '../../compute-driver';
import { dict, str, type ComputeCall } from './compute-context';
import { invalid } from './compute-errors';
import { listAll } from './paged-list';

function readGroup(entry: unknown): SecurityGroupChoice | null {
  const group = dict(entry);
  const id = str(group?.id);
  if (!group || !id) return null;
  // Neutron's groups belong to the project, not to a network: every port of the project may use them.
  return { id, name: str(group.name) || id, description: str(group.description) ?? '', networkId: null };
}

/** GET /v2.0/security-groups for the token's project (an admin's token would otherwise see all). */
export async function listSecurityGroups(
  call: ComputeCall,
  projectId: string | null,
): Promise<SecurityGroupChoice[]> {
  const groups = await listAll(call.sessions, {
    type: 'network',
    region: call.region,
    path: '/v2.0/security-groups',
    query: projectId ? { project_id: projectId } : undefined,
    collection: 'security_groups',
    read: readGroup,
    keyOf: (group) => group.id,
    signal: call.signal,
  });
  return groups.sort((a, b) => a.name.localeCompare(b.name));
}

const IPV4 = /^(\d{1,3})(\.\d{1,3}){3}\/\d{1,2}$/;
const IPV6 = /^[0-9a-f:]+\/\d{1,3}$/i;
const isPort = (port: number): boolean => Number.isInteger(port) && port >= 0 && port <= 65535;

/**
 * One ingress rule as Neutron's security_group_rule. Neutron refuses port 0, so "every port"
 * (0/1 – 65535) is sent as no range at all; ICMP's from/to are its type and code (-1: any).
 */
export function ruleBody(groupId: string, rule: FirewallRule): Record<string, unknown> {
  const v6 = rule.cidr.includes(':');
  if (!(v6 ? IPV6 : IPV4).test(rule.cidr.trim()))
    throw invalid(`"${rule.cidr}" is not a source range such as 203.0.113.0/24, 0.0.0.0/0 or ::/0.`);
  const body: Record<string, unknown> = {
    security_group_id: groupId,
    direction: 'ingress',
    ethertype: v6 ? 'IPv6' : 'IPv4',
    protocol: rule.protocol === 'icmp' && v6 ? 'ipv6-icmp' : rule.protocol,
    remote_ip_prefix: rule.cidr.trim(),
  };
  if (rule.protocol === 'icmp') {
    if (rule.fromPort >= 0) body.port_range_min = rule.fromPort;
    if (rule.fromPort >= 0 && rule.toPort >= 0) body.port_range_max = rule.toPort;
    return body;
  }
  if (!isPort(rule.fromPort) || !isPort(rule.toPort) || rule.fromPort > rule.toPort)
    throw invalid(`Ports ${rule.fromPort}–${rule.toPort} are not a range between 1 and 65535.`);
  if (rule.fromPort <= 1 && rule.toPort === 65535) return body;
  return { ...body, port_range_min: Math.max(1, rule.fromPort), port_range_max: rule.toPort };
}

/**
 * POST /v2.0/security-groups, then one POST /v2.0/security-group-rules per distinct rule (Neutron
 * adds the two egress rules itself). If a rule is refused, the new group is deleted again before
 * the error is thrown: a half-made group is not left behind.
 */
export async function createSecurityGroup(
  call: ComputeCall,
  group: { name: string; description: string; rules: FirewallRule[] },
): Promise<SecurityGroupChoice> {
  const name = group.name.trim();
  if (name === '' || name.length > 255)
    throw invalid('A security group needs a name of 1 to 255 characters.');
  if (name.toLowerCase() === 'default')
    throw invalid('"default" is the name of the group Neutron makes for every project: choose another.');
  if (group.description.length > 255)
    throw invalid('A security group description has at most 255 characters.');
  // Validated (and de-duplicated) before anything is created.
  const bodies = new Map<string, Record<string, unknown>>();
  for (const rule of group.rules) {
    const body = ruleBody('', rule);
    bodies.set(JSON.stringify(body), body);
  }
  const { body } = await call.sessions.call('network', call.region, '/v2.0/security-groups', {
    method: 'POST',
    body: { security_group: { name, description: group.description } },
    idempotent: false,
    signal: call.signal,
  });
  const created = readGroup(dict(body)?.security_group);
  if (!created) throw new Error('Neutron answered the new security group without its id');
  try {
    for (const rule of bodies.values()) {
      await call.sessions.call('network', call.region, '/v2.0/security-group-rules', {
        method: 'POST',
        body: { security_group_rule: { ...rule, security_group_id: created.id } },
        idempotent: false,
        signal: call.signal,
      });
    }
  } catch (error) {
    await call.sessions
      .call('network', call.region, `/v2.0/security-groups/${created.id}`, { method: 'DELETE' })
      .catch(() => undefined);
    throw error;
  }
  return created;
}
