import { DescribeImagesCommand, DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEc2Sandbox, type Ec2Sandbox } from '../../main/sandbox';
import { NodeSha256 } from '../../main/sandbox/node-sha256';

const REFERENCE = new Date('2025-06-01T00:00:00Z');
const KEY = {
  accessKeyId: 'AKIAPROTOCOLTEST0001',
  secretAccessKey: 'protocolSecret/0123456789abcdefghijklmno',
  accountId: '777788889999',
  allowDescribeImages: true,
};

let sandbox: Ec2Sandbox;
let client: EC2Client;

/** The SDK's error name and HTTP status, or null when the call succeeded. */
async function sdkError(
  promise: Promise<unknown>,
): Promise<{ name: string; status: number | undefined; message: string } | null> {
  return promise.then(
    () => null,
    (e: { name: string; message: string; $metadata?: { httpStatusCode?: number } }) => ({
      name: e.name,
      status: e.$metadata?.httpStatusCode,
      message: e.message,
    }),
  );
}

/** A request signed by hand with the SDK's signer, for what the EC2 client will not send. */
async function signedPost(
  body: string,
  options: { sessionToken?: string; tamper?: boolean } = {},
): Promise<{ status: number; text: string }> {
  const url = new URL(sandbox.endpoint);
  const signer = new SignatureV4({
    service: 'ec2',
    region: 'us-east-1',
    credentials: {
      accessKeyId: KEY.accessKeyId,
      secretAccessKey: KEY.secretAccessKey,
      sessionToken: options.sessionToken,
    },
    sha256: NodeSha256,
  });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    query: {},
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
  const response = await fetch(sandbox.endpoint, {
    method: 'POST',
    headers: signed.headers,
    body: options.tamper ? `${body}&Owner.9=amazon` : body,
  });
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  sandbox = await startEc2Sandbox({ referenceDate: REFERENCE, credentials: [KEY] });
  client = new EC2Client({
    region: 'us-east-1',
    endpoint: sandbox.endpoint,
    credentials: { ...KEY },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  await sandbox.stop();
});

describe('EC2 sandbox wire protocol, through the real SDK', () => {
  it('lists its regions with DescribeRegions', async () => {
    const { Regions = [] } = await client.send(new DescribeRegionsCommand({}));
    expect(Regions.map((r) => r.RegionName)).toEqual([
      'us-east-1',
      'us-west-2',
      'eu-west-1',
      'ap-southeast-2',
    ]);
    expect(Regions[0]).toMatchObject({
      Endpoint: 'ec2.us-east-1.amazonaws.com',
      OptInStatus: 'opt-in-not-required',
    });
  });

  it('hides deprecated public images unless IncludeDeprecated or asked for by id', async () => {
    const all = await client.send(new DescribeImagesCommand({ Owners: ['amazon'], IncludeDeprecated: true }));
    const current = await client.send(new DescribeImagesCommand({ Owners: ['amazon'] }));
    const isDeprecated = (t?: string) => t !== undefined && Date.parse(t) <= REFERENCE.getTime();
    const deprecated = (all.Images ?? []).filter((i) => isDeprecated(i.DeprecationTime));
    expect(deprecated.length).toBeGreaterThan(0);
    expect(current.Images?.length).toBe((all.Images?.length ?? 0) - deprecated.length);
    expect(current.Images?.some((i) => isDeprecated(i.DeprecationTime))).toBe(false);
    const byId = await client.send(new DescribeImagesCommand({ ImageIds: [deprecated[0]!.ImageId!] }));
    expect(byId.Images?.map((i) => i.ImageId)).toEqual([deprecated[0]!.ImageId]);
  });

  it('shows owners their own deprecated images, and disabled ones only with IncludeDisabled', async () => {
    const own = await client.send(new DescribeImagesCommand({ Owners: ['self'] }));
    expect(
      own.Images?.some(
        (i) => i.DeprecationTime !== undefined && Date.parse(i.DeprecationTime) < REFERENCE.getTime(),
      ),
    ).toBe(true);
    expect(own.Images?.some((i) => i.State === 'disabled')).toBe(false);
    const withDisabled = await client.send(
      new DescribeImagesCommand({ Owners: ['self'], IncludeDisabled: true }),
    );
    expect(withDisabled.Images?.filter((i) => i.State === 'disabled')).toHaveLength(1);
    expect(own.Images?.every((i) => i.OwnerId === KEY.accountId && i.Public === false)).toBe(true);
  });

  it('matches filters with wildcards and parses the full item', async () => {
    const { Images = [] } = await client.send(
      new DescribeImagesCommand({
        Owners: ['801119661308'],
        Filters: [
          { Name: 'name', Values: ['Windows_Server-2022-English-Full-Base-2025.0?.*'] },
          { Name: 'platform', Values: ['windows'] },
        ],
      }),
    );
    expect(Images.length).toBeGreaterThanOrEqual(4);
    expect(Images[0]).toMatchObject({
      Platform: 'windows',
      PlatformDetails: 'Windows',
      UsageOperation: 'RunInstances:0002',
      ImageOwnerAlias: 'amazon',
      RootDeviceType: 'ebs',
      RootDeviceName: '/dev/sda1',
      VirtualizationType: 'hvm',
      Hypervisor: 'xen',
      EnaSupport: true,
      Architecture: 'x86_64',
    });
    expect(Images[0]?.ImageId).toMatch(/^ami-[0-9a-f]{17}$/);
    expect(Images[0]?.BlockDeviceMappings?.[0]?.Ebs).toMatchObject({
      VolumeSize: 30,
      VolumeType: 'gp2',
      DeleteOnTermination: true,
    });
  });

  it('serves different AMI ids for the same build in another region', async () => {
    const name = 'al2023-ami-2023.*-kernel-6.1-x86_64';
    const east = await client.send(
      new DescribeImagesCommand({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: [name] }] }),
    );
    const west = new EC2Client({
      region: 'us-west-2',
      endpoint: sandbox.endpoint,
      credentials: { ...KEY },
      maxAttempts: 1,
    });
    const westImages = await west.send(
      new DescribeImagesCommand({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: [name] }] }),
    );
    west.destroy();
    const eastIds = new Set(east.Images?.map((i) => i.ImageId));
    expect(westImages.Images?.length).toBeGreaterThan(0);
    expect(westImages.Images?.some((i) => eastIds.has(i.ImageId))).toBe(false);
  });

  it.each([
    [{ Owners: ['self'], MaxResults: 4 }, 'InvalidParameterValue', 400],
    [{ Owners: ['self'], MaxResults: 1001 }, 'InvalidParameterValue', 400],
    [{ ImageIds: ['ami-0123456789abcdef0'], MaxResults: 5 }, 'InvalidParameterCombination', 400],
    [{ ImageIds: ['ami-xyz'] }, 'InvalidAMIID.Malformed', 400],
    [{ ImageIds: ['ami-0123456789abcdef0'] }, 'InvalidAMIID.NotFound', 400],
    [{ Owners: ['someone'] }, 'InvalidUserID.Malformed', 400],
    [{ Owners: ['self'], Filters: [{ Name: 'colour', Values: ['red'] }] }, 'InvalidParameterValue', 400],
    [{ Owners: ['self'], MaxResults: 5, NextToken: 'not-a-token' }, 'InvalidPaginationToken', 400],
    [{ Owners: ['self'], DryRun: true }, 'DryRunOperation', 412],
  ])('rejects %j with %s (%i)', async (input, name, status) => {
    expect(await sdkError(client.send(new DescribeImagesCommand(input)))).toMatchObject({ name, status });
  });

  it('refuses a NextToken replayed with a different query', async () => {
    const first = await client.send(new DescribeImagesCommand({ Owners: ['amazon'], MaxResults: 5 }));
    expect(first.NextToken).toBeTruthy();
    const replay = client.send(
      new DescribeImagesCommand({ Owners: ['aws-marketplace'], MaxResults: 5, NextToken: first.NextToken }),
    );
    expect(await sdkError(replay)).toMatchObject({ name: 'InvalidPaginationToken', status: 400 });
  });

  it.each([
    ['InternalError', 500],
    ['RequestLimitExceeded', 503],
    ['Unavailable', 503],
  ])('surfaces an injected %s as that error name with HTTP %i', async (code, status) => {
    sandbox.faults.add({ action: 'DescribeRegions', code });
    expect(await sdkError(client.send(new DescribeRegionsCommand({})))).toMatchObject({ name: code, status });
    expect(sandbox.faults.pending()).toBe(0);
  });
});

