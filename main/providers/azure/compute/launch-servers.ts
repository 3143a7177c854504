import type { VirtualMachine } from '@azure/arm-compute';
import { CloudError } from '../../driver';
import type { LaunchSpec } from '../../compute-driver';
import type { AzureComputeClients } from './azure-compute-clients';
import { hangarGroupFor, parseResourceRef, vmIdFor, vmNameFor } from './compute-ids';
import { invalidRequest } from './compute-errors';
import { isNotFound, type ComputeSession } from './compute-session';
import {
  checkLaunchSpec,
  CREATED_FOR_TAG,
  networkInterfaceBody,
  publicIpBody,
  virtualMachineBody,
} from './launch-bodies';

/** What one server's launch has created so far, so a failure can take it back. */
interface Created {
  resourceGroup: string;
  vmName: string;
  publicIp?: string;
  nic?: string;
  vm?: string;
}

/**
 * Starts the servers: per server a public IP (optional) and a network interface, each followed
 * to completion (the VM refers to them), then the VM's PUT, which returns once Azure has
 * accepted it. The build itself is not awaited: getServer follows it. If any server is refused,
 * everything this launch created is removed again and the refusal is reported with Azure's reason.
 */
export async function launchServers(
  session: ComputeSession,
  spec: LaunchSpec,
  signal?: AbortSignal,
): Promise<{ serverIds: string[] }> {
  const { imageReference, subnetId } = checkLaunchSpec(spec);
  const clients = session.open();
  const resourceGroup = hangarGroupFor(spec.location);
  const created: Created[] = [];
  const lro = session.lro(signal);
  try {
    await clients.ensureResourceGroup(resourceGroup, spec.location, signal);
    const names = Array.from({ length: spec.count }, (_, i) => vmNameFor(spec.name, i, spec.count));
    for (const vmName of names) {
      const taken = await clients.compute.virtualMachines
        .get(resourceGroup, vmName, { abortSignal: signal })
        .then(
          () => true,
          (error: unknown) => {
            if (isNotFound(error, clients)) return false;
            throw error;
          },
        );
      if (taken)
        throw invalidRequest(`A VM named ${vmName} already exists in ${resourceGroup}: choose another name.`);
    }
    for (const vmName of names) {
      const step: Created = { resourceGroup, vmName };
      created.push(step);
      let publicIpId: string | undefined;
      if (spec.publicIp) {
        const ipPoller = await clients.network.publicIPAddresses.beginCreateOrUpdate(
          resourceGroup,
          `${vmName}-ip`,
          publicIpBody(spec.location, vmName, spec.tags),
          lro,
        );
        step.publicIp = `${vmName}-ip`;
        publicIpId = (await ipPoller.pollUntilDone({ abortSignal: signal })).id;
      }
      const nicPoller = await clients.network.networkInterfaces.beginCreateOrUpdate(
        resourceGroup,
        `${vmName}-nic`,
        networkInterfaceBody(spec.location, subnetId, spec.securityGroupIds[0], publicIpId, spec.tags),
        lro,
      );
      step.nic = `${vmName}-nic`;
      const nic = await nicPoller.pollUntilDone({ abortSignal: signal });
      await clients.compute.virtualMachines.beginCreateOrUpdate(
        resourceGroup,
        vmName,
        virtualMachineBody(spec, imageReference, vmName, nic.id ?? ''),
        lro,
      );
      step.vm = vmIdFor(session.subscriptionId, resourceGroup, vmName);
    }
    return { serverIds: created.map((step) => step.vm ?? '') };
  } catch (error) {
    const failure =
      error instanceof CloudError
        ? error
        : session.fail(error, `launch ${spec.name}`, spec.location, clients);
    const made = created.filter((step) => step.publicIp || step.nic || step.vm);
    if (made.length === 0) throw failure;
    const left = await rollBack(session, clients, made);
    const note = left.length
      ? ` Hangar could not remove ${left.join(', ')}; delete them in the Azure portal.`
      : ' Hangar removed what this launch had created.';
    throw new CloudError(
      { ...failure.appError, message: `${failure.appError.message}${note}` },
      { cause: error },
    );
  }
}

/** Removes a launch's resources, newest first; returns the names it could not remove. */
async function rollBack(
  session: ComputeSession,
  clients: AzureComputeClients,
  created: Created[],
): Promise<string[]> {
  const left: string[] = [];
  const lro = session.lro();
  const attempt = async (name: string, run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      if (!isNotFound(error, clients)) left.push(name);
    }
  };
  for (const step of [...created].reverse()) {
    const { resourceGroup: group } = step;
    if (step.vm) {
      await attempt(step.vmName, async () =>
        (await clients.compute.virtualMachines.beginDelete(group, step.vmName, lro)).pollUntilDone(),
      );
    } else if (step.nic) {
      const nic = step.nic;
      await attempt(nic, async () =>
        (await clients.network.networkInterfaces.beginDelete(group, nic, lro)).pollUntilDone(),
      );
    }
    if (step.publicIp) {
      const ip = step.publicIp;
      await attempt(ip, async () =>
        (await clients.network.publicIPAddresses.beginDelete(group, ip, lro)).pollUntilDone(),
      );
    }
  }
  return left;
}

/** Public IPs Hangar created for this VM (tagged at launch), found through its network interfaces. */
async function ownPublicIps(
  clients: AzureComputeClients,
  vm: VirtualMachine,
): Promise<{ group: string; name: string }[]> {
  const found: { group: string; name: string }[] = [];
  for (const reference of vm.networkProfile?.networkInterfaces ?? []) {
    const ref = parseResourceRef(reference.id ?? '');
    if (!ref) continue;
    const nic = await clients.network.networkInterfaces.get(ref.resourceGroup, ref.name).catch(() => null);
    for (const config of nic?.ipConfigurations ?? []) {
      const pip = parseResourceRef(config.publicIPAddress?.id ?? '');
      if (!pip) continue;
      const ip = await clients.network.publicIPAddresses.get(pip.resourceGroup, pip.name).catch(() => null);
      if (ip?.tags?.[CREATED_FOR_TAG] === vm.name) found.push({ group: pip.resourceGroup, name: pip.name });
    }
  }
  return found;
}

/**
 * Deletes the VM (its disks and network interface go with it: Hangar launches them with
 * deleteOption Delete), then the public IP Hangar made for it. A VM Azure no longer knows is
 * already terminated.
 */
export async function terminateServer(
  session: ComputeSession,
  location: string,
  serverId: string,
): Promise<void> {
  const ref = parseResourceRef(serverId);
  if (!ref) throw invalidRequest(`"${serverId.slice(0, 160)}" is not an Azure VM resource id.`);
  const clients = session.open();
  try {
    let vm: VirtualMachine;
    try {
      vm = await clients.compute.virtualMachines.get(ref.resourceGroup, ref.name);
    } catch (error) {
      if (isNotFound(error, clients)) return;
      throw error;
    }
    const publicIps = await ownPublicIps(clients, vm);
    const poller = await clients.compute.virtualMachines.beginDelete(
      ref.resourceGroup,
      ref.name,
      session.lro(),
    );
    await poller.pollUntilDone();
    for (const ip of publicIps) {
      await (
        await clients.network.publicIPAddresses.beginDelete(ip.group, ip.name, session.lro())
      ).pollUntilDone();
    }
  } catch (error) {
    throw session.fail(error, `terminate ${ref.name}`, location, clients);
  }
}
