import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { RegisterRequestSchema } from '@contract/index';
import type { AppStateStore } from '../../stores/app-state';
import type { StoredMapping } from '../../stores/registry-schema';
import type { Clock } from '../clock';
import { ServiceError } from '../../ipc/app-error';
import { canonicalImageId, ownedByAccount, type ImageLookup } from './image-lookup';
import { normalisedArchitecture } from './architecture';
import { requireAccountIn, requireLocation } from './registry-accounts';
import { classifyDrift } from './drift-classify';

/** The default window in which a coming deprecation counts as drift. */
export const DRIFT_WINDOW_DAYS = 90;

/** Where the registry gets a checked mapping for a register request. */
export interface MappingSource {
  mappingFor(request: z.infer<typeof RegisterRequestSchema>): Promise<StoredMapping>;
}

/**
 * Builds the mapping of a register request from what the cloud (or, offline, the cache) says of
 * the image, refusing what cannot be launched and what the user has not acknowledged.
 */
export class LookedUpMappings implements MappingSource {
  constructor(
    private readonly state: AppStateStore,
    private readonly lookup: ImageLookup,
    private readonly clock: Clock,
  ) {}

  async mappingFor(request: z.infer<typeof RegisterRequestSchema>): Promise<StoredMapping> {
    const { target } = request;
    const account = requireAccountIn(this.state, request.workspaceId, target.accountId);
    requireLocation(this.state, account, target.location);
    const cloudImageId = canonicalImageId(account.cloud, target.cloudImageId);
    const resolved = await this.lookup.resolve(
      request.workspaceId,
      account,
      target.location,
      cloudImageId,
      request.offline,
    );
    const image = resolved.image;
    const where = resolved.from === 'cloud' ? 'the cloud' : 'the cache';
    if (!image)
      throw new ServiceError(
        'not-found',
        `No image ${cloudImageId} in ${target.location} according to ${where}.`,
      );
    const now = this.clock.now();
    const verdict = classifyDrift(
      { cloudImageId, imageName: image.name, imageCreatedAt: null, imageArchitecture: null },
      image,
      now,
      DRIFT_WINDOW_DAYS,
    );
    if (verdict.state === 'deregistered')
      throw new ServiceError(
        'conflict',
        `${verdict.detail} A deregistered image cannot be launched, so it is not registered.`,
      );
    if (verdict.state === 'deprecated' && !request.acknowledgeProblems)
      throw new ServiceError(
        'conflict',
        `${verdict.detail} Confirm that you want to register a deprecated image.`,
      );
    const fromCache = resolved.from === 'cache';
    return {
      id: `map-${randomBytes(6).toString('hex')}`,
      cloud: account.cloud,
      accountId: account.id,
      location: target.location,
      cloudImageId,
      computeResource: account.cloud === 'vmware' ? (target.computeResource ?? null) : null,
      imageName: image.name,
      imageCreatedAt: image.createdAt,
      imageArchitecture: normalisedArchitecture(image.architecture),
      imageFamily: image.family,
      ownerId: image.ownerId,
      ownedByAccount: ownedByAccount(account.cloud, image),
      registeredAt: now.toISOString(),
      drift: fromCache
        ? {
            state: 'unchecked',
            checkedAt: null,
            lastConfirmedAt: null,
            detail: `Registered from the cache (synced ${resolved.cachedAt?.slice(0, 10) ?? 'at an unknown date'}) because ${resolved.offlineReason ?? 'the cloud could not be asked'} Check drift when online.`,
          }
        : {
            state: verdict.state,
            checkedAt: now.toISOString(),
            lastConfirmedAt: now.toISOString(),
            detail: verdict.detail,
          },
    };
  }
}
