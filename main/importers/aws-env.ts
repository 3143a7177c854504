import type { AccountDraft } from '@contract/index';
import { AWS_FILE_LABELS, DEFAULT_AWS_REGION } from './aws-profile-candidate';
import { buildCandidate, present, type EnvironmentMap, type ImportResult } from './import-candidate';

const LABELS: Readonly<Record<string, string>> = {
  ...AWS_FILE_LABELS,
  accessKeyId: 'AWS_ACCESS_KEY_ID',
  secretAccessKey: 'AWS_SECRET_ACCESS_KEY',
  sessionToken: 'AWS_SESSION_TOKEN',
  regions: 'AWS_REGION',
  endpoint: 'AWS_ENDPOINT_URL',
};

/** Keys exported in the shell (AWS_ACCESS_KEY_ID …), the first thing the AWS CLI's chain reads. */
export function importAwsEnvironment(env: EnvironmentMap): ImportResult {
  const accessKeyId = present(env.AWS_ACCESS_KEY_ID);
  const secretAccessKey = present(env.AWS_SECRET_ACCESS_KEY);
  if (!accessKeyId && !secretAccessKey) return { candidates: [], errors: [] };

  const sessionToken = present(env.AWS_SESSION_TOKEN);
  const regionVar = present(env.AWS_REGION) ? 'AWS_REGION' : 'AWS_DEFAULT_REGION';
  const region = present(env[regionVar]);
  const endpoint = present(env.AWS_ENDPOINT_URL_EC2) ?? present(env.AWS_ENDPOINT_URL);
  const used = [
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    regionVar,
    'AWS_ENDPOINT_URL_EC2',
    'AWS_ENDPOINT_URL',
  ].filter((name) => present(env[name]));

  const problems: string[] = [];
  const notes: string[] = [];
  if (!accessKeyId) problems.push('AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not.');
  const needsSecret = !secretAccessKey;
  if (needsSecret)
    notes.push('AWS_SECRET_ACCESS_KEY is not set: type the secret access key to add this account.');
  if (sessionToken)
    notes.push('These are temporary session keys (AWS_SESSION_TOKEN): they stop working once they expire.');
  if (!region)
    notes.push(`Neither AWS_REGION nor AWS_DEFAULT_REGION is set: ${DEFAULT_AWS_REGION} was chosen.`);

  const draft: AccountDraft = {
    cloud: 'aws',
    connection: {
      accessKeyId: accessKeyId ?? '',
      regions: [region ?? DEFAULT_AWS_REGION],
      owners: [],
      ...(endpoint ? { endpoint } : {}),
    },
    secret: { secretAccessKey: secretAccessKey ?? '', ...(sessionToken ? { sessionToken } : {}) },
  };
  const candidate = buildCandidate({
    source: `environment: ${used.join(', ')}`,
    name: 'AWS (environment)',
    draft,
    needsSecret,
    notes,
    problems,
    hidden: [secretAccessKey, sessionToken],
    labels: LABELS,
  });
  return { candidates: [candidate], errors: [] };
}
