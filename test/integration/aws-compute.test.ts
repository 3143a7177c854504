import { DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComputeDriver, LaunchSpec, ServerStatus } from '../../main/providers/compute-driver';
import { createAwsComputeDriver } from '../../main/providers/aws/compute/aws-compute-driver';
import { createAwsDriver } from '../../main/providers/aws/aws-driver';
import { createEc2Client, type AwsConnection } from '../../main/providers/aws/ec2-client-factory';
import { CloudError, type CloudDriver } from '../../main/providers/driver';
import { startEc2Sandbox, type Ec2Sandbox } from '../../main/sandbox';

const KEY = {
  accessKeyId: 'AKIAHANGARCOMPUTE001',
  secretAccessKey: 'computeSecret/0123456789abcdefghijklmnop',
  accountId: '123456789012',
  allowDescribeImages: true,
};
const REGION = 'us-east-1';
let sandbox: Ec2Sandbox;
let connection: AwsConnection;
let compute: ComputeDriver;
let images: CloudDriver;
let spec: Omit<LaunchSpec, 'name' | 'count'>;

/** Polls `probe` until it returns a value (the stand-in moves on its own clock, not ours). */
async function until<T>(what: string, probe: () => Promise<T | null | undefined>): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function cloudErrorOf(promise: Promise<unknown>): Promise<CloudError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  return error as CloudError;
}

const running = (id: string) =>
  until<ServerStatus>(`${id} running`, async () => {
    const status = await compute.getServer(REGION, id);
    return status?.state === 'running' ? status : null;
  });

beforeAll(async () => {
  sandbox = await startEc2Sandbox({
    credentials: [KEY],
    regions: [REGION, 'eu-west-1'],
    compute: { bootMs: 100, shutdownMs: 50, captureMs: 300, copyMs: 300 },
  });
  connection = { ...KEY, endpoint: sandbox.endpoint };
  compute = createAwsComputeDriver(connection, { maxAttempts: 2, retryBaseDelayMs: 1 });
  images = createAwsDriver(connection, { maxAttempts: 2, retryBaseDelayMs: 1 });
  const image = sandbox.catalog
    .publicImages(REGION)
    .filter((i) => i.ownerAlias === 'amazon' && i.architecture === 'x86_64' && i.platform === undefined)
    .filter((i) => i.state === 'available' && (i.deprecationTime ?? '9999') > new Date().toISOString())
    .at(-1);
  const [network] = await compute.listNetworks(REGION);
  spec = {
    location: REGION,
    imageId: image?.imageId ?? 'ami-missing',
    flavorId: 't3.small',
    networkId: network?.id ?? null,
    subnetId: network?.subnets[1]?.id ?? null,
    publicIp: false,
    securityGroupIds: [],
    keyName: null,
    publicKey: null,
    volumes: [],
    userData: null,
    tags: {},
    computeResource: null,
  };
});
afterAll(() => sandbox.stop());

