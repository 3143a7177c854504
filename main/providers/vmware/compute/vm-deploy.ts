import type { VapiSession } from '../vapi-session';
import { escapeXml as esc, mor, morOf, type VimSession } from '../vim-session';
import { MalformedAnswerError } from '../vsphere-errors';
import { extraConfigMap } from './guestinfo';
import { runTask, type TaskWait } from './vim-tasks';
import { ethernetCardsOf, numberOf, optionValuesOf, prop, propMor, propText } from './vim-values';
import { configSpecXml, onNetwork, type ConfigChange } from './vm-config-spec';
import { readVm } from './vm-status';
import type { NetworkEntry } from './vsphere-inventory';
import type { Placement } from './vsphere-placement';
import type { VmSize } from './vmware-sizes';

/**
 * Making one server: clone a template VM (vim25 CloneVM_Task) or deploy a content library
 * vm-template item (Automation REST), then finish it the same way on both paths: whatever vCenter
 * did not apply at deploy is applied with one ReconfigVM_Task (size, network, ExtraConfig), and
 * the VM is powered on. The VM is made powered off on purpose: CPU and memory can only change
 * on a powered-off VM without hot-add, and the guest must find its guestinfo on first boot.
 */
export interface DeployTarget {
  name: string;
  placement: Placement;
  network: NetworkEntry | null;
  size: VmSize;
  extraConfig: [string, string][];
}

/** CloneVM_Task from a template VM into the placement; returns the new VM's moid. */
export async function cloneTemplateVm(
  vim: VimSession,
  templateMoid: string,
  target: DeployTarget,
  wait: TaskWait,
): Promise<string> {
  const { placement } = target;
  const location = mor('pool', placement.pool) + (placement.host ? mor('host', placement.host) : '');
  const result = await runTask(
    vim,
    'CloneVM_Task',
    `${mor('_this', { type: 'VirtualMachine', value: templateMoid })}${mor('folder', placement.folder)}` +
      `<name>${esc(target.name)}</name><spec><location>${location}</location><template>false</template>` +
      `<config>${configSpecXml({ size: target.size, extraConfig: target.extraConfig })}</config>` +
      '<powerOn>false</powerOn></spec>',
    wait,
  );
  const vm = morOf(result);
  if (vm?.type !== 'VirtualMachine') throw new MalformedAnswerError('the clone task named no new VM');
  return vm.value;
}

/**
 * POST …/vm-template/library-items/{id}?action=deploy: vCenter answers once the VM exists, with its
 * id. The size goes in as hardware_customization; the network and ExtraConfig are set afterwards,
 * because the deploy spec takes NIC changes only by the template's NIC keys and no ExtraConfig.
 */
export async function deployLibraryItem(
  vapi: VapiSession,
  itemId: string,
  target: DeployTarget,
  signal?: AbortSignal,
): Promise<string> {
  const { placement } = target;
  const spec = {
    name: target.name,
    placement: {
      folder: placement.folder.value,
      resource_pool: placement.pool.value,
      ...(placement.host ? { host: placement.host.value } : {}),
    },
    powered_on: false,
    hardware_customization: {
      cpu_update: { num_cpus: target.size.numCpus, num_cores_per_socket: 1 },
      memory_update: { memory: target.size.memoryMb },
    },
  };
  const id = await vapi.post(vapi.paths.deploy(itemId), vapi.specBody(spec), 'the deployed VM', signal);
  if (typeof id !== 'string' || id === '') throw new MalformedAnswerError('the deploy named no new VM');
  return id;
}

const FINISH_PATHS = [
  'config.template',
  'runtime.powerState',
  'runtime.host',
  'config.hardware.numCPU',
  'config.hardware.memoryMB',
  'config.hardware.device',
  'config.extraConfig',
];

/**
 * Brings a freshly made VM to what the launch asked for and powers it on. vcsim 0.24 deploys a
 * library item as a template VM and ignores a CloneSpec's size: both are put right here, with
 * calls that are equally valid (and then unneeded) on vCenter.
 */
export async function finishVm(
  vim: VimSession,
  moid: string,
  target: DeployTarget,
  wait: TaskWait,
): Promise<void> {
  const vm = await readVm(vim, moid, FINISH_PATHS, wait.signal);
  if (!vm) throw new MalformedAnswerError(`the new VM ${moid} disappeared before it could be started`);
  const self = mor('_this', { type: 'VirtualMachine', value: moid });
  if (propText(vm, 'config.template') === 'true') {
    const host = propMor(vm, 'runtime.host');
    await vim.invoke(
      'MarkAsVirtualMachine',
      `${self}${mor('pool', target.placement.pool)}${host ? mor('host', host) : ''}`,
      { mutating: true, signal: wait.signal },
    );
  }
  const change: ConfigChange = {};
  if (
    numberOf(prop(vm, 'config.hardware.numCPU')) !== target.size.numCpus ||
    numberOf(prop(vm, 'config.hardware.memoryMB')) !== target.size.memoryMb
  )
    change.size = target.size;
  if (target.network) {
    const card = ethernetCardsOf(prop(vm, 'config.hardware.device'))[0] ?? null;
    if (!card || !onNetwork(card, target.network)) change.nic = { card, network: target.network };
  }
  const current = extraConfigMap(optionValuesOf(prop(vm, 'config.extraConfig')));
  const missing = target.extraConfig.filter(([key, value]) => (current.get(key) ?? '') !== value);
  if (missing.length > 0) change.extraConfig = missing;
  const spec = configSpecXml(change);
  if (spec !== '') await runTask(vim, 'ReconfigVM_Task', `${self}<spec>${spec}</spec>`, wait);
  if (propText(vm, 'runtime.powerState') !== 'poweredOn') await runTask(vim, 'PowerOnVM_Task', self, wait);
}
