import type { Source } from '@contract/index';

/**
 * Why an account's cloud may be out of reach, for the actions that need it (Test connection, Sync):
 * they stay enabled (the network may be back) but say what happened last time.
 */
export function accountOfflineReason(sources: readonly Source[], accountId: string): string | null {
  const own = sources.filter((source) => source.accountId === accountId);
  const unreachable = own.find((source) => source.lastError?.code === 'cloud-unreachable');
  if (unreachable) {
    return 'The last sync could not reach the cloud; the cached images stay browsable. Trying again needs the network.';
  }
  const failed = own.find((source) => source.lastError && source.stale);
  if (failed?.lastError) return `The last sync failed (${failed.lastError.code}); showing the previous copy.`;
  const stale = own.filter((source) => source.stale && source.lastSyncedAt);
  if (stale.length > 0) {
    return `${stale.length === own.length ? 'The cached copy is' : 'Part of the cached copy is'} stale: ${stale[0]?.staleReason ?? 'older than the stale threshold.'}`;
  }
  return null;
}
