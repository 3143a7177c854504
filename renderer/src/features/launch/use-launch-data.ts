import { useQuery } from '@tanstack/react-query';
import type { LaunchPreview, LaunchSpecRequest } from '@contract/index';
import { useApi } from '../../api/api-context';
import type { ApiError } from '../../api/api-error';
import { channelKey, useAccounts, useChannelQuery } from '../../api/queries';
import { useWorkspaceId } from '../../api/workspace-scope';
import { useRegistryRecord } from '../registry/registry-queries';
import {
  imagePlace,
  recordLaunchRefusal,
  recordPlaces,
  type LaunchSource,
  type PlaceChoice,
} from './model/place-choices';

export interface LaunchPlaces {
  places: PlaceChoice[] | null;
  /** What is launched, in words: the record's or the image's name. */
  title: string;
  error: unknown;
  /** Why nothing can be launched from this source (a deleted record, no mappings), or null. */
  refusal: string | null;
}

/** Where the source can launch: a record's mappings (from registry:get), or the image's own place. */
export function useLaunchPlaces(source: LaunchSource): LaunchPlaces {
  const record = useRegistryRecord(source.kind === 'record' ? source.recordId : null);
  const accounts = useAccounts();
  if (source.kind === 'image') {
    if (accounts.isPending) return { places: null, title: source.name, error: null, refusal: null };
    return {
      places: [imagePlace(source, accounts.data)],
      title: source.name || source.imageId,
      error: accounts.error,
      refusal: null,
    };
  }
  const detail = record.data;
  if (!detail) return { places: null, title: 'the record', error: record.error, refusal: null };
  const title = detail.alias || detail.name;
  return { places: recordPlaces(detail.mappings), title, error: null, refusal: recordLaunchRefusal(detail) };
}

/** Flavors, networks and key pairs, asked of the cloud; not refetched on focus (the user is choosing). */
export function useLaunchOptions(place: PlaceChoice | null, location: string, enabled: boolean) {
  const workspaceId = useWorkspaceId();
  return useChannelQuery(
    'launch:options',
    { workspaceId, accountId: place?.accountId ?? '', location, imageId: place?.imageId ?? '' },
    { enabled: enabled && place !== null, refetchOnWindowFocus: false },
  );
}

export function useSecurityGroups(
  place: { accountId: string; location: string } | null,
  networkId: string | null,
  enabled: boolean,
) {
  const workspaceId = useWorkspaceId();
  return useChannelQuery(
    'launch:security-groups',
    { workspaceId, accountId: place?.accountId ?? '', location: place?.location ?? '', networkId },
    { enabled: enabled && place !== null, refetchOnWindowFocus: false },
  );
}

/**
 * The summary's check, keyed by the exact spec: asked when `enabled`, and otherwise still answering
 * from the cache for that spec, so a step shows the cloud's problems only until something changes.
 */
export function useLaunchPreview(spec: LaunchSpecRequest | null, enabled: boolean) {
  const api = useApi();
  return useQuery<LaunchPreview, ApiError>({
    queryKey: spec ? channelKey('launch:preview', spec) : ['launch:preview', null],
    queryFn: () => api.invoke('launch:preview', spec!),
    enabled: enabled && spec !== null,
    refetchOnWindowFocus: false,
  });
}
