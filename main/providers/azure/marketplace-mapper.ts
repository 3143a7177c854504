import type { VirtualMachineImage } from '@azure/arm-compute';
import type { StoredImage } from '../../catalog/stored-image';
import { toIsoDate, toJsonSafe } from '../shared/json-safe';
import { inferAzureOs, normaliseArchitecture } from './azure-os';

/** Where a Marketplace version sits: the four URN parts, and the location it was listed in. */
export interface MarketplaceCoordinates {
  location: string;
  publisher: string;
  offer: string;
  sku: string;
  version: string;
}

/** `Publisher:Offer:Sku:Version`, the form `az vm create --image` and ARM templates take. */
export const urnOf = (c: Omit<MarketplaceCoordinates, 'location'>): string =>
  `${c.publisher}:${c.offer}:${c.sku}:${c.version}`;

const valid = (y: number, m: number, d: number): boolean =>
  y >= 2012 && y <= 2045 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
const iso = (y: number, m: number, d: number): string => new Date(Date.UTC(y, m - 1, d)).toISOString();

/**
 * The build date publishers write into versions, since the Marketplace API has no creation date:
 * `22.04.202403280` and `9.4.2024062415` (YYYYMMDD…), `0.20240717.1811`, `2024.06.20`,
 * Windows' `20348.2340.240303` (YYMMDD last). Null when the version carries no date.
 */
export function publishedFromVersion(version: string): string | null {
  const parts = version.split('.');
  const whole = /^(20\d{2})\.(\d{2})\.(\d{2})$/.exec(version);
  if (whole) {
    const [y, m, d] = [Number(whole[1]), Number(whole[2]), Number(whole[3])];
    return valid(y, m, d) ? iso(y, m, d) : null;
  }
  for (const part of parts) {
    const long = /^(20\d{2})(\d{2})(\d{2})\d{0,4}$/.exec(part);
    if (long) {
      const [y, m, d] = [Number(long[1]), Number(long[2]), Number(long[3])];
      if (valid(y, m, d)) return iso(y, m, d);
    }
  }
  const last = parts.length === 3 ? /^(\d{2})(\d{2})(\d{2})$/.exec(parts[2] ?? '') : null;
  if (last) {
    const [y, m, d] = [2000 + Number(last[1]), Number(last[2]), Number(last[3])];
    return valid(y, m, d) ? iso(y, m, d) : null;
  }
  return null;
}

const STATES: Record<string, StoredImage['deprecationState']> = {
  active: 'active',
  scheduledfordeprecation: 'scheduled',
  deprecated: 'deprecated',
};

/** `alternativeOption` as a partial URN: an Offer names `Publisher:Offer`, a Plan (SKU) `Publisher:Offer:Sku`. */
function replacementOf(image: VirtualMachineImage, c: MarketplaceCoordinates): string | null {
  const option = image.imageDeprecationStatus?.alternativeOption;
  if (!option?.value || option.type === 'None') return null;
  return option.type === 'Plan'
    ? `${c.publisher}:${c.offer}:${option.value}`
    : `${c.publisher}:${option.value}`;
}

/** `sizeInGb` is on the wire but not in the SDK's model, so it is read from the raw body when kept. */
function sizeFromWire(wire: unknown): number | null {
  const size = (wire as { properties?: { osDiskImage?: { sizeInGb?: unknown } } } | undefined)?.properties
    ?.osDiskImage?.sizeInGb;
  return typeof size === 'number' && Number.isFinite(size) ? size : null;
}

function detailFields(
  image: VirtualMachineImage,
  c: MarketplaceCoordinates,
  size: number | null,
  published: string | null,
) {
  const status = image.imageDeprecationStatus;
  const option = status?.alternativeOption;
  const rows: [string, string | undefined][] = [
    ['URN', urnOf(c)],
    ['Publisher', c.publisher],
    ['Offer', c.offer],
    ['SKU', c.sku],
    ['Version', c.version],
    ['Location', c.location],
    [
      'OS disk',
      [image.osDiskImage?.operatingSystem, size === null ? null : `${size} GiB`].filter(Boolean).join(', ') ||
        undefined,
    ],
    ['Hyper-V generation', image.hyperVGeneration],
    ['Architecture', image.architecture],
    ['Image state', status?.imageState],
    ['Scheduled deprecation', toIsoDate(status?.scheduledDeprecationTime) ?? undefined],
    ['Alternative', option?.value ? `${option.type ?? 'Offer'} ${option.value}` : undefined],
    ['Features', image.features?.map((f) => `${f.name}=${f.value}`).join(', ') || undefined],
    [
      'Automatic OS upgrade',
      image.automaticOSUpgradeProperties
        ? image.automaticOSUpgradeProperties.automaticOSUpgradeSupported
          ? 'supported'
          : 'not supported'
        : undefined,
    ],
    ['Disallowed disk type', image.disallowed?.vmDiskType],
    [
      'Purchase plan',
      image.plan ? `${image.plan.publisher} / ${image.plan.product} / ${image.plan.name}` : undefined,
    ],
    ['Data disks', image.dataDiskImages?.length ? String(image.dataDiskImages.length) : undefined],
    ['Built (from version)', published ?? undefined],
  ];
  return rows
    .filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '')
    .map(([label, value]) => ({ label, value }));
}

/**
 * One Marketplace version (from `virtualMachineImages.get`) to the catalog's record. `wire` is the
 * response body as Azure sent it, kept as `raw` because the SDK model drops fields (disk size).
 */
export function mapMarketplaceVersion(
  c: MarketplaceCoordinates,
  image: VirtualMachineImage,
  wire?: unknown,
): StoredImage {
  const status = image.imageDeprecationStatus;
  const os = inferAzureOs({
    publisher: c.publisher,
    offer: c.offer,
    sku: c.sku,
    osType: image.osDiskImage?.operatingSystem,
  });
  const size = sizeFromWire(wire);
  const published = publishedFromVersion(c.version);
  const state = STATES[(status?.imageState ?? '').toLowerCase()] ?? null;
  const osType = image.osDiskImage?.operatingSystem;
  const arch = normaliseArchitecture(image.architecture);
  return {
    cloudId: urnOf(c),
    name: urnOf(c),
    description: `${c.publisher} ${c.offer} ${c.sku}, version ${c.version}${osType ? ` (${osType}, ${image.hyperVGeneration ?? 'V1'}, ${arch})` : ''}`,
    ownerId: c.publisher,
    ownerAlias: null,
    osFamily: os.family,
    osVersion: os.version,
    osRaw: osType ?? null,
    architecture: arch,
    createdAt: published,
    deprecatesAt: toIsoDate(status?.scheduledDeprecationTime),
    deprecationState: state,
    replacement: replacementOf(image, c),
    state: state === 'deprecated' ? 'deprecated' : 'available',
    public: true,
    visibility: 'public',
    family: `${c.offer}:${c.sku}`,
    sizeGb: size,
    tags: { ...(image.tags ?? {}) },
    fields: detailFields(image, c, size, published),
    raw: wire !== undefined && wire !== null && typeof wire === 'object' ? wire : toJsonSafe(image),
  };
}
