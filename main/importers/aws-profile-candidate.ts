import type { AccountDraft } from '@contract/index';
import { buildCandidate, present, type ImportCandidate } from './import-candidate';

/** One AWS profile after the config and credentials files were merged (credentials win, as in the CLI). */
export interface AwsProfileFacts {
  name: string;
  source: string;
  values: ReadonlyMap<string, string>;
  problems: readonly string[];
  notes: readonly string[];
  /** Every profile name defined in either file, to check source_profile. */
  profiles: ReadonlySet<string>;
  /** Every [sso-session x] in the config file, to check sso_session. */
  ssoSessions: ReadonlySet<string>;
}

export const DEFAULT_AWS_REGION = 'us-east-1';

/** Validation messages name the settings as they are written in the files. */
export const AWS_FILE_LABELS: Readonly<Record<string, string>> = {
  accessKeyId: 'aws_access_key_id',
  secretAccessKey: 'aws_secret_access_key',
  sessionToken: 'aws_session_token',
  regions: 'region',
  endpoint: 'endpoint_url',
};

/**
 * Decides what a profile is, in the order the AWS CLI's credential chain does: a role to assume,
 * then SSO, then static keys, then a credential program. Only static keys become a draft: an
 * assume-role profile is listed with its role details but no draft, because Hangar cannot call STS
 * yet and proposing the source profile's keys under the role's name would list the wrong account's
 * images. The source profile is proposed on its own.
 */
export function awsProfileCandidate(facts: AwsProfileFacts): ImportCandidate {
  const get = (key: string): string | undefined => present(facts.values.get(key));
  const secretAccessKey = get('aws_secret_access_key');
  const sessionToken = get('aws_session_token');
  const notes = [...facts.notes];
  const problems = [...facts.problems];
  const base = {
    source: facts.source,
    name: facts.name === 'default' ? 'AWS default' : `AWS ${facts.name}`,
    hidden: [secretAccessKey, sessionToken],
    labels: AWS_FILE_LABELS,
  };
  const unsupported = (): ImportCandidate =>
    buildCandidate({ ...base, draft: null, needsSecret: false, notes, problems });

  const roleArn = get('role_arn');
  if (roleArn) {
    notes.push(assumeRoleNote(facts.name, roleArn, get));
    const sourceProfile = get('source_profile');
    if (sourceProfile && !facts.profiles.has(sourceProfile)) {
      problems.push(`source_profile "${sourceProfile}" is not defined in the AWS files.`);
    }
    if (!sourceProfile && !get('credential_source') && !get('web_identity_token_file')) {
      problems.push('role_arn needs a source_profile or a credential_source to sign in with.');
    }
    return unsupported();
  }

  const ssoSession = get('sso_session');
  if (ssoSession || get('sso_start_url')) {
    notes.push(ssoNote(facts.name, get));
    if (ssoSession && !facts.ssoSessions.has(ssoSession)) {
      problems.push(
        `sso_session "${ssoSession}" has no [sso-session ${ssoSession}] section in the config file.`,
      );
    }
    return unsupported();
  }

  const accessKeyId = get('aws_access_key_id');
  if (accessKeyId || secretAccessKey) {
    if (!accessKeyId) problems.push('aws_secret_access_key is set but aws_access_key_id is missing.');
    return staticKeysCandidate(
      base,
      facts.name,
      { accessKeyId: accessKeyId ?? '', secretAccessKey, sessionToken },
      get,
      {
        notes,
        problems,
      },
    );
  }

  if (get('credential_process')) {
    notes.push(
      'This profile gets its keys from a program (credential_process), which Hangar does not run. Add the account by hand with an access key instead.',
    );
    return unsupported();
  }

  problems.push('No credentials: this profile has no access key, role or SSO settings.');
  return unsupported();
}

function staticKeysCandidate(
  base: {
    source: string;
    name: string;
    hidden: (string | undefined)[];
    labels: Readonly<Record<string, string>>;
  },
  profile: string,
  keys: { accessKeyId: string; secretAccessKey: string | undefined; sessionToken: string | undefined },
  get: (key: string) => string | undefined,
  messages: { notes: string[]; problems: string[] },
): ImportCandidate {
  const { notes, problems } = messages;
  const needsSecret = keys.secretAccessKey === undefined;
  if (needsSecret) notes.push('The secret access key is not in the AWS files: type it to add this account.');
  if (keys.sessionToken) {
    notes.push(
      'These are temporary session keys (aws_session_token): Hangar stops working with them once they expire.',
    );
  }
  const region = get('region');
  if (!region)
    notes.push(
      `No region is set for profile "${profile}": ${DEFAULT_AWS_REGION} was chosen; add the regions you use.`,
    );
  const endpoint = get('endpoint_url');
  if (endpoint) notes.push('The profile sets endpoint_url: Hangar will call that endpoint instead of AWS.');

  const draft: AccountDraft = {
    cloud: 'aws',
    connection: {
      accessKeyId: keys.accessKeyId,
      regions: [region ?? DEFAULT_AWS_REGION],
      owners: [],
      ...(endpoint ? { endpoint } : {}),
    },
    secret: {
      secretAccessKey: keys.secretAccessKey ?? '',
      ...(keys.sessionToken ? { sessionToken: keys.sessionToken } : {}),
    },
  };
  return buildCandidate({ ...base, draft, needsSecret, notes, problems });
}

function assumeRoleNote(profile: string, roleArn: string, get: (key: string) => string | undefined): string {
  const details = [`role_arn ${roleArn}`];
  for (const key of [
    'source_profile',
    'credential_source',
    'external_id',
    'mfa_serial',
    'web_identity_token_file',
  ]) {
    const value = get(key);
    if (value) details.push(`${key} ${value}`);
  }
  const source = get('source_profile');
  const meanwhile =
    source && source !== profile
      ? ` Meanwhile you can import profile "${source}", which lists its own account's images, not the role's.`
      : '';
  return `Assume-role profile (${details.join('; ')}). Hangar cannot assume roles yet: that needs STS support.${meanwhile}`;
}

function ssoNote(profile: string, get: (key: string) => string | undefined): string {
  const details: string[] = [];
  for (const key of ['sso_session', 'sso_start_url', 'sso_account_id', 'sso_role_name']) {
    const value = get(key);
    if (value) details.push(`${key} ${value}`);
  }
  const login = profile === 'default' ? 'aws sso login' : `aws sso login --profile ${profile}`;
  return `SSO profile (${details.join('; ')}): log in with \`${login}\` first; Hangar cannot use SSO credentials yet.`;
}
