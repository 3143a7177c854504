import type { AppStateStore } from '../stores/app-state';
import { newSourceRecords, ownersToCache } from '../services/source-ids';

export const sandboxAccountId = 'sandbox';

/** Public owners the sandbox seeds; the same ones a new user would most likely cache. */
const sandboxOwners = ['amazon', 'aws-marketplace', '099720109477'];

/**
 * Make sure the built-in Sandbox account and its sources exist. Returns true when it was just
 * created (a first run), so the caller can sync it at once and the catalog is browsable right away.
 */
export async function ensureSandboxAccount(
  state: AppStateStore,
  regions: readonly string[],
  accessKeyId: string,
  now: Date,
): Promise<boolean> {
  if (state.data.accounts.some((account) => account.id === sandboxAccountId)) return false;
  const owners = ownersToCache(sandboxOwners);
  await state.update((draft) => {
    draft.accounts.unshift({
      id: sandboxAccountId,
      cloud: 'aws',
      name: 'Sandbox (AWS)',
      kind: 'sandbox',
      regions: [...regions],
      owners,
      endpoint: null,
      accessKeyId,
      credentials: 'sandbox',
      createdAt: now.toISOString(),
    });
    draft.sources.push(...newSourceRecords(sandboxAccountId, regions, owners));
  });
  return true;
}
