import type { SourceRecord } from '../stores/app-state';

/** A source is one account × location × owner; its id doubles as its cache file name. */
export function sourceIdFor(accountId: string, location: string, owner: string): string {
  return `${accountId}.${location}.${owner}`;
}

/** Own images are always cached; the chosen owners come after, without repeats. */
export function ownersToCache(chosen: readonly string[]): string[] {
  return ['self', ...chosen.filter((owner) => owner !== 'self')].filter(
    (owner, index, all) => all.indexOf(owner) === index,
  );
}

/** Journal rows for a new account: every location × owner, none synced yet. */
export function newSourceRecords(
  accountId: string,
  locations: readonly string[],
  owners: readonly string[],
): SourceRecord[] {
  return locations.flatMap((location) =>
    owners.map((owner) => ({
      id: sourceIdFor(accountId, location, owner),
      accountId,
      location,
      owner,
      imageCount: 0,
      lastSyncedAt: null,
      lastAttemptAt: null,
      lastError: null,
    })),
  );
}
