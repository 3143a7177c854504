import { createPrng, type Prng } from '../prng';
import { APPLIANCES, OS_LINES, type OsLine } from './vsphere-seed-os';
import { buildPlacement, type SeedPlacement } from './vsphere-seed-network';
import type { SeedVmCompute } from './vim-vm-state';

/**
 * A deterministic, realistic vCenter for the stand-in: two datacenters with clusters and hosts,
 * three content libraries (a local golden-image library, a vendor OVF library and a subscribed
 * replica of the golden library, as multi-site shops run them) and VMs, most of them templates.
 * The same seed and reference date always give the same inventory, ids included.
 */
export interface SeedHost {
  moid: string;
  name: string;
  clusterMoid: string;
}

export interface SeedDatacenter {
  moid: string;
  name: string;
  clusters: { moid: string; name: string }[];
  hosts: SeedHost[];
  datastore: string;
}

export interface SeedLibrary {
  id: string;
  name: string;
  type: 'LOCAL' | 'SUBSCRIBED';
  description: string;
  creation_time: string;
  last_modified_time: string;
  datastore: string;
}

export interface SeedItem {
  id: string;
  library_id: string;
  name: string;
  type: 'vm-template' | 'ovf';
  description: string;
  size: number;
  creation_time: string;
  last_modified_time: string;
  content_version: string;
  metadata_version: string;
  version: string;
  cached: boolean;
  source_id?: string;
  /** vm-template items: the template details `/api/vcenter/vm-template/library-items/{id}` answers. */
  template: {
    guest_OS: string;
    cpu: { count: number; cores_per_socket: number };
    memory: { size_MiB: number };
    disks: Record<string, { capacity: number; disk_storage: { datastore: string } }>;
    vm_home_storage: { datastore: string };
    vm_template: string;
  } | null;
}

export interface SeedVm {
  moid: string;
  name: string;
  datacenterMoid: string;
  hostMoid: string;
  template: boolean;
  guestId: string;
  guestFullName: string;
  annotation: string;
  createDate: string;
  numCpu: number;
  memoryMb: number;
  committed: number;
  uncommitted: number;
  instanceUuid: string;
  powerState: 'POWERED_ON' | 'POWERED_OFF';
  /** What the compute stand-in tracks (vim-vm-state.ts); absent on seeded VMs until one is changed. */
  compute?: SeedVmCompute;
}

export interface VsphereSeed {
  datacenters: SeedDatacenter[];
  libraries: SeedLibrary[];
  items: SeedItem[];
  vms: SeedVm[];
  /** Networks, distributed switches and resource pools VMs can be placed in. */
  placement: SeedPlacement;
}

const DAY = 24 * 60 * 60 * 1000;

