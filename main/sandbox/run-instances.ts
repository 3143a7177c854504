import { createHash, randomBytes } from 'node:crypto';
import type { Caller } from './describe-images';
import type { SandboxInstance, SandboxSecurityGroup, SandboxSubnet, SandboxVolume } from './compute-model';
import type { ComputeWorld, RegionCompute } from './compute-world';
import { ec2Error } from './ec2-api-error';
import { itemSet, leaf } from './ec2-xml';
import { instanceXml } from './instance-xml';
import { findInstanceType } from './instance-types';
import type { QueryParams } from './query-params';
import { readRunRequest, type RequestedDevice, type RunRequest } from './run-instances-params';
import type { SandboxImage } from './sandbox-image';

const AMI_ID = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;
const DEVICE_NAME = /^\/dev\/(sd[b-z]|xvd[b-z])$/;
/** GiB EC2 allows per volume type. */
const SIZE_RANGES: Record<string, [number, number]> = {
  gp2: [1, 16_384],
  gp3: [1, 16_384],
  io1: [4, 16_384],
  io2: [4, 65_536],
  st1: [125, 16_384],
  sc1: [125, 16_384],
  standard: [1, 1_024],
};

function launchableImage(world: ComputeWorld, caller: Caller, imageId: string): SandboxImage {
  if (!AMI_ID.test(imageId))
    throw ec2Error('InvalidAMIID.Malformed', `Invalid id: "${imageId}" (expecting "ami-...")`);
  const image = world.catalog.findVisible(caller.region, caller.accountId, imageId);
  if (!image) throw ec2Error('InvalidAMIID.NotFound', `The image id '[${imageId}]' does not exist`);
  if (image.state !== 'available') {
    throw ec2Error(
      'InvalidAMIID.Unavailable',
      `The image id '[${imageId}]' is not available (state: ${image.state})`,
    );
  }
  return image;
}

function chosenSubnet(state: RegionCompute, request: RunRequest): SandboxSubnet {
  const subnetId = request.networkInterface?.subnetId ?? request.subnetId;
  if (subnetId === undefined) {
    const vpc = state.defaultVpc();
    const subnet = state.subnets.find((s) => s.vpcId === vpc?.vpcId && s.defaultForAz);
    if (!subnet) throw ec2Error('VPCIdNotSpecified', 'No default VPC for this user.');
    return subnet;
  }
  const subnet = state.subnets.find((s) => s.subnetId === subnetId);
  if (!subnet) throw ec2Error('InvalidSubnetID.NotFound', `The subnet ID '${subnetId}' does not exist`);
  return subnet;
}

function chosenGroups(
  state: RegionCompute,
  request: RunRequest,
  subnet: SandboxSubnet,
): SandboxSecurityGroup[] {
  const ids = request.networkInterface?.groupIds ?? request.groupIds;
  if (ids.length === 0) {
    const fallback = state.groups.find((g) => g.vpcId === subnet.vpcId && g.groupName === 'default');
    return fallback ? [fallback] : [];
  }
  return ids.map((id) => {
    const group = state.groups.find((g) => g.groupId === id);
    if (!group) {
      throw ec2Error(
        'InvalidGroup.NotFound',
        `The security group '${id}' does not exist in VPC '${subnet.vpcId}'`,
      );
    }
    if (group.vpcId !== subnet.vpcId) {
      throw ec2Error(
        'InvalidParameter',
        `Security group ${id} and subnet ${subnet.subnetId} belong to different networks.`,
      );
    }
    return group;
  });
}

