import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { importAwsEnvironment } from './aws-env';
import { importAwsProfiles } from './aws-profiles';
import { importAzureEnvironment } from './azure-env';
import { importGoogleKeyFile } from './google-key-file';
import {
  mergeResults,
  present,
  type EnvironmentMap,
  type ImportResult,
  type TextFile,
} from './import-candidate';
import { importOpenStackClouds } from './openstack-clouds';
import { importOpenStackEnvironment } from './openstack-env';
import { ImportReadError, NodeTextFileReader, type TextFileReader } from './text-file-reader';
import { importVmwareEnvironment } from './vmware-env';

/** Where the readers look: everything the real system would supply, injectable for tests. */
export interface ImportSystem {
  env: EnvironmentMap;
  homeDir: string;
  cwd: string;
  /** /etc on Linux and macOS; a temp dir in tests. */
  etcDir: string;
  files: TextFileReader;
}

export function systemImportContext(): ImportSystem {
  return {
    env: process.env,
    homeDir: homedir(),
    cwd: process.cwd(),
    etcDir: '/etc',
    files: new NodeTextFileReader(),
  };
}

/** ~/.aws/config and ~/.aws/credentials, or the files AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE name. */
export async function readAwsProfiles(system: ImportSystem): Promise<ImportResult> {
  const configPath = pathFrom(system, 'AWS_CONFIG_FILE') ?? join(system.homeDir, '.aws', 'config');
  const credentialsPath =
    pathFrom(system, 'AWS_SHARED_CREDENTIALS_FILE') ?? join(system.homeDir, '.aws', 'credentials');
  const config = await readText(system, configPath);
  const credentials = await readText(system, credentialsPath);
  const errors = [config.error, credentials.error].filter((e): e is string => e !== null);
  // A file that cannot be read makes the merge unreliable, like one that cannot be parsed.
  if (errors.length > 0) return { candidates: [], errors };
  return importAwsProfiles({ config: config.file, credentials: credentials.file });
}

/**
 * The key file GOOGLE_APPLICATION_CREDENTIALS names (an error if it is missing, as in Google's
 * libraries), and gcloud's application-default file if present (usually a user login, which is
 * then listed with the reason it cannot be used).
 */
export async function readGoogleCredentials(system: ImportSystem): Promise<ImportResult> {
  const results: ImportResult[] = [];
  const explicit = pathFrom(system, 'GOOGLE_APPLICATION_CREDENTIALS');
  if (explicit) {
    const read = await readText(system, explicit);
    if (read.file) results.push(importGoogleKeyFile(read.file, 'GOOGLE_APPLICATION_CREDENTIALS'));
    else {
      const error = read.error ?? `GOOGLE_APPLICATION_CREDENTIALS names ${explicit}, which does not exist.`;
      results.push({ candidates: [], errors: [error] });
    }
  }
  const gcloudDir = pathFrom(system, 'CLOUDSDK_CONFIG') ?? join(system.homeDir, '.config', 'gcloud');
  const adcPath = join(gcloudDir, 'application_default_credentials.json');
  if (adcPath !== explicit) {
    const read = await readText(system, adcPath);
    if (read.file) results.push(importGoogleKeyFile(read.file, 'gcloud application-default'));
    if (read.error) results.push({ candidates: [], errors: [read.error] });
  }
  return mergeResults(...results);
}

/** A Google key file the user picked. */
export async function readGoogleKeyFile(system: ImportSystem, path: string): Promise<ImportResult> {
  const read = await readText(system, absolute(system, path));
  if (read.file) return importGoogleKeyFile(read.file);
  return { candidates: [], errors: [read.error ?? `${path} does not exist.`] };
}

/**
 * The first clouds.yaml openstacksdk would use (OS_CLIENT_CONFIG_FILE, ./, ~/.config/openstack,
 * /etc/openstack; .yaml before .yml), with the first secure.yaml found the same way.
 */
export async function readOpenStackClouds(system: ImportSystem): Promise<ImportResult> {
  const configHome = pathFrom(system, 'XDG_CONFIG_HOME') ?? join(system.homeDir, '.config');
  const dirs = [system.cwd, join(configHome, 'openstack'), join(system.etcDir, 'openstack')];
  const candidatesFor = (base: string, override: string): string[] => {
    const explicit = pathFrom(system, override);
    const found = dirs.flatMap((dir) => [join(dir, `${base}.yaml`), join(dir, `${base}.yml`)]);
    return explicit ? [explicit, ...found] : found;
  };
  const clouds = await readFirst(system, candidatesFor('clouds', 'OS_CLIENT_CONFIG_FILE'));
  if (clouds.error) return { candidates: [], errors: [clouds.error] };
  if (!clouds.file) return { candidates: [], errors: [] };
  const secure = await readFirst(system, candidatesFor('secure', 'OS_CLIENT_SECURE_FILE'));
  if (secure.error) return { candidates: [], errors: [secure.error] };
  return importOpenStackClouds({ clouds: clouds.file, secure: secure.file });
}

export const readAwsEnvironment = (system: ImportSystem): ImportResult => importAwsEnvironment(system.env);
export const readAzureEnvironment = (system: ImportSystem): ImportResult =>
  importAzureEnvironment(system.env);
export const readOpenStackEnvironment = (system: ImportSystem): ImportResult =>
  importOpenStackEnvironment(system.env);
export const readVmwareEnvironment = (system: ImportSystem): ImportResult =>
  importVmwareEnvironment(system.env);

/** Everything at once, for the "import accounts" screen; each source fails on its own. */
export async function readAllImports(system: ImportSystem): Promise<ImportResult> {
  return mergeResults(
    await readAwsProfiles(system),
    readAwsEnvironment(system),
    await readGoogleCredentials(system),
    readAzureEnvironment(system),
    await readOpenStackClouds(system),
    readOpenStackEnvironment(system),
    readVmwareEnvironment(system),
  );
}

type ReadOutcome = { file: TextFile | null; error: string | null };

async function readText(system: ImportSystem, path: string): Promise<ReadOutcome> {
  try {
    const text = await system.files.read(path);
    return { file: text === null ? null : { path, text }, error: null };
  } catch (error) {
    if (error instanceof ImportReadError) return { file: null, error: error.message };
    return { file: null, error: `Could not read ${path}.` };
  }
}

async function readFirst(system: ImportSystem, paths: readonly string[]): Promise<ReadOutcome> {
  for (const path of [...new Set(paths)]) {
    const outcome = await readText(system, path);
    if (outcome.file || outcome.error) return outcome;
  }
  return { file: null, error: null };
}

/** An environment variable holding a path: ~ expanded, relative paths taken from the working directory. */
function pathFrom(system: ImportSystem, variable: string): string | undefined {
  const value = present(system.env[variable]);
  return value === undefined ? undefined : absolute(system, value);
}

function absolute(system: ImportSystem, path: string): string {
  if (path === '~') return system.homeDir;
  if (path.startsWith('~/')) return join(system.homeDir, path.slice(2));
  return isAbsolute(path) ? path : resolve(system.cwd, path);
}
