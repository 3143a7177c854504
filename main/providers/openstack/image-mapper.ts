import type { StoredImage } from '../../catalog/stored-image';
import { userProperties, type GlanceImage } from './glance-image';
import { inferOsFromName, normaliseOsDistro } from './os-distro';

/** What the mapper knows about the caller, to name the owner and judge dates. */
export interface MapContext {
  /** The project the token is scoped to: its images are "ours". */
  projectId?: string;
  projectName?: string;
  now?: Date;
}

/**
 * Glance has no deprecation date of its own; operators who want one set this property
 * (ISO 8601). `os_hidden` is Glance's only deprecation signal.
 */
export const DEPRECATES_AT_PROPERTY = 'hangar_deprecates_at';

const GIB = 1024 ** 3;

function isoOrNull(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;

function humanBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]} (${bytes} bytes)`;
}

/** The disk a server needs: the image's virtual size (or file size) in whole GiB, never below min_disk. */
export function diskSizeGb(image: GlanceImage): number | null {
  const bytes = count(image.virtual_size) ?? count(image.size);
  const minDisk = count(image.min_disk);
  const fromBytes = bytes === null || bytes === 0 ? null : Math.ceil(bytes / GIB);
  const best = Math.max(fromBytes ?? 0, minDisk ?? 0);
  return best > 0 ? best : null;
}

/** The name without its build serial, so builds of one image group: "…-20240301", "… 2024-03-01", "(2024.03.01)". */
export function glanceFamily(name: string | null): string | null {
  if (!name) return null;
  const family = name
    .replace(/[\s._-]*\(?(?:19|20)\d{2}[-.]?\d{2}[-.]?\d{2}(?:[._-]\d+)*\)?(?=$|[\s._-])/g, '')
    .replace(/[\s._-]+$/, '')
    .trim();
  return family || null;
}

function deprecation(image: GlanceImage, now: Date): Pick<StoredImage, 'deprecatesAt' | 'deprecationState'> {
  const deprecatesAt = isoOrNull(image[DEPRECATES_AT_PROPERTY]);
  if (image.os_hidden === true) return { deprecatesAt, deprecationState: 'deprecated' };
  if (deprecatesAt !== null) {
    return {
      deprecatesAt,
      deprecationState: Date.parse(deprecatesAt) <= now.getTime() ? 'deprecated' : 'scheduled',
    };
  }
  // os_hidden: false is Glance saying "listed normally"; absent (Glance before v2.7) says nothing.
  return { deprecatesAt: null, deprecationState: image.os_hidden === false ? 'active' : null };
}

function detailFields(image: GlanceImage, ownerLabel: string | null): StoredImage['fields'] {
  const size = count(image.size);
  const virtualSize = count(image.virtual_size);
  const rows: [string, string | null][] = [
    ['Image ID', image.id],
    ['Status', text(image.status)],
    ['Visibility', text(image.visibility)],
    ['Protected', image.protected === undefined ? null : image.protected ? 'yes' : 'no'],
    ['Hidden (os_hidden)', image.os_hidden === undefined ? null : image.os_hidden ? 'yes' : 'no'],
    ['Owner project', ownerLabel],
    ['Disk format', text(image.disk_format)],
    ['Container format', text(image.container_format)],
    ['Size', size === null ? null : humanBytes(size)],
    ['Virtual size', virtualSize === null ? null : humanBytes(virtualSize)],
    ['Minimum disk', count(image.min_disk) ? `${image.min_disk} GiB` : null],
    ['Minimum RAM', count(image.min_ram) ? `${image.min_ram} MiB` : null],
    ['Checksum (MD5)', text(image.checksum)],
    [
      'Hash',
      text(image.os_hash_value) ? `${text(image.os_hash_algo) ?? '?'}: ${text(image.os_hash_value)}` : null,
    ],
    ['Tags', image.tags && image.tags.length > 0 ? image.tags.join(', ') : null],
    ['Created', text(image.created_at)],
    ['Updated', text(image.updated_at)],
    ...userProperties(image).map(([key, value]): [string, string] => [`Property ${key}`, value]),
  ];
  return rows
    .filter((row): row is [string, string] => row[1] !== null && row[1] !== '')
    .map(([label, value]) => ({ label, value }));
}

/** One Glance v2 image to the catalog's cloud-neutral record; the wire object is kept as `raw`. */
export function mapGlanceImage(image: GlanceImage, context: MapContext = {}): StoredImage {
  const name = text(image.name);
  const rawDistro = text(image.os_distro);
  const declared = normaliseOsDistro(rawDistro);
  const guessed = declared === null ? inferOsFromName(name) : null;
  const owner = text(image.owner);
  const ownerAlias = owner !== null && owner === context.projectId ? (context.projectName ?? null) : null;
  const tags: Record<string, string> = Object.fromEntries(userProperties(image));
  // Glance tags are bare labels; a property of the same name keeps its value.
  for (const tag of image.tags ?? []) if (!(tag in tags)) tags[tag] = '';

  return {
    cloudId: image.id,
    name: name ?? image.id,
    description: text(image.description) ?? '',
    ownerId: owner ?? '',
    ownerAlias,
    osFamily: declared ?? guessed?.family ?? 'unknown',
    osVersion: text(image.os_version) ?? guessed?.version ?? null,
    osRaw: rawDistro,
    architecture: text(image.architecture)?.toLowerCase() ?? 'unknown',
    createdAt: isoOrNull(image.created_at),
    ...deprecation(image, context.now ?? new Date()),
    replacement: null,
    state: text(image.status) ?? 'unknown',
    public: image.visibility === 'public',
    visibility: image.visibility ?? null,
    family: glanceFamily(name),
    sizeGb: diskSizeGb(image),
    tags,
    fields: detailFields(image, owner && ownerAlias ? `${owner} (${ownerAlias})` : owner),
    raw: JSON.parse(JSON.stringify(image)) as unknown,
  };
}
