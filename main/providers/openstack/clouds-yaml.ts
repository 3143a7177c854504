import { parseDocument } from 'yaml';
import { OpenStackConnectionSchema, type OpenStackConnection, type OpenStackSecret } from '@contract/index';

/**
 * clouds.yaml (and its companion secure.yaml) as the OpenStack clients read it, turned into
 * Hangar's connection and secret shapes to fill the account form. Only what Hangar can honour is
 * accepted; everything else is named in a problem or warning rather than silently dropped.
 */

export interface CloudsYamlEntry {
  /** The cloud's key in clouds.yaml, plus the region when the cloud lists several. */
  name: string;
  connection: OpenStackConnection;
  /** Present when clouds.yaml or secure.yaml holds the password or credential secret. */
  secret?: OpenStackSecret;
  /** Settings Hangar cannot honour (verify, cacert …), for the form to show. */
  warnings: string[];
}

export interface CloudsYamlProblem {
  name: string;
  message: string;
}

export class CloudsYamlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CloudsYamlError';
  }
}

type Dict = Record<string, unknown>;
const isDict = (value: unknown): value is Dict =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function load(text: string, file: string): Dict {
  const document = parseDocument(text, { uniqueKeys: true });
  const first = document.errors[0];
  if (first) {
    const line = first.linePos?.[0].line;
    throw new CloudsYamlError(
      `${file} is not valid YAML${line ? ` (line ${line})` : ''}: ${first.message.split('\n')[0]}`,
    );
  }
  let root: unknown;
  try {
    // A bounded alias count refuses "billion laughs" files instead of exhausting memory.
    root = document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw new CloudsYamlError(
      `${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (root === null || root === undefined) throw new CloudsYamlError(`${file} is empty.`);
  if (!isDict(root) || !isDict(root.clouds)) {
    throw new CloudsYamlError(
      `${file} has no "clouds:" section: it should start with "clouds:" and one entry per cloud.`,
    );
  }
  return root.clouds;
}

/** secure.yaml's values over clouds.yaml's, key by key, as openstacksdk merges them. */
function merge(base: Dict, over: Dict): Dict {
  const out: Dict = { ...base };
  for (const [key, value] of Object.entries(over))
    out[key] = isDict(value) && isDict(out[key]) ? merge(out[key], value) : value;
  return out;
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : undefined;

function regionsOf(cloud: Dict): string[] {
  const single = str(cloud.region_name);
  if (single) return [single];
  if (!Array.isArray(cloud.regions) || cloud.regions.length === 0) return ['RegionOne'];
  return cloud.regions
    .map((region) => (isDict(region) ? str(region.name) : str(region)))
    .filter((r): r is string => !!r);
}

/** Keystone's default domain by id ("default") or name; any other id cannot be named here. */
function domainName(auth: Dict, kind: 'user' | 'project'): string | undefined {
  const name = str(auth[`${kind}_domain_name`]) ?? str(auth.default_domain_name);
  if (name) return name;
  const id = str(auth[`${kind}_domain_id`]) ?? str(auth.default_domain_id);
  if (id === undefined) return undefined;
  if (id === 'default') return 'Default';
  throw new Error(`${kind}_domain_id "${id}" cannot be used: give ${kind}_domain_name instead`);
}

function authTypeOf(cloud: Dict, auth: Dict): 'password' | 'application-credential' {
  const declared = str(cloud.auth_type)?.toLowerCase().replace(/[-_]/g, '');
  if (declared === undefined)
    return auth.application_credential_id || auth.application_credential_secret
      ? 'application-credential'
      : 'password';
  if (declared === 'password' || declared === 'v3password') return 'password';
  if (declared === 'v3applicationcredential' || declared === 'applicationcredential')
    return 'application-credential';
  throw new Error(
    `auth_type "${str(cloud.auth_type)}" is not supported: Hangar signs in with a password or an application credential`,
  );
}

function interfaceOf(cloud: Dict): OpenStackConnection['interface'] {
  const raw = (str(cloud.interface) ?? str(cloud.endpoint_type) ?? 'public')
    .toLowerCase()
    .replace(/url$/, '');
  if (raw === 'public' || raw === 'internal' || raw === 'admin') return raw;
  throw new Error(`interface "${raw}" is not one of public, internal or admin`);
}

function entriesFor(name: string, cloud: Dict): CloudsYamlEntry[] {
  const auth = isDict(cloud.auth) ? cloud.auth : {};
  const authUrl = str(auth.auth_url);
  if (!authUrl) {
    throw new Error(
      str(cloud.profile)
        ? `it uses the vendor profile "${str(cloud.profile)}"; add auth.auth_url`
        : 'auth.auth_url is missing',
    );
  }
  const version = str(cloud.identity_api_version);
  if (version && !version.startsWith('3'))
    throw new Error(`identity_api_version ${version} is not supported: Hangar speaks Keystone v3`);
  const authType = authTypeOf(cloud, auth);
  if (authType === 'application-credential' && !str(auth.application_credential_id)) {
    throw new Error(
      'give auth.application_credential_id (a credential named without its id needs a user lookup Hangar does not do)',
    );
  }
  if (authType === 'password' && !str(auth.project_name) && str(auth.project_id)) {
    throw new Error('give auth.project_name: a project id alone is not supported yet');
  }
  const warnings: string[] = [];
  if (cloud.verify === false) warnings.push('verify: false is ignored: Hangar always checks certificates.');
  if (str(cloud.cacert))
    warnings.push(`cacert ${str(cloud.cacert)} is not used: add the CA to the system store instead.`);

  const connectionInput = {
    authUrl,
    interface: interfaceOf(cloud),
    authType,
    ...(authType === 'password'
      ? {
          username: str(auth.username),
          userDomainName: domainName(auth, 'user'),
          projectName: str(auth.project_name),
          projectDomainName: domainName(auth, 'project'),
        }
      : { applicationCredentialId: str(auth.application_credential_id) }),
  };
  const password = str(auth.password);
  const credentialSecret = str(auth.application_credential_secret);
  const secret: OpenStackSecret | undefined =
    authType === 'password'
      ? password
        ? { kind: 'password', password }
        : undefined
      : credentialSecret
        ? { kind: 'application-credential', applicationCredentialSecret: credentialSecret }
        : undefined;

  const regions = regionsOf(cloud);
  return regions.map((region) => {
    const parsed = OpenStackConnectionSchema.safeParse({ ...connectionInput, region });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${issue?.path.join('.') || 'settings'}: ${issue?.message ?? 'invalid'}`);
    }
    return {
      name: regions.length > 1 ? `${name} (${region})` : name,
      connection: parsed.data,
      secret,
      warnings,
    };
  });
}

