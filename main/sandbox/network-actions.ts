import type { SandboxSubnet, SandboxVpc } from './compute-model';
import type { RegionCompute } from './compute-world';
import { ec2Error } from './ec2-api-error';
import { itemSet, leaf } from './ec2-xml';
import type { QueryParams } from './query-params';
import { matchFilters, pageOf, tagSetXml, type FieldReaders } from './resource-query';
import { idListParam } from './tag-params';

const LIMITS = { min: 5, max: 1000 };

const VPC_FIELDS: FieldReaders<SandboxVpc> = {
  'vpc-id': (v) => [v.vpcId],
  'is-default': (v) => [String(v.isDefault)],
  'cidr-block-association.cidr-block': (v) => [v.cidrBlock],
  cidr: (v) => [v.cidrBlock],
  'owner-id': (v) => [v.ownerId],
  state: () => ['available'],
  'dhcp-options-id': (v) => [v.dhcpOptionsId],
};

const SUBNET_FIELDS: FieldReaders<SandboxSubnet> = {
  'subnet-id': (s) => [s.subnetId],
  'vpc-id': (s) => [s.vpcId],
  'availability-zone': (s) => [s.availabilityZone],
  'availability-zone-id': (s) => [s.availabilityZoneId],
  'cidr-block': (s) => [s.cidrBlock],
  'default-for-az': (s) => [String(s.defaultForAz)],
  'map-public-ip-on-launch': (s) => [String(s.mapPublicIpOnLaunch)],
  'owner-id': (s) => [s.ownerId],
  state: () => ['available'],
};

function vpcXml(vpc: SandboxVpc): string {
  return [
    leaf('vpcId', vpc.vpcId),
    leaf('ownerId', vpc.ownerId),
    leaf('state', 'available'),
    leaf('cidrBlock', vpc.cidrBlock),
    itemSet('cidrBlockAssociationSet', [
      `${leaf('cidrBlock', vpc.cidrBlock)}${leaf('associationId', `vpc-cidr-assoc-${vpc.vpcId.slice(4)}`)}` +
        `<cidrBlockState>${leaf('state', 'associated')}</cidrBlockState>`,
    ]),
    leaf('dhcpOptionsId', vpc.dhcpOptionsId),
    tagSetXml(vpc.tags),
    leaf('instanceTenancy', 'default'),
    leaf('isDefault', vpc.isDefault),
    `<blockPublicAccessStates>${leaf('internetGatewayBlockMode', 'off')}</blockPublicAccessStates>`,
  ].join('');
}

/** Host addresses in a /20 the subnet can still hand out, as EC2 counts them (minus 5 reserved). */
function availableAddresses(subnet: SandboxSubnet): number {
  const prefix = Number(subnet.cidrBlock.split('/')[1] ?? 20);
  return 2 ** (32 - prefix) - 5 - Math.max(0, subnet.nextHost - 4);
}

function subnetXml(subnet: SandboxSubnet, region: string): string {
  return [
    leaf('subnetId', subnet.subnetId),
    leaf('subnetArn', `arn:aws:ec2:${region}:${subnet.ownerId}:subnet/${subnet.subnetId}`),
    leaf('state', 'available'),
    leaf('ownerId', subnet.ownerId),
    leaf('vpcId', subnet.vpcId),
    leaf('cidrBlock', subnet.cidrBlock),
    '<ipv6CidrBlockAssociationSet/>',
    leaf('availableIpAddressCount', availableAddresses(subnet)),
    leaf('availabilityZone', subnet.availabilityZone),
    leaf('availabilityZoneId', subnet.availabilityZoneId),
    leaf('defaultForAz', subnet.defaultForAz),
    leaf('mapPublicIpOnLaunch', subnet.mapPublicIpOnLaunch),
    leaf('assignIpv6AddressOnCreation', false),
    tagSetXml(subnet.tags),
    leaf('ipv6Native', false),
    `<privateDnsNameOptionsOnLaunch>${leaf('hostnameType', 'ip-name')}` +
      `${leaf('enableResourceNameDnsARecord', false)}${leaf('enableResourceNameDnsAAAARecord', false)}` +
      '</privateDnsNameOptionsOnLaunch>',
  ].join('');
}

/** DescribeVpcs: `VpcId.N` (an unknown one is InvalidVpcID.NotFound), filters, pages. */
export function describeVpcs(params: QueryParams, state: RegionCompute): string {
  const ids = idListParam(params, 'VpcId', 'vpc', 'InvalidVpcID.Malformed');
  const missing = ids.filter((id) => !state.vpcs.some((vpc) => vpc.vpcId === id));
  if (missing.length > 0) {
    throw ec2Error('InvalidVpcID.NotFound', `The vpc ID '${missing.join(', ')}' does not exist`);
  }
  const matches = matchFilters(params, VPC_FIELDS, (vpc) => vpc.tags);
  const selected = state.vpcs.filter((vpc) => (ids.length === 0 || ids.includes(vpc.vpcId)) && matches(vpc));
  const { page, nextToken } = pageOf(selected, params, ['vpcs', state.accountId, state.region], LIMITS);
  return itemSet('vpcSet', page.map(vpcXml)) + leaf('nextToken', nextToken);
}

/** DescribeSubnets: `SubnetId.N` (an unknown one is InvalidSubnetID.NotFound), filters, pages. */
export function describeSubnets(params: QueryParams, state: RegionCompute): string {
  const ids = idListParam(params, 'SubnetId', 'subnet', 'InvalidSubnetID.Malformed');
  const missing = ids.filter((id) => !state.subnets.some((subnet) => subnet.subnetId === id));
  if (missing.length > 0) {
    throw ec2Error('InvalidSubnetID.NotFound', `The subnet ID '${missing.join(', ')}' does not exist`);
  }
  const matches = matchFilters(params, SUBNET_FIELDS, (subnet) => subnet.tags);
  const selected = state.subnets.filter(
    (subnet) => (ids.length === 0 || ids.includes(subnet.subnetId)) && matches(subnet),
  );
  const { page, nextToken } = pageOf(selected, params, ['subnets', state.accountId, state.region], LIMITS);
  return (
    itemSet(
      'subnetSet',
      page.map((subnet) => subnetXml(subnet, state.region)),
    ) + leaf('nextToken', nextToken)
  );
}
