import type { AccountDraft } from '@contract/index';
import { buildCandidate, present, presentSecret, type ImportCandidate } from './import-candidate';

/** One cloud as clouds.yaml (merged with secure.yaml) or the OS_* environment describes it. */
export interface OpenStackEntry {
  name: string;
  source: string;
  entry: Readonly<Record<string, unknown>>;
  /** How a setting is called where it came from: auth_url in clouds.yaml, OS_AUTH_URL in the environment. */
  label: (key: string) => string;
}

export const DEFAULT_OPENSTACK_REGION = 'RegionOne';

const FIELD_KEYS: Readonly<Record<string, string>> = {
  authUrl: 'auth_url',
  region: 'region_name',
  interface: 'interface',
  username: 'username',
  userDomainName: 'user_domain_name',
  projectName: 'project_name',
  projectDomainName: 'project_domain_name',
  applicationCredentialId: 'application_credential_id',
  password: 'password',
  applicationCredentialSecret: 'application_credential_secret',
};

/**
 * Maps one OpenStack cloud entry to a candidate. Settings are read from `auth:` first, then from the
 * entry's top level (openstacksdk accepts both). Only password and application-credential sign-in
 * exist in Hangar; anything else is a problem that says so.
 */
export function openStackCandidate(input: OpenStackEntry): ImportCandidate {
  const { entry, label } = input;
  const auth = isRecord(entry.auth) ? entry.auth : {};
  const top = (key: string): string | undefined => present(text(entry[key]));
  const get = (key: string): string | undefined => present(text(auth[key])) ?? top(key);
  const getSecret = (key: string): string | undefined =>
    presentSecret(text(auth[key])) ?? presentSecret(text(entry[key]));
  const problems: string[] = [];
  const notes: string[] = [];

  const vendor = top('profile') ?? top('cloud');
  if (vendor) {
    notes.push(
      `Uses the vendor profile "${vendor}", whose defaults Hangar does not read: settings the profile supplies (often auth_url and region) must be written in the file.`,
    );
  }

  const authType = authTypeOf(top('auth_type'), get);
  if (authType === null) {
    problems.push(
      `${label('auth_type')} "${top('auth_type')}" is not supported: Hangar signs in with a password (password, v3password) or an application credential (v3applicationcredential).`,
    );
  }
  const apiVersion = top('identity_api_version');
  if (apiVersion && !apiVersion.startsWith('3')) {
    problems.push(`${label('identity_api_version')} is ${apiVersion}: Hangar speaks Keystone v3 only.`);
  }
  const authUrl = authUrlOf(get('auth_url'), label, problems, notes, vendor);
  const region = regionOf(entry, label, notes);

  const common = {
    authUrl: authUrl ?? '',
    region,
    interface: interfaceOf(top('interface') ?? top('endpoint_type')),
  };
  let draft: AccountDraft | null = null;
  let needsSecret = false;
  if (authType === 'application-credential') {
    const id = get('application_credential_id');
    if (!id) {
      problems.push(
        get('application_credential_name')
          ? `${label('application_credential_name')} is set, but Hangar needs ${label('application_credential_id')}.`
          : `${label('application_credential_id')} is missing.`,
      );
    }
    const secret = getSecret('application_credential_secret');
    needsSecret = secret === undefined;
    if (needsSecret)
      notes.push('The application credential secret is not in the files: type it to add this account.');
    draft = {
      cloud: 'openstack',
      connection: { ...common, authType, applicationCredentialId: id ?? '' },
      secret: { kind: 'application-credential', applicationCredentialSecret: secret ?? '' },
    };
  } else if (authType === 'password') {
    const username = get('username');
    if (!username) {
      problems.push(
        get('user_id')
          ? `${label('user_id')} is set, but Hangar needs ${label('username')}.`
          : `${label('username')} is missing.`,
      );
    }
    const projectName = get('project_name') ?? get('tenant_name');
    if (!projectName) {
      problems.push(
        (get('project_id') ?? get('tenant_id'))
          ? `${label('project_id')} is set, but Hangar needs ${label('project_name')}.`
          : `${label('project_name')} is missing: Hangar signs in scoped to a project.`,
      );
    }
    const password = getSecret('password');
    needsSecret = password === undefined;
    if (needsSecret) notes.push('The password is not in the files: type it to add this account.');
    draft = {
      cloud: 'openstack',
      connection: {
        ...common,
        authType,
        username: username ?? '',
        projectName: projectName ?? '',
        ...optional('userDomainName', domainOf('user', get, label, problems)),
        ...optional('projectDomainName', domainOf('project', get, label, problems)),
      },
      secret: { kind: 'password', password: password ?? '' },
    };
  }
  certificateNotes(entry, label, notes);

  const hidden = Object.entries(auth)
    .filter(([key]) => /secret|password|token/i.test(key))
    .map(([, value]) => text(value));
  const labels = Object.fromEntries(Object.entries(FIELD_KEYS).map(([field, key]) => [field, label(key)]));
  return buildCandidate({
    source: input.source,
    name: `OpenStack ${input.name}`,
    draft,
    needsSecret,
    notes,
    problems,
    hidden,
    labels,
  });
}

