import { describe, expect, it } from 'vitest';
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
const KEY2 = fakeAccessKeyId(2);
const SECRET1 = `${fakeSecret('aws-default')}/+AbC`;
const SECRET2 = fakeSecret('aws-prod');
const TOKEN = fakeSecret('aws-session-token');

describe('importAwsProfiles: static keys', () => {
  const config = [
    '# Hangar test config',
    '[default]',
    'region = eu-central-1',
    'output = json',
    '',
    '[profile prod]',
    'region = ap-southeast-2',
    's3 =',
    '  max_concurrent_requests = 20',
    '',
    '[profile temp]',
    'region = us-west-2',
    'endpoint_url = http://127.0.0.1:4566',
  ].join('\n');
  const credentials = [
    '[default]',
    `aws_access_key_id = ${KEY1}`,
    `aws_secret_access_key = ${SECRET1}`,
    '',
    '[prod]',
    `aws_access_key_id = ${KEY2}`,
    `aws_secret_access_key = ${SECRET2}`,
    'region = sa-east-1',
    '',
    '[temp]',
    `aws_access_key_id = ${fakeAccessKeyId(3)}`,
    `aws_secret_access_key = ${fakeSecret('aws-temp')}`,
    `aws_session_token = ${TOKEN}`,
    '',
    '[noregion]',
    `aws_access_key_id = ${fakeAccessKeyId(4)}`,
    `aws_secret_access_key = ${fakeSecret('aws-noregion')}`,
  ].join('\n');

  it('merges [profile x] in config with [x] in credentials, credentials winning', () => {
    const result = run(config, credentials);
    expect(result.errors).toEqual([]);
    expect(result.candidates.map((c) => c.name)).toEqual([
      'AWS default',
      'AWS prod',
      'AWS temp',
      'AWS noregion',
    ]);

    const def = byName(result.candidates, 'AWS default');
    expect(def.draft).toEqual({
      cloud: 'aws',
      connection: { accessKeyId: KEY1, regions: ['eu-central-1'], owners: [] },
      secret: { secretAccessKey: SECRET1 },
    });
    expect(def.needsSecret).toBe(false);
    expect(def.problems).toEqual([]);
    expect(def.note).toBeNull();
    expect(def.source).toBe(`${CONFIG} [default] + ${CREDENTIALS} [default]`);

    // The credentials file's region overrides the config file's, as in the AWS CLI.
    const prod = byName(result.candidates, 'AWS prod');
    expect(prod.draft?.connection).toMatchObject({ accessKeyId: KEY2, regions: ['sa-east-1'] });
  });

  it('carries the session token and endpoint_url, with notes', () => {
    const temp = byName(run(config, credentials).candidates, 'AWS temp');
    expect(temp.draft?.secret).toMatchObject({ sessionToken: TOKEN });
    expect(temp.draft?.connection).toMatchObject({
      endpoint: 'http://127.0.0.1:4566',
      regions: ['us-west-2'],
    });
    expect(temp.note).toContain('temporary session keys');
    expect(temp.note).toContain('endpoint_url');
  });

  it('defaults the region to us-east-1 and says so', () => {
    const none = byName(run(config, credentials).candidates, 'AWS noregion');
    expect(none.draft?.connection).toMatchObject({ regions: ['us-east-1'] });
    expect(none.note).toContain('us-east-1 was chosen');
  });

  it('reads CRLF files exactly like LF files', () => {
    const crlf = run(config.replace(/\n/g, '\r\n'), credentials.replace(/\n/g, '\r\n'));
    expect(crlf).toEqual(run(config, credentials));
  });

  it('works with only one of the two files', () => {
    expect(run(null, credentials).candidates.map((c) => c.name)).toEqual([
      'AWS default',
      'AWS prod',
      'AWS temp',
      'AWS noregion',
    ]);
    expect(run(null, null)).toEqual({ candidates: [], errors: [] });
  });

  it('proposes a draft with an empty secret when only the access key id is present', () => {
    const result = run(`[profile half]\naws_access_key_id = ${KEY1}\nregion = us-east-2\n`, null);
    const half = byName(result.candidates, 'AWS half');
    expect(half.needsSecret).toBe(true);
    expect(half.problems).toEqual([]);
    expect(half.draft).toEqual({
      cloud: 'aws',
      connection: { accessKeyId: KEY1, regions: ['us-east-2'], owners: [] },
      secret: { secretAccessKey: '' },
    });
    expect(half.note).toContain('type it');
  });

  it('reports invalid values by their setting names and leaves the draft out', () => {
    const result = run(
      null,
      `[bad]\naws_access_key_id = not-a-key\naws_secret_access_key = ${SECRET1}\nregion = Mars\n`,
    );
    const bad = byName(result.candidates, 'AWS bad');
    expect(bad.draft).toBeNull();
    expect(bad.problems).toContain(
      'aws_access_key_id: must be 16 to 128 capital letters or digits (it starts with AKIA or ASIA)',
    );
    expect(bad.problems).toContain('region: must be an AWS region such as us-east-1');
  });

  it('reports a secret without an access key id', () => {
    const only = byName(run(null, `[x]\naws_secret_access_key = ${SECRET1}\n`).candidates, 'AWS x');
    expect(only.draft).toBeNull();
    expect(only.problems).toEqual(['aws_secret_access_key is set but aws_access_key_id is missing.']);
  });

  it('reports a profile with nothing to sign in with', () => {
    const empty = byName(
      run('[default]\nregion = us-east-1\noutput = json\n', null).candidates,
      'AWS default',
    );
    expect(empty.draft).toBeNull();
    expect(empty.problems[0]).toContain('No credentials');
  });
});

