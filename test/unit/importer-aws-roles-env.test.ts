import { describe, expect, it } from 'vitest';
import { importAwsEnvironment } from '../../main/importers/aws-env';
import { importAwsProfiles } from '../../main/importers/aws-profiles';
import type { ImportCandidate } from '../../main/importers/import-candidate';
import { fakeAccessKeyId, fakeSecret } from './fixtures/importers/fake-credentials';

const CONFIG = '/home/fake/.aws/config';
const CREDENTIALS = '/home/fake/.aws/credentials';

function run(config: string | null, credentials: string | null) {
  return importAwsProfiles({
    config: config === null ? null : { path: CONFIG, text: config },
    credentials: credentials === null ? null : { path: CREDENTIALS, text: credentials },
  });
}

function byName(candidates: ImportCandidate[], name: string): ImportCandidate {
  const found = candidates.find((c) => c.name === name);
  if (!found) throw new Error(`no candidate ${name} in ${candidates.map((c) => c.name).join(', ')}`);
  return found;
}

const KEY1 = fakeAccessKeyId(1);
const SECRET1 = `${fakeSecret('aws-default')}/+AbC`;

describe('importAwsProfiles: roles and SSO', () => {
  const config = [
    '[profile base]',
    'region = eu-west-1',
    '[profile admin]',
    'role_arn = arn:aws:iam::000000000000:role/FakeAdmin',
    'source_profile = base',
    'external_id = fake-external-id',
    'mfa_serial = arn:aws:iam::000000000000:mfa/fake-user',
    '[profile orphan]',
    'role_arn = arn:aws:iam::000000000000:role/FakeOrphan',
    'source_profile = missing',
    '[profile sso-new]',
    'sso_session = corp',
    'sso_account_id = 000000000000',
    'sso_role_name = FakeReadOnly',
    'region = us-east-1',
    '[sso-session corp]',
    'sso_start_url = https://fake-corp.awsapps.com/start',
    'sso_region = us-east-1',
    '[profile sso-legacy]',
    'sso_start_url = https://fake-legacy.awsapps.com/start',
    'sso_account_id = 000000000000',
    'sso_role_name = FakeAdmin',
    '[profile sso-broken]',
    'sso_session = nowhere',
    '[profile helper]',
    'credential_process = /usr/local/bin/fake-helper --profile helper',
  ].join('\n');
  const credentials = `[base]\naws_access_key_id = ${KEY1}\naws_secret_access_key = ${SECRET1}\n`;
  const result = run(config, credentials);

  it('lists an assume-role profile without a draft, with its role details in the note', () => {
    const admin = byName(result.candidates, 'AWS admin');
    expect(admin.draft).toBeNull();
    expect(admin.problems).toEqual([]);
    expect(admin.needsSecret).toBe(false);
    for (const part of [
      'role_arn arn:aws:iam::000000000000:role/FakeAdmin',
      'source_profile base',
      'external_id fake-external-id',
      'mfa_serial arn:aws:iam::000000000000:mfa/fake-user',
      'STS',
      'import profile "base"',
    ]) {
      expect(admin.note).toContain(part);
    }
    // The source profile is proposed on its own, with its own keys.
    expect(byName(result.candidates, 'AWS base').draft?.connection).toMatchObject({
      accessKeyId: KEY1,
      regions: ['eu-west-1'],
    });
  });

  it('reports a role whose source_profile does not exist', () => {
    expect(byName(result.candidates, 'AWS orphan').problems).toEqual([
      'source_profile "missing" is not defined in the AWS files.',
    ]);
  });

  it('lists SSO profiles with the login command and no draft', () => {
    const modern = byName(result.candidates, 'AWS sso-new');
    expect(modern.draft).toBeNull();
    expect(modern.problems).toEqual([]);
    expect(modern.note).toContain('`aws sso login --profile sso-new`');
    expect(modern.note).toContain('sso_session corp');
    const legacy = byName(result.candidates, 'AWS sso-legacy');
    expect(legacy.note).toContain('sso_start_url https://fake-legacy.awsapps.com/start');
    expect(byName(result.candidates, 'AWS sso-broken').problems).toEqual([
      'sso_session "nowhere" has no [sso-session nowhere] section in the config file.',
    ]);
    // [sso-session corp] is not a profile.
    expect(result.candidates.some((c) => c.name.includes('corp'))).toBe(false);
  });

  it('lists credential_process profiles as not usable, without calling that a problem', () => {
    const helper = byName(result.candidates, 'AWS helper');
    expect(helper.draft).toBeNull();
    expect(helper.problems).toEqual([]);
    expect(helper.note).toContain('credential_process');
  });
});

describe('importAwsEnvironment', () => {
  it('proposes the exported keys with their region', () => {
    const secret = fakeSecret('aws-env');
    const result = importAwsEnvironment({
      AWS_ACCESS_KEY_ID: KEY1,
      AWS_SECRET_ACCESS_KEY: secret,
      AWS_DEFAULT_REGION: 'eu-north-1',
      HOME: '/home/fake',
    });
    expect(result.candidates).toHaveLength(1);
    expect(result.candidates[0]).toMatchObject({
      name: 'AWS (environment)',
      source: 'environment: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION',
      needsSecret: false,
      problems: [],
      draft: {
        cloud: 'aws',
        connection: { accessKeyId: KEY1, regions: ['eu-north-1'], owners: [] },
        secret: { secretAccessKey: secret },
      },
    });
  });

  it('prefers AWS_REGION, asks for a missing secret, and ignores an environment without keys', () => {
    const result = importAwsEnvironment({
      AWS_ACCESS_KEY_ID: KEY1,
      AWS_REGION: 'us-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
    });
    expect(result.candidates[0]?.needsSecret).toBe(true);
    expect(result.candidates[0]?.draft?.connection).toMatchObject({ regions: ['us-west-1'] });
    expect(importAwsEnvironment({ AWS_REGION: 'us-east-1', AWS_PROFILE: 'x' })).toEqual({
      candidates: [],
      errors: [],
    });
  });
});
