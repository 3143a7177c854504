import { AccountDraftSchema, type AccountDraft } from '@contract/index';

/**
 * One account proposed from credentials the user already has. Conventions every importer follows:
 * - `draft` non-null: ready to add (after the user confirms; when `needsSecret` is true its secret
 *   fields are empty strings the user must type, and everything else was validated).
 * - `draft` null with `problems`: a broken entry, left out; each problem says why in plain words.
 * - `draft` null without problems: a kind of credential Hangar cannot use yet; `note` explains.
 * Secrets live in `draft.secret` only, in memory; no message ever contains one.
 */
export interface ImportCandidate {
  /** File path(s) and section, or environment variable names, for the UI. */
  source: string;
  /** Proposed account name. */
  name: string;
  draft: AccountDraft | null;
  /** True when the draft's secret is not in the source and must be typed (never without a draft). */
  needsSecret: boolean;
  note: string | null;
  problems: string[];
}

/** A whole file's (or the environment's) outcome: `errors` means nothing from it was proposed. */
export interface ImportResult {
  candidates: ImportCandidate[];
  errors: string[];
}

/** Environment variables, injectable for tests (process.env in the app). */
export type EnvironmentMap = Readonly<Record<string, string | undefined>>;

/** A file's text with the path it came from (the path is shown to the user). */
export interface TextFile {
  path: string;
  text: string;
}

export interface CandidateParts {
  source: string;
  name: string;
  draft: AccountDraft | null;
  needsSecret: boolean;
  notes: readonly string[];
  problems: readonly string[];
  /** Values that must never appear in a message, besides the draft's own secret fields. */
  hidden?: readonly (string | undefined)[];
  /** Plain names for schema fields in validation messages, e.g. accessKeyId → "aws_access_key_id". */
  labels?: Readonly<Record<string, string>>;
}

const MAX_NAME = 64;
const HIDDEN = '[hidden]';

/** Validates the draft with the contract's schema and makes sure no secret leaks into a message. */
export function buildCandidate(parts: CandidateParts): ImportCandidate {
  const problems = [...parts.problems];
  let draft: AccountDraft | null = null;
  if (problems.length === 0 && parts.draft) {
    const parsed = AccountDraftSchema.safeParse(parts.draft);
    if (parsed.success) {
      draft = parsed.data;
    } else {
      // A secret still to be typed is empty on purpose: only the other fields must be valid now.
      const issues = parsed.error.issues.filter(
        (issue) => !(parts.needsSecret && issue.path[0] === 'secret'),
      );
      if (issues.length === 0) draft = parts.draft;
      for (const issue of issues) problems.push(describeIssue(issue.path, issue.message, parts.labels ?? {}));
    }
  }
  const secrets = [...secretValues(parts.draft), ...(parts.hidden ?? [])].filter(
    (value): value is string => typeof value === 'string' && value.length >= 4,
  );
  const scrub = (text: string): string => hideSecrets(text, secrets);
  const note = parts.notes.length > 0 ? scrub(parts.notes.join(' ')) : null;
  return {
    source: scrub(parts.source),
    name: scrub(proposeName(parts.name)),
    draft,
    // Only a usable draft can be completed by typing its secret.
    needsSecret: draft !== null && parts.needsSecret,
    note,
    problems: problems.map(scrub),
  };
}

/** Replaces every occurrence of a secret with a marker: a last guard, messages are written without them. */
export function hideSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length > 0) out = out.split(secret).join(HIDDEN);
  }
  return out;
}

export function proposeName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed.length <= MAX_NAME) return trimmed || 'Imported account';
  return `${trimmed.slice(0, MAX_NAME - 1)}…`;
}

/** Joins the results of several sources: each source has already kept its own all-or-nothing rule. */
export function mergeResults(...results: readonly ImportResult[]): ImportResult {
  return {
    candidates: results.flatMap((r) => r.candidates),
    errors: results.flatMap((r) => r.errors),
  };
}

/** Trimmed non-empty text, or undefined: blank settings count as absent. */
export function present(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

/** A secret exactly as written (spaces can be part of a password), or undefined when blank. */
export function presentSecret(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value : undefined;
}

function secretValues(draft: AccountDraft | null): string[] {
  if (!draft) return [];
  return Object.entries(draft.secret)
    .filter(([key, value]) => key !== 'kind' && typeof value === 'string')
    .map(([, value]) => value as string);
}

function describeIssue(
  path: readonly PropertyKey[],
  message: string,
  labels: Readonly<Record<string, string>>,
): string {
  // The field is the last named key: regions.0 → regions. Zod's messages never echo the input.
  const key = [...path].reverse().find((part): part is string => typeof part === 'string');
  if (!key || key === 'connection' || key === 'secret') return message;
  return `${labels[key] ?? key}: ${message}`;
}
