import { Low, Memory } from 'lowdb';
import { AppStateStore, defaultAppState, type AppState } from '../../main/stores/app-state';
import type { SyntheticPlan } from './synthetic-plan';

/** Requests name their workspace; the engine serves the state it was built with. */
export const WORKSPACE_ID = 'ws-bench';

/**
 * App state holding the plan's accounts and sources. The catalog engine reads only id, cloud and
 * name of an account, so the accounts carry no connection; the state is handed over unvalidated.
 */
export function stateFor(plan: SyntheticPlan, syncedAt: string): AppStateStore {
  const state = {
    ...defaultAppState(),
    accounts: plan.accounts.map((account) => ({
      ...account,
      kind: 'user',
      credentials: 'keychain',
      createdAt: syncedAt,
    })),
    sources: plan.sources.map((source) => ({
      id: source.id,
      accountId: source.accountId,
      location: source.location,
      owner: source.owner,
      imageCount: source.size,
      lastSyncedAt: syncedAt,
      lastAttemptAt: syncedAt,
      lastError: null,
    })),
  } as unknown as AppState;
  return new AppStateStore(new Low(new Memory<AppState>(), state));
}
