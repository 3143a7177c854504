import { createServer } from 'node:net';
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAwsDriver, type AwsDriverOptions } from '../../main/providers/aws/aws-driver';
import { createEc2Client, type AwsConnection } from '../../main/providers/aws/ec2-client-factory';
import { buildDescribeImagesInput } from '../../main/providers/aws/owner-scope';
import { CloudError, type ListImagesProgress } from '../../main/providers/driver';
import { startEc2Sandbox, type Ec2Sandbox } from '../../main/sandbox';

const REFERENCE = new Date('2025-06-01T00:00:00Z');
const CANONICAL = '099720109477';
const GOOD = {
  accessKeyId: 'AKIAHANGARTESTGOOD01',
  secretAccessKey: 'goodSecret/0123456789abcdefghijklmnopqrs',
  accountId: '111122223333',
  allowDescribeImages: true,
};
const NO_PERMISSION = {
  accessKeyId: 'AKIAHANGARTESTNOPERM',
  secretAccessKey: 'nopermSecret/0123456789abcdefghijklmnopq',
  accountId: '444455556666',
  allowDescribeImages: false,
};
const FAST: AwsDriverOptions = { maxAttempts: 3, retryBaseDelayMs: 1, pageSize: 100 };

let sandbox: Ec2Sandbox;
let closedPort: number;

/** A port nothing listens on: bind a free one, then let it go. */
async function freeClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const connect = (
  key: { accessKeyId: string; secretAccessKey: string },
  endpoint = sandbox.endpoint,
): AwsConnection => ({
  accessKeyId: key.accessKeyId,
  secretAccessKey: key.secretAccessKey,
  endpoint,
});

/** The CloudError a promise rejects with (fails the test if it resolves or throws something else). */
async function cloudErrorOf(promise: Promise<unknown>): Promise<CloudError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  return error as CloudError;
}

const describeCalls = () => sandbox.requestLog.entries('DescribeImages');

beforeAll(async () => {
  sandbox = await startEc2Sandbox({ referenceDate: REFERENCE, credentials: [GOOD, NO_PERMISSION] });
  closedPort = await freeClosedPort();
});
afterAll(() => sandbox.stop());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.requestLog.clear();
});

