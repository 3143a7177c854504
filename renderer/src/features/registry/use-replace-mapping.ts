import { useCallback } from 'react';
import type { RegistryMapping } from '@contract/index';
import { useApi } from '../../api/api-context';
import { useWorkspaceId } from '../../api/workspace-scope';
import { useInvalidateRegistry } from './registry-queries';

export interface ReplaceTarget {
  recordId: string;
  mapping: RegistryMapping;
  newCloudImageId: string;
}

/**
 * Swaps a drifted mapping for a replacement image in the same account and location, in one step
 * main takes whole (`replaceExisting`): the new image is looked up there first, so a failure
 * leaves the record as it was. Servers running from the old image keep running.
 */
export function useReplaceMapping(): (target: ReplaceTarget) => Promise<void> {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const invalidate = useInvalidateRegistry();

  return useCallback(
    async ({ recordId, mapping, newCloudImageId }: ReplaceTarget) => {
      try {
        await api.invoke('registry:register', {
          workspaceId,
          addToRecordId: recordId,
          replaceExisting: true,
          // The user confirmed this image, having seen whether it is deprecated.
          acknowledgeProblems: true,
          target: {
            accountId: mapping.accountId,
            location: mapping.location,
            cloudImageId: newCloudImageId,
            computeResource: mapping.computeResource,
          },
        });
      } finally {
        await invalidate();
      }
    },
    [api, workspaceId, invalidate],
  );
}
