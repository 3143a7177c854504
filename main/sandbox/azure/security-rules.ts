import { computeErrors } from './compute-arm-errors';
import { etag } from './compute-context';

const RULE_TYPE = 'Microsoft.Network/networkSecurityGroups/securityRules';
const PROTOCOLS = new Set(['tcp', 'udp', 'icmp', 'esp', 'ah', '*']);
const TAGS = new Set(['*', 'internet', 'virtualnetwork', 'azureloadbalancer']);
const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(\/(\d{1,2}))?$/;

/** One rule as ARM returns it, with the empty plural fields it always adds. */
export function ruleResource(nsgId: string, name: string, properties: Record<string, unknown>) {
  return {
    name,
    id: `${nsgId}/securityRules/${name}`,
    etag: etag(),
    type: RULE_TYPE,
    properties: {
      provisioningState: 'Succeeded',
      sourcePortRanges: [],
      destinationPortRanges: [],
      sourceAddressPrefixes: [],
      destinationAddressPrefixes: [],
      ...properties,
    },
  };
}

/** The six rules every network security group carries and nobody can remove. */
export function defaultSecurityRules(nsgId: string) {
  const rule = (
    name: string,
    priority: number,
    direction: string,
    access: string,
    source: string,
    target: string,
  ) => ({
    ...ruleResource(nsgId, name, {
      description: `${access} ${direction === 'Inbound' ? 'inbound' : 'outbound'} traffic`,
      protocol: '*',
      sourcePortRange: '*',
      destinationPortRange: '*',
      sourceAddressPrefix: source,
      destinationAddressPrefix: target,
      access,
      priority,
      direction,
    }),
    id: `${nsgId}/defaultSecurityRules/${name}`,
    type: 'Microsoft.Network/networkSecurityGroups/defaultSecurityRules',
  });
  return [
    rule('AllowVnetInBound', 65000, 'Inbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork'),
    rule('AllowAzureLoadBalancerInBound', 65001, 'Inbound', 'Allow', 'AzureLoadBalancer', '*'),
    rule('DenyAllInBound', 65500, 'Inbound', 'Deny', '*', '*'),
    rule('AllowVnetOutBound', 65000, 'Outbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork'),
    rule('AllowInternetOutBound', 65001, 'Outbound', 'Allow', '*', 'Internet'),
    rule('DenyAllOutBound', 65500, 'Outbound', 'Deny', '*', '*'),
  ];
}

function validPortRange(value: unknown): boolean {
  if (value === '*') return true;
  const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(String(value));
  if (!match) return false;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  return from <= to && to <= 65535;
}

function validPrefix(value: unknown): boolean {
  const text = String(value);
  if (TAGS.has(text.toLowerCase())) return true;
  const match = CIDR.exec(text);
  if (!match) return false;
  const octets = match.slice(1, 5).map(Number);
  const bits = match[6] === undefined ? 32 : Number(match[6]);
  return octets.every((o) => o <= 255) && bits <= 32;
}

/**
 * The rules of a write, checked as Network RP checks them (priority 100–4096 and unique per
 * direction, port ranges, protocols, address prefixes), returned in ARM's response shape.
 */
export function checkSecurityRules(nsgId: string, given: unknown) {
  const rules = Array.isArray(given)
    ? (given as { name?: unknown; properties?: Record<string, unknown> }[])
    : [];
  const seen = new Map<string, string>();
  return rules.map((rule, index) => {
    const name = String(rule.name ?? `rule-${index}`);
    const id = `${nsgId}/securityRules/${name}`;
    const p = rule.properties ?? {};
    const priority = p.priority;
    if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 100 || priority > 4096)
      throw computeErrors.invalidPriority(id, priority);
    const direction = String(p.direction ?? '');
    if (!['Inbound', 'Outbound'].includes(direction))
      throw computeErrors.unsupportedValue(id, 'direction', direction);
    if (!['Allow', 'Deny'].includes(String(p.access)))
      throw computeErrors.unsupportedValue(id, 'access', p.access);
    if (!PROTOCOLS.has(String(p.protocol).toLowerCase()))
      throw computeErrors.unsupportedValue(id, 'protocol', p.protocol);
    for (const field of ['sourcePortRange', 'destinationPortRange'] as const) {
      if (!validPortRange(p[field])) throw computeErrors.invalidPortRange(id, String(p[field]));
    }
    for (const field of ['sourceAddressPrefix', 'destinationAddressPrefix'] as const) {
      if (!validPrefix(p[field])) throw computeErrors.unsupportedValue(id, field, p[field]);
    }
    const slot = `${direction}:${priority}`;
    const clash = seen.get(slot);
    if (clash) throw computeErrors.duplicatePriority(id, clash, priority, direction);
    seen.set(slot, id);
    return ruleResource(nsgId, name, { ...p });
  });
}
