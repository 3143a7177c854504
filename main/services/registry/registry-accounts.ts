import type { AccountRecord, AppStateStore } from '../../stores/app-state';
import { ServiceError } from '../../ipc/app-error';

/** An account of this workspace, or a not-found error: a request never reaches another client's account. */
export function requireAccountIn(
  state: AppStateStore,
  workspaceId: string,
  accountId: string,
): AccountRecord {
  const account = state.data.accounts.find((a) => a.id === accountId && a.workspaceId === workspaceId);
  if (!account)
    throw new ServiceError('not-found', 'That account is not in this workspace (it may have been removed).');
  return account;
}

/** The locations an account caches: what the wizard offers, and what a mapping may name. */
export function locationsOf(state: AppStateStore, accountId: string): string[] {
  return [...new Set(state.data.sources.filter((s) => s.accountId === accountId).map((s) => s.location))];
}

export function requireLocation(state: AppStateStore, account: AccountRecord, location: string): void {
  const known = locationsOf(state, account.id);
  if (!known.includes(location)) {
    throw new ServiceError(
      'invalid-request',
      `"${account.name}" is not set up for location "${location}"; choose one of: ${known.join(', ') || 'none'}.`,
    );
  }
}

export function accountNameOf(state: AppStateStore, accountId: string): string {
  return state.data.accounts.find((a) => a.id === accountId)?.name ?? 'a removed account';
}