/** The root volume (from the AMI, maybe resized) and the data volumes the request adds. */
function volumesFor(
  world: ComputeWorld,
  image: SandboxImage,
  devices: RequestedDevice[],
  at: string,
): SandboxVolume[] {
  const root = image.blockDevices.find((d) => d.deviceName === image.rootDeviceName)?.ebs;
  const rootOverride = devices.find((d) => d.deviceName === image.rootDeviceName)?.ebs;
  const rootSize = rootOverride?.volumeSize ?? root?.volumeSize ?? 8;
  if (root && rootSize < root.volumeSize) {
    throw ec2Error(
      'InvalidBlockDeviceMapping',
      `Volume of size ${rootSize}GB is smaller than snapshot '${root.snapshotId}', expect size >= ${root.volumeSize}GB`,
    );
  }
  const volumes: SandboxVolume[] = [
    {
      deviceName: image.rootDeviceName,
      volumeId: world.newId('vol'),
      sizeGb: rootSize,
      volumeType: rootOverride?.volumeType ?? root?.volumeType ?? 'gp3',
      encrypted: rootOverride?.encrypted ?? root?.encrypted ?? false,
      kmsKeyId: rootOverride?.kmsKeyId,
      deleteOnTermination: rootOverride?.deleteOnTermination ?? true,
      attachTime: at,
    },
  ];
  for (const device of devices) {
    if (device.deviceName === image.rootDeviceName) continue;
    if (!DEVICE_NAME.test(device.deviceName)) {
      throw ec2Error('InvalidBlockDeviceMapping', `Invalid device name ${device.deviceName}`);
    }
    const ebs = device.ebs;
    if (ebs?.volumeSize === undefined) {
      throw ec2Error(
        'InvalidBlockDeviceMapping',
        `The device ${device.deviceName} needs a volume size or a snapshot`,
      );
    }
    const type = ebs.volumeType ?? 'gp3';
    const [min, max] = SIZE_RANGES[type] ?? [1, 16_384];
    if (ebs.volumeSize < min || ebs.volumeSize > max) {
      throw ec2Error(
        'InvalidParameterValue',
        `Volume size ${ebs.volumeSize} GiB is out of range for ${type} volumes (${min}-${max} GiB).`,
      );
    }
    volumes.push({
      deviceName: device.deviceName,
      volumeId: world.newId('vol'),
      sizeGb: ebs.volumeSize,
      volumeType: type,
      iops: ebs.iops,
      encrypted: ebs.encrypted ?? false,
      kmsKeyId: ebs.kmsKeyId,
      deleteOnTermination: ebs.deleteOnTermination ?? true,
      attachTime: at,
    });
  }
  return volumes;
}

/** Refuses a launch that would pass the account's instance quota (or an armed quota fault). */
function checkQuota(world: ComputeWorld, state: RegionCompute, minCount: number): number {
  const live = state.liveInstances().length;
  const limit = world.takeQuotaFault() ? live : world.timing.instanceLimit;
  if (live + minCount > limit) {
    throw ec2Error(
      'InstanceLimitExceeded',
      `You have requested more instances (${live + minCount}) than your current instance limit of ${limit} ` +
        'allows for the specified instance type. Please visit http://aws.amazon.com/contact-us/ec2-request ' +
        'to request an adjustment to this limit.',
    );
  }
  return limit - live;
}

function privateAddress(subnet: SandboxSubnet): string {
  const [a, b, c] = subnet.cidrBlock.split('/')[0]?.split('.').map(Number) ?? [172, 31, 0];
  const host = subnet.nextHost;
  subnet.nextHost += 1;
  return `${a}.${b}.${(c ?? 0) + Math.floor(host / 256)}.${host % 256}`;
}

function reservationXml(state: RegionCompute, reservationId: string): string {
  const reservation = state.reservations.find((r) => r.reservationId === reservationId);
  const instances = (reservation?.instanceIds ?? []).flatMap((id) => state.instances.get(id) ?? []);
  return (
    leaf('reservationId', reservationId) +
    leaf('ownerId', state.accountId) +
    '<groupSet/>' +
    itemSet('instancesSet', instances.map(instanceXml))
  );
}