describe('EC2 sandbox signature checks, with hand-signed requests', () => {
  const body = 'Action=DescribeImages&Version=2016-11-15&Owner.1=self';

  it('accepts a correctly signed request, session token included', async () => {
    const response = await signedPost(body, { sessionToken: 'FwoGZXIvYXdzEXAMPLEsessiontoken' });
    expect(response.status).toBe(200);
    expect(response.text).toContain(
      '<DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">',
    );
    expect(response.text).toContain('&amp; CDN origin &lt;nginx&gt;');
  });

  it('rejects a body changed after signing', async () => {
    const response = await signedPost(body, { tamper: true });
    expect(response.status).toBe(401);
    expect(response.text).toContain('<Code>AuthFailure</Code>');
    expect(response.text).toMatch(/<RequestID>[0-9a-f-]{36}<\/RequestID>/);
  });

  it('answers an unknown action with InvalidAction', async () => {
    const response = await signedPost('Action=LaunchRockets&Version=2016-11-15');
    expect(response.status).toBe(400);
    expect(response.text).toContain('<Code>InvalidAction</Code>');
  });

  it('asks for credentials when a request is unsigned', async () => {
    const response = await fetch(sandbox.endpoint, { method: 'POST', body });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('<Code>MissingAuthenticationToken</Code>');
  });
});
