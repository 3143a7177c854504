import type { ServerState, ServerStatus } from '../../compute-driver';
import type { Mor, ObjectContent, VimSession } from '../vim-session';
import { VsphereApiError } from '../vsphere-errors';
import { extraConfigMap, SOURCE_IMAGE_KEY } from './guestinfo';
import { guestAddressesOf, optionValuesOf, prop, propText } from './vim-values';

/**
 * A VM as a server: vSphere has no "building" state of its own, so Hangar reads one from the
 * power state and what VMware Tools reports. Powered on with an address (or with Tools running)
 * is running; powered on with neither is still booting; powered off or suspended is stopped; a
 * destroyed VM is gone (null). A guest without VMware Tools / open-vm-tools never reports an
 * address, so it stays "building" in Hangar: the template must carry Tools.
 */
export const VM_STATUS_PATHS = [
  'name',
  'config.template',
  'runtime.powerState',
  'guest.ipAddress',
  'guest.net',
  'guest.toolsRunningStatus',
  'config.extraConfig',
];

export const isNotFound = (error: unknown): boolean =>
  error instanceof VsphereApiError && error.errorType === 'ManagedObjectNotFound';

/** One VM's properties; null when vCenter no longer knows it. */
export async function readVm(
  vim: VimSession,
  moid: string,
  paths: string[],
  signal?: AbortSignal,
): Promise<ObjectContent | null> {
  try {
    const objects = await vim.retrieveObject(
      { type: 'VirtualMachine', value: moid },
      [{ type: 'VirtualMachine', paths }],
      false,
      signal,
    );
    // vcsim leaves out an object that vanished between lookup and collection.
    return objects.find((o) => o.obj.value === moid) ?? null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Primary address first, then the rest of what Tools reports; IPv6 link-local left out. */
function addressesOf(vm: ObjectContent): string[] {
  const primary = propText(vm, 'guest.ipAddress');
  const all = [...(primary ? [primary] : []), ...guestAddressesOf(prop(vm, 'guest.net'))];
  return [...new Set(all)].filter((ip) => ip !== '' && !/^fe80:/i.test(ip));
}

export const sourceImageOf = (vm: ObjectContent): string | null =>
  extraConfigMap(optionValuesOf(prop(vm, 'config.extraConfig'))).get(SOURCE_IMAGE_KEY) || null;

export const isTemplateVm = (vm: ObjectContent): boolean => propText(vm, 'config.template') === 'true';

export function statusOf(vm: ObjectContent): ServerStatus {
  const addresses = addressesOf(vm);
  const power = propText(vm, 'runtime.powerState');
  const tools = propText(vm, 'guest.toolsRunningStatus');
  let state: ServerState = 'stopped';
  let reason: string | null = null;
  if (isTemplateVm(vm)) reason = 'vCenter has it marked as a template, not a virtual machine';
  else if (power === 'poweredOn')
    state = addresses.length > 0 || tools === 'guestToolsRunning' ? 'running' : 'building';
  else if (power === 'suspended') reason = 'suspended';
  return {
    id: vm.obj.value,
    name: propText(vm, 'name') ?? vm.obj.value,
    state,
    addresses,
    imageId: sourceImageOf(vm),
    reason,
  };
}

/**
 * VMs (not templates) whose ExtraConfig says Hangar deployed them from `imageId`. Servers made
 * outside Hangar carry no such key and are not seen: vSphere keeps no link from a VM to the
 * template it was cloned from.
 */
export async function vmsFromImage(
  vim: VimSession,
  imageId: string,
  signal?: AbortSignal,
): Promise<ServerStatus[]> {
  const view: Mor = await vim.createContainerView(vim.rootFolder, ['VirtualMachine'], signal);
  const found: ServerStatus[] = [];
  try {
    for await (const page of vim.retrieve(
      view,
      [{ type: 'VirtualMachine', paths: VM_STATUS_PATHS }],
      500,
      signal,
    ))
      for (const vm of page) if (!isTemplateVm(vm) && sourceImageOf(vm) === imageId) found.push(statusOf(vm));
  } finally {
    await vim.destroyView(view);
  }
  return found;
}