describe('listImages against the EC2 sandbox', () => {
  it('pages through an owner with the SDK paginator, one request per page', async () => {
    const expected = sandbox.catalog
      .visibleTo('us-east-1', GOOD.accountId)
      .filter((i) => i.ownerId === CANONICAL);
    const progress: ListImagesProgress[] = [];
    const images = await createAwsDriver(connect(GOOD), FAST).listImages(
      { location: 'us-east-1', owner: CANONICAL },
      (p) => progress.push(p),
    );
    const pages = Math.ceil(expected.length / 100);
    expect(pages).toBeGreaterThan(3);
    expect(images).toHaveLength(expected.length);
    expect(new Set(images.map((i) => i.cloudId))).toEqual(new Set(expected.map((i) => i.imageId)));
    expect(progress).toHaveLength(pages);
    expect(progress.at(-1)).toEqual({ pages, images: expected.length });
    const calls = describeCalls();
    expect(calls).toHaveLength(pages);
    expect(
      calls.every((c) => c.params['Owner.1'] === CANONICAL && c.params.IncludeDeprecated === 'true'),
    ).toBe(true);
    expect(calls.every((c) => c.params.MaxResults === '100' && c.status === 200)).toBe(true);
    expect(calls[0]?.params.NextToken).toBeUndefined();
    expect(calls.slice(1).every((c) => typeof c.params.NextToken === 'string')).toBe(true);
  });

  it('includes deprecated images and maps them with real dates and OS', async () => {
    const images = await createAwsDriver(connect(GOOD), { ...FAST, pageSize: 1000 }).listImages(
      { location: 'eu-west-1', owner: CANONICAL },
      () => undefined,
    );
    const deprecated = images.filter(
      (i) => i.deprecatesAt !== null && Date.parse(i.deprecatesAt) <= REFERENCE.getTime(),
    );
    expect(deprecated.length).toBeGreaterThan(10);
    expect(deprecated.length).toBeLessThan(images.length);
    const noble = images.find((i) =>
      i.name.startsWith('ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-'),
    );
    expect(noble).toMatchObject({
      osFamily: 'ubuntu',
      osVersion: '24.04',
      architecture: 'arm64',
      ownerAlias: null,
      public: true,
    });
    expect(noble?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    expect(JSON.parse(JSON.stringify(noble?.raw))).toEqual(noble?.raw);
    expect(describeCalls()).toHaveLength(1);
  });

  it("scopes by owner: aliases, self, and nobody else's private images", async () => {
    const driver = createAwsDriver(connect(GOOD), { ...FAST, pageSize: 1000 });
    const amazon = await driver.listImages({ location: 'us-west-2', owner: 'amazon' }, () => undefined);
    expect(amazon.length).toBeGreaterThan(100);
    expect(new Set(amazon.map((i) => i.ownerId))).toEqual(new Set(['137112412989', '801119661308']));
    expect(new Set(amazon.map((i) => i.osFamily))).toEqual(new Set(['amzn', 'windows']));

    const own = await driver.listImages({ location: 'us-west-2', owner: 'self' }, () => undefined);
    expect(own.length).toBeGreaterThan(3);
    expect(own.every((i) => i.ownerId === GOOD.accountId && !i.public)).toBe(true);
    expect(own.map((i) => i.state)).toEqual(expect.arrayContaining(['available', 'pending', 'failed']));
    expect(own.some((i) => i.state === 'disabled')).toBe(false);
    expect(own.some((i) => i.description.includes('& CDN origin <nginx>'))).toBe(true);

    const someoneElse = await driver.listImages(
      { location: 'us-west-2', owner: NO_PERMISSION.accountId },
      () => undefined,
    );
    expect(someoneElse).toEqual([]);
  });

  it('applies owner-scoped name and architecture filters on the wire', async () => {
    const client = createEc2Client(connect(GOOD), 'ap-southeast-2', { maxAttempts: 1 });
    try {
      const input = buildDescribeImagesInput({
        owners: [CANONICAL],
        namePatterns: ['ubuntu/images/hvm-ssd*/ubuntu-jammy-22.04-*-server-2024????'],
        architectures: ['arm64'],
      });
      const { Images = [] } = await client.send(new DescribeImagesCommand(input));
      expect(Images.length).toBeGreaterThan(3);
      for (const image of Images) {
        expect(image.Name).toMatch(/^ubuntu\/images\/hvm-ssd\/ubuntu-jammy-22\.04-arm64-server-2024\d{4}$/);
        expect(image).toMatchObject({ Architecture: 'arm64', OwnerId: CANONICAL });
        expect(Date.parse(image.DeprecationTime ?? '')).toBeGreaterThan(REFERENCE.getTime());
      }
      expect(describeCalls()[0]?.params).toMatchObject({
        'Filter.1.Name': 'name',
        'Filter.2.Value.1': 'arm64',
      });
    } finally {
      client.destroy();
    }
  });
});

describe('retries and failures', () => {
  const owner = { location: 'us-east-1', owner: 'self' };

  it.each([
    ['RequestLimitExceeded', 503],
    ['InternalError', 500],
    ['ServiceUnavailable', 503],
  ])('retries %s (%i) twice, then succeeds', async (code, status) => {
    sandbox.faults.add({ action: 'DescribeImages', code, times: 2 });
    const images = await createAwsDriver(connect(GOOD), FAST).listImages(owner, () => undefined);
    expect(images.length).toBeGreaterThan(0);
    const calls = describeCalls();
    expect(calls.map((c) => c.status)).toEqual([status, status, 200]);
    expect(calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(new Set(calls.map((c) => c.invocationId)).size).toBe(1);
  });

  it('reports cloud-throttled once the retries run out', async () => {
    sandbox.faults.add({ action: 'DescribeImages', code: 'RequestLimitExceeded', times: Infinity });
    const error = await cloudErrorOf(createAwsDriver(connect(GOOD), FAST).listImages(owner, () => undefined));
    expect(error.appError.code).toBe('cloud-throttled');
    expect(error.appError.message).toContain('RequestLimitExceeded');
    expect(describeCalls().map((c) => c.attempt)).toEqual([1, 2, 3]);
  });

  it('reports cloud-auth for a wrong secret, without echoing it', async () => {
    const wrong = {
      accessKeyId: GOOD.accessKeyId,
      secretAccessKey: 'wrongSecret/abcdefghijklmnopqrstuvwxyz0123',
    };
    const error = await cloudErrorOf(
      createAwsDriver(connect(wrong), FAST).listImages(owner, () => undefined),
    );
    expect(error.appError.code).toBe('cloud-auth');
    expect(error.appError.message).toContain('AuthFailure');
    expect(error.appError.message).not.toContain(wrong.secretAccessKey);
    expect(describeCalls()).toHaveLength(1);
    expect(describeCalls()[0]).toMatchObject({ status: 401, errorCode: 'AuthFailure' });
  });

  it('reports cloud-auth for an unknown access key id', async () => {
    const unknown = { accessKeyId: 'AKIAUNKNOWNKEY000001', secretAccessKey: GOOD.secretAccessKey };
    const error = await cloudErrorOf(
      createAwsDriver(connect(unknown), FAST).listImages(owner, () => undefined),
    );
    expect(error.appError.code).toBe('cloud-auth');
  });

  it('reports cloud-permission naming ec2:DescribeImages', async () => {
    const error = await cloudErrorOf(
      createAwsDriver(connect(NO_PERMISSION), FAST).listImages(owner, () => undefined),
    );
    expect(error.appError.code).toBe('cloud-permission');
    expect(error.appError.message).toContain('ec2:DescribeImages');
    expect(describeCalls()[0]).toMatchObject({ status: 403, errorCode: 'UnauthorizedOperation' });
  });

  it('reports cloud-unreachable quickly for a closed port', async () => {
    const started = Date.now();
    const driver = createAwsDriver(connect(GOOD, `http://127.0.0.1:${closedPort}`), FAST);
    const error = await cloudErrorOf(driver.listImages(owner, () => undefined));
    expect(error.appError.code).toBe('cloud-unreachable');
    expect(error.appError.message).toContain(`127.0.0.1:${closedPort}`);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('cancels between pages when aborted from a progress event', async () => {
    const controller = new AbortController();
    const error = await cloudErrorOf(
      createAwsDriver(connect(GOOD), FAST).listImages(
        { location: 'us-east-1', owner: CANONICAL },
        () => controller.abort(),
        controller.signal,
      ),
    );
    expect(error.appError.code).toBe('cancelled');
    expect(describeCalls()).toHaveLength(1);
  });

  it('cancels a request in flight', async () => {
    sandbox.faults.addLatency({ action: 'DescribeImages', ms: 30_000 });
    const controller = new AbortController();
    const received = sandbox.requestLog.nextReceived((r) => r.action === 'DescribeImages');
    const closed = new Promise((resolve) => sandbox.requestLog.onCompleted(resolve));
    const listing = createAwsDriver(connect(GOOD), FAST).listImages(
      owner,
      () => undefined,
      controller.signal,
    );
    await received;
    controller.abort();
    const error = await cloudErrorOf(listing);
    expect(error.appError.code).toBe('cancelled');
    await closed;
    expect(describeCalls().map((c) => c.status)).toEqual([0]);
  });
});

describe('testConnection', () => {
  const check = (
    key: { accessKeyId: string; secretAccessKey: string },
    endpoint?: string,
    region = 'us-east-1',
  ) => createAwsDriver(connect(key, endpoint), FAST).testConnection(region);

  it('says ok for a good key, with a minimal self-owned query', async () => {
    await expect(check(GOOD)).resolves.toMatchObject({ ok: true, code: 'ok' });
    expect(describeCalls()[0]?.params).toMatchObject({ 'Owner.1': 'self', MaxResults: '5' });
  });

  it.each([
    ['a wrong secret', { accessKeyId: GOOD.accessKeyId, secretAccessKey: 'x'.repeat(40) }, 'bad-credentials'],
    [
      'an unknown key',
      { accessKeyId: 'AKIAUNKNOWNKEY000002', secretAccessKey: 'x'.repeat(40) },
      'bad-credentials',
    ],
    ['a key without permission', NO_PERMISSION, 'no-permission'],
  ])('classifies %s', async (_label, key, code) => {
    const result = await check(key);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.message).not.toContain(key.secretAccessKey);
  });

  it('classifies an unreachable endpoint', async () => {
    await expect(check(GOOD, `http://127.0.0.1:${closedPort}`)).resolves.toMatchObject({
      ok: false,
      code: 'unreachable',
    });
  });

  it('classifies throttling and other cloud errors', async () => {
    sandbox.faults.add({ code: 'RequestLimitExceeded', times: 3 });
    await expect(check(GOOD)).resolves.toMatchObject({ ok: false, code: 'throttled' });
    sandbox.faults.add({ code: 'InternalError', times: 3 });
    const other = await check(GOOD);
    expect(other).toMatchObject({ ok: false, code: 'error' });
    expect(other.message).toContain('InternalError');
  });

  it('explains a region the endpoint does not serve', async () => {
    const result = await check(GOOD, undefined, 'sa-east-1');
    expect(result).toMatchObject({ ok: false, code: 'error' });
    expect(result.message).toContain('sa-east-1');
  });
});
