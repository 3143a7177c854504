import type { BlockDeviceMapping, RunInstancesCommandInput, Tag } from '@aws-sdk/client-ec2';
import type { LaunchSpec, VolumeSpec } from '../../compute-driver';

/** Device names AWS recommends for EBS data volumes on HVM instances: /dev/sdf … /dev/sdp. */
export const DATA_DEVICE_NAMES: readonly string[] = 'fghijklmnop'.split('').map((c) => `/dev/sd${c}`);

/** io1/io2 need provisioned IOPS: 3000, within the 50-per-GiB ratio io1 allows, at least 100. */
function iopsFor(volume: VolumeSpec): number | undefined {
  if (volume.type !== 'io1' && volume.type !== 'io2') return undefined;
  return Math.max(100, Math.min(3_000, volume.sizeGb * 50));
}

/** Data volumes, in order, on /dev/sdf, /dev/sdg …; each goes with the server when it is terminated. */
export function dataVolumeMappings(volumes: readonly VolumeSpec[]): BlockDeviceMapping[] {
  return volumes.map((volume, index) => ({
    DeviceName: DATA_DEVICE_NAMES[index],
    Ebs: {
      VolumeSize: volume.sizeGb,
      VolumeType: (volume.type ?? 'gp3') as NonNullable<BlockDeviceMapping['Ebs']>['VolumeType'],
      Iops: iopsFor(volume),
      Encrypted: volume.encrypted,
      // A KMS key only means something on an encrypted volume; EC2 refuses it otherwise.
      KmsKeyId: volume.encrypted && volume.kmsKeyId ? volume.kmsKeyId : undefined,
      DeleteOnTermination: true,
    },
  }));
}

/** The spec's tags with `Name` set to the server name (the name wins over a tag of the same key). */
export function launchTags(spec: Pick<LaunchSpec, 'name' | 'tags'>): Tag[] {
  const tags: Record<string, string> = { ...spec.tags, Name: spec.name };
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/**
 * RunInstances for a launch spec. The subnet, security groups and public-address choice go on
 * the primary network interface: EC2 refuses them at instance level alongside an interface, and
 * only the interface can say "no public address" on a subnet that hands them out by default.
 * Instance and volume tags both carry the name, so the volumes are recognisable in the console.
 */
export function runInstancesInput(spec: LaunchSpec, clientToken: string): RunInstancesCommandInput {
  if (spec.volumes.length > DATA_DEVICE_NAMES.length) {
    throw new RangeError(`At most ${DATA_DEVICE_NAMES.length} data volumes can be attached at launch.`);
  }
  const tags = launchTags(spec);
  return {
    ImageId: spec.imageId,
    InstanceType: spec.flavorId as RunInstancesCommandInput['InstanceType'],
    MinCount: spec.count,
    MaxCount: spec.count,
    KeyName: spec.keyName ?? undefined,
    NetworkInterfaces: [
      {
        DeviceIndex: 0,
        SubnetId: spec.subnetId ?? undefined,
        Groups: spec.securityGroupIds.length > 0 ? [...spec.securityGroupIds] : undefined,
        AssociatePublicIpAddress: spec.publicIp,
        DeleteOnTermination: true,
      },
    ],
    BlockDeviceMappings: spec.volumes.length > 0 ? dataVolumeMappings(spec.volumes) : undefined,
    // RunInstances takes user data base64-encoded; the SDK passes it through as given.
    UserData: spec.userData ? Buffer.from(spec.userData, 'utf8').toString('base64') : undefined,
    TagSpecifications: [
      { ResourceType: 'instance', Tags: tags },
      { ResourceType: 'volume', Tags: tags },
    ],
    ClientToken: clientToken,
  };
}
