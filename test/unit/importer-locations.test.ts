import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnvironmentMap } from '../../main/importers/import-candidate';
import {
  readAllImports,
  readAwsProfiles,
  readGoogleCredentials,
  readGoogleKeyFile,
  readOpenStackClouds,
  type ImportSystem,
} from '../../main/importers/standard-locations';
import { MemoryTextFileReader, NodeTextFileReader } from '../../main/importers/text-file-reader';
import {
  fakeAccessKeyId,
  fakePrivateKeyPem,
  fakeSecret,
  fakeServiceAccountKey,
} from './fixtures/importers/fake-credentials';

let root: string;
let home: string;
let cwd: string;
let etc: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hangar-importers-'));
  home = join(root, 'home');
  cwd = join(root, 'work');
  etc = join(root, 'etc');
  await Promise.all([mkdir(home), mkdir(cwd), mkdir(etc)]);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function system(env: EnvironmentMap = {}): ImportSystem {
  return { env, homeDir: home, cwd, etcDir: etc, files: new NodeTextFileReader() };
}

async function put(path: string, text: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  return path;
}

const CREDENTIALS = `[default]\naws_access_key_id = ${fakeAccessKeyId(7)}\naws_secret_access_key = ${fakeSecret('aws-loc')}\n`;

describe('readAwsProfiles', () => {
  it('reads ~/.aws/config and ~/.aws/credentials', async () => {
    await put(join(home, '.aws', 'config'), '[default]\nregion = eu-west-2\n');
    await put(join(home, '.aws', 'credentials'), CREDENTIALS);
    const result = await readAwsProfiles(system());
    expect(result.errors).toEqual([]);
    expect(result.candidates[0]?.draft?.connection).toMatchObject({
      accessKeyId: fakeAccessKeyId(7),
      regions: ['eu-west-2'],
    });
    expect(result.candidates[0]?.source).toBe(
      `${join(home, '.aws', 'config')} [default] + ${join(home, '.aws', 'credentials')} [default]`,
    );
  });

  it('follows AWS_CONFIG_FILE (with ~) and AWS_SHARED_CREDENTIALS_FILE (relative)', async () => {
    await put(join(home, '.aws', 'config'), '[default]\nregion = eu-west-2\n');
    await put(join(home, 'alt', 'config'), '[default]\nregion = ap-south-1\n');
    await put(join(cwd, 'creds'), CREDENTIALS);
    const result = await readAwsProfiles(
      system({ AWS_CONFIG_FILE: '~/alt/config', AWS_SHARED_CREDENTIALS_FILE: 'creds' }),
    );
    expect(result.candidates[0]?.draft?.connection).toMatchObject({ regions: ['ap-south-1'] });
    expect(result.candidates[0]?.source).toContain(join(cwd, 'creds'));
  });

  it('proposes nothing, without errors, when there are no AWS files', async () => {
    expect(await readAwsProfiles(system())).toEqual({ candidates: [], errors: [] });
  });

  it('reports a path that is a folder and proposes nothing from the pair', async () => {
    await mkdir(join(home, '.aws', 'credentials'), { recursive: true });
    await put(join(home, '.aws', 'config'), '[default]\nregion = eu-west-2\n');
    const result = await readAwsProfiles(system());
    expect(result.candidates).toEqual([]);
    expect(result.errors).toEqual([`Could not read ${join(home, '.aws', 'credentials')}: it is not a file.`]);
  });
});