function uuid(prng: Prng): string {
  const hex = prng.hex(32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A time within the last `days` before the reference date, at a realistic working hour. */
function pastDate(prng: Prng, reference: Date, minDays: number, maxDays: number): string {
  const date = new Date(reference.getTime() - prng.int(minDays, maxDays) * DAY);
  date.setUTCHours(prng.int(6, 19), prng.int(0, 59), prng.int(0, 59), prng.int(0, 999));
  return date.toISOString();
}

function inventory(): SeedDatacenter[] {
  const site = (dc: number, name: string, code: string, clusters: string[]): SeedDatacenter => ({
    moid: `datacenter-${dc}`,
    name,
    clusters: clusters.map((cluster, i) => ({ moid: `domain-c${dc * 10 + i + 1}`, name: cluster })),
    hosts: clusters.flatMap((_, i) =>
      [1, 2, 3].map((n) => ({
        moid: `host-${dc * 100 + i * 10 + n}`,
        name: `esx-${code}-${String(i * 3 + n).padStart(2, '0')}.corp.example.com`,
        clusterMoid: `domain-c${dc * 10 + i + 1}`,
      })),
    ),
    datastore: `datastore-${dc + 8}`,
  });
  return [
    site(3, 'DC-Amsterdam', 'ams', ['AMS-Prod', 'AMS-Dev']),
    site(1003, 'DC-Frankfurt', 'fra', ['FRA-Prod']),
  ];
}

/** Builds the inventory; `reference` anchors every date (about three years of history before it). */
export function buildVsphereSeed(reference: Date, seed = 'hangar-vsphere'): VsphereSeed {
  const prng = createPrng(seed);
  const datacenters = inventory();
  const [ams, fra] = datacenters as [SeedDatacenter, SeedDatacenter];
  const vms: SeedVm[] = [];
  let nextVm = 2001;

  const addVm = (
    dc: SeedDatacenter,
    name: string,
    os: OsLine,
    template: boolean,
    created: string,
    annotation: string,
  ): SeedVm => {
    const diskBytes = os.diskGb * 1024 ** 3;
    const committed = Math.round(diskBytes * (0.25 + prng.next() * 0.5));
    const vm: SeedVm = {
      moid: `vm-${nextVm++}`,
      name,
      datacenterMoid: dc.moid,
      hostMoid: prng.pick(dc.hosts).moid,
      template,
      guestId: os.guestId,
      guestFullName: os.fullName,
      annotation,
      createDate: created,
      numCpu: os.cpu,
      memoryMb: os.memoryMb,
      committed,
      uncommitted: diskBytes - committed,
      instanceUuid: uuid(prng),
      powerState: template ? 'POWERED_OFF' : prng.chance(0.8) ? 'POWERED_ON' : 'POWERED_OFF',
    };
    vms.push(vm);
    return vm;
  };

  // Standalone VM templates in both datacenters, with monthly rebuilds of the main lines.
  for (const dc of datacenters) {
    for (const os of OS_LINES) {
      for (const version of os.versions) {
        if (dc === fra && prng.chance(0.4)) continue;
        const created = pastDate(prng, reference, 20, 1000);
        const stamp = created.slice(0, 7).replace('-', '.');
        addVm(
          dc,
          `tmpl-${os.slug}-${version}-${stamp}`,
          os,
          true,
          created,
          `${os.label} ${version} template built ${created.slice(0, 10)} by Packer`,
        );
      }
    }
    // Ordinary VMs, which the template listing must leave out.
    for (let i = 1; i <= 8; i += 1) {
      const os = prng.pick(OS_LINES);
      addVm(
        dc,
        `${dc === ams ? 'ams' : 'fra'}-app-${String(i).padStart(3, '0')}`,
        os,
        false,
        pastDate(prng, reference, 1, 700),
        '',
      );
    }
  }

  const library = (
    name: string,
    type: SeedLibrary['type'],
    description: string,
    dc: SeedDatacenter,
  ): SeedLibrary => {
    const created = pastDate(prng, reference, 900, 1100);
    return {
      id: uuid(prng),
      name,
      type,
      description,
      creation_time: created,
      last_modified_time: pastDate(prng, reference, 1, 30),
      datastore: dc.datastore,
    };
  };
  const golden = library('Golden Images', 'LOCAL', 'Hardened templates maintained by the platform team', ams);
  const vendor = library('Vendor Appliances', 'LOCAL', 'OVF appliances as shipped by vendors', ams);
  const replica = library(
    'Golden Images (FRA replica)',
    'SUBSCRIBED',
    'Subscribed to Golden Images in DC-Amsterdam',
    fra,
  );
  const items: SeedItem[] = [];

  const item = (
    lib: SeedLibrary,
    name: string,
    type: SeedItem['type'],
    os: OsLine | null,
    description: string,
  ): SeedItem => {
    const created = pastDate(prng, reference, 10, 1050);
    const diskBytes = (os?.diskGb ?? prng.int(4, 60)) * 1024 ** 3;
    const backing = type === 'vm-template' && os ? addVm(ams, name, os, true, created, description) : null;
    const entry: SeedItem = {
      id: uuid(prng),
      library_id: lib.id,
      name,
      type,
      description,
      size: Math.round(diskBytes * (0.2 + prng.next() * 0.3)),
      creation_time: created,
      last_modified_time: created,
      content_version: String(prng.int(1, 6)),
      metadata_version: String(prng.int(1, 4)),
      version: String(prng.int(1, 9)),
      cached: true,
      template:
        backing && os
          ? {
              guest_OS: os.restGuest,
              cpu: { count: os.cpu, cores_per_socket: 1 },
              memory: { size_MiB: os.memoryMb },
              disks: { '2000': { capacity: diskBytes, disk_storage: { datastore: lib.datastore } } },
              vm_home_storage: { datastore: lib.datastore },
              vm_template: backing.moid,
            }
          : null,
    };
    items.push(entry);
    return entry;
  };

  for (const os of OS_LINES) {
    for (const version of os.versions) {
      item(
        golden,
        `${os.slug}-${version}-golden`,
        'vm-template',
        os,
        `${os.label} ${version}, CIS level 1, cloud-init / cloudbase-init`,
      );
      if (prng.chance(0.35))
        item(
          golden,
          `${os.slug}-${version}-ovf-export`,
          'ovf',
          os,
          `${os.label} ${version} exported as OVF for air-gapped sites`,
        );
    }
  }
  for (const name of APPLIANCES)
    item(vendor, name, 'ovf', null, `Vendor appliance ${name.replace(/-ovf$/, '')}`);
  // The replica holds copies of the golden OVF exports and some templates; vCenter gives
  // subscribed items their own ids and points source_id at the published item.
  for (const source of items.filter(
    (i) => i.library_id === golden.id && (i.type === 'ovf' || prng.chance(0.4)),
  )) {
    const copy = {
      ...source,
      id: uuid(prng),
      library_id: replica.id,
      type: 'ovf' as const,
      source_id: source.id,
      cached: prng.chance(0.7),
      template: null,
    };
    items.push(copy);
  }
  return {
    datacenters,
    libraries: [golden, vendor, replica],
    items,
    vms,
    placement: buildPlacement(datacenters, seed),
  };
}
