import type { LaunchOptions } from '@contract/index';
import type { ParsedLaunchSpec } from './launch-validation';

/** The spec as the history shows it. User data is described, never kept: it may hold anything. */
export function specSummary(
  spec: ParsedLaunchSpec,
  options: LaunchOptions | null,
  tags: Record<string, string>,
): Record<string, string> {
  const flavor = options?.flavors.find((f) => f.id === spec.flavorId);
  const network = options?.networks.find((n) => n.id === spec.networkId);
  const summary: Record<string, string> = {
    Name: spec.name,
    Count: String(spec.count),
    Image: spec.imageId,
    Flavor: flavor
      ? `${flavor.name} (${flavor.vcpus} vCPU, ${Math.round(flavor.memoryMiB / 1024)} GiB)`
      : spec.flavorId,
  };
  if (spec.networkId) summary.Network = network?.name ?? spec.networkId;
  if (spec.subnetId) summary.Subnet = spec.subnetId;
  summary['Public IP'] = spec.publicIp ? 'yes' : 'no';
  if (spec.securityGroupIds.length) summary['Security groups'] = spec.securityGroupIds.join(', ');
  if (spec.keyName) summary['Key pair'] = spec.keyName;
  if (spec.publicKey)
    summary['SSH key'] = `${spec.publicKey.split(' ')[0]} …${spec.publicKey.trim().slice(-12)}`;
  if (spec.volumes.length)
    summary.Volumes = spec.volumes
      .map((v) => `${v.sizeGb} GB${v.type ? ` ${v.type}` : ''}${v.encrypted ? ' encrypted' : ''}`)
      .join(', ');
  if (spec.raid)
    summary.RAID = `RAID ${spec.raid.level} on ${spec.raid.mountPoint} (${spec.raid.filesystem})`;
  if (spec.userData) summary['User data'] = `${Buffer.byteLength(spec.userData)} bytes`;
  if (spec.billingCode) summary['Billing code'] = spec.billingCode;
  if (spec.group) summary.Group = spec.group;
  if (spec.computeResource) summary['Compute resource'] = spec.computeResource;
  const userTags = Object.entries(tags).filter(
    ([k]) => !['Name', 'billing-code', 'billing_code', 'group'].includes(k),
  );
  if (userTags.length) summary.Tags = userTags.map(([k, v]) => `${k}=${v}`).join(', ');
  return summary;
}
