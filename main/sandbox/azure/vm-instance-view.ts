import type { ArmOperationError } from './arm-async-operations';
import type { WireResource } from './compute-context';

/** One VM the stand-in holds: its ARM body plus what the instance view reports. */
export interface VmRecord {
  resource: WireResource;
  resourceGroup: string;
  cores: number;
  family: string;
  hyperVGeneration: string;
  power: 'starting' | 'running' | 'stopping' | 'stopped' | 'deallocating' | 'deallocated' | null;
  generalized: boolean;
  failure: ArmOperationError | null;
  changedAt: Date;
  /** What `osProfile.customData` carried (base64), which ARM never returns: for tests to read. */
  customData: string | null;
}

const POWER_TEXT: Record<NonNullable<VmRecord['power']>, string> = {
  starting: 'VM starting',
  running: 'VM running',
  stopping: 'VM stopping',
  stopped: 'VM stopped',
  deallocating: 'VM deallocating',
  deallocated: 'VM deallocated',
};

/**
 * `instanceView` as Compute RP reports it: `ProvisioningState/…` (with the failure's code and
 * message when the build failed), `OSState/generalized` after generalize, then `PowerState/…`.
 */
export function instanceViewOf(vm: VmRecord): Record<string, unknown> {
  const time = vm.changedAt.toISOString();
  const state = String(vm.resource.properties.provisioningState ?? 'Creating');
  const statuses: Record<string, unknown>[] = [];
  if (state === 'Failed' && vm.failure) {
    statuses.push({
      code: `ProvisioningState/failed/${vm.failure.code}`,
      level: 'Error',
      displayStatus: 'Provisioning failed',
      message: vm.failure.message,
      time,
    });
  } else if (state === 'Succeeded') {
    statuses.push({
      code: 'ProvisioningState/succeeded',
      level: 'Info',
      displayStatus: 'Provisioning succeeded',
      time,
    });
  } else {
    statuses.push({ code: `ProvisioningState/${state.toLowerCase()}`, level: 'Info', displayStatus: state });
  }
  if (vm.generalized)
    statuses.push({ code: 'OSState/generalized', level: 'Info', displayStatus: 'VM generalized' });
  if (vm.power)
    statuses.push({ code: `PowerState/${vm.power}`, level: 'Info', displayStatus: POWER_TEXT[vm.power] });
  const storage = vm.resource.properties.storageProfile as {
    osDisk: { name: string; osType: string };
    dataDisks: { name: string }[];
  };
  const osProfile = vm.resource.properties.osProfile as { computerName?: string };
  return {
    computerName: osProfile.computerName ?? vm.resource.name,
    osName: storage.osDisk.osType === 'Windows' ? 'Windows Server' : 'Linux',
    hyperVGeneration: vm.hyperVGeneration,
    ...(vm.power === 'running'
      ? {
          vmAgent: {
            vmAgentVersion: '2.11.1.12',
            statuses: [
              {
                code: 'ProvisioningState/succeeded',
                level: 'Info',
                displayStatus: 'Ready',
                message: 'Guest Agent is running',
                time,
              },
            ],
          },
        }
      : {}),
    disks: [storage.osDisk, ...storage.dataDisks].map((disk) => ({
      name: disk.name,
      statuses: [
        { code: 'ProvisioningState/succeeded', level: 'Info', displayStatus: 'Provisioning succeeded', time },
      ],
    })),
    statuses,
  };
}
