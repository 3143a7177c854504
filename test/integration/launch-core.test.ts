import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationSnapshot } from '@contract/index';
import { startEc2Sandbox, type Ec2Sandbox } from '../../main/sandbox';
import { startCore, type CoreHarness } from '../support/core-harness';

// Launch and lifecycle inside the core: real AWS SDK, the EC2 stand-in over HTTP, stores on disk.
const key = { accessKeyId: 'AKIALAUNCHCORE000001', secretAccessKey: 'generated-launch-core-secret-0000001' };
const REGION = 'us-east-1';
let cloud: Ec2Sandbox;
let hangar: CoreHarness;
let accountId: string;
let keysDir: string;
/** The image captured in the lifecycle test: own, available, and known not to be deleted. */
let capturedImageId = '';

async function finished(operationId: string): Promise<OperationSnapshot> {
  const current = (await hangar.call('operations:list', {})).find((o) => o.operationId === operationId);
  if (current && current.state !== 'running') return current;
  return hangar.nextEvent('operation:update', (o) => o.operationId === operationId && o.state !== 'running');
}

async function ownImageId(): Promise<string> {
  const page = await hangar.call('catalog:query', { filters: { owners: [] }, limit: 500 });
  const own = page.rows.find(
    (row) => row.visibility === 'private' && row.state === 'available' && !row.deprecated,
  );
  if (!own) throw new Error('the stand-in seeds own images; none found');
  return own.cloudId;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

beforeAll(async () => {
  cloud = await startEc2Sandbox({
    credentials: [{ ...key, allowDescribeImages: true }],
    regions: [REGION, 'eu-west-1'],
  });
  hangar = await startCore({ follow: { pollIntervalMs: 50, timeoutMs: 30_000 } });
  keysDir = await mkdtemp(join(tmpdir(), 'hangar-keys-'));
  const account = await hangar.call('accounts:add', {
    name: 'Launch AWS',
    storage: 'keychain',
    account: {
      cloud: 'aws',
      connection: {
        accessKeyId: key.accessKeyId,
        regions: [REGION, 'eu-west-1'],
        owners: [],
        endpoint: cloud.endpoint,
      },
      secret: { secretAccessKey: key.secretAccessKey },
    },
  });
  accountId = account.id;
  const done = hangar.nextEvent('sync:progress', (s) => s.state !== 'running');
  await hangar.call('sync:start', {});
  await done;
});

afterAll(async () => {
  await hangar?.close();
  await cloud?.stop();
  await rm(keysDir, { recursive: true, force: true });
});

describe('launching from the EC2 stand-in', () => {
  it('lists what the dialog offers and checks flavors against the image', async () => {
    const imageId = await ownImageId();
    const options = await hangar.call('launch:options', { accountId, location: REGION, imageId });
    expect(options.capabilities).toMatchObject({
      keyPairs: 'create-or-import',
      securityGroups: true,
      publicIp: true,
      volumes: true,
    });
    expect(options.flavors.length).toBeGreaterThan(2);
    expect(options.flavors.some((f) => f.unfitReason === null)).toBe(true);
    if (options.image.architecture === 'x86_64')
      expect(
        options.flavors
          .filter((f) => f.architecture === 'arm64')
          .every((f) => f.unfitReason?.includes('arm64')),
      ).toBe(true);
    expect(options.networks[0]!.subnets.length).toBeGreaterThan(0);
  });

  it('launches with a new key pair, a new security group and two RAID volumes, follows it to running, and keeps the history', async () => {
    const imageId = await ownImageId();
    const options = await hangar.call('launch:options', { accountId, location: REGION, imageId });
    const network = options.networks[0]!;
    const flavor = options.flavors.find((f) => f.unfitReason === null)!;
    const savePath = join(keysDir, 'launch-core.pem');
    const created = await hangar.call('launch:create-key-pair', {
      accountId,
      location: REGION,
      name: 'launch-core',
      savePath,
    });
    expect(created.savedTo).toBe(savePath);
    expect((await stat(savePath)).mode & 0o777).toBe(0o600);
    const privateKey = await readFile(savePath, 'utf8');
    expect(privateKey).toMatch(/PRIVATE KEY/);
    const group = await hangar.call('launch:create-security-group', {
      accountId,
      location: REGION,
      networkId: network.id,
      name: 'launch-core-web',
      rules: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '203.0.113.0/24' }],
    });
    const spec = {
      accountId,
      location: REGION,
      imageId,
      flavorId: flavor.id,
      networkId: network.id,
      subnetId: network.subnets[0]!.id,
      publicIp: true,
      securityGroupIds: [group.id],
      keyName: 'launch-core',
      volumes: [{ sizeGb: 20 }, { sizeGb: 20 }],
      raid: { level: '1' as const, mountPoint: '/data' },
      name: 'core-web',
      billingCode: 'CC-42',
    };
    const preview = await hangar.call('launch:preview', spec);
    expect(preview.problems).toEqual([]);
    expect(preview.cloudInit).toContain('--level=1');
    expect(preview.cloudTags).toMatchObject({ Name: 'core-web', 'billing-code': 'CC-42' });
    const started = await hangar.call('launch:start', spec);
    const operation = await finished(started.operationId);
    expect(operation).toMatchObject({ state: 'done', kind: 'launch' });
    const [entry] = await hangar.call('launch:history', {});
    expect(entry).toMatchObject({
      id: started.launchId,
      state: 'running',
      accountName: 'Launch AWS',
      imageId,
    });
    expect(entry!.servers[0]!.state).toBe('running');
    expect(entry!.servers[0]!.addresses.length).toBeGreaterThan(0);
    expect(entry!.spec).toMatchObject({ 'Key pair': 'launch-core', RAID: 'RAID 1 on /data (ext4)' });
    // The private key is nowhere in Hangar's data folder.
    const body = privateKey.split('\n').find((line) => line.length > 40)!;
    for (const file of await filesUnder(hangar.dataDir))
      expect(await readFile(file, 'latin1')).not.toContain(body);
    await hangar.restart();
    expect((await hangar.call('launch:history', {}))[0]).toMatchObject({
      id: started.launchId,
      state: 'running',
    });
  });

  it('captures an image from the server and registers it; deleting the source is refused while the server runs, allowed after terminating', async () => {
    const [entry] = await hangar.call('launch:history', {});
    const serverId = entry!.servers[0]!.serverId!;
    const capture = await hangar.call('lifecycle:capture', {
      accountId,
      location: REGION,
      serverId,
      name: 'core-web-golden',
      register: { record: { name: 'core-web-golden', osFamily: 'ubuntu', osVersion: '24.04' } },
    });
    const captured = await finished(capture.operationId);
    expect(captured.state).toBe('done');
    expect(captured.result?.imageIds).toHaveLength(1);
    capturedImageId = captured.result!.imageIds[0]!;
    const record = await hangar.call('registry:get', { recordId: captured.result!.recordId! });
    expect(record.mappings[0]).toMatchObject({
      cloudImageId: captured.result!.imageIds[0],
      ownedByAccount: true,
    });

    const refused = await hangar.call('lifecycle:delete', {
      accountId,
      location: REGION,
      imageId: entry!.imageId,
    });
    expect(refused).toMatchObject({ deleted: false, checkedIn: 'cloud' });
    expect(refused.usedBy.map((u) => u.id)).toContain(serverId);

    await hangar.call('launch:terminate', { launchId: entry!.id });
    await hangar.nextEvent('launch:changed');
    for (;;) {
      const [now] = await hangar.call('launch:history', {});
      if (now!.state === 'terminated') break;
      await hangar.nextEvent('launch:changed');
    }
    const deleted = await hangar.call('lifecycle:delete', {
      accountId,
      location: REGION,
      imageId: entry!.imageId,
    });
    expect(deleted).toMatchObject({ deleted: true });
  });

  it('reports a launch the cloud refuses half-way with its reason, and the history says failed', async () => {
    const imageId = capturedImageId;
    const options = await hangar.call('launch:options', { accountId, location: REGION, imageId });
    const flavor = options.flavors.find((f) => f.unfitReason === null)!;
    cloud.armFault('quota');
    const started = await hangar.call('launch:start', {
      accountId,
      location: REGION,
      imageId,
      flavorId: flavor.id,
      name: 'too-many',
    });
    const operation = await finished(started.operationId);
    expect(operation.state).toBe('failed');
    expect(operation.error?.message).toMatch(/limit|quota/i);
    const entry = (await hangar.call('launch:history', {})).find((l) => l.id === started.launchId);
    expect(entry).toMatchObject({ state: 'failed' });
    expect(entry!.error?.message).toMatch(/limit|quota/i);
  });
});

describe('launching from a record', () => {
  it('uses only the record’s own images, and never a record set to deleted', async () => {
    const [record] = (await hangar.call('registry:list', {})).filter((r) => r.name === 'core-web-golden');
    const mapping = record!.mappings[0]!;
    const options = await hangar.call('launch:options', {
      accountId,
      location: REGION,
      imageId: mapping.cloudImageId,
    });
    const flavor = options.flavors.find((f) => f.unfitReason === null)!;
    const base = {
      accountId,
      location: REGION,
      flavorId: flavor.id,
      name: 'from-record',
      recordId: record!.id,
    };
    await expect(
      hangar.call('launch:preview', { ...base, imageId: mapping.cloudImageId }),
    ).resolves.toMatchObject({
      problems: [],
    });
    const other = await ownImageId();
    await expect(hangar.call('launch:start', { ...base, imageId: other })).rejects.toThrow(/maps no image/);
    await hangar.call('registry:update', { recordId: record!.id, changes: { access: 'deleted' } });
    await expect(hangar.call('launch:start', { ...base, imageId: mapping.cloudImageId })).rejects.toThrow(
      /set to deleted/,
    );
  });
});
