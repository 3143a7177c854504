import { describe, expect, it } from 'vitest';
import type { ImportCandidate } from '../../main/importers/import-candidate';
import { deepMerge, importOpenStackClouds } from '../../main/importers/openstack-clouds';
import { importOpenStackEnvironment } from '../../main/importers/openstack-env';
import { fakeSecret } from './fixtures/importers/fake-credentials';

const CLOUDS = '/home/fake/.config/openstack/clouds.yaml';
const SECURE = '/home/fake/.config/openstack/secure.yaml';

function run(clouds: string, secure?: string) {
  return importOpenStackClouds({
    clouds: { path: CLOUDS, text: clouds },
    secure: secure === undefined ? null : { path: SECURE, text: secure },
  });
}

function byName(candidates: ImportCandidate[], name: string): ImportCandidate {
  const found = candidates.find((c) => c.name === `OpenStack ${name}`);
  if (!found) throw new Error(`no cloud ${name} in ${candidates.map((c) => c.name).join(', ')}`);
  return found;
}

const PASSWORD = fakeSecret('openstack-password');
const APP_SECRET = fakeSecret('openstack-app-secret');

const CLOUDS_YAML = `# Hangar test clouds
clouds:
  devstack:
    auth:
      auth_url: http://127.0.0.1/identity
      username: demo
      project_name: demo
      user_domain_id: default
      project_domain_name: Default
    region_name: [RegionOne, RegionTwo]
    interface: internal
    identity_api_version: 3
  appcred:
    auth_type: v3applicationcredential
    auth:
      auth_url: https://keystone.fake.test:5000/v3/
      application_credential_id: 0123456789abcdef
      application_credential_secret: ${APP_SECRET}
    regions:
      - name: fra1
        values: {}
    endpoint_type: publicURL
  vendor:
    profile: fakevendor
    auth:
      username: someone
      project_name: p1
  numbers:
    auth:
      auth_url: https://keystone.fake.test/v3
      username: "000123"
      project_name: 0123
      password: 1e10
`;

const SECURE_YAML = `clouds:
  devstack:
    auth:
      password: ${PASSWORD}
`;

