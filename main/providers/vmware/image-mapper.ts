import type { StoredImage } from '../../catalog/stored-image';
import { inferOsFromText, normaliseGuestOs } from './guest-os';
import type { LibraryItemRecord, TemplateVmRecord } from './vsphere-records';

const GIB = 1024 ** 3;

/** Bytes to GB with one decimal; null for absent or zero (vCenter's "not computed"). */
export function bytesToGb(bytes: number | null | undefined): number | null {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes <= 0) return null;
  return Math.max(0.1, Math.round((bytes / GIB) * 10) / 10);
}

/** vCenter timestamps carry up to nanoseconds; the catalog keeps ISO 8601 in milliseconds. */
export function isoDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const rows = (pairs: [string, string | number | null | undefined][]): StoredImage['fields'] =>
  pairs
    .filter(
      (pair): pair is [string, string | number] =>
        pair[1] !== null && pair[1] !== undefined && pair[1] !== '',
    )
    .map(([label, value]) => ({ label, value: String(value) }));

const memory = (mib: number | null | undefined): string | null =>
  typeof mib === 'number' && mib > 0 ? (mib >= 1024 ? `${mib / 1024} GiB` : `${mib} MiB`) : null;

/**
 * Guest ids name the family and at most a major version (ubuntu64Guest, rhel9_64Guest); a name
 * such as "ubuntu-22.04-server" or "rhel-9.3" says more. The name refines, never contradicts.
 */
export function refineOs(
  guest: { family: string; version: string | null },
  ...texts: (string | null | undefined)[]
): { family: string; version: string | null } {
  const named = inferOsFromText(...texts);
  if (guest.family === 'unknown') return named;
  if (named.family !== guest.family || !named.version) return guest;
  const refines = (sep: string) => named.version?.startsWith(`${guest.version}${sep}`) === true;
  if (guest.version === null || refines('.') || refines('-')) return { ...guest, version: named.version };
  return guest;
}

/** A content library item (vm-template or ovf) as a catalog image. */
export function mapLibraryItem(record: LibraryItemRecord): StoredImage {
  const { library, item, template } = record;
  const guest = template?.guest_OS ? normaliseGuestOs(template.guest_OS) : null;
  const os = refineOs(guest ?? { family: 'unknown', version: null }, item.name, item.description);
  const diskBytes = template?.disks
    ? Object.values(template.disks).reduce((sum, disk) => sum + (disk.capacity ?? 0), 0)
    : null;
  const type = item.type ?? 'unknown';
  return {
    cloudId: item.id,
    name: item.name || item.id,
    description: item.description ?? '',
    ownerId: library.id,
    ownerAlias: library.name ?? null,
    osFamily: os.family,
    osVersion: os.version,
    osRaw: template?.guest_OS ?? null,
    architecture: guest?.architecture ?? 'x86_64',
    createdAt: isoDate(item.creation_time),
    deprecatesAt: null,
    deprecationState: null,
    replacement: null,
    // A subscribed library may list an item whose files are not downloaded yet.
    state: item.cached === false && library.type === 'SUBSCRIBED' ? 'not-cached' : 'available',
    public: false,
    visibility: 'private',
    family: null,
    sizeGb: bytesToGb(diskBytes) ?? bytesToGb(item.size),
    tags: {},
    fields: rows([
      [
        'Kind',
        type === 'vm-template'
          ? 'Content library VM template'
          : type === 'ovf'
            ? 'Content library OVF template'
            : type,
      ],
      ['Content library', library.name ?? library.id],
      ['Library type', library.type],
      [
        'Guest OS',
        template?.guest_OS ??
          (os.family === 'unknown' ? null : 'not stated by vCenter (inferred from the name)'),
      ],
      ['CPU', template?.cpu?.count],
      ['Memory', memory(template?.memory?.size_MiB)],
      ['Stored size', bytesToGb(item.size) === null ? null : `${bytesToGb(item.size)} GB`],
      ['Backing VM template', template?.vm_template],
      ['Datastore', template?.vm_home_storage?.datastore],
      ['Content version', item.content_version],
      ['Last modified', isoDate(item.last_modified_time)],
      ['Library item id', item.id],
    ]),
    raw: { library, item, template },
  };
}

/** A VM marked as template as a catalog image; its id is the VM's managed object id. */
export function mapTemplateVm(record: TemplateVmRecord): StoredImage {
  const guest = normaliseGuestOs(record.guestId);
  const os = refineOs(guest, record.name, record.annotation);
  return {
    cloudId: record.moid,
    name: record.name || record.moid,
    description: record.annotation ?? '',
    ownerId: record.datacenterId,
    ownerAlias: record.datacenter,
    osFamily: os.family,
    osVersion: os.version,
    osRaw: record.guestId,
    architecture: guest.architecture,
    createdAt: isoDate(record.createDate),
    deprecatesAt: null,
    deprecationState: null,
    replacement: null,
    state: 'available',
    public: false,
    visibility: 'private',
    family: null,
    sizeGb: bytesToGb(record.storageBytes),
    tags: {},
    fields: rows([
      ['Kind', 'VM template'],
      ['Datacenter', record.datacenter],
      ['Cluster', record.cluster],
      ['Host', record.host],
      [
        'Guest OS',
        record.guestFullName && record.guestFullName !== record.guestId ? record.guestFullName : null,
      ],
      ['Guest OS id', record.guestId],
      ['CPU', record.numCpu],
      ['Memory', memory(record.memoryMb)],
      ['Instance UUID', record.instanceUuid],
      ['Managed object id', record.moid],
    ]),
    raw: record,
  };
}
