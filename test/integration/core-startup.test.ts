import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCore, type CoreHarness } from '../support/core-harness';

let hangar: CoreHarness | undefined;

afterEach(async () => {
  await hangar?.close();
  hangar = undefined;
});

describe('starting Hangar', () => {
  it('moves a damaged state file aside, tells the user, and starts anyway', async () => {
    hangar = await startCore();
    await hangar.call('accounts:add', {
      name: 'Before damage',
      storage: 'keychain',
      account: {
        cloud: 'aws',
        connection: { accessKeyId: 'AKIASTARTUPTEST00001', regions: ['us-east-1'], owners: [] },
        secret: { secretAccessKey: 'generated-startup-secret-00000000000000' },
      },
    });
    await writeFile(join(hangar.dataDir, 'state.json'), '{"schemaVersion":1,"accounts":[{"id":'); // truncated
    await hangar.restart();

    const info = await hangar.call('app:info', {});
    expect(info.notices).toHaveLength(1);
    expect(info.notices[0]!.message).toMatch(
      /settings file was damaged and has been moved to .*state\.json\.corrupt-/,
    );
    expect(await hangar.call('accounts:list', {})).toEqual([]);
    expect((await readdir(hangar.dataDir)).some((name) => name.startsWith('state.json.corrupt-'))).toBe(true);
  });

  it('runs the sandbox on first start and syncs it so the catalog is browsable at once', async () => {
    hangar = await startCore({ sandbox: true });
    const info = await hangar.call('app:info', {});
    expect(info).toMatchObject({
      startWorkspaceId: 'sandbox',
      sandbox: { running: true, clouds: expect.arrayContaining(['aws']) },
    });
    await hangar.core.sync.idle();
    const page = await hangar.call('catalog:query', { limit: 1 });
    expect(page.catalogSize).toBeGreaterThan(1000);
    const sources = await hangar.call('catalog:sources', {});
    const owners = new Set(sources.filter((source) => source.imageCount > 0).map((source) => source.owner));
    expect([...owners]).toEqual(expect.arrayContaining(['amazon', 'aws-marketplace', '099720109477']));
  });

  it('shows a session-only secret as missing after a restart, and says why a sync cannot run', async () => {
    hangar = await startCore();
    const account = await hangar.call('accounts:add', {
      name: 'Session only',
      storage: 'session',
      account: {
        cloud: 'aws',
        connection: { accessKeyId: 'AKIASESSIONTEST00001', regions: ['us-east-1'], owners: [] },
        secret: { secretAccessKey: 'generated-session-secret-000000000000000' },
      },
    });
    expect(account.credentials).toBe('session');
    expect(await hangar.secrets.list()).toEqual([]); // never in the keychain
    await hangar.restart();
    expect((await hangar.call('accounts:list', {}))[0]!.credentials).toBe('missing');
    const finished = hangar.nextEvent('sync:progress', (snapshot) => snapshot.state !== 'running');
    await hangar.call('sync:start', { accountId: account.id });
    const snapshot = await finished;
    expect(snapshot.sources[0]!.error?.message).toMatch(/kept for one session only/);
  });
});
