import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A HOME for the host holding the credentials "Import from this machine" should find. */
export interface FakeHome {
  dir: string;
  /** The host's environment: HOME here, and no variable that would point the importers elsewhere. */
  env: NodeJS.ProcessEnv;
  remove(): Promise<void>;
}

/** Variables the importers read: unset, so only the files in this HOME are found. */
const IMPORTER_VARIABLES = [
  'XDG_CONFIG_HOME',
  'AWS_PROFILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'GOOGLE_APPLICATION_CREDENTIALS',
  'CLOUDSDK_CONFIG',
  'OS_CLOUD',
  'OS_CLIENT_CONFIG_FILE',
  'OS_AUTH_URL',
  'OS_USERNAME',
  'OS_PASSWORD',
  'GOVC_URL',
  'AZURE_CLIENT_ID',
  'AZURE_TENANT_ID',
  'AZURE_CLIENT_SECRET',
];

/**
 * ~/.aws/credentials and ~/.aws/config with one profile (its endpoint goes nowhere: it is only
 * imported, never synced), and ~/.config/openstack/clouds.yaml with one cloud.
 */
export async function makeFakeHome(options: {
  awsProfile: { name: string; accessKeyId: string; secretAccessKey: string; region: string };
  openstack: {
    cloud: string;
    authUrl: string;
    username: string;
    password: string;
    project: string;
    region: string;
  };
}): Promise<FakeHome> {
  const dir = await mkdtemp(join(tmpdir(), 'hangar-e2e-home-'));
  const { awsProfile: aws, openstack: os } = options;
  await mkdir(join(dir, '.aws'));
  await writeFile(
    join(dir, '.aws', 'credentials'),
    `[${aws.name}]\naws_access_key_id = ${aws.accessKeyId}\naws_secret_access_key = ${aws.secretAccessKey}\n`,
  );
  await writeFile(
    join(dir, '.aws', 'config'),
    `[profile ${aws.name}]\nregion = ${aws.region}\nendpoint_url = http://127.0.0.1:9\n`,
  );
  await mkdir(join(dir, '.config', 'openstack'), { recursive: true });
  await writeFile(
    join(dir, '.config', 'openstack', 'clouds.yaml'),
    [
      'clouds:',
      `  ${os.cloud}:`,
      '    auth:',
      `      auth_url: ${os.authUrl}`,
      `      username: ${os.username}`,
      `      password: ${os.password}`,
      `      project_name: ${os.project}`,
      '      user_domain_name: Default',
      '      project_domain_name: Default',
      `    region_name: ${os.region}`,
      '    interface: public',
      '    identity_api_version: 3',
      '',
    ].join('\n'),
  );
  const env: NodeJS.ProcessEnv = { HOME: dir };
  // spawn leaves out variables whose value is undefined.
  for (const name of IMPORTER_VARIABLES) env[name] = undefined;
  return { dir, env, remove: () => rm(dir, { recursive: true, force: true }) };
}