describe('importAwsProfiles: naming rules', () => {
  it('notes a config [x] section that the CLI ignores when credentials define x', () => {
    const result = run(
      '[dev]\nregion = eu-west-3\n',
      `[dev]\naws_access_key_id = ${KEY1}\naws_secret_access_key = ${SECRET1}\n`,
    );
    const dev = byName(result.candidates, 'AWS dev');
    expect(dev.draft?.connection).toMatchObject({ regions: ['us-east-1'] });
    expect(dev.note).toContain('[profile dev]');
  });

  it('reports a config [x] holding keys, and ignores non-profile sections like [plugins]', () => {
    const result = run(
      `[plugins]\ncli_legacy_plugin_path = /fake\n[stray]\naws_access_key_id = ${KEY1}\naws_secret_access_key = ${SECRET1}\n`,
      null,
    );
    expect(result.candidates.map((c) => c.name)).toEqual(['AWS stray']);
    expect(result.candidates[0]?.draft).toBeNull();
    expect(result.candidates[0]?.problems[0]).toContain('[profile stray]');
  });

  it('reports [profile x] written in the credentials file', () => {
    const result = run(
      null,
      `[profile ops]\naws_access_key_id = ${KEY1}\naws_secret_access_key = ${SECRET1}\n`,
    );
    expect(result.candidates[0]?.name).toBe('AWS profile ops');
    expect(result.candidates[0]?.draft).toBeNull();
    expect(result.candidates[0]?.problems[0]).toContain('written [ops]');
  });

  it('reports a profile defined twice (with lines) but still proposes the others', () => {
    const credentials = [
      '[a]',
      `aws_access_key_id = ${KEY1}`,
      `aws_secret_access_key = ${SECRET1}`,
      '[b]',
      `aws_access_key_id = ${KEY2}`,
      `aws_secret_access_key = ${SECRET2}`,
      '[a]',
      `aws_access_key_id = ${KEY2}`,
    ].join('\r\n');
    const result = run(null, credentials);
    expect(result.errors).toEqual([]);
    const a = byName(result.candidates, 'AWS a');
    expect(a.draft).toBeNull();
    expect(a.problems).toEqual([
      `Profile "a" is defined twice in ${CREDENTIALS} (lines 1 and 7); the AWS CLI refuses this: keep one.`,
    ]);
    expect(byName(result.candidates, 'AWS b').draft?.connection).toMatchObject({ accessKeyId: KEY2 });
  });

  it('treats [default] and [profile default] in the config as the same profile, defined twice', () => {
    const result = run('[default]\nregion = us-east-1\n[profile default]\nregion = us-east-2\n', null);
    expect(result.candidates).toHaveLength(1);
    expect(result.candidates[0]?.problems[0]).toContain('defined twice');
  });

  it('reports a setting written twice in one section', () => {
    const result = run(
      null,
      `[a]\naws_access_key_id = ${KEY1}\naws_access_key_id = ${KEY2}\naws_secret_access_key = ${SECRET1}\n`,
    );
    expect(result.candidates[0]?.draft).toBeNull();
    expect(result.candidates[0]?.problems).toEqual([
      'aws_access_key_id is set twice in [a] (lines 2 and 3); the AWS CLI refuses this: keep one.',
    ]);
  });

  it('rejects both files when either has a syntax error, naming file and line', () => {
    const good = `[a]\naws_access_key_id = ${KEY1}\naws_secret_access_key = ${SECRET1}\n`;
    const result = run('[profile a]\nregion = us-east-1\nthis line is broken\n', good);
    expect(result.candidates).toEqual([]);
    expect(result.errors).toEqual([
      `${CONFIG}, line 3: expected a [section] header or a \`name = value\` setting. Nothing was imported from the AWS files; fix that line and try again.`,
    ]);
  });
});
