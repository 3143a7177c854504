import type { BlockDeviceMapping, Image } from '@aws-sdk/client-ec2';
import type { StoredImage } from '../../catalog/stored-image';
import { toIsoDate, toJsonSafe } from '../shared/json-safe';
import { inferOs } from './os-inference';

function describeDevice(mapping: BlockDeviceMapping): string {
  const name = mapping.DeviceName ?? '?';
  if (mapping.VirtualName) return `${name}: ${mapping.VirtualName}`;
  if (mapping.NoDevice !== undefined) return `${name}: suppressed`;
  const ebs = mapping.Ebs;
  if (!ebs) return name;
  const parts = [
    ebs.VolumeSize !== undefined ? `${ebs.VolumeSize} GiB` : null,
    ebs.VolumeType ?? null,
    ebs.Iops ? `${ebs.Iops} IOPS` : null,
    ebs.SnapshotId ? `from ${ebs.SnapshotId}` : null,
    ebs.Encrypted ? 'encrypted' : null,
    ebs.DeleteOnTermination === false ? 'kept on termination' : null,
  ].filter((part): part is string => part !== null);
  return `${name}: ${parts.join(', ')}`;
}

const yesNo = (value: boolean | undefined): string | undefined =>
  value === undefined ? undefined : value ? 'yes' : 'no';

/** Details-pane rows, in display order; rows EC2 did not fill are left out. */
function detailFields(image: Image): StoredImage['fields'] {
  const rows: [string, string | undefined][] = [
    ['Image ID', image.ImageId],
    ['Image location', image.ImageLocation],
    ['Owner', image.ImageOwnerAlias ? `${image.OwnerId} (${image.ImageOwnerAlias})` : image.OwnerId],
    ['Platform details', image.PlatformDetails],
    ['Usage operation', image.UsageOperation],
    ['Image type', image.ImageType],
    [
      'State reason',
      image.StateReason ? `${image.StateReason.Code}: ${image.StateReason.Message}` : undefined,
    ],
    ['Root device', [image.RootDeviceType, image.RootDeviceName].filter(Boolean).join(' ') || undefined],
    ['Block devices', image.BlockDeviceMappings?.map(describeDevice).join('; ') || undefined],
    ['Virtualization', image.VirtualizationType],
    ['Hypervisor', image.Hypervisor],
    ['Boot mode', image.BootMode],
    ['IMDS support', image.ImdsSupport],
    ['TPM support', image.TpmSupport],
    ['ENA support', yesNo(image.EnaSupport)],
    ['SR-IOV', image.SriovNetSupport],
    [
      'Product codes',
      image.ProductCodes?.map((p) => `${p.ProductCodeId} (${p.ProductCodeType})`).join(', ') || undefined,
    ],
    ['Kernel', image.KernelId],
    ['RAM disk', image.RamdiskId],
    [
      'Source image',
      image.SourceImageId ? `${image.SourceImageId} (${image.SourceImageRegion ?? '?'})` : undefined,
    ],
    ['Deprecation time', image.DeprecationTime],
    ['Deregistration protection', image.DeregistrationProtection],
    ['Last launched', image.LastLaunchedTime],
    ['Tags', image.Tags?.map((t) => `${t.Key}=${t.Value ?? ''}`).join(', ') || undefined],
  ];
  return rows
    .filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '')
    .map(([label, value]) => ({ label, value }));
}

/** One SDK `Image` to the catalog's cloud-neutral record, keeping the raw object for the details pane. */
export function mapImage(image: Image, now: Date = new Date()): StoredImage {
  const deprecatesAt = toIsoDate(image.DeprecationTime);
  const os = inferOs({
    platform: image.Platform,
    platformDetails: image.PlatformDetails,
    name: image.Name,
    description: image.Description,
  });
  return {
    cloudId: image.ImageId ?? '',
    name: image.Name ?? image.ImageId ?? '',
    description: image.Description ?? '',
    ownerId: image.OwnerId ?? '',
    ownerAlias: image.ImageOwnerAlias ?? null,
    osFamily: os.family,
    osVersion: os.version,
    osRaw: image.PlatformDetails ?? image.Platform ?? null,
    architecture: image.Architecture ?? 'unknown',
    createdAt: toIsoDate(image.CreationDate),
    deprecatesAt,
    // EC2 has no state of its own: a deprecation time is either ahead (scheduled) or passed.
    deprecationState:
      deprecatesAt === null ? null : Date.parse(deprecatesAt) <= now.getTime() ? 'deprecated' : 'scheduled',
    replacement: null,
    state: image.State ?? 'unknown',
    public: image.Public ?? false,
    visibility: image.Public ? 'public' : 'private',
    family: amiFamily(image.Name),
    sizeGb: rootVolumeSizeGb(image),
    tags: Object.fromEntries((image.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? ''])),
    fields: detailFields(image),
    raw: toJsonSafe(image),
  };
}

/**
 * The name without its build serial: `…ubuntu-noble-24.04-amd64-server-20240801` and
 * `al2023-ami-2023.5.20240805.0-kernel-6.1-x86_64` (→ `al2023-ami-kernel-6.1-x86_64`) group with
 * their other builds.
 */
export function amiFamily(name: string | undefined): string | null {
  if (!name) return null;
  const family = name
    .replace(/[-_.]?20\d{6}(\.\d+)?/g, '')
    .replace(/-20\d{2}\.\d{2}\.\d{2}$/, '')
    .replace(/-\d{4}\.\d+(?=-)/, '');
  return family || null;
}

function rootVolumeSizeGb(image: Image): number | null {
  const root = image.BlockDeviceMappings?.find((mapping) => mapping.DeviceName === image.RootDeviceName);
  return root?.Ebs?.VolumeSize ?? null;
}
