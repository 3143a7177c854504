import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEc2Sandbox, type Ec2Sandbox } from '../../main/sandbox';
import { startCore, type CoreHarness } from '../support/core-harness';

// Two clients with the same cloud; each key opens only its own account's images on the stand-in.
const clientA = {
  accessKeyId: 'AKIACLIENTAISOLATE01',
  secretAccessKey: 'generated-client-a-isolation-secret-0001',
};
const clientB = {
  accessKeyId: 'AKIACLIENTBISOLATE02',
  secretAccessKey: 'generated-client-b-isolation-secret-0002',
};
let cloud: Ec2Sandbox;
let hangar: CoreHarness;
let workspaceA: string;
let workspaceB: string;

async function addAndSync(workspaceId: string, name: string, key: typeof clientA): Promise<string> {
  const account = await hangar.call('accounts:add', {
    workspaceId,
    name,
    storage: 'keychain',
    account: {
      cloud: 'aws',
      connection: {
        accessKeyId: key.accessKeyId,
        regions: ['us-east-1'],
        owners: [],
        endpoint: cloud.endpoint,
      },
      secret: { secretAccessKey: key.secretAccessKey },
    },
  });
  const done = hangar.nextEvent(
    'sync:progress',
    (s) => s.workspaceId === workspaceId && s.state !== 'running',
  );
  await hangar.call('sync:start', { workspaceId });
  expect((await done).sources.every((source) => source.state === 'done')).toBe(true);
  return account.id;
}

beforeAll(async () => {
  cloud = await startEc2Sandbox({
    credentials: [
      { ...clientA, allowDescribeImages: true },
      { ...clientB, allowDescribeImages: true },
    ],
    regions: ['us-east-1'],
  });
  hangar = await startCore();
  workspaceA = (
    await hangar.call('workspaces:create', {
      name: 'Client A',
      color: 'green',
      environments: ['prod', 'staging'],
    })
  ).id;
  workspaceB = (await hangar.call('workspaces:create', { name: 'Client B', color: 'red' })).id;
  await addAndSync(workspaceA, 'A prod', clientA);
  await addAndSync(workspaceB, 'B prod', clientB);
});

afterAll(async () => {
  await hangar.close();
  await cloud.stop();
});

describe('two client workspaces with accounts of the same cloud', () => {
  it('list only their own accounts and sources', async () => {
    const a = await hangar.call('accounts:list', { workspaceId: workspaceA });
    const b = await hangar.call('accounts:list', { workspaceId: workspaceB });
    expect(a.map((account) => account.name)).toEqual(['A prod']);
    expect(b.map((account) => account.name)).toEqual(['B prod']);
    const sourcesA = await hangar.call('catalog:sources', { workspaceId: workspaceA });
    expect(sourcesA.every((source) => source.accountId === a[0]!.id)).toBe(true);
  });

  it('answer queries, facets, timeline and export with their own images only', async () => {
    const [a] = await hangar.call('accounts:list', { workspaceId: workspaceA });
    const [b] = await hangar.call('accounts:list', { workspaceId: workspaceB });
    const pageA = await hangar.call('catalog:query', { workspaceId: workspaceA, limit: 500 });
    const pageB = await hangar.call('catalog:query', { workspaceId: workspaceB, limit: 500 });
    expect(pageA.total).toBeGreaterThan(0);
    expect(pageB.total).toBeGreaterThan(0);
    expect(pageA.rows.every((row) => row.accountId === a!.id)).toBe(true);
    expect(pageB.rows.every((row) => row.accountId === b!.id)).toBe(true);
    // Each client's own images carry that client's account number as owner: none crosses over.
    const ownersA = new Set(pageA.rows.map((row) => row.ownerId));
    expect(pageB.rows.some((row) => ownersA.has(row.ownerId))).toBe(false);

    const facets = await hangar.call('catalog:facets', { workspaceId: workspaceA });
    expect(facets.facets.account?.map((value) => value.value)).toEqual([a!.id]);
    // Even asking for the other client's account by id finds nothing.
    const smuggled = await hangar.call('catalog:query', {
      workspaceId: workspaceA,
      filters: { accountIds: [b!.id] },
    });
    expect(smuggled.total).toBe(0);
    const exported = await hangar.call('catalog:export', { workspaceId: workspaceA, format: 'json' });
    expect(exported.content).not.toContain(b!.id);
    // A detail key from B, asked for in A's context, is refused.
    await expect(
      hangar.call('catalog:get', { workspaceId: workspaceA, key: pageB.rows[0]!.key }),
    ).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('keep syncs apart: a workspace sees only its own sync', async () => {
    const status = await hangar.call('sync:status', { workspaceId: workspaceA });
    expect(status.current).toBeNull(); // the last sync was B's
    expect((await hangar.call('sync:status', { workspaceId: workspaceB })).current?.workspaceId).toBe(
      workspaceB,
    );
  });

  it('refuses requests for a workspace that does not exist', async () => {
    await expect(hangar.call('catalog:query', { workspaceId: 'ws-nope' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('exports a workspace without secrets and imports it as a new one awaiting secrets', async () => {
    const exported = await hangar.call('workspaces:export', { workspaceId: workspaceA });
    expect(exported.content).not.toContain(clientA.secretAccessKey);
    expect(exported.fileName).toBe('client-a.hangar-workspace.json');
    const imported = await hangar.call('workspaces:import', { content: exported.content });
    expect(imported.workspace).toMatchObject({ name: 'Client A (2)', color: 'green', accountCount: 1 });
    expect(imported.workspace.environments.map((env) => env.name)).toEqual(['prod', 'staging']);
    const [waiting] = imported.accountsAwaitingCredential;
    const listed = await hangar.call('accounts:list', { workspaceId: imported.workspace.id });
    expect(listed[0]).toMatchObject({ name: 'A prod', credentials: 'missing' });
    const updated = await hangar.call('accounts:set-secret', {
      accountId: waiting!.accountId,
      storage: 'session',
      secret: { secretAccessKey: clientA.secretAccessKey },
    });
    expect(updated.credentials).toBe('session');
    expect(await hangar.call('accounts:test', { accountId: waiting!.accountId })).toMatchObject({ ok: true });
    expect(
      (await hangar.call('accounts:list', { workspaceId: imported.workspace.id }))[0]!.lastVerifiedAt,
    ).not.toBeNull();
    await expect(
      hangar.call('workspaces:import', { content: '{"format":"something-else"}' }),
    ).rejects.toMatchObject({
      code: 'invalid-request',
    });
  });

  it('locks: session-only secrets are forgotten, the catalog stays browsable', async () => {
    const before = (await hangar.call('catalog:query', { workspaceId: workspaceA })).total;
    const locked = await hangar.call('app:lock', {});
    expect(locked.sessionEntriesForgotten).toBeGreaterThanOrEqual(1);
    expect((await hangar.call('catalog:query', { workspaceId: workspaceA })).total).toBe(before);
  });

  it('removes a workspace only when asked to take its accounts and keychain entries along', async () => {
    await expect(hangar.call('workspaces:remove', { workspaceId: workspaceB })).rejects.toMatchObject({
      code: 'conflict',
    });
    const keysBefore = (await hangar.secrets.list()).length;
    expect(await hangar.call('workspaces:remove', { workspaceId: workspaceB, removeAccounts: true })).toEqual(
      {
        removed: true,
        accountsRemoved: 1,
      },
    );
    expect((await hangar.secrets.list()).length).toBe(keysBefore - 1);
  });
});
