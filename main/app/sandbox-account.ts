import type { Cloud } from '@contract/index';
import type { AccountRecord, AppStateStore } from '../stores/app-state';
import type { CloudSandbox } from '../providers/provider-module';
import { cloudLabels } from '../providers/registry';
import { requireProvider } from '../services/driver-provider';
import { newSourceRecords } from '../services/source-ids';
import { sandboxWorkspaceId } from '../services/workspace-service';

export const sandboxAccountId = (cloud: Cloud): string => `sandbox-${cloud}`;

/**
 * Make sure each running sandbox cloud has its built-in account, with this run's connection
 * (its port changes every run) and a source for everything it serves. Returns the ids of the
 * accounts just created (a first run), so the caller syncs them and the catalog fills at once.
 */
export async function ensureSandboxAccounts(
  state: AppStateStore,
  sandboxes: readonly CloudSandbox<unknown, unknown>[],
  now: Date,
): Promise<string[]> {
  const created: string[] = [];
  await state.update((draft) => {
    for (const sandbox of sandboxes) {
      const id = sandboxAccountId(sandbox.cloud);
      const scopes = requireProvider(sandbox.cloud).sourcesFor(sandbox.connection);
      const existing = draft.accounts.find((account) => account.id === id);
      if (existing) {
        existing.connection = sandbox.connection as never;
      } else {
        created.push(id);
        draft.accounts.push({
          id,
          workspaceId: sandboxWorkspaceId,
          environmentId: null,
          lastVerifiedAt: null,
          cloud: sandbox.cloud,
          name: `Sandbox (${cloudLabels[sandbox.cloud]})`,
          kind: 'sandbox',
          connection: sandbox.connection,
          credentials: 'sandbox',
          createdAt: now.toISOString(),
        } as AccountRecord);
      }
      const known = new Set(draft.sources.map((source) => source.id));
      draft.sources.push(...newSourceRecords(id, scopes).filter((source) => !known.has(source.id)));
    }
  });
  return created;
}
