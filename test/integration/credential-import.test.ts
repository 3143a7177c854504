import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NodeTextFileReader } from '../../main/importers';
import { startCore, type CoreHarness } from '../support/core-harness';

// Generated for this test only.
const profileSecret = 'FAKEgeneratedImportSecret0123456789abcdEF';
let home: string;
let hangar: CoreHarness;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'hangar-home-'));
  await mkdir(join(home, '.aws'));
  await writeFile(
    join(home, '.aws', 'credentials'),
    `[client-a]\naws_access_key_id = AKIAFAKEIMPORT000001\naws_secret_access_key = ${profileSecret}\n`,
  );
  await writeFile(
    join(home, '.aws', 'config'),
    '[profile client-a]\nregion = eu-west-1\n\n[profile sso-user]\nsso_start_url = https://example.awsapps.com/start\nsso_region = eu-west-1\n',
  );
  hangar = await startCore({
    importSystem: () => ({
      env: {},
      homeDir: home,
      cwd: home,
      etcDir: join(home, 'etc'),
      files: new NodeTextFileReader(),
    }),
  });
});

afterEach(async () => {
  await hangar.close();
  await rm(home, { recursive: true, force: true });
});

describe('importing credentials people already have', () => {
  it('lists candidates without ever sending the secret to the renderer', async () => {
    const found = await hangar.call('accounts:discover', {});
    expect(JSON.stringify(found)).not.toContain(profileSecret);
    const profile = found.candidates.find((candidate) => candidate.name.includes('client-a'));
    expect(profile).toMatchObject({ cloud: 'aws', importable: true, promptForCredential: false });
    expect(profile?.summary).toContain('eu-west-1');
    const sso = found.candidates.find((candidate) => candidate.name.includes('sso-user'));
    expect(sso).toMatchObject({ importable: false });
    expect(sso?.note).toMatch(/sso login/);
  });

  it('imports a picked candidate with its secret going straight to the keychain', async () => {
    const found = await hangar.call('accounts:discover', {});
    const profile = found.candidates.find((candidate) => candidate.name.includes('client-a'))!;
    const account = await hangar.call('accounts:import', { candidateId: profile.id, storage: 'keychain' });
    expect(JSON.stringify(account)).not.toContain(profileSecret);
    expect(account).toMatchObject({ cloud: 'aws', identity: '…0001', locations: ['eu-west-1'] });
    expect(await hangar.secrets.get(`account/${account.id}`)).toContain(profileSecret);
    // Used once: importing the same candidate again asks for a new discovery.
    await expect(
      hangar.call('accounts:import', { candidateId: profile.id, storage: 'keychain' }),
    ).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
