import type { StoredRegistryRecord } from '../../stores/registry-schema';

/**
 * What one scope sees. The workspace level sees its own records; an environment sees its own plus
 * the workspace-level records that are shared down to it. Nothing ever crosses workspaces.
 */
export function visibleAtScope(
  record: Pick<StoredRegistryRecord, 'workspaceId' | 'environmentId' | 'shared'>,
  workspaceId: string,
  environmentId: string | null,
): boolean {
  if (record.workspaceId !== workspaceId) return false;
  if (environmentId === null) return record.environmentId === null;
  if (record.environmentId === environmentId) return true;
  return record.environmentId === null && record.shared;
}
