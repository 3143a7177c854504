import type { protos } from '@google-cloud/compute';
import type { ServerState, ServerStatus } from '../../compute-driver';

type Instance = protos.google.cloud.compute.v1.IInstance;

/**
 * Compute's instance statuses in Hangar's words. TERMINATED is a stopped instance that still
 * exists (and still holds its disks), not a deleted one: a deleted instance is simply gone (404).
 */
const STATES: Record<string, ServerState> = {
  PROVISIONING: 'pending',
  STAGING: 'building',
  RUNNING: 'running',
  REPAIRING: 'building',
  STOPPING: 'stopping',
  PENDING_STOP: 'stopping',
  SUSPENDING: 'stopping',
  DEPROVISIONING: 'stopping',
  SUSPENDED: 'stopped',
  STOPPED: 'stopped',
  TERMINATED: 'stopped',
};

export const serverStateOf = (status: string | null | undefined): ServerState =>
  STATES[status ?? ''] ?? 'pending';

/** Public (NAT) addresses first, then private ones. */
export function addressesOf(instance: Instance): string[] {
  const nics = instance.networkInterfaces ?? [];
  const external = nics
    .flatMap((nic) => (nic.accessConfigs ?? []).map((a) => a.natIP))
    .filter((ip): ip is string => !!ip);
  const internal = nics.map((nic) => nic.networkIP).filter((ip): ip is string => !!ip);
  return [...external, ...internal];
}

export function serverStatus(instance: Instance, id: string, imageId: string | null): ServerStatus {
  return {
    id,
    name: instance.name ?? id,
    state: serverStateOf(String(instance.status ?? '')),
    addresses: addressesOf(instance),
    imageId,
    reason: instance.statusMessage || null,
  };
}

/** The boot disk's resource name, which `disks.get` takes (its `sourceImage` names the image). */
export function bootDiskOf(instance: Instance): string | null {
  const boot = (instance.disks ?? []).find((d) => d.boot) ?? instance.disks?.[0];
  return boot?.source ?? null;
}
