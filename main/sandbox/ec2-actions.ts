import { COMPUTE_ACTIONS } from './compute-actions';
import type { ComputeWorld } from './compute-world';
import { describeImages, type Caller } from './describe-images';
import { describeRegions } from './describe-regions';
import { ec2Error } from './ec2-api-error';
import { responseXml } from './ec2-xml';
import { booleanParam, type QueryParams } from './query-params';
import type { SandboxCatalog } from './sandbox-catalog';
import type { ResolvedCredential } from './sandbox-credentials';

export interface ActionContext {
  params: QueryParams;
  caller: Caller;
  credential: ResolvedCredential;
  catalog: SandboxCatalog;
  /** Instances, networks, key pairs and captures, per account and region. */
  compute: ComputeWorld;
  requestId: string;
}

export interface ActionSpec {
  /** The IAM action, for UnauthorizedOperation messages. */
  permission: string;
  allowed(credential: ResolvedCredential): boolean;
  run(context: ActionContext): string;
}

const ACTIONS: Record<string, ActionSpec> = {
  DescribeImages: {
    permission: 'ec2:DescribeImages',
    allowed: (credential) => credential.allowDescribeImages,
    run: (ctx) => describeImages(ctx.params, ctx.caller, ctx.catalog),
  },
  DescribeRegions: {
    permission: 'ec2:DescribeRegions',
    allowed: () => true,
    run: (ctx) => describeRegions(ctx.params, ctx.catalog.regions),
  },
  ...COMPUTE_ACTIONS,
};

/** Runs one authenticated action: permission, DryRun, then the action's own answer in its envelope. */
export function runAction(action: string | undefined, ctx: ActionContext): string {
  const spec = action === undefined ? undefined : ACTIONS[action];
  if (!action || !spec) {
    throw ec2Error('InvalidAction', `The action ${action ?? 'null'} is not valid for this web service.`);
  }
  if (!spec.allowed(ctx.credential)) {
    const arn = `arn:aws:iam::${ctx.credential.accountId}:user/${ctx.credential.userName}`;
    throw ec2Error(
      'UnauthorizedOperation',
      `You are not authorized to perform this operation. User: ${arn} is not authorized to perform: ` +
        `${spec.permission} because no identity-based policy allows the ${spec.permission} action`,
    );
  }
  if (booleanParam(ctx.params, 'DryRun')) throw ec2Error('DryRunOperation');
  // Builds, shutdowns and captures that fell due since the last request take effect first.
  ctx.compute.advance();
  return responseXml(action, ctx.requestId, spec.run(ctx));
}
