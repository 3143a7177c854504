import type { Caller } from './describe-images';
import type { ComputeWorld, RegionCompute } from './compute-world';
import { ec2Error } from './ec2-api-error';
import { leaf } from './ec2-xml';
import type { QueryParams } from './query-params';
import type { SandboxImage } from './sandbox-image';
import { tagSpecifications } from './tag-params';

const AMI_NAME = /^[A-Za-z0-9()[\] ./\-'@_]{3,128}$/;
const AMI_ID = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;
const TEN_YEARS_MS = 10 * 365 * 86_400_000;

function checkName(world: ComputeWorld, caller: Caller, name: string | undefined): string {
  if (!name) throw ec2Error('MissingParameter', 'The request must contain the parameter name');
  if (!AMI_NAME.test(name)) {
    throw ec2Error(
      'InvalidAMIName.Malformed',
      "AMI names must be between 3 and 128 characters long, and may contain letters, numbers, '(', ')', '.', '-', '/' and '_'",
    );
  }
  const taken = world.catalog
    .visibleTo(caller.region, caller.accountId)
    .find(
      (i) => i.ownerId === caller.accountId && i.name === name && !world.catalog.isDeregistered(i.imageId),
    );
  if (taken)
    throw ec2Error('InvalidAMIName.Duplicate', `AMI name ${name} is already in use by AMI ${taken.imageId}`);
  return name;
}

/** One of the caller's own AMIs in its region, by id; someone else's is "not authorized". */
function ownImage(world: ComputeWorld, caller: Caller, imageId: string | undefined): SandboxImage {
  if (!imageId) throw ec2Error('MissingParameter', 'The request must contain the parameter imageId');
  if (!AMI_ID.test(imageId))
    throw ec2Error('InvalidAMIID.Malformed', `Invalid id: "${imageId}" (expecting "ami-...")`);
  const image = world.catalog.findVisible(caller.region, caller.accountId, imageId);
  if (!image) throw ec2Error('InvalidAMIID.NotFound', `The image id '[${imageId}]' does not exist`);
  if (image.ownerId !== caller.accountId)
    throw ec2Error('AuthFailure', `Not authorized for image:${imageId}`);
  return image;
}

/** CreateImage: a new own AMI from a running or stopped instance, pending until the snapshots finish. */
export function createImage(
  params: QueryParams,
  world: ComputeWorld,
  state: RegionCompute,
  caller: Caller,
): string {
  const instanceId = params.get('InstanceId') ?? '';
  const instance = state.instances.get(instanceId);
  if (!instance)
    throw ec2Error('InvalidInstanceID.NotFound', `The instance ID '${instanceId}' does not exist`);
  if (instance.state !== 'running' && instance.state !== 'stopped') {
    throw ec2Error(
      'IncorrectInstanceState',
      `The instance '${instanceId}' is not in a state from which it can be imaged.`,
    );
  }
  const name = checkName(world, caller, params.get('Name'));
  const tags = tagSpecifications(params, ['image', 'snapshot']).get('image') ?? [];
  const imageId = world.newId('ami');
  const image: SandboxImage = {
    imageId,
    imageLocation: `${caller.accountId}/${name}`,
    state: 'pending',
    ownerId: caller.accountId,
    creationDate: new Date(world.now()).toISOString(),
    public: false,
    architecture: instance.image.architecture,
    platform: instance.image.platform,
    platformDetails: instance.image.platformDetails,
    usageOperation: instance.image.usageOperation,
    name,
    description: params.get('Description'),
    rootDeviceName: instance.image.rootDeviceName,
    blockDevices: instance.volumes.map((volume) => ({
      deviceName: volume.deviceName,
      ebs: {
        snapshotId: world.newId('snap'),
        volumeSize: volume.sizeGb,
        deleteOnTermination: volume.deleteOnTermination,
        volumeType: volume.volumeType,
        encrypted: volume.encrypted,
        kmsKeyId: volume.kmsKeyId,
      },
    })),
    enaSupport: true,
    bootMode: instance.image.bootMode,
    productCodes: [],
    tags,
    sourceInstanceId: instance.instanceId,
  };
  world.catalog.putOwnImage(caller.region, caller.accountId, image);
  world.scheduleImage(caller.region, caller.accountId, imageId, world.timing.captureMs);
  return leaf('imageId', imageId);
}

/**
 * CopyImage, sent to the destination region: the source is read from `SourceRegion`, the copy
 * is the caller's own, pending until it is available. A repeated ClientToken returns the same copy.
 */
export function copyImage(
  params: QueryParams,
  world: ComputeWorld,
  state: RegionCompute,
  caller: Caller,
): string {
  const sourceRegion = params.get('SourceRegion') ?? '';
  const sourceId = params.get('SourceImageId') ?? '';
  const token = params.get('ClientToken');
  const earlier = token ? state.clientTokens.get(`copy:${token}`) : undefined;
  if (earlier) return leaf('imageId', earlier);
  if (!world.catalog.hasRegion(sourceRegion)) {
    throw ec2Error(
      'InvalidParameterValue',
      `Invalid value '${sourceRegion}' for SourceRegion. Unknown region.`,
    );
  }
  if (!AMI_ID.test(sourceId))
    throw ec2Error('InvalidAMIID.Malformed', `Invalid id: "${sourceId}" (expecting "ami-...")`);
  const source = world.catalog.findVisible(sourceRegion, caller.accountId, sourceId);
  if (!source) throw ec2Error('InvalidAMIID.NotFound', `The image id '[${sourceId}]' does not exist`);
  if (source.state !== 'available') {
    throw ec2Error(
      'IncorrectState',
      `The image '${sourceId}' is not in a state from which it can be copied (${source.state}).`,
    );
  }
  const name = checkName(world, caller, params.get('Name'));
  const imageId = world.newId('ami');
  const copy: SandboxImage = {
    ...source,
    imageId,
    imageLocation: `${caller.accountId}/${name}`,
    state: 'pending',
    stateReason: undefined,
    ownerId: caller.accountId,
    ownerAlias: undefined,
    creationDate: new Date(world.now()).toISOString(),
    deprecationTime: undefined,
    public: false,
    name,
    description:
      params.get('Description') ??
      `[Copied ${sourceId} from ${sourceRegion}] ${source.description ?? source.name}`,
    blockDevices: source.blockDevices.map((device) =>
      device.ebs ? { ...device, ebs: { ...device.ebs, snapshotId: world.newId('snap') } } : device,
    ),
    tags: [],
    sourceInstanceId: undefined,
    sourceImageId: sourceId,
    sourceImageRegion: sourceRegion,
  };
  world.catalog.putOwnImage(caller.region, caller.accountId, copy);
  world.scheduleImage(caller.region, caller.accountId, imageId, world.timing.copyMs);
  if (token) state.clientTokens.set(`copy:${token}`, imageId);
  return leaf('imageId', imageId);
}

/** EnableImageDeprecation: a future time, rounded to the minute, at most ten years ahead. */
export function enableImageDeprecation(params: QueryParams, world: ComputeWorld, caller: Caller): string {
  const image = ownImage(world, caller, params.get('ImageId'));
  const raw = params.get('DeprecateAt');
  const at = raw === undefined ? Number.NaN : Date.parse(raw);
  if (Number.isNaN(at))
    throw ec2Error('InvalidParameterValue', `Invalid value '${raw ?? ''}' for DeprecateAt.`);
  const rounded = Math.round(at / 60_000) * 60_000;
  const now = world.now();
  if (rounded <= now || rounded > now + TEN_YEARS_MS) {
    throw ec2Error(
      'InvalidParameterValue',
      'The deprecation time must be in the future and no more than 10 years from now.',
    );
  }
  world.catalog.putOwnImage(caller.region, caller.accountId, {
    ...image,
    deprecationTime: new Date(rounded).toISOString(),
  });
  return leaf('return', true);
}

export function disableImageDeprecation(params: QueryParams, world: ComputeWorld, caller: Caller): string {
  const image = ownImage(world, caller, params.get('ImageId'));
  world.catalog.putOwnImage(caller.region, caller.accountId, { ...image, deprecationTime: undefined });
  return leaf('return', true);
}

/** DeregisterImage: the AMI disappears from answers; its snapshots stay (no snapshot model here). */
export function deregisterImage(params: QueryParams, world: ComputeWorld, caller: Caller): string {
  const image = ownImage(world, caller, params.get('ImageId'));
  world.catalog.deregister(image.imageId, [caller.accountId]);
  return leaf('return', true);
}