/** Every cloud of the file: the usable ones as entries, the others as problems in words. */
export function readCloudsYaml(
  text: string,
  secureText?: string,
): { entries: CloudsYamlEntry[]; problems: CloudsYamlProblem[] } {
  const clouds = load(text, 'clouds.yaml');
  const secure = secureText === undefined || secureText.trim() === '' ? {} : load(secureText, 'secure.yaml');
  const entries: CloudsYamlEntry[] = [];
  const problems: CloudsYamlProblem[] = [];
  for (const [name, value] of Object.entries(clouds)) {
    try {
      if (!isDict(value)) throw new Error('its entry is not a mapping of settings');
      entries.push(...entriesFor(name, isDict(secure[name]) ? merge(value, secure[name]) : value));
    } catch (error) {
      problems.push({ name, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { entries, problems };
}

/**
 * The usable clouds of a clouds.yaml (+ secure.yaml). Throws a CloudsYamlError that says what to
 * fix when the file is malformed or none of its clouds can be used.
 */
export function parseCloudsYaml(text: string, secureText?: string): CloudsYamlEntry[] {
  const { entries, problems } = readCloudsYaml(text, secureText);
  if (entries.length === 0) {
    const details = problems.map((p) => `${p.name}: ${p.message}`).join('; ');
    throw new CloudsYamlError(
      details ? `No cloud in clouds.yaml can be used (${details}).` : 'clouds.yaml lists no clouds.',
    );
  }
  return entries;
}
