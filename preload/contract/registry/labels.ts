import { z } from 'zod';

/**
 * How a registry record is marked for people: a label colour and free key=value tags. The same
 * rules apply to the record form, to bulk-tag's text box and to main on every request, so they
 * live here once.
 */

export const LABEL_COLORS = [
  'gray',
  'red',
  'orange',
  'amber',
  'green',
  'teal',
  'blue',
  'indigo',
  'purple',
  'pink',
] as const;
export type LabelColor = (typeof LABEL_COLORS)[number];
export const LabelColorSchema = z.enum(LABEL_COLORS);

export const MAX_TAGS = 50;
export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 256;

export type RegistryTags = Record<string, string>;
export type TagTextResult = { ok: true; tags: RegistryTags } | { ok: false; message: string };

interface TagProblem {
  /** The key the problem is about, when there is one (the form shows it next to that tag). */
  key?: string;
  message: string;
}

const hasControlChar = (text: string): boolean =>
  [...text].some((char) => {
    const code = char.codePointAt(0) ?? 0;
    return code < 0x20 || (code >= 0x7f && code <= 0x9f);
  });

const quote = (text: string): string => `“${text.length > 40 ? `${text.slice(0, 37)}…` : text}”`;

/**
 * Trims keys and values and checks every rule: at most 50 tags; keys 1–128 characters, unique
 * ignoring case (clouds that copy tags onto images treat Env and env as one) and not under `aws:`
 * (reserved by AWS, which refuses to write such tags); values at most 256; no control characters.
 */
function checkTags(entries: [string, string][]): { tags: RegistryTags } | { problems: TagProblem[] } {
  const problems: TagProblem[] = [];
  if (entries.length > MAX_TAGS) {
    problems.push({ message: `a record holds at most ${MAX_TAGS} tags; this has ${entries.length}` });
  }
  const seen = new Map<string, string>();
  const kept: [string, string][] = [];
  for (const [rawKey, rawValue] of entries) {
    const key = rawKey.trim();
    const value = rawValue.trim();
    const before = problems.length;
    if (key === '') problems.push({ message: 'a tag key is empty: write tags as key=value' });
    else if (key.length > MAX_TAG_KEY_LENGTH) {
      problems.push({
        key,
        message: `the tag key ${quote(key)} is longer than ${MAX_TAG_KEY_LENGTH} characters`,
      });
    } else if (key.toLowerCase().startsWith('aws:')) {
      problems.push({
        key,
        message: `tag keys starting with aws: are reserved by AWS: rename ${quote(key)}`,
      });
    } else if (hasControlChar(key)) {
      problems.push({ key, message: `the tag key ${quote(key)} holds a control character; remove it` });
    }
    if (value.length > MAX_TAG_VALUE_LENGTH) {
      problems.push({
        key,
        message: `the value of ${quote(key)} is longer than ${MAX_TAG_VALUE_LENGTH} characters`,
      });
    } else if (hasControlChar(value)) {
      problems.push({ key, message: `the value of ${quote(key)} holds a control character; remove it` });
    }
    const earlier = seen.get(key.toLowerCase());
    if (key !== '' && earlier !== undefined) {
      problems.push({
        key,
        message:
          earlier === key
            ? `the tag key ${quote(key)} appears twice`
            : `the tag keys ${quote(earlier)} and ${quote(key)} differ only in case; keep one`,
      });
    }
    seen.set(key.toLowerCase(), key);
    if (problems.length === before) kept.push([key, value]);
  }
  // fromEntries defines own properties, so a key such as "__proto__" stays a plain tag.
  return problems.length > 0 ? { problems } : { tags: Object.fromEntries(kept) };
}

/** Key → value tags of a registry record, trimmed and checked. */
export const RegistryTagsSchema = z
  .record(z.string(), z.string({ error: 'tag values are text' }))
  .transform((tags, ctx) => {
    const checked = checkTags(Object.entries(tags));
    if ('tags' in checked) return checked.tags;
    for (const problem of checked.problems) {
      ctx.addIssue({
        code: 'custom',
        message: problem.message,
        path: problem.key === undefined ? [] : [problem.key],
      });
    }
    return z.NEVER;
  });

/**
 * Bulk-tag's text box: `key=value` entries separated by commas or new lines. The first `=`
 * splits key from value (values may hold `=`, not commas); blank entries are ignored; a key
 * with no value is written `key=`.
 */
export function parseTagText(text: string): TagTextResult {
  const entries: [string, string][] = [];
  for (const piece of text.split(/[\r\n,]+/)) {
    const entry = piece.trim();
    if (entry === '') continue;
    const equals = entry.indexOf('=');
    if (equals === -1) {
      return {
        ok: false,
        message: `${quote(entry)} is not key=value: write tags as key=value, separated by commas or new lines`,
      };
    }
    entries.push([entry.slice(0, equals), entry.slice(equals + 1)]);
  }
  const checked = checkTags(entries);
  if ('tags' in checked) return { ok: true, tags: checked.tags };
  return { ok: false, message: checked.problems[0]?.message ?? 'the tags are not valid' };
}
