import type { StoredRegistryRecord } from '../../stores/registry-schema';

/** Every word must appear in the record's names, OS, tags or mapped image ids (case-insensitive). */
export function matchesSearch(record: StoredRegistryRecord, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    record.name,
    record.alias,
    record.version,
    record.description,
    record.osFamily,
    record.osVersion,
    ...Object.entries(record.tags).map(([k, v]) => `${k}=${v}`),
    ...record.mappings.flatMap((m) => [m.cloudImageId, m.location, m.imageName]),
  ]
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}
