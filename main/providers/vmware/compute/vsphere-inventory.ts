import type { Mor, ObjectContent, PropertySpec, VimSession } from '../vim-session';
import { childOf } from '../xml-reader';
import { propMor, propText, prop, textOf } from './vim-values';

/**
 * The part of a vCenter's inventory a launch places VMs into: datacenters with their VM folders,
 * clusters and standalone hosts with their root resource pools, resource pools, hosts, and the
 * networks (standard port groups and distributed port groups with their switch's UUID). One
 * container view over the root folder, read page by page.
 */
const TYPES = [
  'Datacenter',
  'Folder',
  'ComputeResource',
  'ResourcePool',
  'HostSystem',
  'Network',
  'DistributedVirtualSwitch',
];

const SPECS: PropertySpec[] = [
  { type: 'ManagedEntity', paths: ['name', 'parent'] },
  { type: 'Datacenter', paths: ['vmFolder'] },
  { type: 'ComputeResource', paths: ['resourcePool'] },
  {
    type: 'DistributedVirtualPortgroup',
    paths: ['key', 'config.distributedVirtualSwitch', 'config.uplink', 'tag'],
  },
  { type: 'DistributedVirtualSwitch', paths: ['uuid'] },
];

export interface InventoryEntry {
  ref: Mor;
  name: string;
  object: ObjectContent;
}

/** A network a NIC can join, with the backing its device spec needs. */
export interface NetworkEntry {
  ref: Mor;
  name: string;
  datacenter: InventoryEntry;
  backing:
    | { kind: 'standard'; network: Mor; deviceName: string }
    | { kind: 'distributed'; switchUuid: string; portgroupKey: string };
}

export class VsphereInventory {
  private readonly byId = new Map<string, InventoryEntry>();

  constructor(objects: ObjectContent[]) {
    for (const object of objects)
      // By moid alone: moids are unique in a vCenter, and a reference may name a supertype
      // (DistributedVirtualSwitch) of the object's own type (VmwareDistributedVirtualSwitch).
      this.byId.set(object.obj.value, {
        ref: object.obj,
        name: propText(object, 'name') ?? object.obj.value,
        object,
      });
  }

  get(ref: Mor | null): InventoryEntry | null {
    return ref ? (this.byId.get(ref.value) ?? null) : null;
  }

  /** Every entry whose type is one of `types`, in the order vCenter listed them. */
  all(...types: string[]): InventoryEntry[] {
    return [...this.byId.values()].filter((entry) => types.includes(entry.ref.type));
  }

  /** Entries of these types whose moid or name is `id` (moids first: they are unique). */
  find(id: string, types: string[]): InventoryEntry[] {
    const candidates = this.all(...types);
    const byMoid = candidates.filter((entry) => entry.ref.value === id);
    return byMoid.length > 0 ? byMoid : candidates.filter((entry) => entry.name === id);
  }

  /** The datacenter an object lives in, climbing `parent` through folders. */
  datacenterOf(ref: Mor | null): InventoryEntry | null {
    let entry = this.get(ref);
    for (let depth = 0; entry && depth < 64; depth += 1) {
      if (entry.ref.type === 'Datacenter') return entry;
      entry = this.get(propMor(entry.object, 'parent'));
    }
    return null;
  }

  datacenters(): InventoryEntry[] {
    return this.all('Datacenter');
  }

  /** Standard and distributed port groups a VM can join; uplink port groups are left out. */
  networks(): NetworkEntry[] {
    return this.all('Network', 'DistributedVirtualPortgroup').flatMap((entry): NetworkEntry[] => {
      const datacenter = this.datacenterOf(entry.ref);
      if (!datacenter) return [];
      if (entry.ref.type === 'Network')
        return [
          { ...entry, datacenter, backing: { kind: 'standard', network: entry.ref, deviceName: entry.name } },
        ];
      if (entry.ref.type !== 'DistributedVirtualPortgroup') return [];
      const uplink =
        propText(entry.object, 'config.uplink') === 'true' ||
        (prop(entry.object, 'tag')?.children ?? []).some((tag) =>
          /UPLINKPG/i.test(textOf(childOf(tag, 'key')) ?? ''),
        );
      const dvs = this.get(propMor(entry.object, 'config.distributedVirtualSwitch'));
      const switchUuid = dvs ? propText(dvs.object, 'uuid') : null;
      if (uplink || !switchUuid) return [];
      const portgroupKey = propText(entry.object, 'key') ?? entry.ref.value;
      return [{ ...entry, datacenter, backing: { kind: 'distributed', switchUuid, portgroupKey } }];
    });
  }
}

/** Reads the inventory: one container view over the root folder, destroyed afterwards. */
export async function readInventory(vim: VimSession, signal?: AbortSignal): Promise<VsphereInventory> {
  const view = await vim.createContainerView(vim.rootFolder, TYPES, signal);
  const objects: ObjectContent[] = [];
  try {
    for await (const page of vim.retrieve(view, SPECS, 1000, signal)) objects.push(...page);
  } finally {
    await vim.destroyView(view);
  }
  return new VsphereInventory(objects);
}
