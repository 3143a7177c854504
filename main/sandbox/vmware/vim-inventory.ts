import { childOf, childrenOf, type XmlElement } from '../../providers/vmware/xml-reader';
import type { SeedVm, VsphereSeed } from './vsphere-seed';
import { networkFolderOf } from './vsphere-seed-network';
import { vmComputeProps } from './vim-vm-state';

/**
 * The stand-in's vCenter inventory as managed objects with `parent` links, the way the
 * PropertyCollector walks it: root folder → datacenter → vm folder → VMs, datacenter → host
 * folder → cluster → hosts and resource pools, and datacenter → network folder → networks,
 * distributed switches and port groups. Built from the seed on each request, so changes show at once.
 */
export interface Obj {
  type: string;
  value: string;
  /**
   * Property path → value; a value `mor:Type=id` is a ManagedObjectReference, `xml:Type:…` a
   * complex value written as is (an array, a TaskInfo).
   */
  props: Record<string, string>;
}

/** The vim25 type hierarchy the stand-in's objects need: a property spec or view of a supertype sees subtypes. */
const SUPERTYPE: Record<string, string> = {
  ClusterComputeResource: 'ComputeResource',
  DistributedVirtualPortgroup: 'Network',
  VmwareDistributedVirtualSwitch: 'DistributedVirtualSwitch',
};

const NOT_ENTITIES = new Set(['ContainerView', 'PropertyCollector', 'Task']);

/** Whether an object of `type` is a `wanted` (itself, a subtype, or any entity for ManagedEntity). */
export function isA(type: string, wanted: string): boolean {
  if (wanted === 'ManagedEntity') return !NOT_ENTITIES.has(type);
  for (let t: string | undefined = type; t; t = SUPERTYPE[t]) if (t === wanted) return true;
  return false;
}

export const ROOT_FOLDER = 'group-d1';

export function vmObject(seed: VsphereSeed, vm: SeedVm, parentFolder: string): Obj {
  return {
    type: 'VirtualMachine',
    value: vm.moid,
    props: {
      ...vmComputeProps(seed, vm, Date.now()),
      name: vm.name,
      parent: `mor:Folder=${parentFolder}`,
      'config.template': String(vm.template),
      'config.guestId': vm.guestId,
      'config.guestFullName': vm.guestFullName,
      ...(vm.annotation ? { 'config.annotation': vm.annotation } : {}),
      'config.createDate': vm.createDate,
      'config.hardware.numCPU': String(vm.numCpu),
      'config.hardware.memoryMB': String(vm.memoryMb),
      'config.instanceUuid': vm.instanceUuid,
      'summary.storage.committed': String(vm.committed),
      'summary.storage.uncommitted': String(vm.uncommitted),
      'runtime.host': `mor:HostSystem=${vm.hostMoid}`,
    },
  };
}

/** vCenter numbers a datacenter's folders right after it: datacenter-3 → group-v4, group-h5. */
const folderOf = (datacenterMoid: string, kind: 'v' | 'h', offset: number): string =>
  `group-${kind}${Number(datacenterMoid.replace(/\D/g, '')) + offset}`;
export const vmFolderOf = (datacenterMoid: string): string => folderOf(datacenterMoid, 'v', 1);

/** Networks, switches and port groups of one datacenter, in its network folder. */
function networkObjects(seed: VsphereSeed, datacenterMoid: string): Obj[] {
  const folder = networkFolderOf(datacenterMoid);
  const { networks, switches } = seed.placement;
  return [
    { type: 'Folder', value: folder, props: { name: 'network', parent: `mor:Datacenter=${datacenterMoid}` } },
    ...switches
      .filter((dvs) => dvs.datacenterMoid === datacenterMoid)
      .map((dvs) => ({
        type: 'VmwareDistributedVirtualSwitch',
        value: dvs.moid,
        props: { name: dvs.name, parent: `mor:Folder=${folder}`, uuid: dvs.uuid },
      })),
    ...networks
      .filter((n) => n.datacenterMoid === datacenterMoid)
      .map((n) => ({
        type: n.kind === 'standard' ? 'Network' : 'DistributedVirtualPortgroup',
        value: n.moid,
        props: {
          name: n.name,
          parent: `mor:Folder=${folder}`,
          'summary.accessible': 'true',
          ...(n.switchMoid
            ? {
                key: n.moid,
                'config.distributedVirtualSwitch': `mor:VmwareDistributedVirtualSwitch=${n.switchMoid}`,
                'config.uplink': String(n.kind === 'uplink'),
                tag: `xml:ArrayOfTag:${n.kind === 'uplink' ? '<Tag><key>SYSTEM/DVS.UPLINKPG</key></Tag>' : ''}`,
              }
            : {}),
        },
      })),
  ];
}

