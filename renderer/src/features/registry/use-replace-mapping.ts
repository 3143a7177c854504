import { useCallback } from 'react';
import type { RegistryMapping } from '@contract/index';
import { useApi } from '../../api/api-context';
import { ApiError, toApiError } from '../../api/api-error';
import { useWorkspaceId } from '../../api/workspace-scope';
import { useInvalidateRegistry } from './registry-queries';

export interface ReplaceTarget {
  recordId: string;
  mapping: RegistryMapping;
  newCloudImageId: string;
}

/**
 * Swaps a drifted mapping for a replacement image in the same account and location. A record
 * holds one mapping per account × location, so the old one must go before the new one is added:
 * the new image is looked up first (nothing is removed for an image that is not there), and if
 * adding it still fails, the old mapping is put back when the cloud allows it.
 */
export function useReplaceMapping(): (target: ReplaceTarget) => Promise<void> {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const invalidate = useInvalidateRegistry();

  return useCallback(
    async ({ recordId, mapping, newCloudImageId }: ReplaceTarget) => {
      const where = { accountId: mapping.accountId, location: mapping.location };
      const lookup = await api.invoke('registry:lookup', {
        workspaceId,
        target: { ...where, cloudImageId: newCloudImageId },
      });
      const blocking = lookup.problems.find((p) => p.kind === 'not-found' || p.kind === 'deregistered');
      if (!lookup.found || blocking) {
        throw new ApiError(
          'not-found',
          blocking?.message ?? `${newCloudImageId} was not found in ${mapping.location}.`,
        );
      }
      await api.invoke('registry:remove-mapping', { workspaceId, recordId, mappingId: mapping.id });
      const register = (cloudImageId: string) =>
        api.invoke('registry:register', {
          workspaceId,
          addToRecordId: recordId,
          // The user confirmed this image, having seen whether it is deprecated.
          acknowledgeProblems: true,
          target: { ...where, cloudImageId, computeResource: mapping.computeResource },
        });
      try {
        await register(newCloudImageId);
      } catch (error) {
        const failure = toApiError(error);
        const restored = await register(mapping.cloudImageId).then(
          () => true,
          () => false,
        );
        throw new ApiError(
          failure.code,
          restored
            ? `${failure.message} The record keeps ${mapping.cloudImageId}.`
            : `${failure.message} ${mapping.cloudImageId} was removed from the record and could not be put back: add a location to the record again.`,
        );
      } finally {
        await invalidate();
      }
    },
    [api, workspaceId, invalidate],
  );
}
