import { describe, expect, it } from 'vitest';
import type { LaunchSpec } from '../../main/providers/compute-driver';
import { classifyComputeError } from '../../main/providers/aws/compute/compute-errors';
import { mapServer, serverState } from '../../main/providers/aws/compute/compute-mappers';
import { DATA_DEVICE_NAMES, runInstancesInput } from '../../main/providers/aws/compute/launch-input';
import { ingressPermissions } from '../../main/providers/aws/compute/security-group-rules';

const SPEC: LaunchSpec = {
  location: 'us-east-1',
  imageId: 'ami-0123456789abcdef0',
  flavorId: 't3.micro',
  networkId: 'vpc-0123456789abcdef0',
  subnetId: null,
  publicIp: true,
  securityGroupIds: [],
  keyName: null,
  publicKey: null,
  volumes: [],
  userData: null,
  name: 'web',
  count: 1,
  tags: { Name: 'overridden', team: 'web' },
  computeResource: null,
};

/** An SDK-shaped EC2 error, as the client throws it. */
const ec2Error = (code: string, message: string) =>
  Object.assign(new Error(message), { name: code, Code: code, $metadata: { httpStatusCode: 400 } });

describe('RunInstances input', () => {
  it('leaves out what was not asked for, and lets the server name win over a Name tag', () => {
    const input = runInstancesInput(SPEC, 'token-1');
    expect(input.BlockDeviceMappings).toBeUndefined();
    expect(input.UserData).toBeUndefined();
    expect(input.KeyName).toBeUndefined();
    expect(input.NetworkInterfaces).toEqual([
      {
        DeviceIndex: 0,
        SubnetId: undefined,
        Groups: undefined,
        AssociatePublicIpAddress: true,
        DeleteOnTermination: true,
      },
    ]);
    expect(input.TagSpecifications?.[0]?.Tags).toEqual([
      { Key: 'Name', Value: 'web' },
      { Key: 'team', Value: 'web' },
    ]);
    expect(input.ClientToken).toBe('token-1');
  });

  it('gives io volumes provisioned IOPS within their ratio, and refuses more volumes than device names', () => {
    const small = runInstancesInput(
      { ...SPEC, volumes: [{ sizeGb: 10, type: 'io1', encrypted: false, kmsKeyId: null }] },
      't',
    );
    expect(small.BlockDeviceMappings?.[0]?.Ebs?.Iops).toBe(500);
    const gp3 = runInstancesInput(
      { ...SPEC, volumes: [{ sizeGb: 10, type: null, encrypted: true, kmsKeyId: null }] },
      't',
    );
    expect(gp3.BlockDeviceMappings?.[0]?.Ebs).toMatchObject({
      VolumeType: 'gp3',
      Encrypted: true,
      KmsKeyId: undefined,
    });
    const many = Array.from({ length: DATA_DEVICE_NAMES.length + 1 }, () => ({
      sizeGb: 1,
      type: null,
      encrypted: false,
      kmsKeyId: null,
    }));
    expect(() => runInstancesInput({ ...SPEC, volumes: many }, 't')).toThrow(/At most 11 data volumes/);
  });
});

describe('instance states', () => {
  it.each([
    ['pending', undefined, 'pending'],
    ['running', undefined, 'running'],
    ['shutting-down', 'Client.UserInitiatedShutdown', 'stopping'],
    ['stopped', 'Client.UserInitiatedShutdown', 'stopped'],
    ['terminated', 'Client.UserInitiatedShutdown', 'terminated'],
    ['terminated', 'Server.InsufficientInstanceCapacity', 'failed'],
    ['terminated', 'Client.VolumeLimitExceeded', 'failed'],
  ] as const)('%s with %s reads as %s', (name, reason, expected) => {
    expect(serverState({ State: { Name: name }, StateReason: reason ? { Code: reason } : undefined })).toBe(
      expected,
    );
  });

  it('lists the public address before the private one and takes the name from the Name tag', () => {
    expect(
      mapServer({
        InstanceId: 'i-0123456789abcdef0',
        State: { Name: 'running', Code: 16 },
        PublicIpAddress: '3.90.1.2',
        PrivateIpAddress: '172.31.4.5',
        Tags: [{ Key: 'Name', Value: 'web' }],
        ImageId: SPEC.imageId,
      }),
    ).toEqual({
      id: 'i-0123456789abcdef0',
      name: 'web',
      state: 'running',
      addresses: ['3.90.1.2', '172.31.4.5'],
      imageId: SPEC.imageId,
      reason: null,
    });
  });
});

describe('security group rules', () => {
  it('merges ranges of the same protocol and ports, without repeats', () => {
    expect(
      ingressPermissions([
        { protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '10.0.0.0/8' },
        { protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '10.0.0.0/8' },
        { protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '192.0.2.0/24' },
        { protocol: 'udp', fromPort: 22, toPort: 22, cidr: '10.0.0.0/8' },
      ]),
    ).toEqual([
      {
        IpProtocol: 'tcp',
        FromPort: 22,
        ToPort: 22,
        IpRanges: [{ CidrIp: '10.0.0.0/8' }, { CidrIp: '192.0.2.0/24' }],
      },
      { IpProtocol: 'udp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8' }] },
    ]);
  });
});

describe('compute errors', () => {
  const context = { region: 'eu-west-1', activity: 'launch 1 × t3.micro', permission: 'ec2:RunInstances' };

  it("keeps EC2's words and says what to do for refusals", () => {
    const subnet = classifyComputeError(
      ec2Error('InvalidSubnetID.NotFound', "The subnet ID 'subnet-1' does not exist"),
      context,
    );
    expect(subnet.code).toBe('invalid-request');
    expect(subnet.message).toBe(
      "EC2 refused to launch 1 × t3.micro in eu-west-1 (InvalidSubnetID.NotFound: The subnet ID 'subnet-1' does not exist). " +
        "Choose a subnet from this region's VPCs (the list may be out of date: reopen the launch dialog).",
    );
    const quota = classifyComputeError(
      ec2Error('VcpuLimitExceeded', 'You have requested more vCPU capacity'),
      context,
    );
    expect(quota).toMatchObject({ code: 'cloud-error' });
    expect(quota.message).toMatch(/vCPU quota .* Service Quotas/);
  });

  it('names the IAM action the call needs when EC2 says UnauthorizedOperation', () => {
    const denied = classifyComputeError(ec2Error('UnauthorizedOperation', 'You are not authorized'), context);
    expect(denied.code).toBe('cloud-permission');
    expect(denied.message).toMatch(/not allowed to launch 1 × t3\.micro in eu-west-1 .*ec2:RunInstances/);
  });
});
