import type { IpPermission } from '@aws-sdk/client-ec2';
import type { FirewallRule } from '../../compute-driver';

/**
 * Firewall rules as EC2 ingress permissions: rules with the same protocol and ports become one
 * permission with several source ranges, as EC2 stores them. For ICMP the ports are the ICMP
 * type and code (-1 for all).
 */
export function ingressPermissions(rules: readonly FirewallRule[]): IpPermission[] {
  const byPorts = new Map<string, IpPermission>();
  for (const rule of rules) {
    const key = `${rule.protocol}/${rule.fromPort}/${rule.toPort}`;
    const permission = byPorts.get(key) ?? {
      IpProtocol: rule.protocol,
      FromPort: rule.fromPort,
      ToPort: rule.toPort,
      IpRanges: [],
    };
    if (!permission.IpRanges?.some((range) => range.CidrIp === rule.cidr)) {
      permission.IpRanges?.push({ CidrIp: rule.cidr });
    }
    byPorts.set(key, permission);
  }
  return [...byPorts.values()];
}
