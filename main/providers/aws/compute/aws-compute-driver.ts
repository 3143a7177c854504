import { randomUUID } from 'node:crypto';
import {
  DescribeInstancesCommand,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import type { ComputeCapabilities, ComputeDriver, LaunchSpec } from '../../compute-driver';
import { CloudError } from '../../driver';
import type { AwsConnection } from '../ec2-client-factory';
import { accessSetup } from './access-setup';
import { createComputeCall, type ComputeCallOptions } from './compute-call';
import * as listing from './compute-listing';
import { mapServer } from './compute-mappers';
import { imageLifecycle } from './image-lifecycle';
import { runInstancesInput } from './launch-input';

export interface AwsComputeOptions extends ComputeCallOptions {
  /** Idempotency tokens for RunInstances and CopyImage, so a retried call never launches twice. */
  newClientToken?: () => string;
}

/** AWS does every launch and lifecycle step Hangar offers. */
export const AWS_COMPUTE_CAPABILITIES: ComputeCapabilities = {
  keyPairs: 'create-or-import',
  securityGroups: true,
  publicIp: true,
  volumes: true,
  capture: { supported: true, reason: null },
  copy: { supported: true, reason: null },
  deprecate: { supported: true, reason: null },
  delete: { supported: true, reason: null },
};

const isInstanceNotFound = (error: unknown): boolean =>
  error instanceof Error && /^InvalidInstanceID\.(NotFound|Malformed)$/.test(error.name);

function launchInput(spec: LaunchSpec, token: string) {
  if (!spec.keyName && spec.publicKey) {
    throw new CloudError({
      code: 'invalid-request',
      message:
        'EC2 takes a key pair, not a bare public key: import the public key as a key pair first, then launch with it.',
    });
  }
  try {
    return runInstancesInput(spec, token);
  } catch (error) {
    throw new CloudError({ code: 'invalid-request', message: (error as Error).message });
  }
}

/** Launch and image lifecycle on EC2 for one account (see compute-call.ts for how calls are made). */
export function createAwsComputeDriver(
  connection: AwsConnection,
  options: AwsComputeOptions = {},
): ComputeDriver {
  const call = createComputeCall(connection, options);
  const newToken = options.newClientToken ?? randomUUID;

  return {
    compute: AWS_COMPUTE_CAPABILITIES,
    ...accessSetup(call),
    ...imageLifecycle(call, newToken),

    listFlavors: (location, signal) =>
      call(
        location,
        { activity: 'list instance types', permission: 'ec2:DescribeInstanceTypes' },
        (c) => listing.listFlavors(c, signal),
        signal,
      ),

    listNetworks: (location, signal) =>
      call(
        location,
        { activity: 'list VPCs and subnets', permission: 'ec2:DescribeVpcs and ec2:DescribeSubnets' },
        (c) => listing.listNetworks(c, signal),
        signal,
      ),

    listSecurityGroups: (location, networkId) =>
      call(location, { activity: 'list security groups', permission: 'ec2:DescribeSecurityGroups' }, (c) =>
        listing.listSecurityGroups(c, networkId),
      ),

    listKeyPairs: (location) =>
      call(location, { activity: 'list key pairs', permission: 'ec2:DescribeKeyPairs' }, (c) =>
        listing.listKeyPairs(c),
      ),

    launch: (spec, signal) =>
      call(
        spec.location,
        {
          activity: `launch ${spec.count} × ${spec.flavorId} from ${spec.imageId}`,
          permission: 'ec2:RunInstances',
        },
        async (c) => {
          const output = await c.send(new RunInstancesCommand(launchInput(spec, newToken())), {
            abortSignal: signal,
          });
          return { serverIds: (output.Instances ?? []).flatMap((i) => (i.InstanceId ? [i.InstanceId] : [])) };
        },
        signal,
      ),

    getServer: (location, serverId) =>
      call(
        location,
        { activity: `look up server ${serverId}`, permission: 'ec2:DescribeInstances' },
        async (c) => {
          try {
            const output = await c.send(new DescribeInstancesCommand({ InstanceIds: [serverId] }));
            const instance = output.Reservations?.flatMap((r) => r.Instances ?? []).find(
              (i) => i.InstanceId === serverId,
            );
            return instance ? mapServer(instance) : null;
          } catch (error) {
            // EC2 forgets a terminated instance about an hour later: then it is simply gone.
            if (isInstanceNotFound(error)) return null;
            throw error;
          }
        },
      ),

    terminate: (location, serverId) =>
      call(
        location,
        { activity: `terminate server ${serverId}`, permission: 'ec2:TerminateInstances' },
        async (c) => {
          try {
            await c.send(new TerminateInstancesCommand({ InstanceIds: [serverId] }));
          } catch (error) {
            // Already gone is what terminating asks for.
            if (!isInstanceNotFound(error)) throw error;
          }
        },
      ),

    serversUsingImage: (location, imageId) =>
      call(
        location,
        { activity: `find servers launched from ${imageId}`, permission: 'ec2:DescribeInstances' },
        (c) => listing.serversUsingImage(c, imageId),
      ),
  };
}
