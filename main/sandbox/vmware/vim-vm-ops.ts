import { randomUUID } from 'node:crypto';
import { childOf, childrenOf, type XmlElement } from '../../providers/vmware/xml-reader';
import { TaskFaultError } from './vim-task-store';
import { computeOf, macFor } from './vim-vm-state';
import type { SeedVm, VsphereSeed } from './vsphere-seed';

/**
 * What the stand-in's VM operations do to its inventory, shared by vim25 and REST: make a VM as a
 * copy of another (clone, library deploy), apply a VirtualMachineConfigSpec, change power, destroy.
 * Refusals throw TaskFaultError with vCenter's fault type and message.
 */
const fail = (type: string, localizedMessage: string): TaskFaultError =>
  new TaskFaultError({ type, localizedMessage });

const text = (element: XmlElement | undefined): string | null => element?.text.trim() || null;

export interface NewVm {
  /** Fresh, never reused (the caller numbers them). */
  moid: string;
  name: string;
  datacenterMoid: string;
  /** Null for a template. */
  poolMoid: string | null;
  hostMoid: string | null;
  template: boolean;
}

/** A new VM copied from `source`: hardware, guest, notes, NICs (new MACs) and ExtraConfig. */
export function copyVm(seed: VsphereSeed, source: SeedVm, made: NewVm): SeedVm {
  if (seed.vms.some((vm) => vm.datacenterMoid === made.datacenterMoid && vm.name === made.name))
    throw fail('DuplicateName', `The name '${made.name}' already exists.`);
  const pool = seed.placement.pools.find((p) => p.moid === made.poolMoid);
  const dc = seed.datacenters.find((d) => d.moid === made.datacenterMoid);
  const host =
    made.hostMoid ??
    (dc?.hosts.find((h) => h.clusterMoid === pool?.clusterMoid) ?? dc?.hosts[0])?.moid ??
    source.hostMoid;
  const { moid } = made;
  const from = computeOf(seed, source);
  const vm: SeedVm = {
    ...source,
    moid,
    name: made.name,
    datacenterMoid: made.datacenterMoid,
    hostMoid: host,
    template: made.template,
    createDate: new Date().toISOString(),
    instanceUuid: randomUUID(),
    powerState: 'POWERED_OFF',
    compute: {
      poolMoid: made.template ? null : (made.poolMoid ?? from.poolMoid),
      nics: from.nics.map((nic) => ({ ...nic, mac: macFor(moid, nic.key) })),
      extraConfig: from.extraConfig.map(([key, value]) => [key, value]),
      guestReadyAt: null,
    },
  };
  seed.vms.push(vm);
  return vm;
}

/** The network a NIC backing names (a standard network's moid or a port group key); null if none exists. */
function networkOfBacking(seed: VsphereSeed, backing: XmlElement | undefined): string | null {
  const id = text(childOf(backing, 'network')) ?? text(childOf(childOf(backing, 'port'), 'portgroupKey'));
  const found = seed.placement.networks.find((n) => n.moid === id);
  return found && found.kind !== 'uplink' ? found.moid : null;
}

/**
 * Applies a VirtualMachineConfigSpec: notes, name, CPU and memory (refused on a running VM, as
 * without hot-add), NIC adds and edits (the backing must name a network that exists), and
 * ExtraConfig (merged by key; an empty value removes the key, as on vCenter).
 */
export function applyConfig(seed: VsphereSeed, vm: SeedVm, spec: XmlElement | undefined): void {
  const numCpus = Number(text(childOf(spec, 'numCPUs')) ?? NaN);
  const memoryMb = Number(text(childOf(spec, 'memoryMB')) ?? NaN);
  const sizing = Number.isFinite(numCpus) || Number.isFinite(memoryMb);
  if (sizing && vm.template) throw fail('NotSupported', 'The operation is not supported on the object.');
  if (sizing && vm.powerState === 'POWERED_ON')
    throw fail(
      'InvalidPowerState',
      'The attempted operation cannot be performed in the current state (Powered on).',
    );
  const compute = computeOf(seed, vm);
  const changes = childrenOf(spec, 'deviceChange').map((change) => {
    const device = childOf(change, 'device');
    const network = networkOfBacking(seed, childOf(device, 'backing'));
    if (!network) throw fail('NotFound', 'The object or item referred to could not be found.');
    return {
      operation: text(childOf(change, 'operation')),
      key: Number(text(childOf(device, 'key'))),
      network,
    };
  });
  if (Number.isFinite(numCpus)) vm.numCpu = numCpus;
  if (Number.isFinite(memoryMb)) vm.memoryMb = memoryMb;
  const annotation = childOf(spec, 'annotation');
  if (annotation) vm.annotation = annotation.text;
  const name = text(childOf(spec, 'name'));
  if (name) vm.name = name;
  for (const change of changes) {
    const existing = compute.nics.find((nic) => nic.key === change.key);
    if (change.operation === 'edit' && existing) existing.networkMoid = change.network;
    else if (change.operation === 'add') {
      const key = 4000 + compute.nics.length;
      compute.nics.push({ key, networkMoid: change.network, mac: macFor(vm.moid, key) });
    } else throw fail('InvalidDeviceSpec', 'Invalid virtual machine configuration: device not found.');
  }
  for (const option of childrenOf(spec, 'extraConfig')) {
    const key = text(childOf(option, 'key'));
    if (!key) continue;
    const value = childOf(option, 'value')?.text ?? '';
    compute.extraConfig = compute.extraConfig.filter(([existing]) => existing !== key);
    if (value !== '') compute.extraConfig.push([key, value]);
  }
}

export function powerOn(seed: VsphereSeed, vm: SeedVm, now: number, bootMs: number): void {
  if (vm.template) throw fail('InvalidState', 'The operation is not allowed in the current state.');
  if (vm.powerState === 'POWERED_ON')
    throw fail(
      'InvalidPowerState',
      'The attempted operation cannot be performed in the current state (Powered on).',
    );
  vm.powerState = 'POWERED_ON';
  computeOf(seed, vm).guestReadyAt = now + bootMs;
}

export function powerOff(seed: VsphereSeed, vm: SeedVm): void {
  if (vm.powerState !== 'POWERED_ON')
    throw fail(
      'InvalidPowerState',
      'The attempted operation cannot be performed in the current state (Powered off).',
    );
  vm.powerState = 'POWERED_OFF';
  computeOf(seed, vm).guestReadyAt = null;
}

export function destroy(seed: VsphereSeed, vm: SeedVm): void {
  if (vm.powerState === 'POWERED_ON')
    throw fail(
      'InvalidPowerState',
      'The attempted operation cannot be performed in the current state (Powered on).',
    );
  const index = seed.vms.indexOf(vm);
  if (index >= 0) seed.vms.splice(index, 1);
}

/** A VM by moid, as the work of a task finds it when the task runs (it may be gone by then). */
export function vmOrFault(seed: VsphereSeed, moid: string): SeedVm {
  const vm = seed.vms.find((candidate) => candidate.moid === moid);
  if (!vm)
    throw fail(
      'ManagedObjectNotFound',
      'The object has already been deleted or has not been completely created',
    );
  return vm;
}