/** Every managed object of the stand-in, plus `extra` ones (the compute stand-in's tasks). */
export function inventory(seed: VsphereSeed, extra: readonly Obj[] = []): Map<string, Obj> {
  const objects: Obj[] = [{ type: 'Folder', value: ROOT_FOLDER, props: { name: 'Datacenters' } }];
  for (const dc of seed.datacenters) {
    const vmFolder = vmFolderOf(dc.moid);
    const hostFolder = folderOf(dc.moid, 'h', 2);
    const rootPool = (clusterMoid: string) =>
      seed.placement.pools.find((p) => p.clusterMoid === clusterMoid && p.parent.endsWith(`=${clusterMoid}`));
    objects.push(
      {
        type: 'Datacenter',
        value: dc.moid,
        props: {
          name: dc.name,
          parent: `mor:Folder=${ROOT_FOLDER}`,
          vmFolder: `mor:Folder=${vmFolder}`,
          hostFolder: `mor:Folder=${hostFolder}`,
          networkFolder: `mor:Folder=${networkFolderOf(dc.moid)}`,
        },
      },
      { type: 'Folder', value: vmFolder, props: { name: 'vm', parent: `mor:Datacenter=${dc.moid}` } },
      { type: 'Folder', value: hostFolder, props: { name: 'host', parent: `mor:Datacenter=${dc.moid}` } },
      ...dc.clusters.map((c) => ({
        type: 'ClusterComputeResource',
        value: c.moid,
        props: {
          name: c.name,
          parent: `mor:Folder=${hostFolder}`,
          ...(rootPool(c.moid) ? { resourcePool: `mor:ResourcePool=${rootPool(c.moid)?.moid}` } : {}),
        },
      })),
      ...seed.placement.pools
        .filter((p) => p.datacenterMoid === dc.moid)
        .map((p) => ({ type: 'ResourcePool', value: p.moid, props: { name: p.name, parent: p.parent } })),
      ...dc.hosts.map((h) => ({
        type: 'HostSystem',
        value: h.moid,
        props: { name: h.name, parent: `mor:ClusterComputeResource=${h.clusterMoid}` },
      })),
      ...networkObjects(seed, dc.moid),
      ...seed.vms.filter((vm) => vm.datacenterMoid === dc.moid).map((vm) => vmObject(seed, vm, vmFolder)),
    );
  }
  objects.push(...extra);
  return new Map(objects.map((o) => [o.value, o]));
}

interface Traversal {
  type: string;
  path: string;
  skip: boolean;
  next: XmlElement[];
}

/**
 * The objects one `objectSet` selects from a managed object (not a view): the object itself
 * unless skipped, then whatever its TraversalSpecs reach, named specs resolved (so a spec may
 * recurse through `parent`). Null when the object does not exist: vCenter's ManagedObjectNotFound.
 */
export function selectObjects(objects: Map<string, Obj>, objectSet: XmlElement | undefined): Obj[] | null {
  const start = objects.get(childOf(objectSet, 'obj')?.text.trim() ?? '');
  if (!start || start.type !== childOf(objectSet, 'obj')?.attrs.type) return null;
  const named = new Map<string, Traversal>();
  const collect = (specs: XmlElement[]): void => {
    for (const spec of specs) {
      const path = childOf(spec, 'path')?.text.trim();
      const name = childOf(spec, 'name')?.text.trim();
      if (path && name && !named.has(name)) {
        named.set(name, {
          type: childOf(spec, 'type')?.text.trim() ?? '',
          path,
          skip: childOf(spec, 'skip')?.text.trim() === 'true',
          next: childrenOf(spec, 'selectSet'),
        });
        collect(childrenOf(spec, 'selectSet'));
      }
    }
  };
  const top = childrenOf(objectSet, 'selectSet');
  collect(top);
  const out = new Map<string, Obj>();
  if (childOf(objectSet, 'skip')?.text.trim() !== 'true') out.set(start.value, start);
  const seen = new Set<string>();
  const walk = (obj: Obj, specs: XmlElement[]): void => {
    for (const spec of specs) {
      const name = childOf(spec, 'name')?.text.trim() ?? '';
      const traversal = named.get(name);
      if (!traversal) continue;
      const matches = traversal.type === obj.type || isA(obj.type, traversal.type);
      const target = /^mor:\w+=(.*)$/.exec(obj.props[traversal.path] ?? '')?.[1];
      const next = matches && target ? objects.get(target) : undefined;
      if (!next || seen.has(`${name}:${next.value}`)) continue;
      seen.add(`${name}:${next.value}`);
      if (!traversal.skip) out.set(next.value, next);
      walk(next, traversal.next);
    }
  };
  walk(start, top);
  return [...out.values()];
}

/** Whether a propSet's type asks for this object (ManagedEntity asks for every entity). */
export const wants = (propType: string, obj: Obj): boolean => isA(obj.type, propType);
