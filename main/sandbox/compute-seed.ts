import { createPrng, type Prng } from './prng';
import type { SandboxSecurityGroup, SandboxSubnet, SandboxVpc } from './compute-model';

/** What every account finds in a region before it has made anything: EC2's default VPC. */
export interface SeededNetwork {
  vpc: SandboxVpc;
  subnets: SandboxSubnet[];
  defaultGroup: SandboxSecurityGroup;
  /** Customer-managed KMS keys the account holds here, by every name EC2 accepts for them. */
  kmsKeys: string[];
}

const DIRECTIONS: Record<string, string> = {
  east: 'e',
  west: 'w',
  north: 'n',
  south: 's',
  central: 'c',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
};

/** us-east-1 → use1, ap-southeast-2 → apse2: the prefix of EC2's zone ids (use1-az4 …). */
export function zoneIdPrefix(region: string): string {
  const [area = '', direction = '', number = ''] = region.split('-');
  return `${area}${DIRECTIONS[direction] ?? direction.charAt(0)}${number}`;
}

const resourceId = (prng: Prng, prefix: string): string => `${prefix}-${prng.hex(17)}`;

function uuid(prng: Prng): string {
  const hex = prng.hex(32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/**
 * The default VPC (172.31.0.0/16) with a default subnet in the region's first two zones, both
 * handing out public addresses as default subnets do, and the VPC's "default" security group
 * (all traffic from itself in, everything out). Ids are seeded by account and region, so the
 * same account sees the same ids on every run.
 */
export function seedNetwork(accountId: string, region: string): SeededNetwork {
  const prng = createPrng(`network:${accountId}:${region}`);
  const vpc: SandboxVpc = {
    vpcId: resourceId(prng, 'vpc'),
    ownerId: accountId,
    cidrBlock: '172.31.0.0/16',
    isDefault: true,
    dhcpOptionsId: resourceId(prng, 'dopt'),
    tags: [],
  };
  const zoneIds = [prng.int(1, 3), prng.int(4, 6)];
  const subnets: SandboxSubnet[] = ['a', 'b'].map((letter, n) => ({
    subnetId: resourceId(prng, 'subnet'),
    vpcId: vpc.vpcId,
    ownerId: accountId,
    cidrBlock: `172.31.${n * 16}.0/20`,
    availabilityZone: `${region}${letter}`,
    availabilityZoneId: `${zoneIdPrefix(region)}-az${zoneIds[n]}`,
    defaultForAz: true,
    mapPublicIpOnLaunch: true,
    nextHost: prng.int(10, 200),
    tags: [],
  }));
  const groupId = resourceId(prng, 'sg');
  const defaultGroup: SandboxSecurityGroup = {
    groupId,
    groupName: 'default',
    description: 'default VPC security group',
    vpcId: vpc.vpcId,
    ownerId: accountId,
    ingress: [{ ruleId: resourceId(prng, 'sgr'), protocol: '-1', groupId }],
    egress: [{ ruleId: resourceId(prng, 'sgr'), protocol: '-1', cidr: '0.0.0.0/0' }],
    tags: [],
  };
  const keyId = uuid(prng);
  const kmsKeys = [
    'alias/aws/ebs',
    'alias/hangar-sandbox',
    keyId,
    `arn:aws:kms:${region}:${accountId}:key/${keyId}`,
    `arn:aws:kms:${region}:${accountId}:alias/hangar-sandbox`,
  ];
  return { vpc, subnets, defaultGroup, kmsKeys };
}
