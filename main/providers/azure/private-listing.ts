import type { ComputeManagementClient, GalleryImageVersion } from '@azure/arm-compute';
import type { StoredImage } from '../../catalog/stored-image';
import type { ListImagesProgress } from '../driver';
import { allOrNothing } from './all-or-nothing';
import { allPages, forEachPage } from './paged-listing';
import {
  mapGalleryImageVersion,
  mapManagedImage,
  normaliseLocation,
  parseResourceId,
} from './private-image-mapper';

export interface PrivateListingOptions {
  location: string;
  onProgress: (progress: ListImagesProgress) => void;
  signal?: AbortSignal;
  /** Gallery definitions listed at once. Default 4. */
  concurrency?: number;
  now?: Date;
}

/**
 * The subscription's managed images in one location. `images.list` is subscription-wide, so each
 * location's source keeps its own; one "page" of progress is one `nextLink` page.
 */
export async function listManagedImages(
  compute: ComputeManagementClient,
  options: PrivateListingOptions,
): Promise<StoredImage[]> {
  const wanted = normaliseLocation(options.location);
  const images: StoredImage[] = [];
  let pages = 0;
  await forEachPage(
    (onResponse) => compute.images.list({ abortSignal: options.signal, onResponse }),
    'managed images',
    (page) => {
      for (const image of page)
        if (normaliseLocation(image.location ?? '') === wanted) images.push(mapManagedImage(image));
      pages += 1;
      options.onProgress({ pages, images: images.length });
    },
    options.signal,
  );
  return images;
}

/** Launchable here: the version is replicated to the location (or, with no target list, lives there). */
function replicatedTo(version: GalleryImageVersion, wanted: string): boolean {
  const regions = version.publishingProfile?.targetRegions;
  if (!regions?.length) return normaliseLocation(version.location ?? '') === wanted;
  return regions.some((region) => normaliseLocation(region.name) === wanted);
}

/**
 * Compute Gallery image versions usable in one location: galleries → definitions → versions,
 * every list followed through its `nextLink`s (each one a "page" of progress).
 */
export async function listGalleryVersions(
  compute: ComputeManagementClient,
  options: PrivateListingOptions,
): Promise<StoredImage[]> {
  const { signal } = options;
  const wanted = normaliseLocation(options.location);
  const now = options.now ?? new Date();
  let pages = 0;
  let count = 0;
  const tick = () => {
    pages += 1;
    options.onProgress({ pages, images: count });
  };
  const galleries = await allPages(
    (onResponse) => compute.galleries.list({ abortSignal: signal, onResponse }),
    'galleries',
    signal,
    tick,
  );
  const perDefinition: StoredImage[][] = [];
  for (const gallery of galleries) {
    const { resourceGroup } = parseResourceId(gallery.id ?? '');
    const galleryName = gallery.name ?? '';
    const definitions = await allPages(
      (onResponse) =>
        compute.galleryImages.listByGallery(resourceGroup, galleryName, { abortSignal: signal, onResponse }),
      `the image definitions of gallery ${galleryName}`,
      signal,
      tick,
    );
    const slots = definitions.map(() => [] as StoredImage[]);
    perDefinition.push(...slots);
    await allOrNothing(
      definitions.map((definition, index) => ({ definition, index })),
      options.concurrency ?? 4,
      signal,
      ({ definition, index }, abortSignal) =>
        forEachPage(
          (onResponse) =>
            compute.galleryImageVersions.listByGalleryImage(
              resourceGroup,
              galleryName,
              definition.name ?? '',
              {
                abortSignal,
                onResponse,
              },
            ),
          `the versions of ${galleryName}/${definition.name ?? ''}`,
          (page) => {
            for (const version of page) {
              if (!replicatedTo(version, wanted)) continue;
              slots[index]?.push(mapGalleryImageVersion({ gallery, definition, version, now }));
              count += 1;
            }
            tick();
          },
          abortSignal,
        ),
    );
  }
  return perDefinition.flat();
}