describe('importOpenStackClouds', () => {
  it('merges secure.yaml into clouds.yaml and maps a password cloud', () => {
    const result = run(CLOUDS_YAML, SECURE_YAML);
    expect(result.errors).toEqual([]);
    expect(result.candidates.map((c) => c.name)).toEqual([
      'OpenStack devstack',
      'OpenStack appcred',
      'OpenStack vendor',
      'OpenStack numbers',
    ]);
    const devstack = byName(result.candidates, 'devstack');
    expect(devstack.source).toBe(`${CLOUDS} + ${SECURE} (cloud devstack)`);
    expect(devstack.problems).toEqual([]);
    expect(devstack.needsSecret).toBe(false);
    expect(devstack.draft).toEqual({
      cloud: 'openstack',
      connection: {
        authUrl: 'http://127.0.0.1/identity/v3',
        region: 'RegionOne',
        interface: 'internal',
        authType: 'password',
        username: 'demo',
        projectName: 'demo',
        userDomainName: 'Default',
        projectDomainName: 'Default',
      },
      secret: { kind: 'password', password: PASSWORD },
    });
    expect(devstack.note).toContain('/v3 was added');
    expect(devstack.note).toContain('regions RegionOne, RegionTwo');
  });

  it('maps an application credential, a regions list and a legacy endpoint_type', () => {
    const appcred = byName(run(CLOUDS_YAML).candidates, 'appcred');
    expect(appcred.draft).toEqual({
      cloud: 'openstack',
      connection: {
        authUrl: 'https://keystone.fake.test:5000/v3',
        region: 'fra1',
        interface: 'public',
        authType: 'application-credential',
        applicationCredentialId: '0123456789abcdef',
      },
      secret: { kind: 'application-credential', applicationCredentialSecret: APP_SECRET },
    });
  });

  it('asks for a password that is in neither file', () => {
    const devstack = byName(run(CLOUDS_YAML).candidates, 'devstack');
    expect(devstack.needsSecret).toBe(true);
    expect(devstack.problems).toEqual([]);
    expect(devstack.draft?.secret).toEqual({ kind: 'password', password: '' });
    expect(devstack.note).toContain('password is not in the files');
  });

  it('notes vendor profiles as unsupported and reports what they would have supplied', () => {
    const vendor = byName(run(CLOUDS_YAML).candidates, 'vendor');
    expect(vendor.draft).toBeNull();
    expect(vendor.note).toContain('vendor profile "fakevendor"');
    expect(vendor.problems).toEqual([
      'auth_url is missing: the vendor profile "fakevendor" would supply it, but Hangar does not read vendor profiles.',
    ]);
  });

  it('keeps number-looking values exactly as written', () => {
    const numbers = byName(run(CLOUDS_YAML).candidates, 'numbers');
    expect(numbers.draft?.connection).toMatchObject({ username: '000123', projectName: '0123' });
    expect(numbers.draft?.secret).toEqual({ kind: 'password', password: '1e10' });
  });

  it('reads CRLF files like LF files', () => {
    const crlf = run(CLOUDS_YAML.replace(/\n/g, '\r\n'), SECURE_YAML.replace(/\n/g, '\r\n'));
    expect(crlf).toEqual(run(CLOUDS_YAML, SECURE_YAML));
  });

  it.each([
    [
      'auth_type: token\n    auth: {auth_url: https://k.fake.test/v3, token: FAKE-token-Qz7vXw}',
      'auth_type "token" is not supported',
    ],
    [
      'auth: {auth_url: https://k.fake.test/v3, username: u, project_id: abc123}',
      'project_id is set, but Hangar needs project_name.',
    ],
    [
      'auth: {auth_url: https://k.fake.test/v3, user_id: abc, project_name: p}',
      'user_id is set, but Hangar needs username.',
    ],
    [
      'auth: {auth_url: https://k.fake.test/v3, username: u, project_name: p, user_domain_id: abc}',
      'user_domain_id is set, but Hangar needs user_domain_name.',
    ],
    ['auth: {auth_url: https://k.fake.test/v2.0, username: u, project_name: p}', 'Keystone v2.0'],
    [
      'identity_api_version: 2\n    auth: {auth_url: https://k.fake.test/v3, username: u, project_name: p}',
      'identity_api_version is 2',
    ],
    [
      'auth_type: v3applicationcredential\n    auth: {auth_url: https://k.fake.test/v3, application_credential_name: n}',
      'application_credential_name is set, but Hangar needs application_credential_id.',
    ],
    [
      'interface: sideways\n    auth: {auth_url: https://k.fake.test/v3, username: u, project_name: p}',
      'interface: Invalid option',
    ],
    [
      'auth: {auth_url: not a url, username: u, project_name: p}',
      'auth_url: must be an http:// or https:// URL',
    ],
    ['auth: {username: u, project_name: p}', 'auth_url is missing: Hangar needs the Keystone address.'],
  ])('reports a broken cloud (%s)', (body, problem) => {
    const result = run(
      `clouds:\n  broken:\n    ${body}\n  fine:\n    auth: {auth_url: https://k.fake.test/v3, username: u, project_name: p, password: ${PASSWORD}}\n`,
    );
    expect(result.errors).toEqual([]);
    const broken = byName(result.candidates, 'broken');
    expect(broken.draft).toBeNull();
    expect(broken.problems.join(' | ')).toContain(problem);
    // One broken cloud never hides the others.
    expect(byName(result.candidates, 'fine').draft).not.toBeNull();
  });

  it('notes turned-off certificate checks and custom CA files', () => {
    const result = run(
      `clouds:\n  c:\n    verify: false\n    cacert: /fake/ca.pem\n    auth: {auth_url: https://k.fake.test/v3, username: u, project_name: p}\n`,
    );
    const note = byName(result.candidates, 'c').note;
    expect(note).toContain('Certificate checks are turned off');
    expect(note).toContain('its own CA file (cacert)');
  });

  it('rejects malformed YAML with its line number and proposes nothing', () => {
    const text = `clouds:\n  a:\n    auth:\n      password: "${PASSWORD}\n      username: u\n`;
    const result = run(text);
    expect(result.candidates).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      new RegExp(`^${CLOUDS} is not valid YAML \\(line \\d+, column \\d+\\): `),
    );
    expect(result.errors[0]).toContain('Nothing was imported from it.');
  });

  it.each([
    ['clouds:\n  a:\n    auth: {}\n\tregion_name: x\n', 'line 4'],
    ['clouds:\n  a:\n    region_name: x\n    region_name: y\n', 'a key is written twice'],
    ['clouds:\n  a: [unclosed\n', 'is not valid YAML'],
  ])('reports YAML errors plainly: %j', (text, message) => {
    const result = run(text);
    expect(result.candidates).toEqual([]);
    expect(result.errors[0]).toContain(message);
  });

  it('rejects a file without a clouds mapping, an empty file, and a malformed secure.yaml', () => {
    expect(run('foo: bar\n').errors).toEqual([
      `${CLOUDS} has no \`clouds:\` section mapping cloud names to their settings.`,
    ]);
    expect(run('# nothing\n').errors).toEqual([`${CLOUDS} is empty: it defines no clouds.`]);
    const secureBroken = run(CLOUDS_YAML, 'clouds:\n  devstack: {auth: {password: [oops}\n');
    expect(secureBroken.candidates).toEqual([]);
    expect(secureBroken.errors[0]).toContain(`${SECURE} is not valid YAML (line 2`);
  });

  it('deep-merges mappings and replaces lists and scalars', () => {
    expect(deepMerge({ a: { b: 1, c: [1, 2] }, d: 'x' }, { a: { c: [3], e: 2 }, d: 'y' })).toEqual({
      a: { b: 1, c: [3], e: 2 },
      d: 'y',
    });
    expect(deepMerge({ a: 1 }, undefined)).toEqual({ a: 1 });
  });
});

