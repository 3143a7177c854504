import type { StoredHistoryEntry, StoredRegistryRecord } from '../../stores/registry-schema';

/** Enough to see how a record came to be; the oldest entries go first when a record is edited for years. */
export const HISTORY_LIMIT = 500;

export function appendHistory(record: StoredRegistryRecord, entry: StoredHistoryEntry): void {
  record.history.push(entry);
  if (record.history.length > HISTORY_LIMIT) record.history.splice(0, record.history.length - HISTORY_LIMIT);
}

const show = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '(none)';
  if (typeof value === 'object')
    return (
      Object.entries(value)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(', ') || '(none)'
    );
  return `"${String(value)}"`;
};

/** "alias "a" → "b"; access "private" → "deleted"", or null when nothing actually changes. */
export function describeChanges(
  record: StoredRegistryRecord,
  changes: Record<string, unknown>,
): string | null {
  const parts: string[] = [];
  for (const [field, next] of Object.entries(changes)) {
    if (next === undefined) continue;
    const previous = (record as unknown as Record<string, unknown>)[field];
    if (JSON.stringify(previous) === JSON.stringify(next)) continue;
    parts.push(`${field} ${show(previous)} → ${show(next)}`);
  }
  return parts.length > 0 ? `${parts.join('; ')}.` : null;
}
