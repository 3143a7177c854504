import type {
  Instance,
  InstanceTypeInfo,
  KeyPairInfo,
  SecurityGroup,
  Subnet as Ec2Subnet,
  Tag,
  Vpc,
} from '@aws-sdk/client-ec2';
import type {
  Flavor,
  KeyPairChoice,
  NetworkChoice,
  SecurityGroupChoice,
  ServerState,
  ServerStatus,
} from '../../compute-driver';

const nameTag = (tags: Tag[] | undefined): string | undefined =>
  tags?.find((tag) => tag.Key === 'Name')?.Value || undefined;

/** EC2 instance types have no disk of their own (EBS is separate): diskGb is null. */
export function mapFlavor(info: InstanceTypeInfo): Flavor {
  const architectures = info.ProcessorInfo?.SupportedArchitectures ?? [];
  return {
    id: info.InstanceType ?? '',
    name: info.InstanceType ?? '',
    vcpus: info.VCpuInfo?.DefaultVCpus ?? 0,
    memoryMiB: info.MemoryInfo?.SizeInMiB ?? 0,
    diskGb: null,
    architecture: architectures.includes('arm64')
      ? 'arm64'
      : architectures.includes('x86_64')
        ? 'x86_64'
        : (architectures[0] ?? null),
  };
}

/** Smallest first, then by name, as a picker lists them. */
export function byFlavorSize(a: Flavor, b: Flavor): number {
  return a.vcpus - b.vcpus || a.memoryMiB - b.memoryMiB || a.id.localeCompare(b.id);
}

/** VPCs with their subnets; names from the Name tag, else "default VPC" / the zone and range. */
export function mapNetworks(vpcs: Vpc[], subnets: Ec2Subnet[]): NetworkChoice[] {
  return vpcs.map((vpc) => ({
    id: vpc.VpcId ?? '',
    name:
      nameTag(vpc.Tags) ??
      `${vpc.IsDefault ? 'default VPC' : (vpc.VpcId ?? 'VPC')} (${vpc.CidrBlock ?? 'no range'})`,
    subnets: subnets
      .filter((subnet) => subnet.VpcId === vpc.VpcId)
      .sort((a, b) => (a.AvailabilityZone ?? '').localeCompare(b.AvailabilityZone ?? ''))
      .map((subnet) => ({
        id: subnet.SubnetId ?? '',
        name:
          nameTag(subnet.Tags) ??
          `${subnet.AvailabilityZone ?? '?'}${subnet.DefaultForAz ? ' (default)' : ''}`,
        cidr: subnet.CidrBlock ?? null,
      })),
  }));
}

export function mapSecurityGroup(group: SecurityGroup): SecurityGroupChoice {
  return {
    id: group.GroupId ?? '',
    name: group.GroupName ?? group.GroupId ?? '',
    description: group.Description ?? '',
    networkId: group.VpcId ?? null,
  };
}

export function mapKeyPair(key: KeyPairInfo): KeyPairChoice {
  return { name: key.KeyName ?? '', fingerprint: key.KeyFingerprint ?? null, type: key.KeyType ?? null };
}

/** State reasons that mean "someone asked for it", not "it failed". */
const ORDINARY_ENDINGS = new Set([
  'Client.UserInitiatedShutdown',
  'Client.InstanceInitiatedShutdown',
  'Client.UserInitiatedHibernate',
]);

/**
 * EC2's instance state in the driver's vocabulary. shutting-down is on its way to terminated,
 * so it reads as stopping; an instance EC2 terminated for its own reason (a KMS key it could not
 * use, no capacity, an internal error) reads as failed, with that reason.
 */
export function serverState(instance: Instance): ServerState {
  const reason = instance.StateReason?.Code;
  switch (instance.State?.Name) {
    case 'pending':
      return 'pending';
    case 'running':
      return 'running';
    case 'shutting-down':
    case 'stopping':
      return 'stopping';
    case 'stopped':
      return 'stopped';
    case 'terminated':
      return reason !== undefined && !ORDINARY_ENDINGS.has(reason) ? 'failed' : 'terminated';
    default:
      return 'pending';
  }
}

export function mapServer(instance: Instance): ServerStatus {
  const state = serverState(instance);
  return {
    id: instance.InstanceId ?? '',
    name: nameTag(instance.Tags) ?? instance.InstanceId ?? '',
    state,
    addresses: [instance.PublicIpAddress, instance.PrivateIpAddress].filter(
      (address): address is string => typeof address === 'string' && address.length > 0,
    ),
    imageId: instance.ImageId ?? null,
    reason:
      state === 'failed' || state === 'stopped' || state === 'terminated'
        ? (instance.StateReason?.Message ?? null)
        : null,
  };
}
