import {
  CopyImageCommand,
  CreateImageCommand,
  DeregisterImageCommand,
  DisableImageDeprecationCommand,
  EnableImageDeprecationCommand,
} from '@aws-sdk/client-ec2';
import type { ComputeDriver } from '../../compute-driver';
import type { ComputeCall } from './compute-call';

type Lifecycle = Required<
  Pick<ComputeDriver, 'captureImage' | 'copyImage' | 'deprecateImage' | 'deleteImage'>
>;

/**
 * Capture, copy, deprecate and deregister. Each returns once EC2 has accepted the request; new
 * AMIs start pending and the caller follows them with the catalog driver's getImage.
 */
export function imageLifecycle(call: ComputeCall, newToken: () => string): Lifecycle {
  return {
    captureImage: (location, serverId, name, description) =>
      call(
        location,
        { activity: `capture an image of ${serverId}`, permission: 'ec2:CreateImage' },
        async (c) => {
          const tags = [{ Key: 'Name', Value: name }];
          // EC2 reboots the instance by default so the file systems are consistent in the image.
          const output = await c.send(
            new CreateImageCommand({
              InstanceId: serverId,
              Name: name,
              Description: description || undefined,
              TagSpecifications: [
                { ResourceType: 'image', Tags: tags },
                { ResourceType: 'snapshot', Tags: tags },
              ],
            }),
          );
          return { imageId: output.ImageId ?? '' };
        },
      ),

    // CopyImage is asked of the destination region, naming the source region.
    copyImage: (fromLocation, imageId, toLocation, name) =>
      call(
        toLocation,
        { activity: `copy ${imageId} from ${fromLocation}`, permission: 'ec2:CopyImage' },
        async (c) => {
          const output = await c.send(
            new CopyImageCommand({
              SourceRegion: fromLocation,
              SourceImageId: imageId,
              Name: name,
              ClientToken: newToken(),
            }),
          );
          return { imageId: output.ImageId ?? '' };
        },
      ),

    deprecateImage: (location, imageId, at) =>
      at
        ? call(
            location,
            { activity: `deprecate ${imageId}`, permission: 'ec2:EnableImageDeprecation' },
            async (c) => {
              await c.send(new EnableImageDeprecationCommand({ ImageId: imageId, DeprecateAt: at }));
            },
          )
        : call(
            location,
            {
              activity: `take back the deprecation of ${imageId}`,
              permission: 'ec2:DisableImageDeprecation',
            },
            async (c) => {
              await c.send(new DisableImageDeprecationCommand({ ImageId: imageId }));
            },
          ),

    // Deregistering leaves the AMI's EBS snapshots behind (they keep costing until deleted separately).
    deleteImage: (location, imageId) =>
      call(location, { activity: `deregister ${imageId}`, permission: 'ec2:DeregisterImage' }, async (c) => {
        await c.send(new DeregisterImageCommand({ ImageId: imageId }));
      }),
  };
}