describe('what the launch dialog lists', () => {
  it('lists instance types with their size and architecture, and the default VPC with two subnets', async () => {
    const flavors = await compute.listFlavors(REGION);
    expect(flavors.find((f) => f.id === 't3.micro')).toEqual({
      id: 't3.micro',
      name: 't3.micro',
      vcpus: 2,
      memoryMiB: 1024,
      diskGb: null,
      architecture: 'x86_64',
    });
    expect(flavors.find((f) => f.id === 'c7g.large')).toMatchObject({
      architecture: 'arm64',
      memoryMiB: 4096,
    });
    expect(flavors.find((f) => f.id === 'r6i.xlarge')).toMatchObject({ vcpus: 4, memoryMiB: 32768 });
    // More types than one page of 100? No: the paginator asked in pages and got them all once.
    expect(new Set(flavors.map((f) => f.id)).size).toBe(flavors.length);
    const networks = await compute.listNetworks(REGION);
    expect(networks).toHaveLength(1);
    expect(networks[0]?.name).toBe('default VPC (172.31.0.0/16)');
    expect(networks[0]?.subnets.map((s) => [s.name, s.cidr])).toEqual([
      ['us-east-1a (default)', '172.31.0.0/20'],
      ['us-east-1b (default)', '172.31.16.0/20'],
    ]);
  });
});
describe('security groups', () => {
  it('creates a group in the VPC with its rules, merged per port as EC2 stores them', async () => {
    const group = await compute.createSecurityGroup!(REGION, {
      name: 'web-from-office',
      description: 'SSH from the office, HTTPS from anywhere',
      networkId: spec.networkId,
      rules: [
        { protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '203.0.113.0/24' },
        { protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '198.51.100.0/24' },
        { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' },
        { protocol: 'icmp', fromPort: -1, toPort: -1, cidr: '203.0.113.0/24' },
      ],
    });
    expect(group).toMatchObject({ name: 'web-from-office', networkId: spec.networkId });
    expect(group.id).toMatch(/^sg-[0-9a-f]{17}$/);
    const client = createEc2Client(connection, REGION);
    const described = await client.send(new DescribeSecurityGroupsCommand({ GroupIds: [group.id] }));
    client.destroy();
    const rules = described.SecurityGroups?.[0]?.IpPermissions ?? [];
    expect(rules.map((r) => [r.IpProtocol, r.FromPort, r.ToPort, r.IpRanges?.map((x) => x.CidrIp)])).toEqual([
      ['tcp', 22, 22, ['203.0.113.0/24', '198.51.100.0/24']],
      ['tcp', 443, 443, ['0.0.0.0/0']],
      ['icmp', -1, -1, ['203.0.113.0/24']],
    ]);
    const listed = await compute.listSecurityGroups!(REGION, spec.networkId);
    expect(listed.map((g) => g.name).sort()).toEqual(['default', 'web-from-office']);
    expect(await compute.listSecurityGroups!(REGION, 'vpc-00000000000000000')).toEqual([]);
    const again = await cloudErrorOf(
      compute.createSecurityGroup!(REGION, { ...group, networkId: spec.networkId, rules: [] }),
    );
    expect(again.appError).toMatchObject({ code: 'conflict' });
    expect(again.appError.message).toMatch(/InvalidGroup\.Duplicate/);
  });

  it('takes a group back when EC2 refuses its rules, so nothing half-made is left', async () => {
    const error = await cloudErrorOf(
      compute.createSecurityGroup!(REGION, {
        name: 'half-made',
        description: 'bad range',
        networkId: null,
        rules: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '300.0.0.0/8' }],
      }),
    );
    expect(error.appError.message).toMatch(/CIDR block 300\.0\.0\.0\/8 is malformed/);
    expect((await compute.listSecurityGroups!(REGION, null)).map((g) => g.name)).not.toContain('half-made');
    expect(sandbox.requestLog.entries('DeleteSecurityGroup').at(-1)?.status).toBe(200);
  });
});

/** `TagSpecification.N.Tag.M.Key/Value` of one logged request, as a record. */
function loggedTags(params: Record<string, string>, n: number): Record<string, string> {
  const tags: Record<string, string> = {};
  for (let m = 1; params[`TagSpecification.${n}.Tag.${m}.Key`] !== undefined; m += 1) {
    tags[params[`TagSpecification.${n}.Tag.${m}.Key`] ?? ''] =
      params[`TagSpecification.${n}.Tag.${m}.Value`] ?? '';
  }
  return tags;
}

