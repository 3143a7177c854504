import { seedMarketplace, type MarketplaceVersion } from './marketplace-seed';
import { seedGallery, seedManagedImages, type ArmResource, type SeededGallery } from './private-images-seed';

export const DEFAULT_AZURE_SANDBOX_LOCATIONS = ['westeurope', 'eastus', 'northeurope'] as const;

interface SkuNode {
  name: string;
  versions: MarketplaceVersion[];
}
interface OfferNode {
  name: string;
  skus: Map<string, SkuNode>;
}
interface PublisherNode {
  name: string;
  offers: Map<string, OfferNode>;
}

/** Numeric-aware version order: `22.04.202403280` < `22.04.202410150`, `1.10.0` > `1.9.0`. */
export function compareVersions(a: string, b: string): number {
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

const key = (name: string): string => name.toLowerCase();

/**
 * The stand-in's subscription: the Marketplace (the same in every location, as far as this
 * stand-in goes), managed images and one Compute Gallery. Lookups ignore case, as ARM does.
 */
export class AzureSandboxCatalog {
  readonly managedImages: readonly ArmResource[];
  readonly galleries: readonly SeededGallery[];
  private readonly publishersByKey = new Map<string, PublisherNode>();
  private readonly versionCount: number;

  constructor(
    readonly subscriptionId: string,
    readonly locations: readonly string[],
    readonly referenceDate: Date,
  ) {
    const marketplace = seedMarketplace(referenceDate);
    this.versionCount = marketplace.length;
    for (const version of marketplace) {
      const publisher = this.publishersByKey.get(key(version.publisher)) ?? {
        name: version.publisher,
        offers: new Map<string, OfferNode>(),
      };
      this.publishersByKey.set(key(version.publisher), publisher);
      const offer = publisher.offers.get(key(version.offer)) ?? {
        name: version.offer,
        skus: new Map<string, SkuNode>(),
      };
      publisher.offers.set(key(version.offer), offer);
      const sku = offer.skus.get(key(version.sku)) ?? { name: version.sku, versions: [] };
      offer.skus.set(key(version.sku), sku);
      sku.versions.push(version);
    }
    for (const publisher of this.publishersByKey.values()) {
      for (const offer of publisher.offers.values()) {
        for (const sku of offer.skus.values())
          sku.versions.sort((a, b) => compareVersions(a.version, b.version));
      }
    }
    this.managedImages = seedManagedImages(subscriptionId, locations, referenceDate);
    this.galleries = [seedGallery(subscriptionId, locations, referenceDate)];
  }

  hasLocation(location: string): boolean {
    return this.locations.includes(key(location));
  }

  /** Marketplace versions in all, per location. */
  get marketplaceVersionCount(): number {
    return this.versionCount;
  }

  publishers(): string[] {
    return [...this.publishersByKey.values()].map((p) => p.name);
  }

  publisher(name: string): PublisherNode | null {
    return this.publishersByKey.get(key(name)) ?? null;
  }

  offer(publisher: string, offer: string): OfferNode | null {
    return this.publisher(publisher)?.offers.get(key(offer)) ?? null;
  }

  sku(publisher: string, offer: string, sku: string): SkuNode | null {
    return this.offer(publisher, offer)?.skus.get(key(sku)) ?? null;
  }

  version(publisher: string, offer: string, sku: string, version: string): MarketplaceVersion | null {
    return this.sku(publisher, offer, sku)?.versions.find((v) => key(v.version) === key(version)) ?? null;
  }

  gallery(resourceGroup: string, name: string): SeededGallery | null {
    return (
      this.galleries.find(
        (g) => key(g.resourceGroup) === key(resourceGroup) && key(g.gallery.name) === key(name),
      ) ?? null
    );
  }
}
