import { paginateDescribeInstances, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LaunchSpec } from '../../main/providers/compute-driver';
import { createAwsComputeDriver } from '../../main/providers/aws/compute/aws-compute-driver';
import { createEc2Client, type AwsConnection } from '../../main/providers/aws/ec2-client-factory';
import { CloudError } from '../../main/providers/driver';
import { startEc2Sandbox, type Ec2Sandbox } from '../../main/sandbox';

const KEY = {
  accessKeyId: 'AKIAHANGARSTATES0001',
  secretAccessKey: 'statesSecret/0123456789abcdefghijklmnopq',
  accountId: '222233334444',
  allowDescribeImages: true,
};
const NO_COMPUTE = {
  accessKeyId: 'AKIAHANGARBROWSEONLY',
  secretAccessKey: 'browseSecret/0123456789abcdefghijklmnopq',
  accountId: '555566667777',
  allowDescribeImages: true,
  allowCompute: false,
};
const REGION = 'us-east-1';
const TIMING = {
  bootMs: 1_500,
  shutdownMs: 1_000,
  captureMs: 3_000,
  copyMs: 4_000,
  terminatedVisibleMs: 60_000,
};

// The stand-in's compute clock is ours: each state is observed before and after its due time.
let now = Date.parse('2025-06-01T12:00:00Z');
const tick = (ms: number) => {
  now += ms;
};
let sandbox: Ec2Sandbox;
let connection: AwsConnection;
let base: LaunchSpec;
const driver = (key = KEY) =>
  createAwsComputeDriver({ ...key, endpoint: sandbox.endpoint }, { maxAttempts: 3, retryBaseDelayMs: 1 });

async function cloudErrorOf(promise: Promise<unknown>): Promise<CloudError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  return error as CloudError;
}

