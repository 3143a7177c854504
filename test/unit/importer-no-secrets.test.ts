import { describe, expect, it } from 'vitest';
import { importAwsEnvironment } from '../../main/importers/aws-env';
import { importAwsProfiles } from '../../main/importers/aws-profiles';
import { importAzureEnvironment } from '../../main/importers/azure-env';
import { importGoogleKeyFile } from '../../main/importers/google-key-file';
import { buildCandidate, hideSecrets, type ImportResult } from '../../main/importers/import-candidate';
import { importOpenStackClouds } from '../../main/importers/openstack-clouds';
import { importOpenStackEnvironment } from '../../main/importers/openstack-env';
import { importVmwareEnvironment } from '../../main/importers/vmware-env';
import {
  allMessages,
  fakeAccessKeyId,
  fakeGuid,
  fakePrivateKeyPem,
  fakeSecret,
  fakeServiceAccountKey,
} from './fixtures/importers/fake-credentials';

/**
 * The rule: no error, problem, note, name or source ever holds a secret. Each scenario below reads
 * distinctive fake secrets from valid and broken inputs (secrets on the broken line itself, next to
 * invalid values, in unsupported credential kinds) and every message is searched for each of them.
 */
const S = {
  awsSecret: fakeSecret('aws-secret'),
  awsToken: fakeSecret('aws-token'),
  awsRoleSecret: fakeSecret('aws-role-secret'),
  awsEnvSecret: fakeSecret('aws-env-secret'),
  pemBody: fakeSecret('gcp-pem'),
  gcpClientSecret: fakeSecret('gcp-client-secret'),
  gcpRefresh: fakeSecret('gcp-refresh'),
  azureSecret: fakeSecret('azure-secret'),
  azureShort: 'FAKEsh7',
  osPassword: fakeSecret('os-password'),
  osAppSecret: fakeSecret('os-app-secret'),
  osToken: fakeSecret('os-token'),
  osEnvPassword: fakeSecret('os-env-password'),
  govcPassword: fakeSecret('govc-password'),
  govcUrlPassword: fakeSecret('govc-url-password'),
};

const scenarios: [string, () => ImportResult][] = [
  [
    'AWS: valid, invalid key id, role with its own secret, duplicate settings',
    () =>
      importAwsProfiles({
        config: {
          path: 'config',
          text: `[profile role]\nrole_arn = arn:aws:iam::000000000000:role/Fake\nsource_profile = nowhere\n`,
        },
        credentials: {
          path: 'credentials',
          text: [
            '[ok]',
            `aws_access_key_id = ${fakeAccessKeyId(1)}`,
            `aws_secret_access_key = ${S.awsSecret}`,
            `aws_session_token = ${S.awsToken}`,
            '[badkey]',
            'aws_access_key_id = lowercase-not-valid',
            `aws_secret_access_key = ${S.awsSecret}`,
            '[role]',
            `aws_secret_access_key = ${S.awsRoleSecret}`,
            '[dup]',
            `aws_secret_access_key = ${S.awsSecret}`,
            `aws_secret_access_key = ${S.awsToken}`,
          ].join('\r\n'),
        },
      }),
  ],
  [
    'AWS: a broken line that is itself a secret',
    () =>
      importAwsProfiles({
        credentials: {
          path: 'credentials',
          text: `[a]\naws_access_key_id = ${fakeAccessKeyId(2)}\n${S.awsSecret}\n`,
        },
      }),
  ],
  [
    'AWS: a secret without a key id, in the environment',
    () => importAwsEnvironment({ AWS_SECRET_ACCESS_KEY: S.awsEnvSecret }),
  ],
  [
    'Google: a broken JSON right after the private key',
    () =>
      importGoogleKeyFile({
        path: 'k.json',
        text: `{"type": "service_account", "private_key": "${S.pemBody}" "x": 1}`,
      }),
  ],
  [
    'Google: an unquoted secret (V8 quotes the text around it in its own message)',
    () => importGoogleKeyFile({ path: 'k.json', text: `{"private_key": ${S.pemBody}}` }),
  ],
  [
    'Google: a user login with a client secret and refresh token',
    () =>
      importGoogleKeyFile({
        path: 'adc.json',
        text: JSON.stringify({
          type: 'authorized_user',
          client_secret: S.gcpClientSecret,
          refresh_token: S.gcpRefresh,
        }),
      }),
  ],
  [
    'Google: a key with a refused project id and a non-PEM key',
    () => importGoogleKeyFile({ path: 'k.json', text: fakeServiceAccountKey('Bad_Project', S.pemBody) }),
  ],
  [
    'Google: a valid key',
    () =>
      importGoogleKeyFile({
        path: 'k.json',
        text: fakeServiceAccountKey('fake-project-1', fakePrivateKeyPem(S.pemBody)),
      }),
  ],
  [
    'Azure: invalid ids next to a secret, and a secret too short',
    () =>
      importAzureEnvironment({
        AZURE_TENANT_ID: 'not-a-guid',
        AZURE_CLIENT_ID: fakeGuid(1),
        AZURE_CLIENT_SECRET: S.azureSecret,
        AZURE_SUBSCRIPTION_ID: fakeGuid(2),
      }),
  ],
  [
    'Azure: a secret too short for the contract',
    () =>
      importAzureEnvironment({
        AZURE_TENANT_ID: fakeGuid(1),
        AZURE_CLIENT_ID: fakeGuid(2),
        AZURE_CLIENT_SECRET: S.azureShort,
        AZURE_SUBSCRIPTION_ID: fakeGuid(3),
      }),
  ],
  [
    'OpenStack: malformed YAML on the password line',
    () =>
      importOpenStackClouds({
        clouds: { path: 'clouds.yaml', text: `clouds:\n  a:\n    auth:\n      password: "${S.osPassword}\n` },
      }),
  ],
  [
    'OpenStack: a tab on the password line',
    () =>
      importOpenStackClouds({
        clouds: { path: 'clouds.yaml', text: `clouds:\n  a:\n\tpassword: ${S.osPassword}\n` },
      }),
  ],
  [
    'OpenStack: malformed secure.yaml',
    () =>
      importOpenStackClouds({
        clouds: {
          path: 'clouds.yaml',
          text: 'clouds:\n  a:\n    auth: {auth_url: https://k.fake.test/v3}\n',
        },
        secure: {
          path: 'secure.yaml',
          text: `clouds:\n  a:\n    auth: {password: ${S.osPassword}, password: ${S.osAppSecret}}\n`,
        },
      }),
  ],
  [
    'OpenStack: secrets next to broken settings',
    () =>
      importOpenStackClouds({
        clouds: {
          path: 'clouds.yaml',
          text: [
            'clouds:',
            '  badiface:',
            '    interface: sideways',
            `    auth: {auth_url: https://k.fake.test/v3, username: u, project_name: p, password: ${S.osPassword}}`,
            '  token:',
            '    auth_type: token',
            `    auth: {auth_url: https://k.fake.test/v3, token: ${S.osToken}}`,
            '  app:',
            '    auth_type: v3applicationcredential',
            `    auth: {auth_url: "not a url", application_credential_secret: ${S.osAppSecret}}`,
          ].join('\n'),
        },
      }),
  ],
  [
    'OpenStack: environment with a password and a missing project name',
    () =>
      importOpenStackEnvironment({
        OS_AUTH_URL: 'https://k.fake.test/v3',
        OS_USERNAME: 'u',
        OS_PASSWORD: S.osEnvPassword,
      }),
  ],
  [
    'VMware: password in a GOVC_URL with a bad scheme, and an ambiguous one',
    () =>
      importVmwareEnvironment({
        GOVC_URL: `ftp://u:${S.govcUrlPassword}@vc.fake.test`,
        GOVC_PASSWORD: S.govcPassword,
      }),
  ],
  [
    'VMware: a password holding a slash',
    () => importVmwareEnvironment({ GOVC_URL: `https://u:${S.govcUrlPassword}/x@vc.fake.test` }),
  ],
  [
    'VMware: password in the URL with a missing user',
    () => importVmwareEnvironment({ GOVC_URL: `https://:${S.govcUrlPassword}@vc.fake.test/other` }),
  ],
];

