import { DescribeImagesCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsDriver, type AwsDriverOptions } from '../../main/providers/aws/aws-driver';
import { createEc2Client, type AwsConnection } from '../../main/providers/aws/ec2-client-factory';
import { CloudError, type CloudDriver } from '../../main/providers/driver';
import { startEc2Sandbox, type Ec2Sandbox } from '../../main/sandbox';
import { NodeSha256 } from '../../main/sandbox/node-sha256';
import { isDeprecated, type SandboxImage } from '../../main/sandbox/sandbox-image';

const REFERENCE = new Date('2025-06-01T00:00:00Z');
const KEY = {
  accessKeyId: 'AKIALOOKUPTEST000001',
  secretAccessKey: 'lookupSecret/0123456789abcdefghijklmnopq',
  accountId: '123412341234',
  allowDescribeImages: true,
};
const DENIED = {
  accessKeyId: 'AKIALOOKUPDENIED0001',
  secretAccessKey: 'deniedSecret/0123456789abcdefghijklmnopq',
  accountId: '567856785678',
  allowDescribeImages: false,
};
const FAST: AwsDriverOptions = { maxAttempts: 2, retryBaseDelayMs: 1 };
const UNKNOWN_ID = 'ami-0f0e0d0c0b0a09080';

let sandbox: Ec2Sandbox;
let driver: CloudDriver;
let sdk: EC2Client;

const connect = (key: { accessKeyId: string; secretAccessKey: string }): AwsConnection => ({
  accessKeyId: key.accessKeyId,
  secretAccessKey: key.secretAccessKey,
  endpoint: sandbox.endpoint,
});
const getImage = (d: CloudDriver, location: string, id: string, signal?: AbortSignal) =>
  (d.getImage as NonNullable<CloudDriver['getImage']>)(location, id, signal);

async function cloudErrorOf(promise: Promise<unknown>): Promise<CloudError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  return error as CloudError;
}

