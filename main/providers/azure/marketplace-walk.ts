import type { ComputeManagementClient, VirtualMachineImageResource } from '@azure/arm-compute';
import type { StoredImage } from '../../catalog/stored-image';
import type { ListImagesProgress } from '../driver';
import { allOrNothing } from './all-or-nothing';
import { mapMarketplaceVersion, type MarketplaceCoordinates } from './marketplace-mapper';

export interface MarketplaceWalkOptions {
  location: string;
  publisher: string;
  /** Requests in flight at once, at every level of the walk. Default 4. */
  concurrency?: number;
  onProgress: (progress: ListImagesProgress) => void;
  signal?: AbortSignal;
}

/** The publisher's name as Azure spells it (`canonical` asked, `Canonical` in the ids). */
function publisherFromIds(resources: VirtualMachineImageResource[], asked: string): string {
  for (const resource of resources) {
    const match = /\/Publishers\/([^/]+)\//i.exec(resource.id ?? '');
    if (match?.[1] && match[1].toLowerCase() === asked.toLowerCase()) return match[1];
  }
  return asked;
}

/**
 * Lists one publisher's images in one location: the four-level walk offers → SKUs → versions →
 * version details (`get` carries the deprecation status the list leaves out), at most
 * `concurrency` requests at once. A "page" of progress is one SKU whose versions have all arrived.
 */
export async function walkMarketplace(
  compute: ComputeManagementClient,
  options: MarketplaceWalkOptions,
): Promise<StoredImage[]> {
  const { location, signal } = options;
  const limit = Math.max(1, options.concurrency ?? 4);
  signal?.throwIfAborted();
  const offers = await compute.virtualMachineImages.listOffers(location, options.publisher, {
    abortSignal: signal,
  });
  const publisher = publisherFromIds(offers, options.publisher);

  const skus: { offer: string; sku: string }[] = [];
  await allOrNothing(offers, limit, signal, async (offer, abortSignal) => {
    const found = await compute.virtualMachineImages.listSkus(location, publisher, offer.name, {
      abortSignal,
    });
    skus.push(...found.map((sku) => ({ offer: offer.name, sku: sku.name })));
  });
  skus.sort((a, b) => a.offer.localeCompare(b.offer) || a.sku.localeCompare(b.sku));

  const versions: Omit<MarketplaceCoordinates, 'location' | 'publisher'>[] = [];
  const remaining = new Map<string, number>();
  await allOrNothing(skus, limit, signal, async ({ offer, sku }, abortSignal) => {
    const found = await compute.virtualMachineImages.list(location, publisher, offer, sku, { abortSignal });
    versions.push(...found.map((v) => ({ offer, sku, version: v.name })));
    remaining.set(`${offer}:${sku}`, found.length);
  });
  // Stable sort: SKUs in walk order, each SKU's versions in the order Azure listed them.
  versions.sort((a, b) => a.offer.localeCompare(b.offer) || a.sku.localeCompare(b.sku));

  const images = new Map<string, StoredImage>();
  let pages = [...remaining.values()].filter((count) => count === 0).length;
  await allOrNothing(versions, limit, signal, async (v, abortSignal) => {
    let wire: unknown;
    const image = await compute.virtualMachineImages.get(location, publisher, v.offer, v.sku, v.version, {
      abortSignal,
      onResponse: (response) => {
        wire = (response as { parsedBody?: unknown }).parsedBody;
      },
    });
    const mapped = mapMarketplaceVersion({ location, publisher, ...v }, image, wire);
    images.set(mapped.cloudId, mapped);
    const key = `${v.offer}:${v.sku}`;
    const left = (remaining.get(key) ?? 1) - 1;
    remaining.set(key, left);
    if (left === 0) {
      pages += 1;
      options.onProgress({ pages, images: images.size });
    }
  });
  // Walk order (offer, SKU, version) whatever order the answers came in.
  const order = (v: { offer: string; sku: string; version: string }) =>
    `${publisher}:${v.offer}:${v.sku}:${v.version}`;
  return versions
    .map((v) => images.get(order(v)))
    .filter((image): image is StoredImage => image !== undefined);
}
