import {
  normaliseOsFamily,
  validateCloudImageId,
  type Cloud,
  type ErrorCode,
  type LookupResult,
} from '@contract/index';
import type { z } from 'zod';
import type { LookupRequestSchema } from '@contract/index';
import type { StoredImage } from '../../catalog/stored-image';
import type { AccountRecord, AppStateStore } from '../../stores/app-state';
import type { CatalogScopes } from '../catalog-scopes';
import type { DriverProvider } from '../driver-provider';
import type { Clock } from '../clock';
import { ServiceError, toAppError } from '../../ipc/app-error';
import { findCachedImage } from './cached-image';
import { classifyDrift } from './drift-classify';
import { imageIdentity, sameImageElsewhere } from './image-identity';
import { normalisedArchitecture } from './architecture';
import { requireAccountIn, requireLocation } from './registry-accounts';

export interface ResolvedImage {
  image: StoredImage | null;
  from: 'cloud' | 'cache';
  offlineReason: string | null;
  cachedAt: string | null;
}

const DEPRECATION_WARNING_DAYS = 90;
const CACHE_FALLBACK = new Set<ErrorCode>([
  'cloud-unreachable',
  'cloud-throttled',
  'cloud-error',
  'keychain-unavailable',
  'not-found',
]);

/** A cloud image id in its cloud's canonical form, or an invalid-request error saying the format. */
export function canonicalImageId(cloud: Cloud, input: string): string {
  const checked = validateCloudImageId(cloud, input);
  if (!checked.ok) throw new ServiceError('invalid-request', checked.message);
  return checked.id;
}

/**
 * Vendor and shared images can vanish at their owner's will: only private images (and VMware
 * templates, which live in the user's own vCenter) count as the account's own.
 */
export function ownedByAccount(cloud: Cloud, image: StoredImage): boolean {
  return cloud === 'vmware' || image.visibility === 'private';
}

/** The wizard's lookup: the cloud now, or the cache (flagged) when the cloud cannot be asked. */
export class ImageLookup {
  constructor(
    private readonly state: AppStateStore,
    private readonly catalogs: CatalogScopes,
    private readonly drivers: DriverProvider,
    private readonly clock: Clock,
  ) {}

  async lookup(request: z.infer<typeof LookupRequestSchema>): Promise<LookupResult> {
    const { workspaceId, target } = request;
    const account = requireAccountIn(this.state, workspaceId, target.accountId);
    requireLocation(this.state, account, target.location);
    const cloudImageId = canonicalImageId(account.cloud, target.cloudImageId);
    const resolved = await this.resolve(workspaceId, account, target.location, cloudImageId, request.offline);
    const wanted = imageIdentity({ cloud: account.cloud, location: target.location, cloudImageId });
    const records = this.state.data.registry.filter((record) => record.workspaceId === workspaceId);
    const exact = records.find((record) => record.mappings.some((m) => imageIdentity(m) === wanted));
    // The same image in another location (an Azure URN, the same AMI build in another region):
    // it belongs in the same record, as another mapping.
    const elsewhere =
      exact ??
      (resolved.image &&
        records.find((record) =>
          record.mappings.some((m) =>
            sameImageElsewhere(
              m,
              { cloud: account.cloud, location: target.location, cloudImageId },
              resolved.image!,
            ),
          ),
        ));
    const existing = exact ?? elsewhere ?? null;
    return {
      cloudImageId,
      found: resolved.image !== null,
      from: resolved.from,
      offlineReason: resolved.offlineReason,
      cachedAt: resolved.cachedAt,
      image: resolved.image && prefillOf(account.cloud, resolved.image),
      problems: this.problemsOf(cloudImageId, resolved),
      existing: existing
        ? { recordId: existing.id, name: existing.alias || existing.name, sameLocation: existing === exact }
        : null,
    };
  }

  /** Asks the cloud unless told not to; any failure to ask falls back to the cache, with the reason. */
  async resolve(
    workspaceId: string,
    account: AccountRecord,
    location: string,
    cloudImageId: string,
    offline: boolean,
  ): Promise<ResolvedImage> {
    let offlineReason = 'you chose to work offline.';
    if (!offline) {
      try {
        const driver = await this.drivers.forAccount(account);
        if (!driver.getImage)
          throw new ServiceError('invalid-request', 'this cloud cannot look images up by id.');
        const image = await driver.getImage(location, cloudImageId);
        return { image, from: 'cloud', offlineReason: null, cachedAt: null };
      } catch (error) {
        const appError = toAppError(error);
        // Wrong credentials, missing permission or a refused id are the user's to fix: say so.
        // Only a cloud that cannot be asked right now sends the lookup to the cache.
        if (!CACHE_FALLBACK.has(appError.code)) throw error;
        offlineReason = appError.message;
      }
    }
    const cached = await findCachedImage(
      this.state,
      this.catalogs,
      workspaceId,
      account.id,
      location,
      cloudImageId,
    );
    return { image: cached?.image ?? null, from: 'cache', offlineReason, cachedAt: cached?.cachedAt ?? null };
  }

  private problemsOf(cloudImageId: string, resolved: ResolvedImage): LookupResult['problems'] {
    if (!resolved.image) {
      const where = resolved.from === 'cloud' ? 'The cloud has' : 'The cache holds';
      return [
        { kind: 'not-found', message: `${where} no image ${cloudImageId}. Check the id and the location.` },
      ];
    }
    const drift = classifyDrift(
      { cloudImageId, imageName: resolved.image.name, imageCreatedAt: null, imageArchitecture: null },
      resolved.image,
      this.clock.now(),
      DEPRECATION_WARNING_DAYS,
    );
    if (drift.state === 'deregistered' || drift.state === 'missing')
      return [{ kind: 'deregistered', message: drift.detail ?? 'The image is deregistered.' }];
    if (drift.state === 'deprecated')
      return [
        { kind: 'deprecated', message: `${drift.detail ?? 'Deprecated.'} New launches may be refused.` },
      ];
    if (drift.state === 'deprecating-soon')
      return [{ kind: 'deprecating-soon', message: drift.detail ?? 'Deprecation is coming.' }];
    return [];
  }
}

function prefillOf(cloud: Cloud, image: StoredImage): NonNullable<LookupResult['image']> {
  return {
    name: image.name,
    description: image.description,
    osFamily: normaliseOsFamily(image.osFamily),
    osVersion: image.osVersion,
    architecture: normalisedArchitecture(image.architecture),
    sizeGb: image.sizeGb === null ? null : Math.max(1, Math.ceil(image.sizeGb)),
    state: image.state,
    ownerId: image.ownerId,
    ownedByAccount: ownedByAccount(cloud, image),
    createdAt: image.createdAt,
    deprecatesAt: image.deprecatesAt,
    family: image.family,
  };
}
