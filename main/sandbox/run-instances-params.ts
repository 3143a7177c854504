import type { SandboxTag } from './compute-model';
import { ec2Error } from './ec2-api-error';
import { booleanParam, integerParam, listParam, type QueryParams } from './query-params';
import { tagSpecifications } from './tag-params';

export interface RequestedEbs {
  volumeSize?: number;
  volumeType?: string;
  iops?: number;
  encrypted?: boolean;
  kmsKeyId?: string;
  deleteOnTermination?: boolean;
}

export interface RequestedDevice {
  deviceName: string;
  ebs?: RequestedEbs;
}

export interface RequestedInterface {
  subnetId?: string;
  groupIds: string[];
  associatePublicIp?: boolean;
}

/** A RunInstances request, read off the wire and checked for shape (not yet against the account). */
export interface RunRequest {
  imageId: string;
  instanceType: string;
  minCount: number;
  maxCount: number;
  keyName?: string;
  subnetId?: string;
  groupIds: string[];
  networkInterface?: RequestedInterface;
  devices: RequestedDevice[];
  userData?: string;
  clientToken?: string;
  instanceTags: SandboxTag[];
  volumeTags: SandboxTag[];
}

const VOLUME_TYPES = new Set(['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard']);
const USER_DATA_LIMIT = 16_384;

function required(params: QueryParams, key: string): string {
  const value = params.get(key);
  if (value === undefined || value === '') {
    throw ec2Error('MissingParameter', `The request must contain the parameter ${key}`);
  }
  return value;
}

function readDevices(params: QueryParams): RequestedDevice[] {
  const devices: RequestedDevice[] = [];
  for (let n = 1; params.has(`BlockDeviceMapping.${n}.DeviceName`); n += 1) {
    const at = `BlockDeviceMapping.${n}.Ebs`;
    const hasEbs = [...params.keys()].some((key) => key.startsWith(`${at}.`));
    const ebs: RequestedEbs | undefined = hasEbs
      ? {
          volumeSize: integerParam(params, `${at}.VolumeSize`),
          volumeType: params.get(`${at}.VolumeType`),
          iops: integerParam(params, `${at}.Iops`),
          encrypted: booleanParam(params, `${at}.Encrypted`),
          kmsKeyId: params.get(`${at}.KmsKeyId`),
          deleteOnTermination: booleanParam(params, `${at}.DeleteOnTermination`),
        }
      : undefined;
    if (ebs?.volumeType !== undefined && !VOLUME_TYPES.has(ebs.volumeType)) {
      throw ec2Error(
        'InvalidParameterValue',
        `Value (${ebs.volumeType}) for parameter volumeType is invalid. Allowed values are [${[...VOLUME_TYPES].join(', ')}]`,
      );
    }
    if (ebs?.kmsKeyId !== undefined && ebs.encrypted !== true) {
      throw ec2Error(
        'InvalidParameterDependency',
        'The parameter KmsKeyId requires the parameter Encrypted to be set.',
      );
    }
    if ((ebs?.volumeType === 'io1' || ebs?.volumeType === 'io2') && ebs.iops === undefined) {
      throw ec2Error(
        'InvalidParameterCombination',
        `The parameter iops must be specified for ${ebs.volumeType} volumes.`,
      );
    }
    devices.push({ deviceName: params.get(`BlockDeviceMapping.${n}.DeviceName`) ?? '', ebs });
  }
  const names = devices.map((d) => d.deviceName);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) {
    throw ec2Error(
      'InvalidBlockDeviceMapping',
      `The device '${repeated}' is used in more than one block-device mapping`,
    );
  }
  return devices;
}

function readInterface(
  params: QueryParams,
  subnetId?: string,
  groupIds: string[] = [],
): RequestedInterface | undefined {
  if (![...params.keys()].some((key) => key.startsWith('NetworkInterface.'))) return undefined;
  if (subnetId) {
    throw ec2Error(
      'InvalidParameterCombination',
      'Network interfaces and an instance-level subnet ID may not be specified on the same request',
    );
  }
  if (groupIds.length > 0) {
    throw ec2Error(
      'InvalidParameterCombination',
      'Network interfaces and an instance-level security groups may not be specified on the same request',
    );
  }
  if (params.has('NetworkInterface.2.DeviceIndex')) {
    throw ec2Error(
      'InvalidParameterValue',
      'The sandbox launches with one network interface (DeviceIndex 0) only',
    );
  }
  if ((integerParam(params, 'NetworkInterface.1.DeviceIndex') ?? 0) !== 0) {
    throw ec2Error(
      'InvalidParameterValue',
      'Each network interface requires a device index; the first must be 0.',
    );
  }
  return {
    subnetId: params.get('NetworkInterface.1.SubnetId'),
    groupIds: listParam(params, 'NetworkInterface.1.SecurityGroupId'),
    associatePublicIp: booleanParam(params, 'NetworkInterface.1.AssociatePublicIpAddress'),
  };
}

function readUserData(params: QueryParams): string | undefined {
  const encoded = params.get('UserData');
  if (encoded === undefined) return undefined;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 !== 0) {
    throw ec2Error('InvalidParameterValue', 'Invalid BASE64 encoding of user data.');
  }
  const decoded = Buffer.from(encoded, 'base64');
  if (decoded.length > USER_DATA_LIMIT) {
    throw ec2Error('InvalidParameterValue', `User data is limited to ${USER_DATA_LIMIT} bytes`);
  }
  return decoded.toString('utf8');
}

export function readRunRequest(params: QueryParams): RunRequest {
  const minCount = Number(required(params, 'MinCount'));
  const maxCount = Number(required(params, 'MaxCount'));
  if (!Number.isInteger(minCount) || !Number.isInteger(maxCount) || minCount < 1 || maxCount < minCount) {
    throw ec2Error(
      'InvalidParameterValue',
      `Invalid value '${minCount}/${maxCount}' for minCount/maxCount. MinCount must be at least 1 and at most MaxCount.`,
    );
  }
  const subnetId = params.get('SubnetId');
  const groupIds = listParam(params, 'SecurityGroupId');
  const tags = tagSpecifications(params, ['instance', 'volume', 'network-interface']);
  return {
    imageId: required(params, 'ImageId'),
    // EC2's own default is m1.small, a type the sandbox does not offer; it refuses it like any unknown type.
    instanceType: params.get('InstanceType') ?? 'm1.small',
    minCount,
    maxCount,
    keyName: params.get('KeyName'),
    subnetId,
    groupIds,
    networkInterface: readInterface(params, subnetId, groupIds),
    devices: readDevices(params),
    userData: readUserData(params),
    clientToken: params.get('ClientToken'),
    instanceTags: tags.get('instance') ?? [],
    volumeTags: tags.get('volume') ?? [],
  };
}
