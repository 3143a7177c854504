import type { Cloud, LaunchOptions } from '@contract/index';
import type { z } from 'zod';
import type { LaunchSpecRequestSchema } from '@contract/index';
import type { SecurityGroupChoice } from '../../providers/compute-driver';
import { cloudTagsFor, type TagProblem } from './launch-tags';
import { composeStartupScript, composeUserData, raidCloudConfig, raidStartupScript } from './cloud-init';

export type ParsedLaunchSpec = z.infer<typeof LaunchSpecRequestSchema>;

/** User data each cloud takes, in bytes before encoding. */
const USER_DATA_LIMIT: Record<Cloud, number> = {
  aws: 16 * 1024,
  gcp: 256 * 1024,
  azure: 64 * 1024,
  openstack: 64 * 1024,
  vmware: 64 * 1024,
};

/** The state words clouds use for an image that can launch now (Azure reports ARM's provisioningState). */
const LAUNCHABLE = new Set(['available', 'active', 'ready', 'succeeded']);

export interface LaunchCheck {
  problems: TagProblem[];
  cloudTags: Record<string, string>;
  userData: string | null;
  cloudInit: string | null;
}

/** Why a flavor cannot take an image, or null when it can. */
export function unfitReason(
  flavor: { architecture: string | null; diskGb: number | null; memoryMiB: number },
  image: LaunchOptions['image'],
): string | null {
  if (flavor.architecture && image.architecture !== 'unknown' && flavor.architecture !== image.architecture)
    return `runs ${flavor.architecture}; the image is ${image.architecture}`;
  if (image.minRamMiB && flavor.memoryMiB < image.minRamMiB)
    return `has ${flavor.memoryMiB} MiB of memory; the image needs ${image.minRamMiB} MiB`;
  if (image.minDiskGb && flavor.diskGb !== null && flavor.diskGb > 0 && flavor.diskGb < image.minDiskGb)
    return `has a ${flavor.diskGb} GB disk; the image needs ${image.minDiskGb} GB`;
  return null;
}

/**
 * Everything the cloud would refuse, found before anything is created: each problem names the
 * field of the dialog it belongs to.
 */
export function checkLaunch(
  spec: ParsedLaunchSpec,
  options: LaunchOptions,
  securityGroups: readonly SecurityGroupChoice[] | null,
): LaunchCheck {
  const problems: TagProblem[] = [];
  const { capabilities } = options;
  if (!capabilities.launch.supported)
    problems.push({
      field: 'account',
      message: capabilities.launch.reason ?? 'This cloud cannot launch servers from Hangar.',
    });
  if (!LAUNCHABLE.has(options.image.state.toLowerCase()))
    problems.push({
      field: 'imageId',
      message: `The image is ${options.image.state}; only an available image launches. Wait for it, or choose another.`,
    });
  const flavor = options.flavors.find((f) => f.id === spec.flavorId);
  if (!flavor)
    problems.push({ field: 'flavorId', message: `The cloud offers no flavor "${spec.flavorId}" here.` });
  else if (flavor.unfitReason)
    problems.push({ field: 'flavorId', message: `${flavor.name} ${flavor.unfitReason}.` });

  const network = spec.networkId ? options.networks.find((n) => n.id === spec.networkId) : null;
  if (spec.networkId && !network)
    problems.push({ field: 'networkId', message: `No network "${spec.networkId}" in this location.` });
  if (spec.subnetId && network && !network.subnets.some((s) => s.id === spec.subnetId))
    problems.push({ field: 'subnetId', message: `Subnet "${spec.subnetId}" is not in ${network.name}.` });
  if (spec.publicIp && !capabilities.publicIp)
    problems.push({ field: 'publicIp', message: 'This cloud gives no public address from Hangar.' });

  if (spec.securityGroupIds.length > 0) {
    if (!capabilities.securityGroups)
      problems.push({ field: 'securityGroupIds', message: 'This cloud has no security groups.' });
    else if (securityGroups) {
      for (const id of spec.securityGroupIds)
        if (!securityGroups.some((g) => g.id === id))
          problems.push({
            field: 'securityGroupIds',
            message: `Security group "${id}" is not in the chosen network.`,
          });
    }
  }

  if (spec.keyName && capabilities.keyPairs !== 'create-or-import')
    problems.push({
      field: 'keyName',
      message: 'This cloud takes your public key instead of a key pair name.',
    });
  if (
    spec.keyName &&
    capabilities.keyPairs === 'create-or-import' &&
    !options.keyPairs.some((k) => k.name === spec.keyName)
  )
    problems.push({
      field: 'keyName',
      message: `No key pair "${spec.keyName}" here; create or import it first.`,
    });
  if (spec.publicKey && capabilities.keyPairs === 'none')
    problems.push({ field: 'publicKey', message: 'This cloud takes no SSH key at launch.' });

  if (spec.volumes.length > 0 && !capabilities.volumes)
    problems.push({ field: 'volumes', message: 'This cloud cannot add data volumes from Hangar.' });
  spec.volumes.forEach((volume, index) => {
    if (volume.kmsKeyId && !volume.encrypted)
      problems.push({
        field: `volumes.${index}.kmsKeyId`,
        message: 'A KMS key only applies to an encrypted volume.',
      });
  });
  let cloudInit: string | null = null;
  if (spec.raid) {
    const sizes = new Set(spec.volumes.map((v) => v.sizeGb));
    if (spec.volumes.length < 2)
      problems.push({ field: 'raid', message: 'A RAID array needs at least two data volumes.' });
    else if (sizes.size !== 1)
      problems.push({
        field: 'raid',
        message: 'Make the RAID volumes the same size: the array is as small as its smallest member.',
      });
    else {
      const plan = { ...spec.raid, disks: spec.volumes.length, sizeGb: spec.volumes[0]!.sizeGb };
      cloudInit = options.cloud === 'gcp' ? raidStartupScript(plan) : raidCloudConfig(plan);
    }
  }
  let userData: string | null;
  if (options.cloud === 'gcp' && cloudInit) {
    // Compute Engine runs the RAID script as its startup script: user data must be a script too.
    const own = spec.userData?.trim() ? spec.userData : null;
    if (own && !own.startsWith('#!'))
      problems.push({
        field: 'userData',
        message:
          'On Compute Engine the RAID assembly runs as a startup script, so give your user data as a shell script (#!/bin/bash …) too, or leave RAID off.',
      });
    userData = composeStartupScript(own, cloudInit);
  } else userData = composeUserData(spec.userData, cloudInit);
  const limit = USER_DATA_LIMIT[options.cloud];
  if (userData && Buffer.byteLength(userData) > limit)
    problems.push({
      field: 'userData',
      message: `User data is ${Buffer.byteLength(userData)} bytes; this cloud takes at most ${limit}.`,
    });

  const tags = cloudTagsFor(options.cloud, spec);
  problems.push(...tags.problems);
  return { problems, cloudTags: tags.tags, userData, cloudInit };
}
