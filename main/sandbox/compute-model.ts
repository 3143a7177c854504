/** The EC2 sandbox's records for what RunInstances and its neighbours create, per account and region. */

export interface SandboxTag {
  key: string;
  value: string;
}

export interface SandboxVpc {
  vpcId: string;
  ownerId: string;
  cidrBlock: string;
  isDefault: boolean;
  dhcpOptionsId: string;
  tags: SandboxTag[];
}

export interface SandboxSubnet {
  subnetId: string;
  vpcId: string;
  ownerId: string;
  cidrBlock: string;
  availabilityZone: string;
  availabilityZoneId: string;
  defaultForAz: boolean;
  mapPublicIpOnLaunch: boolean;
  /** Next host number handed out as a private address (starts past AWS's five reserved ones). */
  nextHost: number;
  tags: SandboxTag[];
}

/** One ingress or egress rule as EC2 keeps it: protocol -1 means all traffic. */
export interface SandboxRule {
  ruleId: string;
  protocol: string;
  fromPort?: number;
  toPort?: number;
  cidr?: string;
  /** A source security group instead of a range (the default group's self-reference). */
  groupId?: string;
  description?: string;
}

export interface SandboxSecurityGroup {
  groupId: string;
  groupName: string;
  description: string;
  vpcId: string;
  ownerId: string;
  ingress: SandboxRule[];
  egress: SandboxRule[];
  tags: SandboxTag[];
}

export interface SandboxKeyPair {
  keyPairId: string;
  keyName: string;
  keyType: 'rsa' | 'ed25519';
  fingerprint: string;
  /** OpenSSH public key line, as DescribeKeyPairs returns it with IncludePublicKey. */
  publicKey: string;
  createTime: string;
  tags: SandboxTag[];
}

export type InstanceStateName =
  'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

/** EC2's numeric state codes (the low byte of instanceState/code). */
export const INSTANCE_STATE_CODES: Record<InstanceStateName, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

export interface SandboxVolume {
  deviceName: string;
  volumeId: string;
  sizeGb: number;
  volumeType: string;
  iops?: number;
  encrypted: boolean;
  kmsKeyId?: string;
  deleteOnTermination: boolean;
  attachTime: string;
}

/** What an instance remembers of its AMI, so a capture works even after the AMI is gone. */
export interface LaunchedImageFacts {
  imageId: string;
  architecture: 'x86_64' | 'arm64';
  platform?: 'windows';
  platformDetails: string;
  usageOperation: string;
  rootDeviceName: string;
  bootMode?: 'legacy-bios' | 'uefi' | 'uefi-preferred';
}

export interface SandboxInstance {
  instanceId: string;
  reservationId: string;
  ownerId: string;
  region: string;
  image: LaunchedImageFacts;
  instanceType: string;
  keyName?: string;
  vpcId: string;
  subnetId: string;
  availabilityZone: string;
  privateIp: string;
  publicIp?: string;
  /** Whether a public address comes with the running state. */
  wantsPublicIp: boolean;
  networkInterfaceId: string;
  macAddress: string;
  securityGroups: { groupId: string; groupName: string }[];
  volumes: SandboxVolume[];
  userData?: string;
  tags: SandboxTag[];
  volumeTags: SandboxTag[];
  launchTime: string;
  amiLaunchIndex: number;
  clientToken: string;
  state: InstanceStateName;
  stateReason?: { code: string; message: string };
  /** StateTransitionReason: empty while pending/running, "User initiated (…)" after a terminate. */
  transitionReason: string;
  /** When it reached terminated (ms since epoch): EC2 forgets it some time later. */
  terminatedAt?: number;
  /** What happens next, and when (ms since epoch); the world applies it on the first request after. */
  next?: { at: number; state: InstanceStateName; reason?: { code: string; message: string } };
}

export interface SandboxReservation {
  reservationId: string;
  ownerId: string;
  instanceIds: string[];
}
