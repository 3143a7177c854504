import { useCallback } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ChannelResponse } from '@contract/index';
import { useApi } from '../../api/api-context';
import type { ApiError } from '../../api/api-error';
import { channelKey, useChannelQuery, workspaceOfKey } from '../../api/queries';
import { useWorkspaceId } from '../../api/workspace-scope';
import type { ImageRef } from './model/image-actions';

/** The workspace's launch history, newest first, from main's store (so it reads offline too). */
export function useLaunchHistory() {
  return useChannelQuery('launch:history', { workspaceId: useWorkspaceId() });
}

/** A workspace's launches changed (a launch moved on, a terminate, another window): refetch. */
export function invalidateLaunches(client: QueryClient, workspaceId: string): Promise<void> {
  return client.invalidateQueries({
    predicate: (query) =>
      query.queryKey[0] === 'launch:history' && workspaceOfKey(query.queryKey) === workspaceId,
  });
}

export function useInvalidateLaunches(): () => Promise<void> {
  const client = useQueryClient();
  const workspaceId = useWorkspaceId();
  return useCallback(() => invalidateLaunches(client, workspaceId), [client, workspaceId]);
}

/** What a cloud allows rarely changes; asking lists flavors, so one answer serves a while. */
const CAPABILITIES_FRESH_MS = 10 * 60_000;

/**
 * What the image's cloud can do (capture, copy, deprecate, delete), asked once a lifecycle menu
 * opens. Per account, not per image: an action a particular image cannot take (an Azure managed
 * image has no replication) is refused by main with the reason.
 */
export function useImageCapabilities(image: ImageRef, enabled: boolean) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const request = { workspaceId, accountId: image.accountId };
  return useQuery<ChannelResponse<'lifecycle:capabilities'>, ApiError>({
    queryKey: channelKey('lifecycle:capabilities', request),
    queryFn: () => api.invoke('lifecycle:capabilities', request),
    enabled,
    staleTime: CAPABILITIES_FRESH_MS,
    retry: false,
  });
}
