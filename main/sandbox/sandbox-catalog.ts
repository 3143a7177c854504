import { createPrng } from './prng';
import type { SandboxImage } from './sandbox-image';
import { SEED_WINDOW_MS, type SeedContext } from './seed-builder';
import { seedAmazonLinux, seedWindows } from './seed-amazon';
import { seedCanonical } from './seed-canonical';
import { seedDebian, seedRedHat } from './seed-distributions';
import { seedMarketplace } from './seed-marketplace';
import { seedOwnImages } from './seed-own-images';

export const DEFAULT_SANDBOX_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'] as const;

/** us-east-1 gets every build; other regions miss a share, as smaller regions do. */
const KEEP_RATIO: Record<string, number> = { 'us-east-1': 1, 'us-west-2': 0.9, 'eu-west-1': 0.85 };
const DEFAULT_KEEP_RATIO = 0.75;

const byImageId = (a: SandboxImage, b: SandboxImage): number =>
  a.imageId < b.imageId ? -1 : a.imageId > b.imageId ? 1 : 0;

/**
 * The seeded, per-region catalog. Regions are generated lazily and cached, so starting the
 * sandbox costs nothing until a region is first asked for; the same seed always gives the same ids.
 */
export class SandboxCatalog {
  private readonly publicByRegion = new Map<string, SandboxImage[]>();
  private readonly visibleByCaller = new Map<string, SandboxImage[]>();
  /** Deregistered ids: gone from every answer, yet known, so asking for one by id is not an error. */
  private readonly deregistered = new Set<string>();

  constructor(
    readonly regions: readonly string[],
    readonly reference: Date,
  ) {}

  hasRegion(region: string): boolean {
    return this.regions.includes(region);
  }

  publicImages(region: string): readonly SandboxImage[] {
    let images = this.publicByRegion.get(region);
    if (!images) {
      images = generatePublic(region, this.reference);
      this.publicByRegion.set(region, images);
    }
    return images;
  }

  /** Public images plus the caller's own, in EC2's stable listing order (by image id). */
  visibleTo(region: string, callerAccountId: string): readonly SandboxImage[] {
    const key = `${region}/${callerAccountId}`;
    let images = this.visibleByCaller.get(key);
    if (!images) {
      images = [...this.publicImages(region), ...seedOwnImages(callerAccountId, region, this.reference)].sort(
        byImageId,
      );
      this.visibleByCaller.set(key, images);
    }
    return images;
  }

  /** An image the caller may see in a region (public or its own), unless deregistered. */
  findVisible(region: string, callerAccountId: string, imageId: string): SandboxImage | undefined {
    if (this.deregistered.has(imageId)) return undefined;
    return this.visibleTo(region, callerAccountId).find((image) => image.imageId === imageId);
  }

  /** One of an account's own images in a region, deregistered ones included. */
  findOwnImage(region: string, accountId: string, imageId: string): SandboxImage | undefined {
    return this.visibleTo(region, accountId).find(
      (image) => image.imageId === imageId && image.ownerId === accountId,
    );
  }

  /**
   * Adds one of an account's own images (a capture, a copy) or replaces it with a changed copy
   * (available now, deprecated). Replaced, never mutated: served XML is cached per object.
   */
  putOwnImage(region: string, accountId: string, image: SandboxImage): void {
    this.visibleTo(region, accountId);
    const images = this.visibleByCaller.get(`${region}/${accountId}`) ?? [];
    const at = images.findIndex((candidate) => candidate.imageId === image.imageId);
    if (at >= 0) images[at] = image;
    else {
      images.push(image);
      images.sort(byImageId);
    }
  }

  isDeregistered(imageId: string): boolean {
    return this.deregistered.has(imageId);
  }

  /**
   * Deregisters an image wherever it lives: any region's public images, or the own images of one of
   * `accountIds`. False when no such image exists (or it is already gone).
   */
  deregister(imageId: string, accountIds: readonly string[]): boolean {
    if (this.deregistered.has(imageId)) return false;
    const matches = (images: readonly SandboxImage[]) => images.some((image) => image.imageId === imageId);
    const exists = this.regions.some(
      (region) =>
        matches(this.publicImages(region)) ||
        accountIds.some((account) => matches(this.visibleTo(region, account))),
    );
    if (exists) this.deregistered.add(imageId);
    return exists;
  }
}

function generatePublic(region: string, reference: Date): SandboxImage[] {
  const images: SandboxImage[] = [];
  const ctx: SeedContext = {
    region,
    prng: createPrng(`hangar-sandbox:${region}`),
    reference,
    windowStart: new Date(reference.getTime() - SEED_WINDOW_MS),
    keepRatio: KEEP_RATIO[region] ?? DEFAULT_KEEP_RATIO,
    emit: (image) => images.push(image),
  };
  seedCanonical(ctx);
  seedAmazonLinux(ctx);
  seedWindows(ctx);
  seedMarketplace(ctx);
  seedDebian(ctx);
  seedRedHat(ctx);
  return images;
}
