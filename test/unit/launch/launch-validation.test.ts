import { describe, expect, it } from 'vitest';
import { LaunchSpecRequestSchema, type LaunchOptions } from '@contract/index';
import { checkLaunch, unfitReason } from '../../../main/services/launch/launch-validation';

const image = {
  id: 'ami-0123456789abcdef0',
  name: 'img',
  architecture: 'x86_64',
  minDiskGb: 20,
  minRamMiB: 2048,
  state: 'available',
};
const flavor = (id: string, change: Partial<LaunchOptions['flavors'][number]> = {}) => ({
  id,
  name: id,
  vcpus: 2,
  memoryMiB: 4096,
  diskGb: null,
  architecture: 'x86_64',
  unfitReason: null,
  ...change,
});
const options: LaunchOptions = {
  cloud: 'aws',
  capabilities: {
    launch: { supported: true, reason: null },
    keyPairs: 'create-or-import',
    securityGroups: true,
    publicIp: true,
    volumes: true,
    capture: { supported: true, reason: null },
    copy: { supported: true, reason: null },
    deprecate: { supported: true, reason: null },
    delete: { supported: true, reason: null },
  },
  image,
  flavors: [
    flavor('t3.medium'),
    flavor('c7g.large', { architecture: 'arm64', unfitReason: 'runs arm64; the image is x86_64' }),
  ],
  networks: [{ id: 'vpc-1', name: 'default', subnets: [{ id: 'subnet-a', name: 'a', cidr: '10.0.0.0/24' }] }],
  keyPairs: [{ name: 'ops', fingerprint: null, type: 'ed25519' }],
};
const spec = (change: Record<string, unknown> = {}) =>
  LaunchSpecRequestSchema.parse({
    workspaceId: 'ws',
    accountId: 'acct',
    location: 'us-east-1',
    imageId: image.id,
    flavorId: 't3.medium',
    networkId: 'vpc-1',
    subnetId: 'subnet-a',
    name: 'web-1',
    ...change,
  });
const fields = (
  change: Record<string, unknown>,
  groups = [{ id: 'sg-1', name: 'web', description: '', networkId: 'vpc-1' }],
) => checkLaunch(spec(change), options, groups).problems.map((p) => p.field);

describe('a flavor against the image', () => {
  it.each([
    [{ architecture: 'arm64', diskGb: null, memoryMiB: 8192 }, /arm64/],
    [{ architecture: null, diskGb: null, memoryMiB: 1024 }, /1024 MiB.*2048/],
    [{ architecture: null, diskGb: 10, memoryMiB: 4096 }, /10 GB.*20 GB/],
  ])('%j is unfit', (f, reason) => expect(unfitReason(f, image)).toMatch(reason));
  it('fits when nothing is short', () =>
    expect(unfitReason({ architecture: 'x86_64', diskGb: 40, memoryMiB: 4096 }, image)).toBeNull());
});

describe('launch checks', () => {
  it('passes a good spec and gives the cloud its tags', () => {
    const check = checkLaunch(spec({ billingCode: 'CC-1' }), options, null);
    expect(check.problems).toEqual([]);
    expect(check.cloudTags).toEqual({ Name: 'web-1', 'billing-code': 'CC-1' });
  });

  it('names the field of each problem', () => {
    expect(fields({ flavorId: 'c7g.large' })).toEqual(['flavorId']);
    expect(fields({ flavorId: 'nope' })).toEqual(['flavorId']);
    expect(fields({ networkId: 'vpc-x', subnetId: null })).toEqual(['networkId']);
    expect(fields({ subnetId: 'subnet-z' })).toEqual(['subnetId']);
    expect(fields({ securityGroupIds: ['sg-other'] })).toEqual(['securityGroupIds']);
    expect(fields({ keyName: 'missing' })).toEqual(['keyName']);
    expect(fields({ volumes: [{ sizeGb: 10, encrypted: false, kmsKeyId: 'arn:key' }] })).toEqual([
      'volumes.0.kmsKeyId',
    ]);
  });

  it('builds the RAID config only from two or more volumes of one size', () => {
    const raid = { level: '0', mountPoint: '/data' };
    expect(fields({ raid, volumes: [{ sizeGb: 10 }] })).toEqual(['raid']);
    expect(fields({ raid, volumes: [{ sizeGb: 10 }, { sizeGb: 20 }] })).toEqual(['raid']);
    const ok = checkLaunch(spec({ raid, volumes: [{ sizeGb: 10 }, { sizeGb: 10 }] }), options, null);
    expect(ok.problems).toEqual([]);
    expect(ok.cloudInit).toContain('--level=0');
    expect(ok.userData).toBe(ok.cloudInit);
  });

  it('assembles RAID with a startup script on Compute Engine, which takes user data as a script too', () => {
    const gcp = { ...options, cloud: 'gcp' as const };
    const raid = { level: '0', mountPoint: '/data' };
    const volumes = [{ sizeGb: 10 }, { sizeGb: 10 }];
    const check = checkLaunch(spec({ raid, volumes, userData: '#!/bin/sh\necho hi' }), gcp, null);
    expect(check.problems).toEqual([]);
    expect(check.userData?.startsWith('#!/bin/bash\nbash -c ')).toBe(true);
    const cloudConfig = checkLaunch(
      spec({ raid, volumes, userData: '#cloud-config\nruncmd: []' }),
      gcp,
      null,
    );
    expect(cloudConfig.problems.map((p) => p.field)).toEqual(['userData']);
  });

  it('refuses user data the cloud would not take', () => {
    const big = `#!/bin/sh\n${'x'.repeat(16 * 1024)}`;
    expect(() => spec({ userData: big })).toThrow();
    const raid = { level: '1', mountPoint: '/data' };
    const nearly = `#!/bin/sh\n${'x'.repeat(15 * 1024)}`;
    expect(fields({ userData: nearly, raid, volumes: [{ sizeGb: 10 }, { sizeGb: 10 }] })).toEqual([
      'userData',
    ]);
  });

  it('refuses an image that is not available yet', () => {
    const pending = { ...options, image: { ...image, state: 'pending' } };
    expect(checkLaunch(spec(), pending, null).problems.map((p) => p.field)).toEqual(['imageId']);
  });

  it('says when the cloud has no such thing', () => {
    const noGroups = {
      ...options,
      capabilities: {
        ...options.capabilities,
        securityGroups: false,
        keyPairs: 'public-key-only' as const,
        publicIp: false,
      },
    };
    const problems = checkLaunch(
      spec({ securityGroupIds: ['sg-1'], keyName: 'ops', publicIp: true }),
      noGroups,
      null,
    ).problems;
    expect(problems.map((p) => p.field).sort()).toEqual(['keyName', 'publicIp', 'securityGroupIds']);
  });
});