describe('launching', () => {
  it('sends RunInstances with two data volumes, the tags, base64 user data and the interface settings', async () => {
    const [group] = await compute.listSecurityGroups!(REGION, spec.networkId);
    await compute.createKeyPair!(REGION, 'launch-key', 'ed25519');
    const userData =
      '#cloud-config\nbootcmd:\n  - [mdadm, --create, /dev/md0, --level=0, --raid-devices=2]\n';
    const { serverIds } = await compute.launch({
      ...spec,
      name: 'raid-box',
      count: 2,
      keyName: 'launch-key',
      securityGroupIds: [group?.id ?? ''],
      volumes: [
        { sizeGb: 100, type: 'gp3', encrypted: true, kmsKeyId: 'alias/hangar-sandbox' },
        { sizeGb: 100, type: 'io2', encrypted: false, kmsKeyId: 'alias/unused' },
      ],
      userData,
      tags: { billing: 'cc-4711', group: 'web' },
    });
    expect(serverIds).toHaveLength(2);

    const params = sandbox.requestLog.entries('RunInstances').at(-1)?.params ?? {};
    expect(params).toMatchObject({
      ImageId: spec.imageId,
      InstanceType: 't3.small',
      MinCount: '2',
      MaxCount: '2',
      KeyName: 'launch-key',
      'NetworkInterface.1.DeviceIndex': '0',
      'NetworkInterface.1.SubnetId': spec.subnetId,
      'NetworkInterface.1.SecurityGroupId.1': group?.id,
      'NetworkInterface.1.AssociatePublicIpAddress': 'false',
      'BlockDeviceMapping.1.DeviceName': '/dev/sdf',
      'BlockDeviceMapping.1.Ebs.VolumeSize': '100',
      'BlockDeviceMapping.1.Ebs.VolumeType': 'gp3',
      'BlockDeviceMapping.1.Ebs.Encrypted': 'true',
      'BlockDeviceMapping.1.Ebs.KmsKeyId': 'alias/hangar-sandbox',
      'BlockDeviceMapping.1.Ebs.DeleteOnTermination': 'true',
      'BlockDeviceMapping.2.DeviceName': '/dev/sdg',
      'BlockDeviceMapping.2.Ebs.VolumeType': 'io2',
      'BlockDeviceMapping.2.Ebs.Iops': '3000',
      'BlockDeviceMapping.2.Ebs.Encrypted': 'false',
      'TagSpecification.1.ResourceType': 'instance',
      'TagSpecification.2.ResourceType': 'volume',
    });
    // Subnet and groups ride on the interface (EC2 refuses both places); no KMS key on a plain volume.
    expect(Object.keys(params)).not.toContain('SubnetId');
    expect(Object.keys(params)).not.toContain('SecurityGroupId.1');
    expect(Object.keys(params)).not.toContain('BlockDeviceMapping.2.Ebs.KmsKeyId');
    expect(Buffer.from(params.UserData ?? '', 'base64').toString('utf8')).toBe(userData);
    expect(params.ClientToken).toMatch(/^[0-9a-f-]{36}$/);
    const expectedTags = { billing: 'cc-4711', group: 'web', Name: 'raid-box' };
    expect(loggedTags(params, 1)).toEqual(expectedTags);
    expect(loggedTags(params, 2)).toEqual(expectedTags);

    // No public address was asked for, on a subnet that would hand one out: private only.
    const server = await running(serverIds[0] ?? '');
    expect(server).toMatchObject({ name: 'raid-box', imageId: spec.imageId, reason: null });
    expect(server.addresses).toHaveLength(1);
    expect(server.addresses[0]).toMatch(/^172\.31\.(1[6-9]|2\d|3[01])\.\d{1,3}$/);
    const users = await compute.serversUsingImage(REGION, spec.imageId);
    expect(users.map((s) => s.id)).toEqual(expect.arrayContaining(serverIds));
    for (const id of serverIds) await compute.terminate(REGION, id);
  });

  it('turns an armed quota fault into InstanceLimitExceeded, said as the quota and what to do', async () => {
    const state = sandbox.compute.of(KEY.accountId, REGION);
    const before = state.instances.size;
    sandbox.armFault('quota');
    const error = await cloudErrorOf(compute.launch({ ...spec, name: 'over-quota', count: 1 }));
    expect(error.appError.code).toBe('cloud-error');
    expect(error.appError.message).toMatch(
      /InstanceLimitExceeded: You have requested more instances \(\d+\) than your current instance limit of \d+/,
    );
    expect(error.appError.message).toMatch(/instance quota in this region/);
    expect(error.appError.message).toMatch(
      /Terminate instances you no longer need, or ask AWS for a higher limit/,
    );
    expect(error.appError.message).not.toContain(KEY.secretAccessKey);
    expect(sandbox.requestLog.entries('RunInstances').at(-1)?.errorCode).toBe('InstanceLimitExceeded');
    expect(state.instances.size).toBe(before);
    // The fault is spent: the next launch goes through.
    const { serverIds } = await compute.launch({ ...spec, name: 'after-quota', count: 1 });
    expect(serverIds).toHaveLength(1);
    await compute.terminate(REGION, serverIds[0] ?? '');
  });
});

describe('image lifecycle', () => {
  it('copies an image to another region, where it goes from pending to available', async () => {
    const { imageId } = await compute.copyImage!(REGION, spec.imageId, 'eu-west-1', 'pinned-base-image');
    expect(imageId).toMatch(/^ami-[0-9a-f]{17}$/);
    const logged = sandbox.requestLog.entries('CopyImage').at(-1);
    expect(logged?.region).toBe('eu-west-1');
    expect(logged?.params).toMatchObject({ SourceRegion: REGION, SourceImageId: spec.imageId });

    expect((await images.getImage!('eu-west-1', imageId))?.state).toBe('pending');
    const copy = await until('the copy to be available', async () => {
      const found = await images.getImage!('eu-west-1', imageId);
      return found?.state === 'available' ? found : null;
    });
    expect(copy).toMatchObject({ name: 'pinned-base-image', ownerId: KEY.accountId, public: false });
    expect(copy.raw).toMatchObject({ SourceImageId: spec.imageId, SourceImageRegion: REGION });
    // It lives in the target region only, among the account's own images there.
    expect(await images.getImage!(REGION, imageId)).toBeNull();
    const own = await images.listImages({ location: 'eu-west-1', owner: 'self' }, () => undefined);
    expect(own.map((image) => image.cloudId)).toContain(imageId);
  });
});
