import type { InstanceViewStatus, VirtualMachine } from '@azure/arm-compute';
import type { ServerState, ServerStatus } from '../../compute-driver';
import type { AzureComputeClients } from './azure-compute-clients';
import { imageIdOf, parseResourceRef } from './compute-ids';
import { isNotFound } from './compute-session';

const POWER: Record<string, ServerState> = {
  starting: 'building',
  running: 'running',
  stopping: 'stopping',
  deallocating: 'stopping',
  stopped: 'stopped',
  deallocated: 'stopped',
};

/**
 * A VM's state from its provisioning state and instance view: a failed provisioning (with
 * Azure's message), a deletion under way, then the power state; Creating with no power state
 * yet is pending.
 */
export function serverStateOf(vm: VirtualMachine): { state: ServerState; reason: string | null } {
  const statuses: InstanceViewStatus[] = vm.instanceView?.statuses ?? [];
  const provisioning = (vm.provisioningState ?? '').toLowerCase();
  const failed = statuses.find((s) => /^ProvisioningState\/failed/i.test(s.code ?? ''));
  if (provisioning === 'failed' || failed) {
    const code = failed?.code?.split('/')[2];
    const text = failed?.message ?? failed?.displayStatus ?? 'Provisioning failed';
    return { state: 'failed', reason: code ? `${code}: ${text}` : text };
  }
  if (provisioning === 'deleting') return { state: 'stopping', reason: null };
  const power = statuses
    .find((s) => /^PowerState\//i.test(s.code ?? ''))
    ?.code?.split('/')[1]
    ?.toLowerCase();
  const mapped = power ? POWER[power] : undefined;
  if (mapped === 'running' && provisioning === 'creating') return { state: 'building', reason: null };
  if (mapped) return { state: mapped, reason: null };
  return { state: provisioning === 'creating' ? 'pending' : 'building', reason: null };
}

/** Public addresses first, then private ones, read from the VM's network interfaces. */
export async function addressesOf(clients: AzureComputeClients, vm: VirtualMachine): Promise<string[]> {
  const publicIps: string[] = [];
  const privateIps: string[] = [];
  for (const reference of vm.networkProfile?.networkInterfaces ?? []) {
    const ref = parseResourceRef(reference.id ?? '');
    if (!ref) continue;
    let nic;
    try {
      nic = await clients.network.networkInterfaces.get(ref.resourceGroup, ref.name);
    } catch (error) {
      if (isNotFound(error, clients)) continue; // going with its VM
      throw error;
    }
    for (const config of nic.ipConfigurations ?? []) {
      if (config.privateIPAddress) privateIps.push(config.privateIPAddress);
      const pipRef = parseResourceRef(config.publicIPAddress?.id ?? '');
      if (!pipRef) continue;
      try {
        const pip = await clients.network.publicIPAddresses.get(pipRef.resourceGroup, pipRef.name);
        if (pip.ipAddress) publicIps.push(pip.ipAddress);
      } catch (error) {
        if (!isNotFound(error, clients)) throw error;
      }
    }
  }
  return [...publicIps, ...privateIps];
}

/** One VM asked of Azure now, or null when Azure no longer knows it. */
export async function readServer(clients: AzureComputeClients, vmId: string): Promise<ServerStatus | null> {
  const ref = parseResourceRef(vmId);
  if (!ref) return null;
  let vm: VirtualMachine;
  try {
    vm = await clients.compute.virtualMachines.get(ref.resourceGroup, ref.name, { expand: 'instanceView' });
  } catch (error) {
    if (isNotFound(error, clients)) return null;
    throw error;
  }
  const { state, reason } = serverStateOf(vm);
  return {
    id: vm.id ?? vmId,
    name: vm.name ?? ref.name,
    state,
    addresses: await addressesOf(clients, vm),
    imageId: imageIdOf(vm.storageProfile?.imageReference),
    reason,
  };
}
