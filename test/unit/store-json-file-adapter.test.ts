import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createAppStateStore,
  defaultAppState,
  validateAppState,
  type AppState,
  type AppStateStore,
} from '../../main/stores/app-state';
import { JsonFileAdapter, type CorruptFileNotice } from '../../main/stores/json-file-adapter';

/** The app's own wiring: the state file through the validating adapter, read once. */
async function openAppState(
  file: string,
  onCorrupt?: (message: string, notice: CorruptFileNotice) => void,
): Promise<AppStateStore> {
  const store = createAppStateStore(
    new JsonFileAdapter({ path: file, validate: validateAppState, label: 'settings', onCorrupt }),
  );
  await store.read();
  return store;
}

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hangar-state-'));
  path = join(dir, 'state.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const validState = (): AppState => ({
  ...defaultAppState(),
  workspace: { name: 'Client A' },
  accounts: [
    {
      id: 'aws-1',
      workspaceId: 'default',
      environmentId: null,
      lastVerifiedAt: null,
      cloud: 'aws',
      name: 'Production',
      kind: 'user',
      connection: { accessKeyId: 'AKIAEXAMPLE00000001', regions: ['eu-west-1'], owners: ['self'] },
      credentials: 'keychain',
      createdAt: '2025-01-01T00:00:00.000Z',
    },
  ],
});

describe('JsonFileAdapter', () => {
  it('round-trips data through the file', async () => {
    const adapter = new JsonFileAdapter({ path, validate: validateAppState, label: 'settings' });
    await adapter.write(validState());
    expect(await adapter.read()).toEqual(validState());
  });

  it('answers null for a missing file without a notice', async () => {
    const notices: string[] = [];
    const adapter = new JsonFileAdapter({
      path,
      validate: validateAppState,
      label: 'settings',
      onCorrupt: (m) => notices.push(m),
    });
    expect(await adapter.read()).toBeNull();
    expect(notices).toEqual([]);
  });

  it('creates the directory on the first write', async () => {
    const nested = join(dir, 'a', 'b', 'state.json');
    await new JsonFileAdapter({ path: nested, validate: validateAppState, label: 'settings' }).write(
      validState(),
    );
    expect(JSON.parse(await readFile(nested, 'utf8'))).toEqual(validState());
  });
});

describe('openAppState with a damaged file', () => {
  const damaged: Array<[string, string, RegExp]> = [
    ['truncated JSON', JSON.stringify(validState()).slice(0, 40), /was damaged/],
    ['garbage', 'this is not json at all', /was damaged/],
    ['the wrong schema', JSON.stringify({ ...validState(), accounts: [{ id: 'x' }] }), /was damaged/],
    [
      'a future schemaVersion',
      JSON.stringify({ ...validState(), schemaVersion: 2 }),
      /was written by a newer version of Hangar/,
    ],
  ];

  it.each(damaged)(
    'sets %s aside, tells the user, and starts from defaults',
    async (_label, content, wording) => {
      await writeFile(path, content);
      const notices: Array<{ message: string; notice: CorruptFileNotice }> = [];
      const store = await openAppState(path, (message, notice) => notices.push({ message, notice }));

      expect(store.data).toEqual(defaultAppState());
      expect(notices).toHaveLength(1);
      const [{ message, notice }] = notices as [(typeof notices)[0]];
      expect(message).toMatch(wording);
      expect(message).toMatch(/^Hangar's settings file .* has been moved to .*; starting with defaults\.$/);
      expect(notice.movedTo).toMatch(/state\.json\.corrupt-/);
      expect(message).toContain(notice.movedTo);
      expect(await readFile(notice.movedTo ?? '', 'utf8')).toBe(content);

      // The app carries on: the next change writes a fresh, valid file.
      await store.update((draft) => {
        draft.workspace.name = 'After recovery';
      });
      const reopened = await openAppState(path, () => {
        throw new Error('the rewritten file must be valid');
      });
      expect(reopened.data.workspace.name).toBe('After recovery');
      expect((await readdir(dir)).sort()).toEqual(
        [notice.movedTo?.slice(dir.length + 1), 'state.json'].sort(),
      );
    },
  );

  it('loads a valid file unchanged and fills settings added with defaults', async () => {
    const { settings: _omitted, ...withoutSettings } = validState();
    await writeFile(path, JSON.stringify(withoutSettings));
    const store = await openAppState(path);
    expect(store.data.accounts[0]?.name).toBe('Production');
    expect(store.data.settings.staleAfterHours).toBe(24);
  });

  it('tolerates an error code this build does not know', async () => {
    const state = {
      ...validState(),
      sources: [
        {
          id: 'aws-1.eu-west-1.self',
          accountId: 'aws-1',
          location: 'eu-west-1',
          owner: 'self',
          imageCount: 3,
          lastSyncedAt: null,
          lastAttemptAt: '2025-01-01T00:00:00.000Z',
          lastError: { code: 'some-future-code', message: 'It failed.' },
        },
      ],
    };
    await writeFile(path, JSON.stringify(state));
    const store = await openAppState(path, () => {
      throw new Error('not damaged');
    });
    expect(store.data.sources[0]?.lastError).toEqual({ code: 'internal', message: 'It failed.' });
  });
});
