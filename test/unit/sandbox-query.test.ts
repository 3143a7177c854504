import { describe, expect, it } from 'vitest';
import { Ec2ApiError } from '../../main/sandbox/ec2-api-error';
import { errorXml, escapeXml, imageItemXml } from '../../main/sandbox/ec2-xml';
import { wildcardMatcher } from '../../main/sandbox/image-filters';
import { decodePageToken, encodePageToken } from '../../main/sandbox/page-token';
import { filterParams, listParam, parseQueryParams } from '../../main/sandbox/query-params';
import { FaultInjector } from '../../main/sandbox/fault-injector';
import type { SandboxImage } from '../../main/sandbox/sandbox-image';

describe('EC2 query parsing', () => {
  const params = parseQueryParams(
    'Action=DescribeImages&Owner.2=amazon&Owner.1=self&Owner.10=aws-marketplace&Filter.2.Name=architecture&Filter.2.Value.1=arm64' +
      '&Filter.1.Name=name&Filter.1.Value.2=b%2A&Filter.1.Value.1=a%3F',
  );

  it('orders list members by index, tolerating gaps', () => {
    expect(listParam(params, 'Owner')).toEqual(['self', 'amazon', 'aws-marketplace']);
  });

  it('groups filters and their values', () => {
    expect(filterParams(params)).toEqual([
      { name: 'name', values: ['a?', 'b*'] },
      { name: 'architecture', values: ['arm64'] },
    ]);
  });
});

describe('wildcards', () => {
  it.each([
    ['ubuntu/images/*-24.04-*', 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20240801', true],
    ['al2023-ami-2023.?.*', 'al2023-ami-2023.5.20240805.0-kernel-6.1-x86_64', true],
    ['al2023-ami-2023.?.*', 'al2023-ami-2023.10.20250805.0-kernel-6.1-x86_64', false],
    ['Windows_Server-2022*', 'windows_server-2022-x', false],
    ['literal\\*star', 'literal*star', true],
    ['literal\\*star', 'literalXstar', false],
    ['a.b', 'axb', false],
  ])('%s vs %s → %s', (pattern, value, expected) => {
    expect(wildcardMatcher(pattern)(value)).toBe(expected);
  });
});

describe('page tokens', () => {
  it('round-trips for the same query and refuses another', () => {
    const token = encodePageToken(200, 'query-a');
    expect(decodePageToken(token, 'query-a')).toBe(200);
    expect(() => decodePageToken(token, 'query-b')).toThrow(Ec2ApiError);
    expect(() => decodePageToken('garbage', 'query-a')).toThrow(/Invalid pagination token/);
  });
});

describe('XML', () => {
  it('escapes text', () => {
    expect(escapeXml(`a&b<c>"d'`)).toBe('a&amp;b&lt;c&gt;&quot;d&apos;');
  });

  it('prints an image item with EC2 member names and escaped values', () => {
    const image: SandboxImage = {
      imageId: 'ami-0123456789abcdef0',
      imageLocation: '111122223333/a&b',
      state: 'available',
      ownerId: '111122223333',
      creationDate: '2024-08-01T12:34:56.000Z',
      public: false,
      architecture: 'arm64',
      platformDetails: 'Linux/UNIX',
      usageOperation: 'RunInstances',
      name: 'a&b',
      description: '<x>',
      rootDeviceName: '/dev/xvda',
      blockDevices: [
        {
          deviceName: '/dev/xvda',
          ebs: {
            snapshotId: 'snap-1',
            volumeSize: 8,
            deleteOnTermination: true,
            volumeType: 'gp3',
            encrypted: true,
          },
        },
      ],
      enaSupport: true,
      productCodes: [],
      tags: [{ key: 'Name', value: 'x"y' }],
    };
    const xml = imageItemXml(image);
    expect(xml).toContain(
      '<imageId>ami-0123456789abcdef0</imageId><imageLocation>111122223333/a&amp;b</imageLocation><imageState>available</imageState>',
    );
    expect(xml).toContain('<name>a&amp;b</name><description>&lt;x&gt;</description>');
    expect(xml).toContain(
      '<blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs><snapshotId>snap-1</snapshotId><volumeSize>8</volumeSize>',
    );
    expect(xml).toContain('<tagSet><item><key>Name</key><value>x&quot;y</value></item></tagSet>');
    expect(xml).not.toContain('<platform>');
  });

  it('prints the EC2 error envelope', () => {
    expect(errorXml('AuthFailure', 'no & no', 'req-1')).toContain(
      '<Response><Errors><Error><Code>AuthFailure</Code><Message>no &amp; no</Message></Error></Errors><RequestID>req-1</RequestID></Response>',
    );
  });
});

describe('fault injection', () => {
  it('serves armed errors for the matching action, the given number of times', () => {
    const faults = new FaultInjector();
    faults.add({ action: 'DescribeImages', code: 'RequestLimitExceeded', times: 2 });
    expect(faults.takeError('DescribeRegions')).toBeNull();
    expect(faults.takeError('DescribeImages')).toMatchObject({ code: 'RequestLimitExceeded', status: 503 });
    expect(faults.pending()).toBe(1);
    expect(faults.takeError('DescribeImages')?.status).toBe(503);
    expect(faults.takeError('DescribeImages')).toBeNull();
    faults.add({ code: 'Custom', status: 502 });
    expect(faults.takeError('Anything')).toMatchObject({ code: 'Custom', status: 502 });
  });
});