function windows(text: string, size: number): string[] {
  if (text.length <= size) return [text];
  return Array.from({ length: text.length - size + 1 }, (_, i) => text.slice(i, i + size));
}

describe('no secret in any message', () => {
  it.each(scenarios)('%s', (_label, run) => {
    const result = run();
    const messages = allMessages(result);
    expect(messages.length).toBeGreaterThan(0);
    // Partial leaks count too (V8's JSON messages quote a truncated snippet): any 10 characters in a row.
    for (const secret of Object.values(S)) {
      for (const piece of windows(secret, 10)) {
        for (const message of messages) expect(message).not.toContain(piece);
      }
    }
    // Written clean, not merely masked by the last guard.
    for (const message of messages) expect(message).not.toContain('[hidden]');
  });

  it('still reads the secrets into drafts where the input is valid (the scenarios are not vacuous)', () => {
    const aws = scenarios[0]?.[1]();
    const ok = aws?.candidates.find((c) => c.name === 'AWS ok');
    expect(ok?.draft?.secret).toEqual({ secretAccessKey: S.awsSecret, sessionToken: S.awsToken });
    const vmware = importVmwareEnvironment({ GOVC_URL: `https://u:${S.govcUrlPassword}@vc.fake.test` });
    expect(vmware.candidates[0]?.draft?.secret).toEqual({ password: S.govcUrlPassword });
  });

  it('hides a secret that reaches a message anyway, as a last guard', () => {
    const secret = fakeSecret('guard');
    const candidate = buildCandidate({
      source: `file ${secret}`,
      name: `name ${secret}`,
      draft: {
        cloud: 'vmware',
        connection: { url: 'https://vc.fake.test', username: 'u' },
        secret: { password: secret },
      },
      needsSecret: false,
      notes: [`note ${secret}`],
      problems: [],
      hidden: ['FAKE-extra-hidden'],
    });
    expect(candidate.note).toBe('note [hidden]');
    expect(candidate.source).toBe('file [hidden]');
    expect(candidate.name).toBe('name [hidden]');
    expect(hideSecrets('a FAKE-extra-hidden b FAKE-extra', ['FAKE-extra', 'FAKE-extra-hidden'])).toBe(
      'a [hidden] b [hidden]',
    );
  });
});