beforeAll(async () => {
  sandbox = await startEc2Sandbox({
    credentials: [KEY, NO_COMPUTE],
    regions: [REGION],
    compute: TIMING,
    clock: () => now,
  });
  connection = { ...KEY, endpoint: sandbox.endpoint };
  const image = sandbox.catalog
    .publicImages(REGION)
    .find(
      (i) =>
        i.ownerAlias === 'amazon' &&
        i.architecture === 'x86_64' &&
        i.platform === undefined &&
        i.state === 'available',
    );
  base = {
    location: REGION,
    imageId: image?.imageId ?? 'ami-missing',
    flavorId: 't3.micro',
    networkId: null,
    subnetId: null,
    publicIp: true,
    securityGroupIds: [],
    keyName: null,
    publicKey: null,
    volumes: [],
    userData: null,
    tags: {},
    name: 'states',
    count: 1,
    computeResource: null,
  };
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.faults.clear());

describe('instance states over time', () => {
  it('goes pending → running (public address first) → shutting-down → terminated → forgotten', async () => {
    const compute = driver();
    const { serverIds } = await compute.launch(base);
    const id = serverIds[0] ?? '';
    const pending = await compute.getServer(REGION, id);
    expect(pending).toMatchObject({ state: 'pending', reason: null });
    expect(pending?.addresses).toHaveLength(1); // the private address comes with the launch

    tick(TIMING.bootMs - 1);
    expect((await compute.getServer(REGION, id))?.state).toBe('pending');
    tick(1);
    const running = await compute.getServer(REGION, id);
    expect(running?.state).toBe('running');
    expect(running?.addresses[0]).toMatch(/^3\.\d+\.\d+\.\d+$/);
    expect(running?.addresses[1]).toMatch(/^172\.31\.\d+\.\d+$/);

    await compute.terminate(REGION, id);
    expect(await compute.getServer(REGION, id)).toMatchObject({ state: 'stopping' });
    expect((await compute.serversUsingImage(REGION, base.imageId)).map((s) => s.id)).toContain(id);
    tick(TIMING.shutdownMs);
    const gone = await compute.getServer(REGION, id);
    expect(gone).toMatchObject({
      state: 'terminated',
      reason: 'Client.UserInitiatedShutdown: User initiated shutdown',
    });
    expect(gone?.addresses).toEqual([]);
    expect((await compute.serversUsingImage(REGION, base.imageId)).map((s) => s.id)).not.toContain(id);
    await compute.terminate(REGION, id); // terminating again is harmless
    tick(TIMING.terminatedVisibleMs + 1);
    expect(await compute.getServer(REGION, id)).toBeNull();
  });

  it('accepts a launch whose KMS key is unusable, then fails it while it boots, with the reason', async () => {
    const compute = driver();
    const { serverIds } = await compute.launch({
      ...base,
      volumes: [{ sizeGb: 10, type: 'gp3', encrypted: true, kmsKeyId: 'alias/no-such-key' }],
    });
    tick(TIMING.bootMs);
    expect(await compute.getServer(REGION, serverIds[0] ?? '')).toMatchObject({
      state: 'failed',
      reason: 'Client.InvalidKMSKey.InvalidState: The KMS key provided is in an incorrect state',
    });
  });

  it('captures only a running or stopped server, and the image is pending until its snapshots finish', async () => {
    const compute = driver();
    const { serverIds } = await compute.launch(base);
    const id = serverIds[0] ?? '';
    const early = await cloudErrorOf(compute.captureImage!(REGION, id, 'too-early', ''));
    expect(early.appError.message).toMatch(/IncorrectInstanceState/);
    tick(TIMING.bootMs);
    const { imageId } = await compute.captureImage!(REGION, id, 'states-capture', 'from the state test');
    const own = () => sandbox.catalog.findOwnImage(REGION, KEY.accountId, imageId);
    await compute.listFlavors(REGION); // any request lets the stand-in's time move
    expect(own()).toMatchObject({ state: 'pending', sourceInstanceId: id, name: 'states-capture' });
    tick(TIMING.captureMs);
    await compute.listFlavors(REGION);
    expect(own()?.state).toBe('available');
    const duplicate = await cloudErrorOf(compute.captureImage!(REGION, id, 'states-capture', ''));
    expect(duplicate.appError).toMatchObject({ code: 'conflict' });
    await compute.terminate(REGION, id);
  });
});

describe('refusals', () => {
  it('refuses an instance type whose architecture does not match the image', async () => {
    const error = await cloudErrorOf(driver().launch({ ...base, flavorId: 'c7g.large' }));
    expect(error.appError.code).toBe('invalid-request');
    expect(error.appError.message).toMatch(
      /architecture 'arm64' of the specified instance type does not match/,
    );
  });

  it('names the IAM action a key without compute permission lacks', async () => {
    const error = await cloudErrorOf(driver(NO_COMPUTE).launch(base));
    expect(error.appError.code).toBe('cloud-permission');
    expect(error.appError.message).toMatch(/Grant the IAM permission ec2:RunInstances/);
    const listing = await cloudErrorOf(driver(NO_COMPUTE).listFlavors(REGION));
    expect(listing.appError.message).toMatch(/ec2:DescribeInstanceTypes/);
  });

  it("refuses to deprecate someone else's image", async () => {
    const error = await cloudErrorOf(
      driver().deprecateImage!(REGION, base.imageId, new Date(now + 86_400_000)),
    );
    expect(error.appError.code).toBe('cloud-permission');
    expect(error.appError.message).toMatch(/Not authorized for image:ami-/);
  });
});

describe('the wire', () => {
  it('retries a RunInstances that met a 503 with the same ClientToken, launching once', async () => {
    const state = sandbox.compute.of(KEY.accountId, REGION);
    const reservations = state.reservations.length;
    sandbox.faults.add({ action: 'RunInstances', code: 'Unavailable', status: 503, times: 1 });
    const { serverIds } = await driver().launch({ ...base, name: 'retried' });
    const attempts = sandbox.requestLog.entries('RunInstances').slice(-2);
    expect(attempts.map((a) => a.status)).toEqual([503, 200]);
    expect(attempts[0]?.params.ClientToken).toBe(attempts[1]?.params.ClientToken);
    expect(serverIds).toHaveLength(1);
    expect(state.reservations.length).toBe(reservations + 1);
  });

  it('answers a repeated ClientToken with the first reservation, and refuses it with other parameters', async () => {
    const client = createEc2Client(connection, REGION);
    try {
      const input = {
        ImageId: base.imageId,
        InstanceType: 't3.micro' as const,
        MinCount: 1,
        MaxCount: 1,
        ClientToken: 'same-token',
      };
      const first = await client.send(new RunInstancesCommand(input));
      const second = await client.send(new RunInstancesCommand(input));
      expect(second.ReservationId).toBe(first.ReservationId);
      expect(second.Instances?.map((i) => i.InstanceId)).toEqual(first.Instances?.map((i) => i.InstanceId));
      expect(first.Instances?.[0]?.State).toEqual({ Code: 0, Name: 'pending' });
      const changed = await client
        .send(new RunInstancesCommand({ ...input, InstanceType: 't3.small' }))
        .catch((e: Error) => e);
      expect((changed as Error).name).toBe('IdempotentParameterMismatch');
    } finally {
      client.destroy();
    }
  });

  it('pages DescribeInstances with NextToken', async () => {
    for (let n = 0; n < 6; n += 1) await driver().launch({ ...base, name: `paged-${n}` });
    const client = createEc2Client(connection, REGION);
    try {
      let pages = 0;
      const ids: string[] = [];
      for await (const page of paginateDescribeInstances({ client, pageSize: 5 }, {})) {
        pages += 1;
        ids.push(
          ...(page.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId ?? ''),
        );
      }
      expect(pages).toBeGreaterThan(1);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(sandbox.compute.of(KEY.accountId, REGION).instances.size);
    } finally {
      client.destroy();
    }
  });
});
