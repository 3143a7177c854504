import { armErrors } from './arm-error';
import { RESOURCE_GET_ROUTES } from './arm-resource-routes';
import { compareVersions, type AzureSandboxCatalog } from './azure-catalog';
import type { AzureOperation } from './azure-faults';
import type { MarketplaceVersion } from './marketplace-seed';

/** What a route answers: a plain JSON value, or a list the server pages with `nextLink`. */
export type ArmResult = { kind: 'json'; value: unknown } | { kind: 'list'; items: readonly unknown[] };

export interface ArmRoute {
  operation: AzureOperation;
  /** The RBAC action ARM checks, named in AuthorizationFailed. */
  action: string;
  /** Matched against the path after `/subscriptions/{id}`, ignoring case. */
  pattern: RegExp;
  /** The location segment's index among the captures, for routes under `/locations/{location}`. */
  locationGroup?: number;
  handle(captures: string[], query: URLSearchParams, catalog: AzureSandboxCatalog): ArmResult;
}

const VMIMAGE = '/providers/Microsoft\\.Compute/locations/([^/]+)/publishers';
const ARTIFACTS = `${VMIMAGE}/([^/]+)/artifacttypes/vmimage/offers`;
const GALLERY = '/resourceGroups/([^/]+)/providers/Microsoft\\.Compute/galleries/([^/]+)';
const route = (path: string): RegExp => new RegExp(`^${path}$`, 'i');

/** ARM's own casing for Marketplace artifact ids: `/Subscriptions/…/Providers/…/Locations/…`. */
function artifactId(subscriptionId: string, location: string, parts: string[]): string {
  const labels = ['Publishers', 'ArtifactTypes/VMImage/Offers', 'Skus', 'Versions'];
  const tail = parts.map((part, i) => `/${labels[i]}/${part}`).join('');
  return `/Subscriptions/${subscriptionId}/Providers/Microsoft.Compute/Locations/${location}${tail}`;
}

function versionDetail(v: MarketplaceVersion, location: string, subscriptionId: string): unknown {
  const status: Record<string, unknown> = { imageState: v.imageState };
  if (v.scheduledDeprecationTime) status.scheduledDeprecationTime = v.scheduledDeprecationTime.toISOString();
  if (v.alternativeOption) status.alternativeOption = v.alternativeOption;
  return {
    properties: {
      hyperVGeneration: v.generation,
      architecture: v.architecture,
      replicaType: 'Managed',
      replicaCount: 10,
      disallowed: { vmDiskType: 'Unmanaged' },
      automaticOSUpgradeProperties: { automaticOSUpgradeSupported: v.automaticOSUpgradeSupported },
      imageDeprecationStatus: status,
      features: v.features,
      osDiskImage: {
        operatingSystem: v.os,
        sizeInGb: v.sizeInGb,
        sizeInBytes: v.sizeInGb * 1_073_741_824 + 512,
      },
      dataDiskImages: [],
    },
    location,
    name: v.version,
    id: artifactId(subscriptionId, location, [v.publisher, v.offer, v.sku, v.version]),
  };
}

/** Marketplace lookups that miss answer as ARM does, with one generic 404. */
function artifact<T>(found: T | null): T {
  if (found === null) throw armErrors.artifactNotFound();
  return found;
}

const json = (value: unknown): ArmResult => ({ kind: 'json', value });
const list = (items: readonly unknown[]): ArmResult => ({ kind: 'list', items });

const vmImageRead = 'Microsoft.Compute/locations/publishers/artifacttypes/offers';