type AuthKind = 'password' | 'application-credential';

function authTypeOf(raw: string | undefined, get: (key: string) => string | undefined): AuthKind | null {
  if (raw === undefined) {
    // openstacksdk's default is password; an entry holding only an application credential means that.
    const appCredential = get('application_credential_id') ?? get('application_credential_secret');
    return appCredential && !get('username') ? 'application-credential' : 'password';
  }
  const normalised = raw.toLowerCase().replace(/[_-]/g, '');
  if (normalised === 'password' || normalised === 'v3password') return 'password';
  if (normalised === 'v3applicationcredential' || normalised === 'applicationcredential')
    return 'application-credential';
  return null;
}

function authUrlOf(
  raw: string | undefined,
  label: (key: string) => string,
  problems: string[],
  notes: string[],
  vendor: string | undefined,
): string | undefined {
  if (!raw) {
    problems.push(
      vendor
        ? `${label('auth_url')} is missing: the vendor profile "${vendor}" would supply it, but Hangar does not read vendor profiles.`
        : `${label('auth_url')} is missing: Hangar needs the Keystone address.`,
    );
    return undefined;
  }
  const url = raw.replace(/\/+$/, '');
  if (/\/v2(\.0)?$/.test(url)) {
    problems.push(`${label('auth_url')} points at Keystone v2.0: Hangar speaks Keystone v3 only.`);
    return url;
  }
  if (/\/v3(\.\d+)?$/.test(url) || !URL.canParse(url)) return url;
  notes.push(`${label('auth_url')} names no API version: /v3 was added, as Hangar speaks Keystone v3.`);
  return `${url}/v3`;
}

function regionOf(
  entry: Readonly<Record<string, unknown>>,
  label: (key: string) => string,
  notes: string[],
): string {
  const listed = [entry.region_name, entry.regions]
    .flatMap((value) => (Array.isArray(value) ? value : [value]))
    .map((value) => (isRecord(value) ? present(text(value.name)) : present(text(value))))
    .filter((value): value is string => value !== undefined);
  const regions = [...new Set(listed)];
  const [first, ...others] = regions;
  if (!first) {
    notes.push(`No ${label('region_name')}: ${DEFAULT_OPENSTACK_REGION} was assumed.`);
    return DEFAULT_OPENSTACK_REGION;
  }
  if (others.length > 0) {
    notes.push(
      `This cloud lists regions ${regions.join(', ')}: a Hangar OpenStack account covers one region, so ${first} was chosen; add an account for each other region.`,
    );
  }
  return first;
}

function interfaceOf(raw: string | undefined): 'public' | 'internal' | 'admin' {
  if (!raw) return 'public';
  // Legacy endpoint_type values carry a URL suffix: publicURL, internalURL, adminURL.
  // Anything else is passed on unchanged so the contract's validation reports it by name.
  return raw.replace(/URL$/i, '').toLowerCase() as 'public' | 'internal' | 'admin';
}

function domainOf(
  kind: 'user' | 'project',
  get: (key: string) => string | undefined,
  label: (key: string) => string,
  problems: string[],
): string | undefined {
  const name = get(`${kind}_domain_name`) ?? get('domain_name');
  if (name) return name;
  const id = get(`${kind}_domain_id`) ?? get('domain_id');
  if (!id) return undefined;
  // Keystone's built-in domain has the id "default" and the name "Default".
  if (id === 'default') return 'Default';
  problems.push(`${label(`${kind}_domain_id`)} is set, but Hangar needs ${label(`${kind}_domain_name`)}.`);
  return undefined;
}

function certificateNotes(
  entry: Readonly<Record<string, unknown>>,
  label: (key: string) => string,
  notes: string[],
): void {
  const verify = text(entry.verify)?.toLowerCase();
  const insecure = text(entry.insecure)?.toLowerCase();
  if (
    ['false', 'no', 'off', '0'].includes(verify ?? '') ||
    ['true', 'yes', 'on', '1'].includes(insecure ?? '')
  ) {
    notes.push(
      "Certificate checks are turned off for this cloud; Hangar keeps them on, so the server's certificate must be trusted by this computer.",
    );
  }
  if (present(text(entry.cacert))) {
    notes.push(
      `This cloud uses its own CA file (${label('cacert')}): this computer must trust that CA for Hangar to connect.`,
    );
  }
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
