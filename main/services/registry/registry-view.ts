import type { RegistryRecord, RegistryRecordDetail, LabelColor } from '@contract/index';
import type { AppState } from '../../stores/app-state';
import type { StoredRegistryRecord } from '../../stores/registry-schema';
import { worstDrift } from './drift-classify';

/** A stored record as the contract shows it: account and environment names looked up now. */
export function recordView(state: AppState, record: StoredRegistryRecord): RegistryRecord {
  const { history: _history, ...fields } = record;
  const workspace = state.workspaces.find((w) => w.id === record.workspaceId);
  const environment = workspace?.environments.find((env) => env.id === record.environmentId) ?? null;
  const mappings = record.mappings.map((mapping) => {
    const { imageArchitecture: _arch, imageFamily: _family, ...shown } = mapping;
    return {
      ...shown,
      accountName: state.accounts.find((a) => a.id === mapping.accountId)?.name ?? 'a removed account',
    };
  });
  return {
    ...fields,
    labelColor: fields.labelColor as LabelColor,
    // An environment removed since: the record falls back to the workspace level.
    environmentId: environment?.id ?? null,
    environmentName: environment?.name ?? null,
    mappings,
    drift: mappings.length === 0 ? 'unchecked' : worstDrift(mappings.map((m) => m.drift.state)),
  };
}

export function recordDetailView(state: AppState, record: StoredRegistryRecord): RegistryRecordDetail {
  // Newest first: what the user looks for is what changed last.
  return { ...recordView(state, record), history: [...record.history].reverse() };
}
