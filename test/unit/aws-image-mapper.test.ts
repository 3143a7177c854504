import type { Image } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { mapImage } from '../../main/providers/aws/image-mapper';
import { toIsoDate, toJsonSafe } from '../../main/providers/shared/json-safe';
import { inferOs } from '../../main/providers/aws/os-inference';

describe('OS inference', () => {
  it.each([
    [{ name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20240801' }, 'ubuntu', '24.04'],
    [
      {
        name: 'ubuntu-pro-server/images/hvm-ssd/ubuntu-jammy-22.04-arm64-pro-server-20240101',
        platformDetails: 'Ubuntu Pro',
      },
      'ubuntu',
      '22.04',
    ],
    [{ name: 'my-golden', description: 'Canonical, Ubuntu, 20.04, amd64 focal image' }, 'ubuntu', '20.04'],
    [{ name: 'build-of-noble-base', description: 'from ubuntu noble' }, 'ubuntu', '24.04'],
    [{ name: 'al2023-ami-2023.5.20240805.0-kernel-6.1-x86_64' }, 'amzn', '2023'],
    [{ name: 'amzn2-ami-kernel-5.10-hvm-2.0.20240801.0-x86_64-gp2' }, 'amzn', '2'],
    [{ name: 'amzn-ami-hvm-2018.03.0.20231218.0-x86_64-gp2' }, 'amzn', '2018.03'],
    [
      {
        name: 'Windows_Server-2022-English-Full-Base-2024.02.14',
        platform: 'windows',
        platformDetails: 'Windows',
      },
      'windows',
      '2022',
    ],
    [
      { name: 'Windows_Server-2012-R2_RTM-English-64Bit-Base-2023.01.11', platform: 'windows' },
      'windows',
      '2012 R2',
    ],
    [{ name: 'iis-web-tier-v7', platform: 'windows' }, 'windows', null],
    [
      { name: 'RHEL-9.4.0_HVM-20240605-x86_64-82-Hourly2-GP3', platformDetails: 'Red Hat Enterprise Linux' },
      'rhel',
      '9.4',
    ],
    [{ name: 'suse-sles-15-sp6-v20240808-hvm-ssd-x86_64', platformDetails: 'SUSE Linux' }, 'sles', '15-SP6'],
    [{ name: 'debian-12-amd64-20240717-1811' }, 'debian', '12'],
    [{ name: 'bitnami-wordpress-6.6.1-0-r05-linux-debian-12-x86_64-hvm-ebs-nami' }, 'debian', '12'],
    [{ name: 'Rocky-9-EC2-Base-9.4-20240523.0.x86_64' }, 'rocky', '9.4'],
    [{ name: 'AlmaLinux OS 9.4.20240507 x86_64' }, 'almalinux', '9.4'],
    [{ name: 'CentOS Stream 9 x86_64 20240703' }, 'centos', '9'],
    [{ name: 'Fedora-Cloud-Base-40-1.14.x86_64-hvm-us-east-1-gp3-0' }, 'fedora', '40'],
    [{ name: 'FreeBSD 14.1-RELEASE-amd64' }, 'freebsd', '14.1'],
    [{ name: 'FortiGate-VM64-AWSONDEMAND build2702 (7.4.4) GA' }, 'unknown', null],
  ])('%j → %s %s', (evidence, family, version) => {
    expect(inferOs(evidence)).toEqual({ family, version });
  });

  it('trusts the billing platform over a misleading name', () => {
    expect(inferOs({ name: 'ubuntu-lookalike', platformDetails: 'Red Hat Enterprise Linux' }).family).toBe(
      'rhel',
    );
  });
});

const sdkImage: Image = {
  ImageId: 'ami-0123456789abcdef0',
  ImageLocation: 'amazon/ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20240801',
  State: 'available',
  OwnerId: '099720109477',
  CreationDate: '2024-08-01T12:34:56.000Z',
  DeprecationTime: '2026-08-01T12:34:56.000Z',
  Public: true,
  Architecture: 'x86_64',
  ImageType: 'machine',
  PlatformDetails: 'Linux/UNIX',
  UsageOperation: 'RunInstances',
  Name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20240801',
  Description: 'Canonical, Ubuntu, 24.04, amd64 noble image',
  RootDeviceType: 'ebs',
  RootDeviceName: '/dev/sda1',
  BlockDeviceMappings: [
    {
      DeviceName: '/dev/sda1',
      Ebs: {
        SnapshotId: 'snap-0123456789abcdef0',
        VolumeSize: 8,
        VolumeType: 'gp3',
        DeleteOnTermination: true,
        Encrypted: false,
      },
    },
    { DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' },
  ],
  VirtualizationType: 'hvm',
  Hypervisor: 'xen',
  EnaSupport: true,
  BootMode: 'uefi-preferred',
  Tags: [{ Key: 'team', Value: 'web' }],
};

describe('mapImage', () => {
  it('maps the cloud-neutral fields', () => {
    expect(mapImage(sdkImage)).toMatchObject({
      cloudId: 'ami-0123456789abcdef0',
      name: sdkImage.Name,
      description: sdkImage.Description,
      ownerId: '099720109477',
      ownerAlias: null,
      osFamily: 'ubuntu',
      osVersion: '24.04',
      architecture: 'x86_64',
      createdAt: '2024-08-01T12:34:56.000Z',
      deprecatesAt: '2026-08-01T12:34:56.000Z',
      state: 'available',
      public: true,
    });
  });

  it('lists details-pane rows in order, summarising block devices', () => {
    const fields = mapImage(sdkImage).fields;
    expect(fields.map((f) => f.label)).toEqual([
      'Image ID',
      'Image location',
      'Owner',
      'Platform details',
      'Usage operation',
      'Image type',
      'Root device',
      'Block devices',
      'Virtualization',
      'Hypervisor',
      'Boot mode',
      'ENA support',
      'Deprecation time',
      'Tags',
    ]);
    expect(fields.find((f) => f.label === 'Block devices')?.value).toBe(
      '/dev/sda1: 8 GiB, gp3, from snap-0123456789abcdef0; /dev/sdb: ephemeral0',
    );
    expect(fields.find((f) => f.label === 'Tags')?.value).toBe('team=web');
  });

  it('falls back sensibly on a sparse image', () => {
    expect(mapImage({ ImageId: 'ami-12345678' })).toMatchObject({
      cloudId: 'ami-12345678',
      name: 'ami-12345678',
      description: '',
      ownerAlias: null,
      osFamily: 'unknown',
      osVersion: null,
      architecture: 'unknown',
      createdAt: null,
      deprecatesAt: null,
      state: 'unknown',
      public: false,
    });
  });

  it('keeps a raw copy that survives JSON, with Dates as ISO strings', () => {
    const withDate = { ...sdkImage, LastLaunchedTime: new Date('2025-01-02T03:04:05Z') as unknown as string };
    const raw = mapImage(withDate).raw as Record<string, unknown>;
    expect(raw.LastLaunchedTime).toBe('2025-01-02T03:04:05.000Z');
    expect(JSON.parse(JSON.stringify(raw))).toEqual(raw);
    expect(raw).not.toBe(withDate);
  });

  it('normalises dates and drops what JSON cannot carry', () => {
    expect(toIsoDate('2024-08-01T12:34:56Z')).toBe('2024-08-01T12:34:56.000Z');
    expect(toIsoDate('not a date')).toBeNull();
    expect(toIsoDate(undefined)).toBeNull();
    expect(toJsonSafe({ a: undefined, b: () => 1, c: [new Date(0)], $metadata: {} })).toEqual({
      c: ['1970-01-01T00:00:00.000Z'],
    });
  });
});
