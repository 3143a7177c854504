import type { SandboxRule, SandboxSecurityGroup } from './compute-model';
import type { ComputeWorld, RegionCompute } from './compute-world';
import { ec2Error } from './ec2-api-error';
import { itemSet, leaf } from './ec2-xml';
import { listParam, type QueryParams } from './query-params';
import { matchFilters, pageOf, tagSetXml, type FieldReaders } from './resource-query';
import { idListParam, tagSpecifications } from './tag-params';
import { parseIngress, ruleLabel, sameRule } from './security-group-rules';

const FIELDS: FieldReaders<SandboxSecurityGroup> = {
  'group-id': (g) => [g.groupId],
  'group-name': (g) => [g.groupName],
  description: (g) => [g.description],
  'vpc-id': (g) => [g.vpcId],
  'owner-id': (g) => [g.ownerId],
  'ip-permission.protocol': (g) => g.ingress.map((r) => r.protocol),
  'ip-permission.cidr': (g) => g.ingress.map((r) => r.cidr),
  'ip-permission.from-port': (g) => g.ingress.map((r) => r.fromPort?.toString()),
  'ip-permission.to-port': (g) => g.ingress.map((r) => r.toPort?.toString()),
};

/** One `ipPermissions/item`: rules with the same protocol and ports are printed together. */
function permissionsXml(name: string, rules: readonly SandboxRule[], ownerId: string): string {
  const grouped = new Map<string, SandboxRule[]>();
  for (const rule of rules) {
    const key = `${rule.protocol}/${rule.fromPort ?? ''}/${rule.toPort ?? ''}`;
    grouped.set(key, [...(grouped.get(key) ?? []), rule]);
  }
  return itemSet(
    name,
    [...grouped.values()].map((same) => {
      const first = same[0] as SandboxRule;
      const ranges = same.filter((r) => r.cidr !== undefined);
      const groups = same.filter((r) => r.groupId !== undefined);
      return [
        leaf('ipProtocol', first.protocol),
        leaf('fromPort', first.fromPort),
        leaf('toPort', first.toPort),
        itemSet(
          'groups',
          groups.map((r) => `${leaf('userId', ownerId)}${leaf('groupId', r.groupId)}`),
        ),
        itemSet(
          'ipRanges',
          ranges.map((r) => `${leaf('cidrIp', r.cidr)}${leaf('description', r.description)}`),
        ),
        '<ipv6Ranges/>',
        '<prefixListIds/>',
      ].join('');
    }),
  );
}

function groupXml(group: SandboxSecurityGroup, region: string): string {
  return [
    leaf('ownerId', group.ownerId),
    leaf('groupId', group.groupId),
    leaf('groupName', group.groupName),
    leaf('groupDescription', group.description),
    leaf('vpcId', group.vpcId),
    leaf('securityGroupArn', groupArn(group, region)),
    permissionsXml('ipPermissions', group.ingress, group.ownerId),
    permissionsXml('ipPermissionsEgress', group.egress, group.ownerId),
    tagSetXml(group.tags),
  ].join('');
}

const groupArn = (group: SandboxSecurityGroup, region: string): string =>
  `arn:aws:ec2:${region}:${group.ownerId}:security-group/${group.groupId}`;

/** A group by id, or InvalidGroup.NotFound in EC2's words. */
export function requireGroup(state: RegionCompute, groupId: string): SandboxSecurityGroup {
  const group = state.groups.find((g) => g.groupId === groupId);
  if (!group) throw ec2Error('InvalidGroup.NotFound', `The security group '${groupId}' does not exist`);
  return group;
}

/** `GroupName` alone addresses a group in the default VPC, as EC2 still allows. */
function groupByName(state: RegionCompute, name: string): SandboxSecurityGroup {
  const vpc = state.defaultVpc();
  const group = state.groups.find((g) => g.groupName === name && g.vpcId === vpc?.vpcId);
  if (!group) {
    throw ec2Error(
      'InvalidGroup.NotFound',
      `The security group '${name}' does not exist in default VPC '${vpc?.vpcId ?? 'none'}'`,
    );
  }
  return group;
}

export function describeSecurityGroups(params: QueryParams, state: RegionCompute): string {
  const ids = idListParam(params, 'GroupId', 'sg', 'InvalidGroupId.Malformed');
  const byId = ids.map((id) => requireGroup(state, id));
  const byName = listParam(params, 'GroupName').map((name) => groupByName(state, name));
  const named = new Set([...byId, ...byName].map((g) => g.groupId));
  const matches = matchFilters(params, FIELDS, (group) => group.tags);
  const selected = state.groups.filter((g) => (named.size === 0 || named.has(g.groupId)) && matches(g));
  const { page, nextToken } = pageOf(
    selected,
    params,
    ['groups', state.accountId, state.region],
    { min: 5, max: 1000, idsMember: 'groupIdSet' },
    named.size > 0,
  );
  return (
    itemSet(
      'securityGroupInfo',
      page.map((g) => groupXml(g, state.region)),
    ) + leaf('nextToken', nextToken)
  );
}

