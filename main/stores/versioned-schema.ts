import type { z } from 'zod';
import type { JsonValidator } from './atomic-file';

/**
 * Builds a validator for a file with a numeric `schemaVersion`. A version above `current` is
 * reported as "newer" (a downgrade), so the message can say so instead of "damaged", and so we
 * never half-read a format we do not know. Zod issues are summarised by path only: file
 * contents could include user data we do not want in a log line.
 */
export function versionedSchemaValidator<S extends z.ZodType>(
  schema: S,
  current: number,
): JsonValidator<z.output<S>> {
  return (raw) => {
    const version = isRecord(raw) ? raw.schemaVersion : undefined;
    if (typeof version === 'number' && version > current) {
      return {
        ok: false,
        newerVersion: true,
        reason: `schemaVersion ${version} is newer than this version of Hangar understands (${current})`,
      };
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) return { ok: true, value: parsed.data };
    const where = parsed.error.issues
      .slice(0, 3)
      .map((issue) => (issue.path.length > 0 ? issue.path.join('.') : '(root)'))
      .join(', ');
    return { ok: false, reason: `does not match the expected format (at ${where})` };
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
