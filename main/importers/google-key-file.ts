import type { AccountDraft } from '@contract/index';
import {
  buildCandidate,
  present,
  type ImportCandidate,
  type ImportResult,
  type TextFile,
} from './import-candidate';

const GOOGLE_TOKEN_URIS = [
  'https://oauth2.googleapis.com/token',
  'https://accounts.google.com/o/oauth2/token',
];

const LABELS: Readonly<Record<string, string>> = { projectId: 'project_id', keyJson: 'the key file' };

/**
 * Proposes an account from a Google credentials JSON file. Policy: a file that is not JSON, or not a
 * JSON object, is an error and proposes nothing; a JSON object of another credential type
 * (authorized_user from `gcloud auth application-default login`, external_account …) or a
 * service-account key missing fields is one candidate without a draft, saying why.
 *
 * `via` names how the file was found (e.g. GOOGLE_APPLICATION_CREDENTIALS), for the UI.
 */
export function importGoogleKeyFile(file: TextFile, via?: string): ImportResult {
  const source = via ? `${via} → ${file.path}` : file.path;
  const parsed = parseJson(file.text);
  if (!parsed.ok) {
    return {
      candidates: [],
      errors: [`${file.path} is not valid JSON (${parsed.where}). Nothing was imported from it.`],
    };
  }
  const key = parsed.value;
  if (typeof key !== 'object' || key === null || Array.isArray(key)) {
    return {
      candidates: [],
      errors: [
        `${file.path} is not a Google credentials file: it holds no JSON object. Nothing was imported from it.`,
      ],
    };
  }
  return { candidates: [candidateFromKey(key as Record<string, unknown>, source)], errors: [] };
}

function candidateFromKey(key: Record<string, unknown>, source: string): ImportCandidate {
  const type = present(key.type);
  const projectId = present(key.project_id);
  const hidden = [
    present(key.private_key),
    present(key.private_key_id),
    present(key.client_secret),
    present(key.refresh_token),
  ];
  const rejected = (problem: string): ImportCandidate =>
    buildCandidate({
      source,
      name: projectId ? `GCP ${projectId}` : 'Google Cloud',
      draft: null,
      needsSecret: false,
      notes: [],
      problems: [problem],
      hidden,
    });

  if (type !== 'service_account') return rejected(wrongTypeMessage(type));

  const missing = ['project_id', 'client_email', 'private_key'].filter((field) => !present(key[field]));
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`The service-account key lacks ${missing.join(', ')}.`);
  const privateKey = present(key.private_key);
  if (privateKey && !/-----BEGIN (RSA )?PRIVATE KEY-----/.test(privateKey)) {
    problems.push('private_key is not a PEM private key; download the key file again.');
  }
  const clientEmail = present(key.client_email);
  if (clientEmail && !clientEmail.includes('@')) problems.push('client_email is not an e-mail address.');

  const notes: string[] = [];
  const tokenUri = present(key.token_uri);
  if (tokenUri && !GOOGLE_TOKEN_URIS.includes(tokenUri)) {
    notes.push(`token_uri is not Google's token endpoint (${hostOf(tokenUri)}): sign-in will go there.`);
  }
  const universe = present(key.universe_domain);
  if (universe && universe !== 'googleapis.com') {
    notes.push(
      `The key belongs to universe ${universe}, not googleapis.com; Hangar calls Google's public APIs.`,
    );
  }
  notes.push(
    `Signs in as ${clientEmail ?? 'the service account'}. Add public image projects (debian-cloud, ubuntu-os-cloud …) to list their images too.`,
  );

  const draft: AccountDraft = {
    cloud: 'gcp',
    connection: { projectId: projectId ?? '', imageProjects: [] },
    // Re-serialised compactly: the driver parses it again, and stray whitespace or a BOM is gone.
    secret: { kind: 'service-account', keyJson: JSON.stringify(key) },
  };
  return buildCandidate({
    source,
    name: `GCP ${projectId ?? 'service account'}`,
    draft,
    needsSecret: false,
    notes,
    problems,
    hidden,
    labels: LABELS,
  });
}

function wrongTypeMessage(type: string | undefined): string {
  const onlyKeys =
    'Hangar supports only service-account keys: create a key for a service account (IAM → Service accounts → Keys → Add key → JSON) and import that file.';
  if (type === 'authorized_user') {
    return `This file holds a user login (from \`gcloud auth application-default login\`), not a service-account key. ${onlyKeys}`;
  }
  if (type) return `This file is a "${type}" credential, not a service-account key. ${onlyKeys}`;
  return `This file has no "type" field, so it is not a Google credentials file. ${onlyKeys}`;
}

/** JSON.parse's own message can quote the text (and so a private key): keep only the position. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false; where: string } {
  const clean = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(clean) };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const position = /position (\d+)/.exec(message);
    if (position?.[1]) return { ok: false, where: lineAndColumn(clean, Number(position[1])) };
    if (/end of (JSON|data)/i.test(message) || clean.trim() === '')
      return { ok: false, where: 'it ends too early' };
    return { ok: false, where: 'unexpected content' };
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length;
  const column = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return `line ${line}, column ${column}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'not a URL';
  }
}
