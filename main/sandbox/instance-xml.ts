import { INSTANCE_STATE_CODES, type InstanceStateName, type SandboxInstance } from './compute-model';
import { itemSet, leaf } from './ec2-xml';
import { findInstanceType } from './instance-types';
import { tagSetXml } from './resource-query';

export function stateXml(name: string, state: InstanceStateName): string {
  return `<${name}>${leaf('code', INSTANCE_STATE_CODES[state])}${leaf('name', state)}</${name}>`;
}

/** ip-172-31-5-12.ec2.internal in us-east-1, ip-….<region>.compute.internal elsewhere. */
function privateDnsName(instance: SandboxInstance): string {
  const host = `ip-${instance.privateIp.replaceAll('.', '-')}`;
  return instance.region === 'us-east-1'
    ? `${host}.ec2.internal`
    : `${host}.${instance.region}.compute.internal`;
}

function publicDnsName(instance: SandboxInstance): string {
  if (!instance.publicIp) return '';
  const host = `ec2-${instance.publicIp.replaceAll('.', '-')}`;
  return instance.region === 'us-east-1'
    ? `${host}.compute-1.amazonaws.com`
    : `${host}.${instance.region}.compute.amazonaws.com`;
}

const groupSetXml = (instance: SandboxInstance): string =>
  itemSet(
    'groupSet',
    instance.securityGroups.map((g) => `${leaf('groupId', g.groupId)}${leaf('groupName', g.groupName)}`),
  );

function networkInterfaceXml(instance: SandboxInstance): string {
  if (instance.state === 'terminated') return '<networkInterfaceSet/>';
  const association = instance.publicIp
    ? `<association>${leaf('publicIp', instance.publicIp)}${leaf('publicDnsName', publicDnsName(instance))}` +
      `${leaf('ipOwnerId', 'amazon')}</association>`
    : '';
  return itemSet('networkInterfaceSet', [
    [
      leaf('networkInterfaceId', instance.networkInterfaceId),
      leaf('subnetId', instance.subnetId),
      leaf('vpcId', instance.vpcId),
      leaf('description', ''),
      leaf('ownerId', instance.ownerId),
      leaf('status', 'in-use'),
      leaf('macAddress', instance.macAddress),
      leaf('privateIpAddress', instance.privateIp),
      leaf('privateDnsName', privateDnsName(instance)),
      leaf('sourceDestCheck', true),
      groupSetXml(instance),
      `<attachment>${leaf('attachmentId', `eni-attach-${instance.networkInterfaceId.slice(4)}`)}` +
        `${leaf('deviceIndex', 0)}${leaf('status', 'attached')}${leaf('attachTime', instance.launchTime)}` +
        `${leaf('deleteOnTermination', true)}${leaf('networkCardIndex', 0)}</attachment>`,
      association,
      leaf('interfaceType', 'interface'),
    ].join(''),
  ]);
}

function cpuOptionsXml(instanceType: string): string {
  const type = findInstanceType(instanceType);
  if (!type) return '';
  return `<cpuOptions>${leaf('coreCount', type.cores)}${leaf('threadsPerCore', type.vcpus / type.cores)}</cpuOptions>`;
}

/** One `instancesSet/item`, members as EC2 prints them for an EBS-backed HVM instance in a VPC. */
export function instanceXml(instance: SandboxInstance): string {
  const terminated = instance.state === 'terminated';
  return [
    leaf('instanceId', instance.instanceId),
    leaf('imageId', instance.image.imageId),
    stateXml('instanceState', instance.state),
    leaf('privateDnsName', terminated ? '' : privateDnsName(instance)),
    leaf('dnsName', publicDnsName(instance)),
    leaf('reason', instance.transitionReason),
    leaf('keyName', instance.keyName),
    leaf('amiLaunchIndex', instance.amiLaunchIndex),
    '<productCodes/>',
    leaf('instanceType', instance.instanceType),
    leaf('launchTime', instance.launchTime),
    `<placement>${leaf('availabilityZone', instance.availabilityZone)}${leaf('groupName', '')}` +
      `${leaf('tenancy', 'default')}</placement>`,
    leaf('platform', instance.image.platform),
    `<monitoring>${leaf('state', 'disabled')}</monitoring>`,
    terminated ? '' : leaf('subnetId', instance.subnetId),
    terminated ? '' : leaf('vpcId', instance.vpcId),
    terminated ? '' : leaf('privateIpAddress', instance.privateIp),
    leaf('ipAddress', instance.publicIp),
    leaf('sourceDestCheck', terminated ? undefined : true),
    groupSetXml(instance),
    instance.stateReason
      ? `<stateReason>${leaf('code', instance.stateReason.code)}${leaf('message', instance.stateReason.message)}</stateReason>`
      : '',
    leaf('architecture', instance.image.architecture),
    leaf('rootDeviceType', 'ebs'),
    leaf('rootDeviceName', instance.image.rootDeviceName),
    itemSet(
      'blockDeviceMapping',
      terminated
        ? []
        : instance.volumes.map(
            (v) =>
              `${leaf('deviceName', v.deviceName)}<ebs>${leaf('volumeId', v.volumeId)}` +
              `${leaf('status', instance.state === 'pending' ? 'attaching' : 'attached')}` +
              `${leaf('attachTime', v.attachTime)}${leaf('deleteOnTermination', v.deleteOnTermination)}</ebs>`,
          ),
    ),
    leaf('virtualizationType', 'hvm'),
    leaf('clientToken', instance.clientToken),
    instance.tags.length > 0 ? tagSetXml(instance.tags) : '',
    leaf('hypervisor', 'xen'),
    networkInterfaceXml(instance),
    leaf('ebsOptimized', false),
    leaf('enaSupport', true),
    cpuOptionsXml(instance.instanceType),
    `<metadataOptions>${leaf('state', instance.state === 'pending' ? 'pending' : 'applied')}` +
      `${leaf('httpTokens', 'required')}${leaf('httpPutResponseHopLimit', 2)}${leaf('httpEndpoint', 'enabled')}</metadataOptions>`,
    leaf('bootMode', instance.image.bootMode),
    leaf('platformDetails', instance.image.platformDetails),
    leaf('usageOperation', instance.image.usageOperation),
    leaf('currentInstanceBootMode', instance.image.bootMode === 'uefi' ? 'uefi' : 'legacy-bios'),
  ].join('');
}
