import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncSnapshot } from '@contract/index';
import { startEc2Sandbox, type Ec2Sandbox } from '../../main/sandbox';
import { startCore, type CoreHarness } from '../support/core-harness';

const key = {
  accessKeyId: 'AKIACLIENTATEST00001',
  secretAccessKey: 'generated-client-a-secret-7f3c9e21d4b8a6f05e1c',
};
let cloud: Ec2Sandbox;
let hangar: CoreHarness;

beforeEach(async () => {
  cloud = await startEc2Sandbox({
    credentials: [{ ...key, allowDescribeImages: true }],
    regions: ['us-east-1', 'eu-west-1'],
  });
  hangar = await startCore();
});

afterEach(async () => {
  await hangar.close();
  await cloud.stop().catch(() => undefined);
});

const awsDraft = (
  secretAccessKey = key.secretAccessKey,
  regions = ['us-east-1', 'eu-west-1'],
  owners = ['amazon', '099720109477'],
) => ({
  cloud: 'aws' as const,
  connection: { accessKeyId: key.accessKeyId, regions, owners, endpoint: cloud.endpoint },
  secret: { secretAccessKey },
});

const addAccount = () =>
  hangar.call('accounts:add', { name: 'Client A', storage: 'keychain', account: awsDraft() });

async function syncToEnd(accountId: string): Promise<SyncSnapshot> {
  const done = hangar.nextEvent('sync:progress', (snapshot) => snapshot.state !== 'running');
  await hangar.call('sync:start', { accountId });
  return done;
}

describe('catalog sync through the core', () => {
  it('syncs every region × owner, keeps the secret only in the keychain, and answers queries', async () => {
    const account = await addAccount();
    expect(account).toMatchObject({
      cloud: 'aws',
      credentials: 'keychain',
      identity: '…0001',
      locations: ['us-east-1', 'eu-west-1'],
      scopes: ['self', 'amazon', '099720109477'],
    });
    expect(await hangar.secrets.list()).toEqual([`account/${account.id}`]);

    const snapshot = await syncToEnd(account.id);
    expect(snapshot.state).toBe('done');
    expect(snapshot.sources).toHaveLength(6);
    expect(snapshot.sources.every((source) => source.state === 'done')).toBe(true);

    const page = await hangar.call('catalog:query', {
      search: 'noble',
      filters: { regions: ['eu-west-1'] },
      limit: 5,
    });
    expect(page.total).toBeGreaterThan(5);
    expect(page.rows).toHaveLength(5);
    expect(
      page.rows.every(
        (row) =>
          row.location === 'eu-west-1' && `${row.name} ${row.description}`.toLowerCase().includes('noble'),
      ),
    ).toBe(true);

    const detail = await hangar.call('catalog:get', { key: page.rows[0]!.key });
    expect(detail.raw).toMatchObject({ ImageId: page.rows[0]!.cloudId });

    // Nothing on disk holds the secret.
    const files = [
      join(hangar.dataDir, 'state.json'),
      ...(await readdir(join(hangar.dataDir, 'catalog'))).map((f) => join(hangar.dataDir, 'catalog', f)),
    ];
    for (const file of files) expect(await readFile(file, 'utf8')).not.toContain(key.secretAccessKey);
  });

  it('keeps the cache browsable and marks it stale when the endpoint becomes unreachable', async () => {
    const account = await addAccount();
    await syncToEnd(account.id);
    const before = await hangar.call('catalog:query', {});
    await cloud.stop();

    const failed = await syncToEnd(account.id);
    expect(failed.sources.every((source) => source.state === 'failed')).toBe(true);
    expect(failed.sources[0]!.error).toMatchObject({ code: 'cloud-unreachable' });

    const after = await hangar.call('catalog:query', {});
    expect(after.total).toBe(before.total);
    const sources = await hangar.call('catalog:sources', {});
    expect(sources.every((source) => source.stale && source.lastSyncedAt !== null)).toBe(true);
    expect(sources[0]!.staleReason).toMatch(/last sync failed/);

    // And after a restart, from disk alone.
    await hangar.restart();
    expect((await hangar.call('catalog:query', {})).total).toBe(before.total);
    expect((await hangar.call('catalog:sources', {}))[0]!.lastError?.code).toBe('cloud-unreachable');
  });

  it('cancels a running sync and loses nothing already cached', async () => {
    const account = await addAccount();
    await syncToEnd(account.id);
    const cached = (await hangar.call('catalog:query', {})).total;
    cloud.faults.addLatency({ action: 'DescribeImages', ms: 5_000 });

    const running = hangar.nextEvent('sync:progress', (s) =>
      s.sources.some((source) => source.state === 'running'),
    );
    const finished = hangar.nextEvent('sync:progress', (s) => s.state !== 'running');
    const { operationId } = await hangar.call('sync:start', { accountId: account.id });
    await running;
    expect(await hangar.call('sync:cancel', { operationId })).toEqual({ cancelled: true });
    const snapshot = await finished;
    expect(snapshot.state).toBe('cancelled');
    expect((await hangar.call('catalog:query', {})).total).toBe(cached);
  });

  it('refuses a second sync while one runs, and reports bad credentials per source', async () => {
    const account = await hangar.call('accounts:add', {
      name: 'Wrong key',
      storage: 'session',
      account: awsDraft('generated-but-wrong-secret-000000000000', ['us-east-1'], []),
    });
    cloud.faults.addLatency({ action: 'DescribeImages', ms: 300, times: 1 });
    const finished = hangar.nextEvent('sync:progress', (s) => s.state !== 'running');
    await hangar.call('sync:start', { accountId: account.id });
    await expect(hangar.call('sync:start', {})).rejects.toMatchObject({ code: 'conflict' });
    const snapshot = await finished;
    expect(snapshot.sources[0]).toMatchObject({ state: 'failed', error: { code: 'cloud-auth' } });
  });

  it('removes an account with its keychain entry and its cached sources', async () => {
    const account = await addAccount();
    await syncToEnd(account.id);
    expect(await hangar.call('accounts:remove', { accountId: account.id })).toEqual({
      removed: true,
      keychainEntryRemoved: true,
    });
    expect(await hangar.secrets.list()).toEqual([]);
    expect((await hangar.call('catalog:query', {})).catalogSize).toBe(0);
    expect(await readdir(join(hangar.dataDir, 'catalog'))).toEqual([]);
  });

  it('tests a draft connection and names what failed', async () => {
    const ok = await hangar.call('accounts:test', { draft: awsDraft() });
    expect(ok).toMatchObject({ ok: true, code: 'ok' });
    const bad = await hangar.call('accounts:test', { draft: awsDraft('generated-wrong-secret-000000000') });
    expect(bad).toMatchObject({ ok: false, code: 'bad-credentials' });
    await cloud.stop();
    const down = await hangar.call('accounts:test', { draft: awsDraft() });
    expect(down).toMatchObject({ ok: false, code: 'unreachable' });
  });
});
