/**
 * Conversions every cloud's image mapper needs so a `StoredImage` (and its `raw`) survives JSON
 * and structured clone unchanged.
 */

/** ISO 8601 with Z, or null when the cloud left it out or sent something unparseable. */
export function toIsoDate(value: string | Date | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** A deep copy safe for JSON and structured clone: Dates become ISO strings, undefined and functions go. */
export function toJsonSafe(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(toJsonSafe);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      // $metadata: the AWS SDK's per-call bookkeeping, not part of the resource.
      if (inner === undefined || typeof inner === 'function' || key === '$metadata') continue;
      out[key] = toJsonSafe(inner);
    }
    return out;
  }
  return typeof value === 'bigint' ? value.toString() : value;
}
