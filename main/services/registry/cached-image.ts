import type { ImageDetail } from '@contract/index';
import type { StoredImage } from '../../catalog/stored-image';
import type { AppStateStore } from '../../stores/app-state';
import type { CatalogScopes } from '../catalog-scopes';
import { ServiceError } from '../../ipc/app-error';

export interface CachedImage {
  image: StoredImage;
  /** When the source holding it last synced. */
  cachedAt: string | null;
}

/** The cache's copy of one image of an account at a location, whichever of its sources holds it. */
export async function findCachedImage(
  state: AppStateStore,
  catalogs: CatalogScopes,
  workspaceId: string,
  accountId: string,
  location: string,
  cloudImageId: string,
): Promise<CachedImage | null> {
  const sources = state.data.sources.filter((s) => s.accountId === accountId && s.location === location);
  for (const source of sources) {
    let detail: ImageDetail;
    try {
      detail = await catalogs.of(workspaceId).detail(`${source.id}/${cloudImageId}`);
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'not-found') continue;
      throw error;
    }
    return { image: storedImageOf(detail), cachedAt: source.lastSyncedAt };
  }
  return null;
}

function storedImageOf(detail: ImageDetail): StoredImage {
  return {
    cloudId: detail.cloudId,
    name: detail.name,
    description: detail.description,
    ownerId: detail.ownerId,
    ownerAlias: detail.ownerAlias,
    osFamily: detail.osFamily,
    osVersion: detail.osVersion,
    osRaw: detail.osRaw,
    architecture: detail.architecture,
    createdAt: detail.createdAt,
    deprecatesAt: detail.deprecatesAt,
    deprecationState: detail.deprecationState,
    replacement: detail.replacement,
    state: detail.state,
    public: detail.public,
    visibility: detail.visibility,
    family: detail.family,
    sizeGb: detail.sizeGb,
    tags: detail.tags,
    fields: detail.fields,
    raw: detail.raw,
  };
}
