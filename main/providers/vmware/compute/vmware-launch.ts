import type { LaunchSpec } from '../../compute-driver';
import { CloudError } from '../../driver';
import type { VapiSession } from '../vapi-session';
import type { VimSession } from '../vim-session';
import { vsphereImageRef } from '../vsphere-image-lookup';
import { guestInfoEntries } from './guestinfo';
import type { TaskWait } from './vim-tasks';
import { propMor, propText } from './vim-values';
import { cloneTemplateVm, deployLibraryItem, finishVm, type DeployTarget } from './vm-deploy';
import { readVm } from './vm-status';
import { readInventory, type InventoryEntry } from './vsphere-inventory';
import { resolveNetwork, resolvePlacement } from './vsphere-placement';
import { sizeOf } from './vmware-sizes';

/**
 * A launch on vSphere: check what the spec asks against what vSphere offers, resolve where the
 * VMs go, then make each VM (clone or library deploy), finish it and power it on. Resolves with
 * the VM moids once every VM has been powered on; getServer then follows the guest's boot.
 */
interface Sessions {
  vim: VimSession;
  vapi(): Promise<VapiSession>;
}

/** A later VM of a multi-VM launch failed after earlier ones were made. */
export class PartialLaunchError extends Error {
  constructor(
    readonly made: string[],
    cause: unknown,
  ) {
    super(`launch stopped after ${made.join(', ')}`, { cause });
    this.name = 'PartialLaunchError';
  }
}

const refuse = (message: string): CloudError => new CloudError({ code: 'invalid-request', message });

/** What vSphere (in Hangar) cannot take, said before anything is made. */
function checkSpec(spec: LaunchSpec): void {
  if (spec.securityGroupIds.length > 0)
    throw refuse(
      "vSphere has no security groups; use NSX or the port group's policy, and launch without one.",
    );
  if (spec.keyName)
    throw refuse(
      'vSphere keeps no key pairs: paste your SSH public key instead; it goes in through cloud-init.',
    );
  if (spec.publicIp)
    throw refuse(
      'vSphere VMs get no public IP from the cloud: the port group decides the address. Turn public IP off.',
    );
  if (spec.volumes.length > 0)
    throw refuse(
      'Hangar cannot add data volumes on VMware yet: launch without them and add disks in the vSphere Client.',
    );
  if (!Number.isInteger(spec.count) || spec.count < 1 || spec.count > 20)
    throw refuse('Launch between 1 and 20 VMs at once on VMware.');
}

/** The datacenter a template VM lives in, or a refusal when it is gone or no longer a template. */
async function templateDatacenter(
  vim: VimSession,
  moid: string,
  inventory: Awaited<ReturnType<typeof readInventory>>,
  signal?: AbortSignal,
): Promise<InventoryEntry | null> {
  const vm = await readVm(vim, moid, ['name', 'config.template', 'parent'], signal);
  if (!vm)
    throw refuse(`Template ${moid} was not found in vCenter: it may have been deleted. Refresh the catalog.`);
  if (propText(vm, 'config.template') !== 'true')
    throw refuse(
      `${propText(vm, 'name') ?? moid} is no longer marked as a template in vCenter: mark it as one, or choose another.`,
    );
  return inventory.datacenterOf(propMor(vm, 'parent'));
}

export async function launchServers(
  sessions: Sessions,
  spec: LaunchSpec,
  wait: TaskWait,
): Promise<{ serverIds: string[] }> {
  checkSpec(spec);
  const size = sizeOf(spec.flavorId);
  if (!size)
    throw refuse(`"${spec.flavorId}" is not a VMware size: choose one from the list (e.g. cpu2-mem4096).`);
  const ref = vsphereImageRef(spec.imageId);
  if (!ref)
    throw refuse(
      `"${spec.imageId.slice(0, 80)}" is not a VMware template id: choose the template from the catalog.`,
    );
  const { vim } = sessions;
  const inventory = await readInventory(vim, wait.signal);
  const templateDc =
    ref.kind === 'template-vm' ? await templateDatacenter(vim, ref.moid, inventory, wait.signal) : null;
  const fixed = spec.computeResource ? resolvePlacement(inventory, spec.computeResource, null) : null;
  const network = spec.networkId
    ? resolveNetwork(inventory, spec.networkId, fixed?.datacenter ?? templateDc, fixed !== null)
    : null;
  const placement = fixed ?? resolvePlacement(inventory, null, network?.datacenter ?? templateDc);
  const vapi = ref.kind === 'library-item' ? await sessions.vapi() : null;

  const serverIds: string[] = [];
  for (let index = 0; index < spec.count; index += 1) {
    const name = spec.count > 1 ? `${spec.name}-${index + 1}` : spec.name;
    const target: DeployTarget = {
      name,
      placement,
      network,
      size,
      extraConfig: guestInfoEntries({
        name,
        imageId: spec.imageId,
        publicKey: spec.publicKey,
        userData: spec.userData,
        tags: spec.tags,
      }),
    };
    try {
      const moid =
        ref.kind === 'template-vm'
          ? await cloneTemplateVm(vim, ref.moid, target, wait)
          : await deployLibraryItem(vapi as VapiSession, ref.id, target, wait.signal);
      await finishVm(vim, moid, target, wait);
      serverIds.push(moid);
    } catch (error) {
      // Servers already made stay (they run, and the user may want them); the error names them.
      throw serverIds.length > 0 ? new PartialLaunchError(serverIds, error) : error;
    }
  }
  return { serverIds };
}
