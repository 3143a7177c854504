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
