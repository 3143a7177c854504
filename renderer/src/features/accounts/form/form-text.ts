import type { FieldErrors } from 'react-hook-form';

/** "a, b  c" → ["a", "b", "c"]: the free-text "other" fields next to checkbox lists. */
export const splitList = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);

export const unique = (items: string[]) => [...new Set(items)];

/** Optional inputs are empty strings in the form and absent in the request. */
export const blankToUndefined = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** Checked boxes plus the "other" text field, deduplicated. */
export const withOthers = (checked: string[], otherText: string) =>
  unique([...checked, ...splitList(otherText)]);

/**
 * An error the form has no field for (the contract refused the request built from valid-looking
 * inputs): said in words at the bottom rather than swallowed, so Save never fails silently.
 */
export function unmappedIssue(errors: FieldErrors, fields: readonly string[]): string | null {
  for (const [key, value] of Object.entries(errors)) {
    if (fields.includes(key) || !value) continue;
    const message = firstMessage(value);
    return `${key}: ${message ?? 'is not valid'}`;
  }
  return null;
}

function firstMessage(value: unknown, depth = 0): string | undefined {
  if (!value || typeof value !== 'object' || depth > 4) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.message === 'string' && record.message) return record.message;
  for (const [key, nested] of Object.entries(record)) {
    if (key === 'ref') continue;
    const found = firstMessage(nested, depth + 1);
    if (found) return found;
  }
  return undefined;
}
