import { osFamilyLabel, type Cloud, type RegistryAccess, type RegistryRecord } from '@contract/index';

/** What each access means, in the words the access select and bulk menu show. */
export const ACCESS_HINT: Record<RegistryAccess, string> = {
  public: 'offered to everyone in scope',
  private: "only its owner's launches",
  deleted: 'hidden from new launches, kept for what already uses it',
};

/** "Ubuntu 22.04": the family in its usual spelling, then the version. */
export function osText(record: Pick<RegistryRecord, 'osFamily' | 'osVersion'>): string {
  const family = osFamilyLabel(record.osFamily);
  return record.osVersion ? `${family} ${record.osVersion}` : family;
}

/** The record's own scope in words: the workspace level (shared down or not) or its environment. */
export function scopeText(record: Pick<RegistryRecord, 'environmentName' | 'shared'>): string {
  if (record.environmentName !== null) return record.environmentName;
  return record.shared ? 'Workspace, shared' : 'Workspace only';
}

/** The record's display name: its alias when it has one. */
export const displayName = (record: Pick<RegistryRecord, 'alias' | 'name'>): string =>
  record.alias.trim() || record.name;

export interface Reach {
  clouds: Cloud[];
  locations: number;
}

/** Which clouds a record reaches, in first-mapped order, and over how many locations. */
export function reachOf(record: Pick<RegistryRecord, 'mappings'>): Reach {
  const clouds: Cloud[] = [];
  const locations = new Set<string>();
  for (const mapping of record.mappings) {
    if (!clouds.includes(mapping.cloud)) clouds.push(mapping.cloud);
    locations.add(`${mapping.accountId}/${mapping.location}`);
  }
  return { clouds, locations: locations.size };
}

/** "env-a: Production" style options for the scope selector: the workspace first, then each environment. */
export interface ScopeOption {
  value: string;
  label: string;
  environmentId: string | null;
}

export const WORKSPACE_SCOPE = '';

export function scopeOptions(environments: readonly { id: string; name: string }[]): ScopeOption[] {
  return [
    { value: WORKSPACE_SCOPE, label: 'Workspace level', environmentId: null },
    ...environments.map((env) => ({
      value: env.id,
      label: `Environment: ${env.name}`,
      environmentId: env.id,
    })),
  ];
}

/** Keys to remove, from "owner, team stage": commas or spaces between them, duplicates dropped. */
export function parseKeyList(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter(Boolean))];
}

/** The selection, less any record no longer listed (a search narrowed, a record was deleted). */
export function pruneSelection(selected: ReadonlySet<string>, listedIds: readonly string[]): Set<string> {
  const listed = new Set(listedIds);
  return new Set([...selected].filter((id) => listed.has(id)));
}

/** Flips one record in or out of the selection, returning a new set (React state stays immutable). */
export function toggleInSelection(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** Tags as sorted "key=value" text, one per line: how the edit form shows them. */
export function tagsToText(tags: Record<string, string>): string {
  return Object.entries(tags)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
}

export function replaceQuestion(oldId: string, newId: string, recordName: string): string {
  return `Replace ${oldId} with ${newId} in ${recordName}?`;
}
