import { awsProfileCandidate } from './aws-profile-candidate';
import type { ImportResult, TextFile } from './import-candidate';
import { parseIni, type IniSection } from './ini-parser';

export interface AwsSharedFiles {
  /** ~/.aws/config: `[default]`, `[profile name]`, `[sso-session name]`, `[services name]`. */
  config?: TextFile | null;
  /** ~/.aws/credentials: `[default]`, `[name]` (no "profile " prefix). */
  credentials?: TextFile | null;
}

/** Settings that show a config-file section was meant as a profile (as opposed to `[plugins]` etc.). */
const PROFILE_KEYS = [
  'aws_access_key_id',
  'aws_secret_access_key',
  'role_arn',
  'sso_start_url',
  'sso_session',
];

interface ProfileRecord {
  name: string;
  origins: string[];
  config: IniSection | null;
  credentials: IniSection | null;
  problems: string[];
  notes: string[];
}

/**
 * Proposes one candidate per AWS named profile. Policy: a syntax error in either file (a line that
 * is neither a header, a setting nor a comment) rejects BOTH files, because section boundaries and
 * the config/credentials merge can no longer be trusted; nothing is proposed and the error names
 * the file and line. A profile defined twice, or with a setting written twice, is proposed without
 * a draft and with the reason (the AWS CLI refuses such files), and the other profiles still are.
 */
export function importAwsProfiles(files: AwsSharedFiles): ImportResult {
  const config = files.config ? parseFile(files.config) : { sections: [], error: null };
  const credentials = files.credentials ? parseFile(files.credentials) : { sections: [], error: null };
  const errors = [config.error, credentials.error].filter((e): e is string => e !== null);
  if (errors.length > 0) return { candidates: [], errors };

  const records = new Map<string, ProfileRecord>();
  const record = (name: string): ProfileRecord => {
    let found = records.get(name);
    if (!found) {
      found = { name, origins: [], config: null, credentials: null, problems: [], notes: [] };
      records.set(name, found);
    }
    return found;
  };
  const ssoSessions = new Set<string>();
  const stray: IniSection[] = [];
  const configPath = files.config?.path ?? '';
  const credentialsPath = files.credentials?.path ?? '';

  for (const section of config.sections) {
    const kind = configSectionKind(section.header);
    if (kind.type === 'sso-session') ssoSessions.add(kind.name);
    if (kind.type === 'stray') stray.push(section);
    if (kind.type !== 'profile') continue;
    const entry = record(kind.name);
    entry.origins.push(`${configPath} [${section.header}]`);
    if (entry.config)
      entry.problems.push(twiceMessage(kind.name, configPath, entry.config.line, section.line));
    else entry.config = section;
  }

  for (const section of credentials.sections) {
    const entry = record(section.header);
    entry.origins.push(`${credentialsPath} [${section.header}]`);
    const prefixed = /^profile\s+(.+)$/.exec(section.header);
    if (prefixed) {
      entry.problems.push(
        `In the credentials file a profile is written [${prefixed[1]?.trim()}], without "profile ": the AWS CLI reads this one as a profile named "${section.header}".`,
      );
    }
    if (entry.credentials) {
      entry.problems.push(
        twiceMessage(section.header, credentialsPath, entry.credentials.line, section.line),
      );
    } else entry.credentials = section;
  }

  for (const section of stray) {
    const existing = records.get(section.header);
    if (existing) {
      existing.notes.push(
        `The config file's [${section.header}] section is ignored by the AWS CLI (it expects [profile ${section.header}]), so its settings were not used.`,
      );
    } else if (PROFILE_KEYS.some((key) => section.values.has(key))) {
      const entry = record(section.header);
      entry.origins.push(`${configPath} [${section.header}]`);
      entry.problems.push(
        `In the config file a profile is written [profile ${section.header}]; the AWS CLI ignores [${section.header}] there.`,
      );
    }
  }

  const profiles = new Set(records.keys());
  const candidates = [...records.values()].map((entry) =>
    awsProfileCandidate({
      name: entry.name,
      source: entry.origins.join(' + '),
      values: mergeValues(entry),
      problems: [...entry.problems, ...duplicateSettingProblems(entry)],
      notes: entry.notes,
      profiles,
      ssoSessions,
    }),
  );
  return { candidates, errors: [] };
}

function parseFile(file: TextFile): { sections: IniSection[]; error: string | null } {
  const parsed = parseIni(file.text);
  if (parsed.ok) return { sections: parsed.sections, error: null };
  return {
    sections: [],
    error: `${file.path}, line ${parsed.line}: ${parsed.reason}. Nothing was imported from the AWS files; fix that line and try again.`,
  };
}

type ConfigSectionKind =
  | { type: 'profile'; name: string }
  | { type: 'sso-session'; name: string }
  | { type: 'services' }
  | { type: 'stray' };

/** The config file's naming rules: `[default]` and `[profile x]` are profiles; `[x]` alone is not. */
function configSectionKind(header: string): ConfigSectionKind {
  if (header === 'default') return { type: 'profile', name: 'default' };
  const match = /^(profile|sso-session|services)\s+(.+)$/.exec(header);
  const name = match?.[2]?.trim() ?? '';
  if (match?.[1] === 'profile') return { type: 'profile', name };
  if (match?.[1] === 'sso-session') return { type: 'sso-session', name };
  if (match?.[1] === 'services') return { type: 'services' };
  return { type: 'stray' };
}

function mergeValues(entry: ProfileRecord): Map<string, string> {
  const merged = new Map<string, string>();
  // Credentials-file values override the config file's for the same profile, as in the AWS CLI.
  for (const section of [entry.config, entry.credentials]) {
    for (const [key, value] of section?.values ?? []) if (!value.nested) merged.set(key, value.value);
  }
  return merged;
}

function duplicateSettingProblems(entry: ProfileRecord): string[] {
  return [entry.config, entry.credentials].flatMap((section) =>
    (section?.duplicates ?? []).map(
      (d) =>
        `${d.name} is set twice in [${section?.header}] (lines ${d.lines[0]} and ${d.lines[1]}); the AWS CLI refuses this: keep one.`,
    ),
  );
}

function twiceMessage(name: string, path: string, first: number, second: number): string {
  return `Profile "${name}" is defined twice in ${path} (lines ${first} and ${second}); the AWS CLI refuses this: keep one.`;
}
