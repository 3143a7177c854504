import type { RegionCompute } from './compute-world';
import type { ActionContext, ActionSpec } from './ec2-actions';
import {
  copyImage,
  createImage,
  deregisterImage,
  disableImageDeprecation,
  enableImageDeprecation,
} from './image-lifecycle-actions';
import { describeInstances, terminateInstances } from './instance-actions';
import { describeInstanceTypes } from './instance-types';
import { createKeyPair, describeKeyPairs, importKeyPair } from './key-pair-actions';
import { describeSubnets, describeVpcs } from './network-actions';
import { runInstances } from './run-instances';
import {
  authorizeSecurityGroupIngress,
  createSecurityGroup,
  deleteSecurityGroup,
  describeSecurityGroups,
} from './security-group-actions';

const here = (ctx: ActionContext): RegionCompute => ctx.compute.of(ctx.caller.accountId, ctx.caller.region);

/** A compute action: its IAM name, allowed to keys with the compute permission. */
const compute = (name: string, run: (ctx: ActionContext) => string): [string, ActionSpec] => [
  name,
  { permission: `ec2:${name}`, allowed: (credential) => credential.allowCompute, run },
];

/** The launch and image-lifecycle actions, added to the EC2 sandbox's action table. */
export const COMPUTE_ACTIONS: Record<string, ActionSpec> = Object.fromEntries([
  compute('DescribeInstanceTypes', (ctx) => describeInstanceTypes(ctx.params)),
  compute('DescribeVpcs', (ctx) => describeVpcs(ctx.params, here(ctx))),
  compute('DescribeSubnets', (ctx) => describeSubnets(ctx.params, here(ctx))),
  compute('DescribeSecurityGroups', (ctx) => describeSecurityGroups(ctx.params, here(ctx))),
  compute('CreateSecurityGroup', (ctx) => createSecurityGroup(ctx.params, ctx.compute, here(ctx))),
  compute('AuthorizeSecurityGroupIngress', (ctx) =>
    authorizeSecurityGroupIngress(ctx.params, ctx.compute, here(ctx)),
  ),
  compute('DeleteSecurityGroup', (ctx) => deleteSecurityGroup(ctx.params, here(ctx))),
  compute('DescribeKeyPairs', (ctx) => describeKeyPairs(ctx.params, here(ctx))),
  compute('CreateKeyPair', (ctx) => createKeyPair(ctx.params, ctx.compute, here(ctx))),
  compute('ImportKeyPair', (ctx) => importKeyPair(ctx.params, ctx.compute, here(ctx))),
  compute('RunInstances', (ctx) => runInstances(ctx.params, ctx.compute, here(ctx), ctx.caller)),
  compute('DescribeInstances', (ctx) => describeInstances(ctx.params, here(ctx))),
  compute('TerminateInstances', (ctx) => terminateInstances(ctx.params, ctx.compute, here(ctx))),
  compute('CreateImage', (ctx) => createImage(ctx.params, ctx.compute, here(ctx), ctx.caller)),
  compute('CopyImage', (ctx) => copyImage(ctx.params, ctx.compute, here(ctx), ctx.caller)),
  compute('EnableImageDeprecation', (ctx) => enableImageDeprecation(ctx.params, ctx.compute, ctx.caller)),
  compute('DisableImageDeprecation', (ctx) => disableImageDeprecation(ctx.params, ctx.compute, ctx.caller)),
  compute('DeregisterImage', (ctx) => deregisterImage(ctx.params, ctx.compute, ctx.caller)),
]);
