import type { protos } from '@google-cloud/compute';
import type { StoredImage } from '../../catalog/stored-image';
import { toIsoDate } from '../shared/json-safe';
import { inferGcpOs, licenseName } from './gcp-os';

type Image = protos.google.cloud.compute.v1.IImage;
type Deprecation = protos.google.cloud.compute.v1.IDeprecationStatus;

/** Where the image was listed from: the project, and whether it is the account's own. */
export interface GcpImageContext {
  project: string;
  visibility: 'public' | 'private';
}

/** Who publishes each of Google's public image projects, for the owner column. */
const PUBLISHERS: Record<string, string> = {
  'centos-cloud': 'CentOS',
  'cos-cloud': 'Google',
  'debian-cloud': 'Debian',
  'fedora-cloud': 'Fedora Project',
  'fedora-coreos-cloud': 'Fedora CoreOS',
  'opensuse-cloud': 'openSUSE',
  'rhel-cloud': 'Red Hat',
  'rhel-sap-cloud': 'Red Hat (SAP)',
  'rocky-linux-cloud': 'Rocky Linux',
  'suse-cloud': 'SUSE',
  'suse-sap-cloud': 'SUSE (SAP)',
  'ubuntu-os-cloud': 'Canonical',
  'ubuntu-os-pro-cloud': 'Canonical (Ubuntu Pro)',
  'windows-cloud': 'Microsoft',
  'windows-sql-cloud': 'Microsoft (SQL Server)',
};

const IMAGE_PATH = /projects\/([a-z][a-z0-9-]*)\/global\/images\/([a-z][a-z0-9-]*)$/;

/** The facts file's URI form, `projects/PROJECT/global/images/NAME`, from a selfLink or a URI. */
export function imageUri(project: string, name: string): string {
  return `projects/${project}/global/images/${name}`;
}

export function toImageUri(link: string | null | undefined): string | null {
  if (!link) return null;
  const match = IMAGE_PATH.exec(link);
  return match ? imageUri(match[1] as string, match[2] as string) : link;
}

const ARCHITECTURES: Record<string, string> = {
  X86_64: 'x86_64',
  ARM64: 'arm64',
  ARCHITECTURE_UNSPECIFIED: 'unknown',
};

const STATES: Record<string, NonNullable<StoredImage['deprecationState']>> = {
  DEPRECATED: 'deprecated',
  OBSOLETE: 'obsolete',
  DELETED: 'deleted',
};

/**
 * Compute's deprecation record: the state, and the earliest of its dates as the moment the image
 * is (or was) retired. The dates are informational, so an ACTIVE image with a date ahead of now
 * is "scheduled", and one with none is "active"; no record at all says nothing (null).
 */
export function deprecationOf(
  deprecated: Deprecation | null | undefined,
  now: Date,
): Pick<StoredImage, 'deprecationState' | 'deprecatesAt' | 'replacement'> {
  if (!deprecated?.state) return { deprecationState: null, deprecatesAt: null, replacement: null };
  const dates = [deprecated.deprecated, deprecated.obsolete, deprecated.deleted]
    .map(toIsoDate)
    .filter((date): date is string => date !== null)
    .sort();
  const deprecatesAt = dates[0] ?? null;
  const state =
    STATES[deprecated.state] ??
    (deprecatesAt !== null && Date.parse(deprecatesAt) > now.getTime() ? 'scheduled' : 'active');
  return { deprecationState: state, deprecatesAt, replacement: toImageUri(deprecated.replacement) };
}

/**
 * A JSON-safe copy of the decoded object without the client's bookkeeping: `_name: "name"`
 * markers for optional fields, and the empty defaults the decoder fills in (they would bloat
 * every cached shard with nothing).
 */
export function compactRaw(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compactRaw);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key.startsWith('_') && inner === key.slice(1)) continue;
      const kept = compactRaw(inner);
      if (kept === null || kept === undefined || kept === '') continue;
      if (Array.isArray(kept) && kept.length === 0) continue;
      if (typeof kept === 'object' && !Array.isArray(kept) && Object.keys(kept).length === 0) continue;
      out[key] = kept;
    }
    return out;
  }
  if (typeof value === 'bigint') return value.toString();
  return typeof value === 'function' ? undefined : value;
}

const gib = (bytes: unknown): string | undefined => {
  const n = Number(bytes);
  return Number.isFinite(n) && n > 0 ? `${(n / 2 ** 30).toFixed(2)} GiB` : undefined;
};

/** Details-pane rows, in display order; rows Compute did not fill are left out. */
function detailFields(image: Image, cloudId: string): StoredImage['fields'] {
  const d = image.deprecated;
  const rows: [string, string | null | undefined][] = [
    ['Image URI', cloudId],
    ['Image ID', image.id == null ? undefined : String(image.id)],
    ['Family', image.family],
    ['Status', image.status],
    ['Architecture', image.architecture],
    ['Disk size', image.diskSizeGb == null ? undefined : `${String(image.diskSizeGb)} GB`],
    ['Archive size', gib(image.archiveSizeBytes)],
    ['Storage locations', image.storageLocations?.join(', ')],
    ['Licenses', image.licenses?.map(licenseName).join(', ')],
    [
      'Guest OS features',
      image.guestOsFeatures
        ?.map((f) => f.type)
        .filter(Boolean)
        .join(', '),
    ],
    ['Deprecation state', d?.state],
    ['Replacement', d?.replacement ? toImageUri(d.replacement) : undefined],
    ['Deprecated on', d?.deprecated],
    ['Obsolete on', d?.obsolete],
    ['Deleted on', d?.deleted],
    ['Source type', image.sourceType],
    ['Source disk', image.sourceDisk],
    ['Source image', image.sourceImage ? toImageUri(image.sourceImage) : undefined],
    [
      'Labels',
      Object.entries(image.labels ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(', '),
    ],
    ['Self link', image.selfLink],
  ];
  return rows
    .filter((row): row is [string, string] => typeof row[1] === 'string' && row[1] !== '')
    .map(([label, value]) => ({ label, value }));
}

/** One decoded Compute `Image` to the catalog's cloud-neutral record, keeping the raw object. */
export function mapGcpImage(image: Image, context: GcpImageContext, now: Date = new Date()): StoredImage {
  const name = image.name ?? String(image.id ?? '');
  const fromLink = image.selfLink ? IMAGE_PATH.exec(image.selfLink) : null;
  const project = fromLink?.[1] ?? context.project;
  const cloudId = imageUri(project, name);
  const os = inferGcpOs({ family: image.family, name: image.name, licenses: image.licenses });
  const size = Number(image.diskSizeGb);
  return {
    cloudId,
    name,
    description: image.description ?? '',
    ownerId: project,
    ownerAlias: PUBLISHERS[project] ?? null,
    osFamily: os.family,
    osVersion: os.version,
    osRaw: os.raw,
    architecture: ARCHITECTURES[image.architecture ?? ''] ?? (image.architecture?.toLowerCase() || 'unknown'),
    createdAt: toIsoDate(image.creationTimestamp),
    ...deprecationOf(image.deprecated, now),
    state: image.status?.toLowerCase() || 'unknown',
    public: context.visibility === 'public',
    visibility: context.visibility,
    family: image.family || null,
    sizeGb: image.diskSizeGb != null && Number.isFinite(size) && size > 0 ? size : null,
    tags: { ...(image.labels ?? {}) },
    fields: detailFields(image, cloudId),
    raw: compactRaw(image),
  };
}
