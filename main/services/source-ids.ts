import type { ImageListScope } from '../providers/driver';
import type { SourceRecord } from '../stores/app-state';

/** A source is one account × location × scope; its id doubles as its cache file name. */
export function sourceIdFor(accountId: string, location: string, scope: string): string {
  // Scopes may hold characters a file name must not (Azure "managed-images" is fine, a URL is not).
  return `${accountId}.${location}.${scope}`.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** Journal rows for a new account: every location × scope, none synced yet. */
export function newSourceRecords(accountId: string, scopes: readonly ImageListScope[]): SourceRecord[] {
  return scopes.map(({ location, owner }) => ({
    id: sourceIdFor(accountId, location, owner),
    accountId,
    location,
    owner,
    imageCount: 0,
    lastSyncedAt: null,
    lastAttemptAt: null,
    lastError: null,
  }));
}