export function createSecurityGroup(params: QueryParams, world: ComputeWorld, state: RegionCompute): string {
  const name = params.get('GroupName');
  const description = params.get('GroupDescription');
  if (!name) throw ec2Error('MissingParameter', 'The request must contain the parameter groupName');
  if (!description) {
    throw ec2Error('MissingParameter', 'The request must contain the parameter groupDescription');
  }
  if (name === 'default') {
    throw ec2Error(
      'InvalidParameterValue',
      "Invalid value 'default' for groupName. Reason: Cannot use reserved security group name: default",
    );
  }
  if (name.startsWith('sg-')) {
    throw ec2Error('InvalidParameterValue', 'Group names may not be in the format sg-*.');
  }
  if (name.length > 255 || description.length > 255) {
    throw ec2Error('InvalidParameterValue', 'Group name and description are limited to 255 characters.');
  }
  const vpcId = params.get('VpcId') ?? state.defaultVpc()?.vpcId;
  if (!vpcId) throw ec2Error('VPCIdNotSpecified', 'No default VPC for this user.');
  if (!state.vpcs.some((vpc) => vpc.vpcId === vpcId)) {
    throw ec2Error('InvalidVpcID.NotFound', `The vpc ID '${vpcId}' does not exist`);
  }
  if (state.groups.some((g) => g.groupName === name && g.vpcId === vpcId)) {
    throw ec2Error(
      'InvalidGroup.Duplicate',
      `The security group '${name}' already exists for VPC '${vpcId}'`,
    );
  }
  const tags = tagSpecifications(params, ['security-group']).get('security-group') ?? [];
  const group: SandboxSecurityGroup = {
    groupId: world.newId('sg'),
    groupName: name,
    description,
    vpcId,
    ownerId: state.accountId,
    ingress: [],
    // A new group lets everything out, as EC2's do.
    egress: [{ ruleId: world.newId('sgr'), protocol: '-1', cidr: '0.0.0.0/0' }],
    tags,
  };
  state.groups.push(group);
  return (
    leaf('return', true) +
    leaf('groupId', group.groupId) +
    (tags.length > 0 ? tagSetXml(tags) : '') +
    leaf('securityGroupArn', groupArn(group, state.region))
  );
}

export function authorizeSecurityGroupIngress(
  params: QueryParams,
  world: ComputeWorld,
  state: RegionCompute,
): string {
  const groupId = params.get('GroupId');
  const groupName = params.get('GroupName');
  const group = groupId
    ? requireGroup(state, groupId)
    : groupName
      ? groupByName(state, groupName)
      : (() => {
          throw ec2Error('MissingParameter', 'The request must contain the parameter groupId');
        })();
  const rules = parseIngress(params, () => world.newId('sgr'));
  if (rules.length === 0) {
    throw ec2Error('MissingParameter', 'The request must contain the parameter ipPermissions');
  }
  for (const rule of rules) {
    if (group.ingress.some((existing) => sameRule(existing, rule))) {
      throw ec2Error('InvalidPermission.Duplicate', `the specified rule "${ruleLabel(rule)}" already exists`);
    }
  }
  group.ingress.push(...rules);
  return (
    leaf('return', true) +
    itemSet(
      'securityGroupRuleSet',
      rules.map((rule) =>
        [
          leaf('securityGroupRuleId', rule.ruleId),
          leaf('groupId', group.groupId),
          leaf('groupOwnerId', group.ownerId),
          leaf('isEgress', false),
          leaf('ipProtocol', rule.protocol),
          leaf('fromPort', rule.fromPort ?? -1),
          leaf('toPort', rule.toPort ?? -1),
          leaf('cidrIpv4', rule.cidr),
          leaf('description', rule.description),
          leaf(
            'securityGroupRuleArn',
            `arn:aws:ec2:${state.region}:${group.ownerId}:security-group-rule/${rule.ruleId}`,
          ),
        ].join(''),
      ),
    )
  );
}

/** DeleteSecurityGroup: refused for the default group and while an instance still uses it. */
export function deleteSecurityGroup(params: QueryParams, state: RegionCompute): string {
  const groupId = params.get('GroupId');
  const group = groupId ? requireGroup(state, groupId) : groupByName(state, params.get('GroupName') ?? '');
  if (group.groupName === 'default') {
    throw ec2Error(
      'CannotDelete',
      `the specified group: "${group.groupId}" name: "default" cannot be deleted by a user`,
    );
  }
  if (state.liveInstances().some((i) => i.securityGroups.some((g) => g.groupId === group.groupId))) {
    throw ec2Error('DependencyViolation', `resource ${group.groupId} has a dependent object`);
  }
  state.groups.splice(state.groups.indexOf(group), 1);
  return leaf('return', true) + leaf('groupId', group.groupId);
}