/** The Resource Manager paths the stand-in serves; anything else is ARM's NoRegisteredProviderFound. */
export const ARM_ROUTES: readonly ArmRoute[] = [
  {
    operation: 'virtualMachineImages.listPublishers',
    action: 'Microsoft.Compute/locations/publishers/read',
    pattern: route(VMIMAGE),
    locationGroup: 0,
    handle: ([location = ''], _q, catalog) =>
      json(
        catalog.publishers().map((name) => ({
          location,
          name,
          id: artifactId(catalog.subscriptionId, location, [name]),
        })),
      ),
  },
  {
    operation: 'virtualMachineImages.listOffers',
    action: `${vmImageRead}/read`,
    pattern: route(ARTIFACTS),
    locationGroup: 0,
    handle: ([location = '', publisher = ''], _q, catalog) => {
      const node = artifact(catalog.publisher(publisher));
      return json(
        [...node.offers.values()].map((offer) => ({
          location,
          name: offer.name,
          id: artifactId(catalog.subscriptionId, location, [node.name, offer.name]),
        })),
      );
    },
  },
  {
    operation: 'virtualMachineImages.listSkus',
    action: `${vmImageRead}/skus/read`,
    pattern: route(`${ARTIFACTS}/([^/]+)/skus`),
    locationGroup: 0,
    handle: ([location = '', publisher = '', offerName = ''], _q, catalog) => {
      const offer = artifact(catalog.offer(publisher, offerName));
      const publisherName = catalog.publisher(publisher)?.name ?? publisher;
      return json(
        [...offer.skus.values()].map((sku) => ({
          properties: {
            automaticOSUpgradeProperties: {
              automaticOSUpgradeSupported: sku.versions.some((v) => v.automaticOSUpgradeSupported),
            },
          },
          location,
          name: sku.name,
          id: artifactId(catalog.subscriptionId, location, [publisherName, offer.name, sku.name]),
        })),
      );
    },
  },
  {
    operation: 'virtualMachineImages.list',
    action: `${vmImageRead}/skus/versions/read`,
    pattern: route(`${ARTIFACTS}/([^/]+)/skus/([^/]+)/versions`),
    locationGroup: 0,
    handle: ([location = '', publisher = '', offer = '', skuName = ''], query, catalog) => {
      const sku = artifact(catalog.sku(publisher, offer, skuName));
      let versions = [...sku.versions];
      if (/^name desc$/i.test(query.get('$orderby') ?? ''))
        versions.sort((a, b) => compareVersions(b.version, a.version));
      const top = Number(query.get('$top') ?? NaN);
      if (Number.isInteger(top) && top > 0) versions = versions.slice(0, top);
      return json(
        versions.map((v) => ({
          location,
          name: v.version,
          id: artifactId(catalog.subscriptionId, location, [v.publisher, v.offer, v.sku, v.version]),
        })),
      );
    },
  },
  {
    operation: 'virtualMachineImages.get',
    action: `${vmImageRead}/skus/versions/read`,
    pattern: route(`${ARTIFACTS}/([^/]+)/skus/([^/]+)/versions/([^/]+)`),
    locationGroup: 0,
    handle: ([location = '', publisher = '', offer = '', sku = '', version = ''], _q, catalog) => {
      const found = artifact(catalog.version(publisher, offer, sku, version));
      return json(versionDetail(found, location, catalog.subscriptionId));
    },
  },
  {
    operation: 'images.list',
    action: 'Microsoft.Compute/images/read',
    pattern: route('/providers/Microsoft\\.Compute/images'),
    handle: (_c, _q, catalog) => list(catalog.managedImages),
  },
  {
    operation: 'galleries.list',
    action: 'Microsoft.Compute/galleries/read',
    pattern: route('/providers/Microsoft\\.Compute/galleries'),
    handle: (_c, _q, catalog) => list(catalog.galleries.map((g) => g.gallery)),
  },
  {
    operation: 'galleryImages.listByGallery',
    action: 'Microsoft.Compute/galleries/images/read',
    pattern: route(`${GALLERY}/images`),
    handle: ([resourceGroup = '', name = ''], _q, catalog) => {
      const gallery = catalog.gallery(resourceGroup, name);
      if (!gallery) throw armErrors.resourceNotFound('Microsoft.Compute/galleries', name, resourceGroup);
      return list(gallery.definitions.map((d) => d.definition));
    },
  },
  {
    operation: 'galleryImageVersions.listByGalleryImage',
    action: 'Microsoft.Compute/galleries/images/versions/read',
    pattern: route(`${GALLERY}/images/([^/]+)/versions`),
    handle: ([resourceGroup = '', name = '', image = ''], _q, catalog) => {
      const gallery = catalog.gallery(resourceGroup, name);
      const definition = gallery?.definitions.find(
        (d) => d.definition.name.toLowerCase() === image.toLowerCase(),
      );
      if (!definition)
        throw armErrors.resourceNotFound(
          'Microsoft.Compute/galleries/images',
          `${name}/${image}`,
          resourceGroup,
        );
      return list(definition.versions);
    },
  },
];

/** The route for a path under `/subscriptions/{id}`, with its captures. */
export function matchArmRoute(rest: string): { route: ArmRoute; captures: string[] } | null {
  for (const candidate of [...ARM_ROUTES, ...RESOURCE_GET_ROUTES]) {
    const match = candidate.pattern.exec(rest);
    if (match) return { route: candidate, captures: match.slice(1).map((c) => decodeURIComponent(c)) };
  }
  return null;
}
