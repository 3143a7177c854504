import { describe, expect, it } from 'vitest';
import { CloudsYamlError, parseCloudsYaml, readCloudsYaml } from '../../main/providers/openstack/clouds-yaml';

/** As Horizon's "OpenStack clouds.yaml File" download writes it (password kept in secure.yaml). */
const horizon = `
clouds:
  openstack:
    auth:
      auth_url: https://keystone.example.com:5000
      username: "alice"
      project_id: 5b7a1d2c9e0f4a6b8c3d1e2f4a5b6c7d
      project_name: "web-team"
      user_domain_name: "Default"
      project_domain_id: "default"
    region_name: "RegionOne"
    interface: "public"
    identity_api_version: 3
`;

const appCredential = `
clouds:
  ci:
    auth_type: "v3applicationcredential"
    auth:
      auth_url: https://cloud.example.org/identity/v3
      application_credential_id: "21dced0fd20347869b93710d2b98aae0"
      application_credential_secret: "fjqv-super-secret-value"
    region_name: RegionTwo
    interface: internalURL
`;

describe('clouds.yaml', () => {
  it('turns a Horizon download into a password connection, with the password from secure.yaml', () => {
    const secure = 'clouds:\n  openstack:\n    auth:\n      password: "correct horse battery staple"\n';
    expect(parseCloudsYaml(horizon, secure)).toEqual([
      {
        name: 'openstack',
        connection: {
          authUrl: 'https://keystone.example.com:5000',
          region: 'RegionOne',
          interface: 'public',
          authType: 'password',
          username: 'alice',
          userDomainName: 'Default',
          projectName: 'web-team',
          projectDomainName: 'Default',
        },
        secret: { kind: 'password', password: 'correct horse battery staple' },
        warnings: [],
      },
    ]);
  });

  it('leaves the secret out when neither file holds it', () => {
    const [entry] = parseCloudsYaml(horizon);
    expect(entry?.secret).toBeUndefined();
  });

  it('reads application credentials and the legacy interface spelling', () => {
    expect(parseCloudsYaml(appCredential)).toEqual([
      {
        name: 'ci',
        connection: {
          authUrl: 'https://cloud.example.org/identity/v3',
          region: 'RegionTwo',
          interface: 'internal',
          authType: 'application-credential',
          applicationCredentialId: '21dced0fd20347869b93710d2b98aae0',
        },
        secret: { kind: 'application-credential', applicationCredentialSecret: 'fjqv-super-secret-value' },
        warnings: [],
      },
    ]);
  });

  it('infers the auth type, defaults the region, and makes one entry per listed region', () => {
    const text = `
clouds:
  inferred:
    auth: { auth_url: "https://k.example.com/v3", application_credential_id: abc, application_credential_secret: xyz }
  multi:
    regions: [ { name: Lon1 }, Ams1 ]
    verify: false
    cacert: /etc/ssl/private-ca.pem
    auth: { auth_url: "https://k.example.com/v3", username: bob, project_name: ops, default_domain_name: Corp }
`;
    const entries = parseCloudsYaml(text);
    expect(entries.map((e) => [e.name, e.connection.region, e.connection.authType])).toEqual([
      ['inferred', 'RegionOne', 'application-credential'],
      ['multi (Lon1)', 'Lon1', 'password'],
      ['multi (Ams1)', 'Ams1', 'password'],
    ]);
    expect(entries[1]?.connection).toMatchObject({ userDomainName: 'Corp', projectDomainName: 'Corp' });
    expect(entries[1]?.warnings).toEqual([
      'verify: false is ignored: Hangar always checks certificates.',
      'cacert /etc/ssl/private-ca.pem is not used: add the CA to the system store instead.',
    ]);
  });

  it('keeps the usable clouds and names why the others cannot be used', () => {
    const text = `
clouds:
  good: { auth: { auth_url: "https://k.example.com/v3", username: u, project_name: p } }
  oidc: { auth_type: v3oidcpassword, auth: { auth_url: "https://k.example.com/v3" } }
  vendor: { profile: vexxhost, auth: { username: u, project_name: p } }
  old: { identity_api_version: 2, auth: { auth_url: "https://k.example.com/v2.0", username: u, project_name: p } }
  byname: { auth_type: v3applicationcredential, auth: { auth_url: "https://k.example.com/v3", application_credential_name: ci, username: u } }
  projid: { auth: { auth_url: "https://k.example.com/v3", username: u, project_id: 0123 } }
  domainid: { auth: { auth_url: "https://k.example.com/v3", username: u, project_name: p, user_domain_id: 4f0e } }
  badurl: { auth: { auth_url: "keystone.example.com", username: u, project_name: p } }
  nouser: { auth: { auth_url: "https://k.example.com/v3", project_name: p } }
  scalar: just-a-string
`;
    const { entries, problems } = readCloudsYaml(text);
    expect(entries.map((e) => e.name)).toEqual(['good']);
    const reasons = Object.fromEntries(problems.map((p) => [p.name, p.message]));
    expect(reasons).toEqual({
      oidc: expect.stringContaining('auth_type "v3oidcpassword" is not supported'),
      vendor: expect.stringContaining('vendor profile "vexxhost"; add auth.auth_url'),
      old: expect.stringContaining('identity_api_version 2 is not supported'),
      byname: expect.stringContaining('give auth.application_credential_id'),
      projid: expect.stringContaining('give auth.project_name'),
      domainid: expect.stringContaining('user_domain_id "4f0e" cannot be used'),
      badurl: expect.stringContaining('authUrl: must be an http:// or https:// URL'),
      nouser: expect.stringContaining('password authentication needs a username and a project'),
      scalar: 'its entry is not a mapping of settings',
    });
  });

  describe('malformed files', () => {
    it.each([
      ['not YAML', 'clouds:\n  a: [1,\n  b: 2\n', /^clouds\.yaml is not valid YAML \(line 3\): /],
      [
        'duplicate keys',
        'clouds:\n  a: {}\n  a: {}\n',
        /^clouds\.yaml is not valid YAML \(line 3\): Map keys must be unique/,
      ],
      ['empty', '   \n', /^clouds\.yaml is empty\.$/],
      ['no clouds section', 'openstack:\n  auth: {}\n', /has no "clouds:" section/],
      ['clouds not a mapping', 'clouds: [a, b]\n', /has no "clouds:" section/],
      ['no clouds at all', 'clouds: {}\n', /^clouds\.yaml lists no clouds\.$/],
      [
        'nothing usable',
        'clouds:\n  x: { auth: {} }\n',
        /^No cloud in clouds\.yaml can be used \(x: auth\.auth_url is missing\)\.$/,
      ],
    ])('%s', (_, text, message) => {
      expect(() => parseCloudsYaml(text)).toThrow(CloudsYamlError);
      expect(() => parseCloudsYaml(text)).toThrow(message);
    });

    it('names secure.yaml when that is the broken one', () => {
      expect(() => parseCloudsYaml(horizon, 'clouds:\n  openstack: {auth: {password: "x}\n')).toThrow(
        /^secure\.yaml is not valid YAML/,
      );
    });

    it('refuses alias bombs instead of expanding them', () => {
      const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (let i = 1; i < 8; i += 1)
        levels.push(
          `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(96 + i)}`)
            .join(',')}]`,
        );
      expect(() => parseCloudsYaml(`${levels.join('\n')}\nclouds: {}\n`)).toThrow(
        /clouds\.yaml cannot be read: .*[Aa]lias/,
      );
    });
  });
});
