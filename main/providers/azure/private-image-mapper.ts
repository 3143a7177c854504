import type { Gallery, GalleryImage, GalleryImageVersion, Image } from '@azure/arm-compute';
import type { StoredImage } from '../../catalog/stored-image';
import { toIsoDate, toJsonSafe } from '../shared/json-safe';
import { inferAzureOs, normaliseArchitecture } from './azure-os';

/** The parts of an ARM resource id: `/subscriptions/S/resourceGroups/RG/providers/…`. */
export function parseResourceId(id: string): { subscriptionId: string; resourceGroup: string } {
  const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\//i.exec(id);
  return { subscriptionId: match?.[1] ?? '', resourceGroup: match?.[2] ?? '' };
}

/** `West Europe`, `westeurope`, `West-Europe` → `westeurope`: targetRegions use display names. */
export const normaliseLocation = (name: string): string => name.toLowerCase().replace(/[\s_-]/g, '');

type Row = [string, string | number | boolean | undefined | null];

function rows(list: Row[]): StoredImage['fields'] {
  return list
    .filter(
      (row): row is [string, string | number | boolean] =>
        row[1] !== undefined && row[1] !== null && row[1] !== '',
    )
    .map(([label, value]) => ({
      label,
      value: typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value),
    }));
}

/** A build's family: the name without its trailing date or build stamp (`ubuntu-2204-web-20240611`). */
export function managedImageFamily(name: string): string {
  return name.replace(/[-_.](v?\d+(\.\d+)*|20\d{6}(\d{2,6})?)$/i, '') || name;
}

/** A managed image from `images.list`: private to the subscription, in one location. */
export function mapManagedImage(image: Image): StoredImage {
  const id = image.id ?? '';
  const name = image.name ?? id;
  const { subscriptionId, resourceGroup } = parseResourceId(id);
  const osDisk = image.storageProfile?.osDisk;
  const os = inferAzureOs({ name, osType: osDisk?.osType });
  const source = image.sourceVirtualMachine?.id;
  return {
    cloudId: id,
    name,
    description: `Managed image in resource group ${resourceGroup}${source ? `, captured from ${source.split('/').pop()}` : ''}`,
    ownerId: subscriptionId,
    ownerAlias: null,
    osFamily: os.family,
    osVersion: os.version,
    osRaw: osDisk ? `${osDisk.osType} (${osDisk.osState})` : null,
    // Managed images are x64 only: Arm64 images exist only in Compute Galleries.
    architecture: 'x86_64',
    createdAt: toIsoDate(image.systemData?.createdAt),
    deprecatesAt: null,
    deprecationState: null,
    replacement: null,
    state: image.provisioningState ?? 'unknown',
    public: false,
    visibility: 'private',
    family: managedImageFamily(name),
    sizeGb: osDisk?.diskSizeGB ?? null,
    tags: { ...(image.tags ?? {}) },
    fields: rows([
      ['Resource ID', id],
      ['Resource group', resourceGroup],
      ['Location', image.location],
      ['OS type', osDisk?.osType],
      ['OS state', osDisk?.osState],
      [
        'OS disk',
        osDisk?.diskSizeGB === undefined
          ? undefined
          : `${osDisk.diskSizeGB} GiB, ${osDisk.storageAccountType ?? 'default storage'}`,
      ],
      ['Hyper-V generation', image.hyperVGeneration],
      ['Zone resilient', image.storageProfile?.zoneResilient],
      ['Data disks', image.storageProfile?.dataDisks?.length || undefined],
      ['Source VM', source],
      ['Created by', image.systemData?.createdBy],
    ]),
    raw: toJsonSafe(image),
  };
}

export interface GalleryCoordinates {
  gallery: Gallery;
  definition: GalleryImage;
  version: GalleryImageVersion;
  now: Date;
}

function visibilityOf(gallery: Gallery): StoredImage['visibility'] {
  const permissions = (gallery.sharingProfile?.permissions ?? '').toLowerCase();
  if (permissions === 'community') return 'community';
  if (permissions === 'groups') return 'shared';
  return 'private';
}

/**
 * A Compute Gallery image version: the definition gives the OS and architecture, the version its
 * replication and end of life (its own, else the definition's).
 */
export function mapGalleryImageVersion({
  gallery,
  definition,
  version,
  now,
}: GalleryCoordinates): StoredImage {
  const id = version.id ?? '';
  const profile = version.publishingProfile;
  const identifier = definition.identifier;
  const os = inferAzureOs({
    publisher: identifier?.publisher,
    offer: identifier?.offer,
    sku: identifier?.sku,
    name: definition.name,
    osType: definition.osType,
  });
  const deprecatesAt = toIsoDate(profile?.endOfLifeDate ?? definition.endOfLifeDate);
  const family = `${gallery.name ?? ''}/${definition.name ?? ''}`;
  const regions = profile?.targetRegions ?? [];
  return {
    cloudId: id,
    name: `${family}/${version.name ?? ''}`,
    description: definition.description ?? `Version ${version.name ?? ''} of ${family}`,
    ownerId: parseResourceId(id).subscriptionId,
    ownerAlias: null,
    osFamily: os.family,
    osVersion: os.version,
    osRaw: definition.osType
      ? `${definition.osType}${definition.osState ? ` (${definition.osState})` : ''}`
      : null,
    architecture: normaliseArchitecture(definition.architecture),
    createdAt: toIsoDate(profile?.publishedDate),
    deprecatesAt,
    deprecationState:
      deprecatesAt === null ? null : Date.parse(deprecatesAt) <= now.getTime() ? 'deprecated' : 'scheduled',
    replacement: null,
    state: version.provisioningState ?? 'unknown',
    public: false,
    visibility: visibilityOf(gallery),
    family,
    sizeGb: version.storageProfile?.osDiskImage?.sizeInGB ?? null,
    tags: { ...(version.tags ?? {}) },
    fields: rows([
      ['Resource ID', id],
      ['Gallery', gallery.name],
      ['Definition', definition.name],
      [
        'Identifier',
        identifier ? `${identifier.publisher} / ${identifier.offer} / ${identifier.sku}` : undefined,
      ],
      ['Version', version.name],
      ['Published', toIsoDate(profile?.publishedDate)],
      ['End of life', deprecatesAt],
      [
        'Target regions',
        regions
          .map(
            (r) =>
              `${r.name} ×${r.regionalReplicaCount ?? profile?.replicaCount ?? 1}${r.storageAccountType ? ` (${r.storageAccountType})` : ''}${r.excludeFromLatest ? ', excluded from latest' : ''}`,
          )
          .join('; '),
      ],
      [
        'Regional replica count',
        regions.map((r) => `${r.name}: ${r.regionalReplicaCount ?? profile?.replicaCount ?? 1}`).join(', '),
      ],
      ['Default replica count', profile?.replicaCount],
      ['Exclude from latest', profile?.excludeFromLatest ?? false],
      ['Storage account type', profile?.storageAccountType],
      ['Replication mode', profile?.replicationMode],
      ['OS type', definition.osType],
      ['OS state', definition.osState],
      ['Hyper-V generation', definition.hyperVGeneration],
      ['Source', version.storageProfile?.source?.id],
    ]),
    raw: toJsonSafe(version),
  };
}
