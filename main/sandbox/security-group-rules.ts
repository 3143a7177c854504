import type { SandboxRule } from './compute-model';
import { ec2Error } from './ec2-api-error';
import { integerParam, type QueryParams } from './query-params';

/** Protocol numbers EC2 accepts in place of names, and prints back as names. */
const PROTOCOL_NAMES: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', all: '-1' };
const PROTOCOLS = new Set(['tcp', 'udp', 'icmp', 'icmpv6', '-1']);

/** a.b.c.d/n with every part in range; EC2 refuses anything else before looking further. */
export function isIpv4Cidr(cidr: string): boolean {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!match) return false;
  const parts = match.slice(1).map(Number);
  return parts.slice(0, 4).every((octet) => octet <= 255) && (parts[4] ?? 99) <= 32;
}

function ports(params: QueryParams, prefix: string, protocol: string): [number?, number?] {
  const from = integerParam(params, `${prefix}.FromPort`);
  const to = integerParam(params, `${prefix}.ToPort`);
  if (protocol === '-1') return [undefined, undefined];
  if (protocol === 'tcp' || protocol === 'udp') {
    if (from === undefined || to === undefined) {
      throw ec2Error(
        'InvalidParameterValue',
        "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange",
      );
    }
    if (from < 0 || to > 65_535 || from > to) {
      throw ec2Error(
        'InvalidParameterValue',
        `Invalid value '${from}-${to}' for portRange. Ports must be between 0 and 65535, from not above to.`,
      );
    }
    return [from, to];
  }
  // ICMP: FromPort is the type, ToPort the code; -1 means all.
  const type = from ?? -1;
  const code = to ?? -1;
  if (type < -1 || type > 255 || code < -1 || code > 255) {
    throw ec2Error('InvalidParameterValue', `Invalid value '${type}' for ICMP type or '${code}' for code.`);
  }
  return [type, code];
}

/** `IpPermissions.N.*` to one rule per source range. */
export function parseIngress(params: QueryParams, newRuleId: () => string): SandboxRule[] {
  const rules: SandboxRule[] = [];
  for (let n = 1; params.has(`IpPermissions.${n}.IpProtocol`); n += 1) {
    const prefix = `IpPermissions.${n}`;
    const raw = (params.get(`${prefix}.IpProtocol`) ?? '').toLowerCase();
    const protocol = PROTOCOL_NAMES[raw] ?? raw;
    if (!PROTOCOLS.has(protocol)) {
      throw ec2Error('InvalidParameterValue', `Invalid value '${raw}' for IP protocol. Unknown protocol.`);
    }
    const [fromPort, toPort] = ports(params, prefix, protocol);
    let ranges = 0;
    for (let m = 1; params.has(`${prefix}.IpRanges.${m}.CidrIp`); m += 1) {
      const cidr = params.get(`${prefix}.IpRanges.${m}.CidrIp`) ?? '';
      if (!isIpv4Cidr(cidr)) throw ec2Error('InvalidParameterValue', `CIDR block ${cidr} is malformed`);
      const description = params.get(`${prefix}.IpRanges.${m}.Description`);
      rules.push({ ruleId: newRuleId(), protocol, fromPort, toPort, cidr, description });
      ranges += 1;
    }
    if (ranges === 0) {
      throw ec2Error('MissingParameter', 'The request must contain the parameter ipRanges or groups');
    }
  }
  return rules;
}

export function sameRule(a: SandboxRule, b: SandboxRule): boolean {
  return (
    a.protocol === b.protocol &&
    a.fromPort === b.fromPort &&
    a.toPort === b.toPort &&
    a.cidr === b.cidr &&
    a.groupId === b.groupId
  );
}

/** EC2's words for a rule in InvalidPermission.Duplicate. */
export function ruleLabel(rule: SandboxRule): string {
  const protocol = rule.protocol === '-1' ? 'ALL' : rule.protocol.toUpperCase();
  return `peer: ${rule.cidr ?? rule.groupId ?? '?'}, ${protocol}, from port: ${rule.fromPort ?? -1}, to port: ${rule.toPort ?? -1}, ALLOW`;
}
