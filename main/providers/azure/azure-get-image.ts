import type { ComputeManagementClient, VirtualMachineImage } from '@azure/arm-compute';
import type { StoredImage } from '../../catalog/stored-image';
import { mapMarketplaceVersion, type MarketplaceCoordinates } from './marketplace-mapper';
import { mapGalleryImageVersion, mapManagedImage } from './private-image-mapper';

/** The three kinds of id an Azure image goes by (StoredImage.cloudId in each mapper). */
export type AzureImageRef =
  | { kind: 'marketplace'; publisher: string; offer: string; sku: string; version: string }
  | { kind: 'managed'; subscriptionId: string; resourceGroup: string; name: string }
  | {
      kind: 'gallery-version';
      subscriptionId: string;
      resourceGroup: string;
      gallery: string;
      definition: string;
      version: string;
    };

const URN = /^([^:/\s]+):([^:/\s]+):([^:/\s]+):([^:/\s]+)$/;
const RESOURCE = '^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.Compute';
const MANAGED = new RegExp(`${RESOURCE}/images/([^/]+)$`, 'i');
const GALLERY_VERSION = new RegExp(`${RESOURCE}/galleries/([^/]+)/images/([^/]+)/versions/([^/]+)$`, 'i');
const ARTIFACT_ID =
  /\/Publishers\/([^/]+)\/ArtifactTypes\/VMImage\/Offers\/([^/]+)\/Skus\/([^/]+)\/Versions\/([^/]+)$/i;

/** `Publisher:Offer:Sku:Version` (version may be `latest`), or a managed image / gallery version id. */
export function parseAzureImageId(cloudImageId: string): AzureImageRef | null {
  const urn = URN.exec(cloudImageId);
  if (urn) {
    const [, publisher = '', offer = '', sku = '', version = ''] = urn;
    return { kind: 'marketplace', publisher, offer, sku, version };
  }
  const managed = MANAGED.exec(cloudImageId);
  if (managed) {
    const [, subscriptionId = '', resourceGroup = '', name = ''] = managed;
    return { kind: 'managed', subscriptionId, resourceGroup, name };
  }
  const version = GALLERY_VERSION.exec(cloudImageId);
  if (version) {
    const [, subscriptionId = '', resourceGroup = '', gallery = '', definition = '', name = ''] = version;
    return { kind: 'gallery-version', subscriptionId, resourceGroup, gallery, definition, version: name };
  }
  return null;
}

/** ARM's and the Compute provider's ways of saying "no such image" (or no such parent of one). */
const NOT_FOUND_CODES = new Set([
  'ResourceNotFound',
  'NotFound',
  'ArtifactNotFound',
  'ImageNotFound',
  'ResourceGroupNotFound',
  'ParentResourceNotFound',
]);

/**
 * True for a 404 whose ARM code means the image is not there. Other 404s (SubscriptionNotFound,
 * NoRegisteredProviderFound, a proxy's page) are real failures and stay errors.
 */
export function isImageNotFound(error: unknown, armCode: string | undefined): boolean {
  const e = (error ?? {}) as { statusCode?: unknown; code?: unknown };
  const code = armCode ?? (typeof e.code === 'string' ? e.code : undefined);
  return e.statusCode === 404 && code !== undefined && NOT_FOUND_CODES.has(code);
}

/** Numeric-aware order of Marketplace versions: `22.04.202410150` > `22.04.202403280`, `1.10` > `1.9`. */
export function compareImageVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const diff = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (diff !== 0) return diff;
  }
  return 0;
}

export interface AzureLookupOptions {
  location: string;
  signal?: AbortSignal;
  now?: Date;
}

type Marketplace = Extract<AzureImageRef, { kind: 'marketplace' }>;

/**
 * A Marketplace version in one location. `latest` is resolved as Azure resolves it for a VM:
 * the SKU's versions are listed and the highest taken. The URN's parts are spelled as Azure
 * spells them in the answer's id, so the cloudId matches the listed image's.
 */
async function marketplaceVersion(
  compute: ComputeManagementClient,
  ref: Marketplace,
  { location, signal }: AzureLookupOptions,
): Promise<StoredImage | null> {
  let version = ref.version;
  if (version.toLowerCase() === 'latest') {
    const versions = await compute.virtualMachineImages.list(location, ref.publisher, ref.offer, ref.sku, {
      abortSignal: signal,
    });
    const newest = versions
      .map((v) => v.name)
      .sort(compareImageVersions)
      .at(-1);
    if (newest === undefined) return null;
    version = newest;
  }
  let wire: unknown;
  const image: VirtualMachineImage = await compute.virtualMachineImages.get(
    location,
    ref.publisher,
    ref.offer,
    ref.sku,
    version,
    {
      abortSignal: signal,
      onResponse: (response) => {
        wire = (response as { parsedBody?: unknown }).parsedBody;
      },
    },
  );
  const spelled = ARTIFACT_ID.exec(image.id ?? '');
  const coordinates: MarketplaceCoordinates = {
    location,
    publisher: spelled?.[1] ?? ref.publisher,
    offer: spelled?.[2] ?? ref.offer,
    sku: spelled?.[3] ?? ref.sku,
    version: spelled?.[4] ?? version,
  };
  return mapMarketplaceVersion(coordinates, image, wire);
}

/**
 * One image by id, asked of Resource Manager now. Resource ids are absolute, so `location` only
 * matters for the Marketplace; a gallery version is returned wherever it is replicated (its
 * target regions are in the record's fields). Not-found answers are left to the caller
 * (`isImageNotFound`), which also classifies every other error.
 */
export async function lookUpAzureImage(
  compute: ComputeManagementClient,
  ref: AzureImageRef,
  options: AzureLookupOptions,
): Promise<StoredImage | null> {
  const { signal } = options;
  if (ref.kind === 'marketplace') return marketplaceVersion(compute, ref, options);
  if (ref.kind === 'managed') {
    return mapManagedImage(await compute.images.get(ref.resourceGroup, ref.name, { abortSignal: signal }));
  }
  const [gallery, definition, version] = await Promise.all([
    compute.galleries.get(ref.resourceGroup, ref.gallery, { abortSignal: signal }),
    compute.galleryImages.get(ref.resourceGroup, ref.gallery, ref.definition, { abortSignal: signal }),
    compute.galleryImageVersions.get(ref.resourceGroup, ref.gallery, ref.definition, ref.version, {
      abortSignal: signal,
    }),
  ]);
  return mapGalleryImageVersion({ gallery, definition, version, now: options.now ?? new Date() });
}