describe('readGoogleCredentials', () => {
  it('reads GOOGLE_APPLICATION_CREDENTIALS and gcloud application-default credentials', async () => {
    const keyPath = await put(
      join(root, 'key.json'),
      fakeServiceAccountKey('fake-project-456', fakePrivateKeyPem('LOC')),
    );
    await put(
      join(home, '.config', 'gcloud', 'application_default_credentials.json'),
      JSON.stringify({
        type: 'authorized_user',
        client_id: 'fake',
        client_secret: 'FAKE-adc-Qz7vXw',
        refresh_token: 'FAKE-rt-Qz7vXw',
      }),
    );
    const result = await readGoogleCredentials(system({ GOOGLE_APPLICATION_CREDENTIALS: keyPath }));
    expect(result.errors).toEqual([]);
    expect(result.candidates.map((c) => [c.name, c.draft !== null])).toEqual([
      ['GCP fake-project-456', true],
      ['Google Cloud', false],
    ]);
    expect(result.candidates[1]?.source).toContain('gcloud application-default');
  });

  it('reports GOOGLE_APPLICATION_CREDENTIALS pointing at nothing', async () => {
    const missing = join(root, 'missing.json');
    const result = await readGoogleCredentials(system({ GOOGLE_APPLICATION_CREDENTIALS: missing }));
    expect(result).toEqual({
      candidates: [],
      errors: [`GOOGLE_APPLICATION_CREDENTIALS names ${missing}, which does not exist.`],
    });
  });

  it('refuses a file too large to be a key, and reads a picked file', async () => {
    const big = await put(join(root, 'big.json'), 'x'.repeat(2 * 1024 * 1024));
    const tooBig = await readGoogleKeyFile(system(), big);
    expect(tooBig.errors[0]).toContain('too large to be a credentials file');
    const picked = await put(
      join(root, 'picked.json'),
      fakeServiceAccountKey('fake-project-789', fakePrivateKeyPem('P')),
    );
    expect((await readGoogleKeyFile(system(), picked)).candidates[0]?.name).toBe('GCP fake-project-789');
  });
});

describe('readOpenStackClouds', () => {
  const cloud = (name: string) =>
    `clouds:\n  ${name}:\n    auth: {auth_url: https://k.fake.test/v3, username: u, project_name: p}\n`;

  it('prefers OS_CLIENT_CONFIG_FILE, then ./clouds.yaml, then ~/.config/openstack, then /etc/openstack', async () => {
    await put(join(etc, 'openstack', 'clouds.yaml'), cloud('from-etc'));
    expect((await readOpenStackClouds(system())).candidates.map((c) => c.name)).toEqual([
      'OpenStack from-etc',
    ]);
    await put(join(home, '.config', 'openstack', 'clouds.yml'), cloud('from-home'));
    expect((await readOpenStackClouds(system())).candidates.map((c) => c.name)).toEqual([
      'OpenStack from-home',
    ]);
    await put(join(cwd, 'clouds.yaml'), cloud('from-cwd'));
    expect((await readOpenStackClouds(system())).candidates.map((c) => c.name)).toEqual([
      'OpenStack from-cwd',
    ]);
    const explicit = await put(join(root, 'mine.yaml'), cloud('from-env'));
    const result = await readOpenStackClouds(system({ OS_CLIENT_CONFIG_FILE: explicit }));
    expect(result.candidates.map((c) => c.name)).toEqual(['OpenStack from-env']);
  });

  it('merges the secure.yaml found in the search path', async () => {
    const password = fakeSecret('os-loc');
    await put(join(home, '.config', 'openstack', 'clouds.yaml'), cloud('c1'));
    await put(
      join(home, '.config', 'openstack', 'secure.yaml'),
      `clouds:\n  c1:\n    auth:\n      password: ${password}\n`,
    );
    const [candidate] = (await readOpenStackClouds(system())).candidates;
    expect(candidate?.needsSecret).toBe(false);
    expect(candidate?.draft?.secret).toEqual({ kind: 'password', password });
  });

  it('respects XDG_CONFIG_HOME and proposes nothing when no file exists', async () => {
    expect(await readOpenStackClouds(system())).toEqual({ candidates: [], errors: [] });
    await put(join(root, 'xdg', 'openstack', 'clouds.yaml'), cloud('xdg'));
    const result = await readOpenStackClouds(system({ XDG_CONFIG_HOME: join(root, 'xdg') }));
    expect(result.candidates.map((c) => c.name)).toEqual(['OpenStack xdg']);
  });
});

describe('readAllImports', () => {
  it('gathers every source, keeping one source failing from hiding the others', async () => {
    const reader = new MemoryTextFileReader({
      [join(home, '.aws', 'credentials')]: CREDENTIALS,
      [join(cwd, 'clouds.yaml')]: 'clouds: [broken\n',
    });
    const result = await readAllImports({
      env: {
        GOVC_URL: 'https://reader:FAKE-all-pass@vc.fake.test',
        AZURE_TENANT_ID: '00000000-0000-0000-0000-000000000001',
      },
      homeDir: home,
      cwd,
      etcDir: etc,
      files: reader,
    });
    expect(result.candidates.map((c) => c.name)).toEqual([
      'AWS default',
      'Azure (environment)',
      'vSphere vc.fake.test',
    ]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(`${join(cwd, 'clouds.yaml')} is not valid YAML`);
  });
});