/** A DescribeImages request signed by hand, to read EC2's answer as it goes over the wire. */
async function rawDescribeImages(query: string): Promise<{ status: number; text: string }> {
  const url = new URL(sandbox.endpoint);
  const body = `Action=DescribeImages&Version=2016-11-15&${query}`;
  const signer = new SignatureV4({
    service: 'ec2',
    region: 'us-east-1',
    credentials: { accessKeyId: KEY.accessKeyId, secretAccessKey: KEY.secretAccessKey },
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
  const response = await fetch(sandbox.endpoint, { method: 'POST', headers: signed.headers, body });
  return { status: response.status, text: await response.text() };
}

const lastDescribe = () => sandbox.requestLog.entries('DescribeImages').at(-1);

function deprecatedAmazonImage(): SandboxImage {
  const image = sandbox.catalog
    .publicImages('us-east-1')
    .find((i) => i.ownerAlias === 'amazon' && isDeprecated(i, REFERENCE));
  if (!image) throw new Error('the seed has no deprecated Amazon image in us-east-1');
  return image;
}

beforeAll(async () => {
  sandbox = await startEc2Sandbox({
    referenceDate: REFERENCE,
    credentials: [KEY, DENIED],
    regions: ['us-east-1', 'eu-west-1'],
  });
  driver = createAwsDriver(connect(KEY), FAST);
  sdk = createEc2Client(connect(KEY), 'us-east-1', FAST);
});

afterAll(async () => {
  sdk?.destroy();
  await sandbox?.stop();
});

describe('AWS getImage', () => {
  it('returns a deprecated public image by id with its deprecation, though plain listings hide it', async () => {
    const image = deprecatedAmazonImage();
    const hidden = await sdk.send(
      new DescribeImagesCommand({ Owners: ['amazon'], Filters: [{ Name: 'name', Values: [image.name] }] }),
    );
    expect(hidden.Images ?? []).toHaveLength(0);

    const found = await getImage(driver, 'us-east-1', image.imageId);
    expect(found).toMatchObject({
      cloudId: image.imageId,
      name: image.name,
      ownerId: image.ownerId,
      ownerAlias: 'amazon',
      state: 'available',
      deprecationState: 'deprecated',
      deprecatesAt: new Date(image.deprecationTime ?? NaN).toISOString(),
    });
    expect(found?.fields).toContainEqual({ label: 'Deprecation time', value: image.deprecationTime });
    // Asked by exact id with IncludeDeprecated, and no owner: an id names one image.
    expect(lastDescribe()?.params).toMatchObject({ 'ImageId.1': image.imageId, IncludeDeprecated: 'true' });
    expect(lastDescribe()?.params).not.toHaveProperty('Owner.1');
  });

  it("finds the caller's own image, and looks up in the region asked", async () => {
    const own = sandbox.catalog
      .visibleTo('eu-west-1', KEY.accountId)
      .find((i) => i.ownerId === KEY.accountId);
    expect(own).toBeDefined();
    const found = await getImage(driver, 'eu-west-1', own?.imageId ?? '');
    expect(found).toMatchObject({ cloudId: own?.imageId, ownerId: KEY.accountId, visibility: 'private' });
    // AMIs are regional: the same id means nothing in us-east-1.
    expect(sandbox.catalog.visibleTo('us-east-1', KEY.accountId).map((i) => i.imageId)).not.toContain(
      own?.imageId,
    );
    expect(await getImage(driver, 'us-east-1', own?.imageId ?? '')).toBeNull();
    expect(lastDescribe()).toMatchObject({ region: 'us-east-1', errorCode: 'InvalidAMIID.NotFound' });
  });

  it("answers an unknown id with EC2's InvalidAMIID.NotFound XML, which the driver reads as null", async () => {
    const raw = await rawDescribeImages(`ImageId.1=${UNKNOWN_ID}`);
    expect(raw.status).toBe(400);
    expect(raw.text).toMatch(
      new RegExp(
        `^<\\?xml version="1.0" encoding="UTF-8"\\?>\\n<Response><Errors><Error><Code>InvalidAMIID.NotFound</Code>` +
          `<Message>The image id &apos;\\[${UNKNOWN_ID}\\]&apos; does not exist</Message></Error></Errors>` +
          '<RequestID>[0-9a-f-]{36}</RequestID></Response>$',
      ),
    );
    expect(await getImage(driver, 'us-east-1', UNKNOWN_ID)).toBeNull();
  });

  it('answers a malformed id with InvalidAMIID.Malformed; the driver says null without asking', async () => {
    const raw = await rawDescribeImages('ImageId.1=ami-12');
    expect(raw.status).toBe(400);
    expect(raw.text).toContain(
      '<Code>InvalidAMIID.Malformed</Code><Message>Invalid id: &quot;ami-12&quot; (expecting &quot;ami-...&quot;)</Message>',
    );
    const calls = sandbox.requestLog.entries('DescribeImages').length;
    expect(await getImage(driver, 'us-east-1', 'ami-12')).toBeNull();
    expect(await getImage(driver, 'us-east-1', 'not-an-ami')).toBeNull();
    expect(sandbox.requestLog.entries('DescribeImages')).toHaveLength(calls);
  });

  it('removeImage deregisters: lookup null, listings leave it out, DescribeImages by id answers empty', async () => {
    const own = sandbox.catalog
      .visibleTo('us-east-1', KEY.accountId)
      .find((i) => i.ownerId === KEY.accountId);
    const id = own?.imageId ?? '';
    expect(await getImage(driver, 'us-east-1', id)).not.toBeNull();

    expect(sandbox.removeImage(id)).toBe(true);
    expect(sandbox.removeImage(id)).toBe(false);
    expect(sandbox.removeImage(UNKNOWN_ID)).toBe(false);

    expect(await getImage(driver, 'us-east-1', id)).toBeNull();
    // Known but gone: no NotFound, just nothing (as EC2 answers a while after deregistration).
    const byId = await sdk.send(new DescribeImagesCommand({ ImageIds: [id] }));
    expect(byId.Images).toEqual([]);
    const listed = await driver.listImages({ location: 'us-east-1', owner: 'self' }, () => undefined);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.map((i) => i.cloudId)).not.toContain(id);
  });

  it('reports other failures as the listing does: permission, throttling, cancelling', async () => {
    const image = deprecatedAmazonImage();
    const denied = createAwsDriver(connect(DENIED), FAST);
    const permission = await cloudErrorOf(getImage(denied, 'us-east-1', image.imageId));
    expect(permission.appError.code).toBe('cloud-permission');
    expect(permission.appError.message).toContain('ec2:DescribeImages');

    sandbox.faults.add({ action: 'DescribeImages', code: 'RequestLimitExceeded', times: 2 });
    const throttled = await cloudErrorOf(getImage(driver, 'us-east-1', image.imageId));
    expect(throttled.appError.code).toBe('cloud-throttled');
    expect(sandbox.faults.pending()).toBe(0);

    const controller = new AbortController();
    controller.abort();
    const cancelled = await cloudErrorOf(getImage(driver, 'us-east-1', image.imageId, controller.signal));
    expect(cancelled.appError.code).toBe('cancelled');
  });
});