/** What makes two RunInstances calls "the same request" for ClientToken idempotency. */
function requestFingerprint(params: QueryParams): string {
  const entries = [...params].filter(([key]) => key !== 'ClientToken').sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

/**
 * RunInstances: checks the request as EC2 does (image, type and architecture, subnet, groups in
 * the subnet's VPC, key, volumes, quota), then starts `MaxCount` instances (fewer if the quota
 * allows only MinCount) as pending. A repeated ClientToken returns the first call's reservation.
 */
export function runInstances(
  params: QueryParams,
  world: ComputeWorld,
  state: RegionCompute,
  caller: Caller,
): string {
  const request = readRunRequest(params);
  const fingerprint = requestFingerprint(params);
  const token = request.clientToken;
  const earlier = token ? state.clientTokens.get(token) : undefined;
  if (earlier) {
    const [reservationId, print] = earlier.split('|');
    if (print !== fingerprint) {
      throw ec2Error(
        'IdempotentParameterMismatch',
        'The client token you have provided is associated with a request that has different parameters.',
      );
    }
    return reservationXml(state, reservationId ?? '');
  }
  const image = launchableImage(world, caller, request.imageId);
  const type = findInstanceType(request.instanceType);
  if (!type)
    throw ec2Error('InvalidParameterValue', `Invalid value '${request.instanceType}' for InstanceType.`);
  if (type.architecture !== image.architecture) {
    throw ec2Error(
      'InvalidParameterValue',
      `The architecture '${type.architecture}' of the specified instance type does not match the architecture ` +
        `'${image.architecture}' of the specified AMI. Specify an instance type and an AMI that have matching ` +
        "architectures, and try again. You can use 'describe-instance-types' or 'describe-images' to discover the " +
        'architecture of the instance type or AMI.',
    );
  }
  const subnet = chosenSubnet(state, request);
  const groups = chosenGroups(state, request, subnet);
  if (request.keyName !== undefined && !state.keyPairs.some((k) => k.keyName === request.keyName)) {
    throw ec2Error('InvalidKeyPair.NotFound', `The key pair '${request.keyName}' does not exist`);
  }
  const now = world.now();
  const launchTime = new Date(now).toISOString();
  volumesFor(world, image, request.devices, launchTime); // validates once before the quota is spent
  const count = Math.min(request.maxCount, checkQuota(world, state, request.minCount));
  const reservationId = world.newId('r');
  const instances: SandboxInstance[] = [];
  for (let index = 0; index < count; index += 1) {
    const volumes = volumesFor(world, image, request.devices, launchTime);
    const badKey = volumes.find((v) => v.kmsKeyId !== undefined && !state.kmsKeys.has(v.kmsKeyId));
    instances.push({
      instanceId: world.newId('i'),
      reservationId,
      ownerId: state.accountId,
      region: state.region,
      image: {
        imageId: image.imageId,
        architecture: image.architecture,
        platform: image.platform,
        platformDetails: image.platformDetails,
        usageOperation: image.usageOperation,
        rootDeviceName: image.rootDeviceName,
        bootMode: image.bootMode,
      },
      instanceType: type.instanceType,
      keyName: request.keyName,
      vpcId: subnet.vpcId,
      subnetId: subnet.subnetId,
      availabilityZone: subnet.availabilityZone,
      privateIp: privateAddress(subnet),
      wantsPublicIp: request.networkInterface?.associatePublicIp ?? subnet.mapPublicIpOnLaunch,
      networkInterfaceId: world.newId('eni'),
      macAddress: `0e:${[...randomBytes(5)].map((b) => b.toString(16).padStart(2, '0')).join(':')}`,
      securityGroups: groups.map((g) => ({ groupId: g.groupId, groupName: g.groupName })),
      volumes,
      userData: request.userData,
      tags: request.instanceTags,
      volumeTags: request.volumeTags,
      launchTime,
      amiLaunchIndex: index,
      clientToken: token ?? '',
      state: 'pending',
      stateReason: { code: 'pending', message: 'pending' },
      transitionReason: '',
      // EC2 accepts a launch whose KMS key is unusable, then fails it while it boots.
      next: badKey
        ? {
            at: now + Math.ceil(world.timing.bootMs / 2),
            state: 'terminated',
            reason: {
              code: 'Client.InvalidKMSKey.InvalidState',
              message: 'Client.InvalidKMSKey.InvalidState: The KMS key provided is in an incorrect state',
            },
          }
        : { at: now + world.timing.bootMs, state: 'running' },
    });
  }
  for (const instance of instances) state.instances.set(instance.instanceId, instance);
  state.reservations.push({
    reservationId,
    ownerId: state.accountId,
    instanceIds: instances.map((i) => i.instanceId),
  });
  if (token) state.clientTokens.set(token, `${reservationId}|${fingerprint}`);
  return reservationXml(state, reservationId);
}
