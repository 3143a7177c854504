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

export interface ResourceGroupRecord {
  name: string;
  location: string;
  tags: Record<string, string>;
}

/**
 * The stand-in's subscription: the Marketplace (the same in every location, as far as this
 * stand-in goes), managed images and one Compute Gallery. Lookups ignore case, as ARM does.
 */
export class AzureSandboxCatalog {
  readonly galleries: readonly SeededGallery[];
  private managed: ArmResource[];
  private readonly publishersByKey = new Map<string, PublisherNode>();
  private readonly groups = new Map<string, ResourceGroupRecord>();
  private versionCount: number;

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
    this.managed = seedManagedImages(subscriptionId, locations, referenceDate);
    this.galleries = [seedGallery(subscriptionId, locations, referenceDate)];
  }

  get managedImages(): readonly ArmResource[] {
    return this.managed;
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

  /**
   * Creates (true) or keeps (false) a resource group by name: groups the compute stand-in's
   * callers create, besides the ones the seeded images imply.
   */
  addResourceGroup(name: string, location: string, tags: Record<string, string> = {}): boolean {
    if (this.groups.has(key(name)) || this.hasResourceGroup(name)) return false;
    this.groups.set(key(name), { name, location: key(location), tags });
    return true;
  }

  /** A group created through `addResourceGroup`, with the casing it was created with. */
  resourceGroup(name: string): ResourceGroupRecord | null {
    return this.groups.get(key(name)) ?? null;
  }

  /** A new managed image (a capture), listed and found like the seeded ones from now on. */
  addManagedImage(image: ArmResource): void {
    this.managed = [...this.managed, image];
  }

  /** A resource group holds something here (ARM answers ResourceGroupNotFound for any other). */
  hasResourceGroup(name: string): boolean {
    const segment = `/resourcegroups/${key(name)}/`;
    return (
      this.groups.has(key(name)) ||
      this.galleries.some((g) => key(g.resourceGroup) === key(name)) ||
      this.managed.some((image) => image.id.toLowerCase().includes(segment))
    );
  }

  managedImage(resourceGroup: string, name: string): ArmResource | null {
    const segment = `/resourcegroups/${key(resourceGroup)}/`;
    return (
      this.managed.find(
        (image) => key(image.name) === key(name) && image.id.toLowerCase().includes(segment),
      ) ?? null
    );
  }

  /**
   * Deletes one image: a Marketplace version by URN (`Publisher:Offer:Sku:Version`), or a managed
   * image or gallery image version by resource id. False when there was no such image.
   */
  remove(cloudId: string): boolean {
    const urn = /^([^:/]+):([^:/]+):([^:/]+):([^:/]+)$/.exec(cloudId);
    if (urn) {
      const [, publisher = '', offer = '', skuName = '', version = ''] = urn;
      const sku = this.sku(publisher, offer, skuName);
      const index = sku?.versions.findIndex((v) => key(v.version) === key(version)) ?? -1;
      if (!sku || index < 0) return false;
      sku.versions.splice(index, 1);
      this.versionCount -= 1;
      return true;
    }
    const id = key(cloudId);
    const before = this.managed.length;
    this.managed = this.managed.filter((image) => key(image.id) !== id);
    if (this.managed.length < before) return true;
    for (const { definitions } of this.galleries) {
      for (const { versions } of definitions) {
        const index = versions.findIndex((v) => key(v.id) === id);
        if (index >= 0) {
          versions.splice(index, 1);
          return true;
        }
      }
    }
    return false;
  }
}