describe('importOpenStackEnvironment', () => {
  it('maps an openrc environment', () => {
    const result = importOpenStackEnvironment({
      OS_AUTH_URL: 'https://keystone.fake.test:5000/v3',
      OS_USERNAME: 'demo',
      OS_PASSWORD: ` ${PASSWORD} `,
      OS_PROJECT_NAME: 'demo',
      OS_USER_DOMAIN_NAME: 'Default',
      OS_PROJECT_DOMAIN_ID: 'default',
      OS_REGION_NAME: 'RegionTwo',
      OS_INTERFACE: 'public',
      OS_IDENTITY_API_VERSION: '3',
    });
    const [candidate] = result.candidates;
    expect(candidate?.name).toBe('OpenStack (environment)');
    expect(candidate?.source).toContain('environment: OS_AUTH_URL, OS_USERNAME, OS_PASSWORD');
    expect(candidate?.draft).toEqual({
      cloud: 'openstack',
      connection: {
        authUrl: 'https://keystone.fake.test:5000/v3',
        region: 'RegionTwo',
        interface: 'public',
        authType: 'password',
        username: 'demo',
        projectName: 'demo',
        userDomainName: 'Default',
        projectDomainName: 'Default',
      },
      // A password keeps its exact characters, spaces included.
      secret: { kind: 'password', password: ` ${PASSWORD} ` },
    });
  });

  it('names OS_ variables in problems, and ignores an environment with only OS_CLOUD', () => {
    const [candidate] = importOpenStackEnvironment({
      OS_AUTH_URL: 'https://k.fake.test/v3',
      OS_USERNAME: 'u',
      OS_PROJECT_ID: 'abc',
    }).candidates;
    expect(candidate?.problems).toEqual(['OS_PROJECT_ID is set, but Hangar needs OS_PROJECT_NAME.']);
    expect(importOpenStackEnvironment({ OS_CLOUD: 'devstack' })).toEqual({ candidates: [], errors: [] });
  });
});
