import { randomUUID } from 'node:crypto';
import type { ArmOperationError } from './arm-async-operations';
import { computeErrors } from './compute-arm-errors';
import {
  propertiesOf,
  refId,
  requireGroup,
  requireLocation,
  resourceId,
  same,
  tagsOf,
  type ComputeContext,
  type WireResource,
  type WriteResult,
} from './compute-context';
import { FAMILY_CORE_LIMIT } from './compute-seed';
import type { AzureNetworkState } from './network-state';
import { checkDataDisks, checkOsProfile, checkSize } from './vm-checks';
import { resolveImageReference } from './vm-image-reference';
import { instanceViewOf, type VmRecord } from './vm-instance-view';
import { storageProfileFor } from './vm-storage-profile';

const COMPUTE = 'Microsoft.Compute';
const key = (id: string): string => id.toLowerCase();
/** Cores the subscription already uses in every family, before anything Hangar launches. */
const BASELINE_USAGE = 6;

/**
 * Microsoft.Compute virtual machines: created Creating, PowerState/starting, then Succeeded and
 * running (or Failed, when a build failure is armed); deleted through Deleting; deallocated and
 * generalized for a capture. Refusals (size, image, key path, quota) are answered at once.
 */
export class AzureVmState {
  private readonly vms = new Map<string, VmRecord>();
  private quotaRefusals = 0;
  private quotaAccepts = 0;
  private buildFailures: ArmOperationError[] = [];

  constructor(
    private readonly ctx: ComputeContext,
    private readonly network: AzureNetworkState,
  ) {}

  /** `times` VM creations are refused with Azure's regional cores quota error, after `after` accepted ones. */
  armQuotaFault(times = 1, after = 0): void {
    this.quotaRefusals += times;
    this.quotaAccepts = after;
  }

  /** The next VM is accepted, then fails while building with this error (AllocationFailed by default). */
  armBuildFailure(error: Partial<ArmOperationError> = {}): void {
    this.buildFailures.push({
      code: error.code ?? 'AllocationFailed',
      message:
        error.message ??
        'Allocation failed. We do not have sufficient capacity for the requested VM size in this region. Read more about improving likelihood of allocation success at http://aka.ms/allocation-guidance',
    });
  }

  /** VMs as ARM lists them (subscription-wide, or one group). */
  list(resourceGroup?: string): WireResource[] {
    if (resourceGroup !== undefined) requireGroup(this.ctx, resourceGroup);
    return [...this.vms.values()]
      .filter((vm) => resourceGroup === undefined || same(vm.resourceGroup, resourceGroup))
      .map((vm) => vm.resource);
  }

  get(resourceGroup: string, name: string, expand: string | null): WireResource {
    const vm = this.find(resourceGroup, name);
    if (!same(expand, 'instanceView')) return vm.resource;
    return { ...vm.resource, properties: { ...vm.resource.properties, instanceView: instanceViewOf(vm) } };
  }

  instanceView(resourceGroup: string, name: string): unknown {
    return instanceViewOf(this.find(resourceGroup, name));
  }

  /** The VM behind a managed image capture, for the image's storage profile. */
  byId(id: string): VmRecord | null {
    return this.vms.get(key(id)) ?? null;
  }

  put(resourceGroup: string, name: string, body: unknown, apiVersion: string): WriteResult {
    requireGroup(this.ctx, resourceGroup);
    const location = requireLocation(this.ctx, body, `${COMPUTE}/virtualMachines`);
    const id = resourceId(this.ctx.subscriptionId, resourceGroup, COMPUTE, 'virtualMachines', name);
    const existing = this.vms.get(key(id));
    if (existing) {
      // Tags are what a second PUT may change here; the rest of a VM is fixed once built.
      existing.resource.tags = tagsOf(body);
      return { status: 200, body: existing.resource };
    }
    const given = propertiesOf(body);
    const size = checkSize(location, given.hardwareProfile);
    const storage = (given.storageProfile ?? {}) as Record<string, unknown>;
    const image = resolveImageReference(this.ctx, storage.imageReference, location);
    checkOsProfile(given.osProfile, image);
    const dataDisks = checkDataDisks(this.ctx, storage.dataDisks, size, location);
    const nics = (
      (given.networkProfile as { networkInterfaces?: unknown[] } | undefined)?.networkInterfaces ?? []
    ).map((entry) => ({ entry: entry as Record<string, unknown>, id: refId(entry) ?? '' }));
    if (nics.length === 0)
      throw computeErrors.invalidParameter('networkProfile', 'At least one network interface is required.');
    for (const nic of nics) {
      const found = this.network.byId('nic', nic.id);
      if (!found || !same(found.location, location))
        throw computeErrors.notFound(
          'Microsoft.Network/networkInterfaces',
          nic.id.split('/').pop() ?? '',
          resourceGroup,
        );
      const holder = refId(found.properties.virtualMachine);
      if (holder && !same(holder, id)) throw computeErrors.nicAlreadyAttached(nic.id, holder);
    }
    if (this.quotaRefusals > 0 && this.quotaAccepts > 0) this.quotaAccepts -= 1;
    else if (this.quotaRefusals > 0) {
      this.quotaRefusals -= 1;
      const usage = BASELINE_USAGE + this.coresInUse(size.family, location);
      throw computeErrors.quotaExceeded(size.family, location, FAMILY_CORE_LIMIT, usage, size.cores);
    }
    const osProfile = { ...((given.osProfile ?? {}) as Record<string, unknown>) };
    delete osProfile.customData; // never returned by ARM
    delete osProfile.adminPassword;
    const resource: WireResource = {
      id,
      name,
      type: `${COMPUTE}/virtualMachines`,
      location,
      tags: tagsOf(body),
      properties: {
        vmId: randomUUID(),
        hardwareProfile: { vmSize: size.name },
        storageProfile: storageProfileFor({
          subscriptionId: this.ctx.subscriptionId,
          resourceGroup,
          vmName: name,
          given: storage,
          image,
          dataDisks,
        }),
        osProfile: {
          ...osProfile,
          secrets: [],
          allowExtensionOperations: true,
          requireGuestProvisionSignal: true,
        },
        networkProfile: { networkInterfaces: nics.map((nic) => nic.entry) },
        provisioningState: 'Creating',
        timeCreated: new Date(this.ctx.timeline.now()).toISOString(),
      },
    };
    const vm: VmRecord = {
      resource,
      resourceGroup,
      cores: size.cores,
      family: size.family,
      hyperVGeneration: image.hyperVGeneration,
      power: null,
      generalized: false,
      failure: null,
      changedAt: new Date(this.ctx.timeline.now()),
      customData:
        typeof given.osProfile === 'object'
          ? ((given.osProfile as { customData?: string }).customData ?? null)
          : null,
    };
    this.vms.set(key(id), vm);
    for (const nic of nics) this.network.setVirtualMachine(nic.id, id);
    const failure = this.buildFailures.shift() ?? null;
    const { vmBuildMs } = this.ctx.delays;
    this.ctx.timeline.after(vmBuildMs / 3, () => {
      if (vm.resource.properties.provisioningState === 'Creating') this.setPower(vm, 'starting');
    });
    const headers = this.ctx.operations.start(
      COMPUTE,
      location,
      vmBuildMs,
      () => {
        if (failure) {
          vm.failure = failure;
          vm.power = null;
          this.setProvisioning(vm, 'Failed');
          return failure;
        }
        this.setProvisioning(vm, 'Succeeded');
        this.setPower(vm, 'running');
      },
      { apiVersion },
    );
    return { status: 201, body: resource, headers };
  }

  delete(resourceGroup: string, name: string, apiVersion: string): WriteResult {
    requireGroup(this.ctx, resourceGroup);
    const vm = this.vms.get(
      key(resourceId(this.ctx.subscriptionId, resourceGroup, COMPUTE, 'virtualMachines', name)),
    );
    if (!vm) return { status: 204 };
    this.setProvisioning(vm, 'Deleting');
    if (vm.power) this.setPower(vm, 'stopping');
    const headers = this.ctx.operations.start(
      COMPUTE,
      vm.resource.location,
      this.ctx.delays.vmDeleteMs,
      () => {
        this.vms.delete(key(vm.resource.id));
        const entries = (
          vm.resource.properties.networkProfile as { networkInterfaces: Record<string, unknown>[] }
        ).networkInterfaces;
        for (const entry of entries) {
          const nicId = refId(entry) ?? '';
          const option = (entry.properties as { deleteOption?: string } | undefined)?.deleteOption;
          if (option === 'Delete') this.network.removeWithVm(nicId);
          else this.network.setVirtualMachine(nicId, null);
        }
      },
      { location: true, apiVersion },
    );
    return { status: 202, headers };
  }

  deallocate(resourceGroup: string, name: string, apiVersion: string): WriteResult {
    const vm = this.find(resourceGroup, name);
    this.refuseWhileBusy(vm, 'deallocate');
    this.setPower(vm, 'deallocating');
    const headers = this.ctx.operations.start(
      COMPUTE,
      vm.resource.location,
      this.ctx.delays.vmPowerMs,
      () => {
        this.setPower(vm, 'deallocated');
      },
      { location: true, apiVersion },
    );
    return { status: 202, headers };
  }

  generalize(resourceGroup: string, name: string): WriteResult {
    const vm = this.find(resourceGroup, name);
    this.refuseWhileBusy(vm, 'generalize');
    if (vm.power !== 'deallocated' && vm.power !== 'stopped')
      throw computeErrors.operationNotAllowed(
        `Operation 'generalize' is not allowed on VM '${vm.resource.name}' since the VM is ${vm.power ?? 'not stopped'}. Please deallocate the VM and try again.`,
      );
    vm.generalized = true;
    vm.changedAt = new Date(this.ctx.timeline.now());
    return { status: 200 };
  }

  private refuseWhileBusy(vm: VmRecord, operation: string): void {
    const state = String(vm.resource.properties.provisioningState);
    if (state === 'Creating' || state === 'Deleting')
      throw computeErrors.operationNotAllowed(
        `Operation '${operation}' is not allowed on VM '${vm.resource.name}' since the VM is ${state === 'Creating' ? 'being created' : 'marked for deletion'}.`,
      );
  }

  private find(resourceGroup: string, name: string): VmRecord {
    requireGroup(this.ctx, resourceGroup);
    const vm = this.vms.get(
      key(resourceId(this.ctx.subscriptionId, resourceGroup, COMPUTE, 'virtualMachines', name)),
    );
    if (!vm) throw computeErrors.notFound(`${COMPUTE}/virtualMachines`, name, resourceGroup);
    return vm;
  }

  private coresInUse(family: string, location: string): number {
    return [...this.vms.values()]
      .filter((vm) => vm.family === family && same(vm.resource.location, location))
      .reduce((sum, vm) => sum + vm.cores, 0);
  }

  private setPower(vm: VmRecord, power: VmRecord['power']): void {
    vm.power = power;
    vm.changedAt = new Date(this.ctx.timeline.now());
  }

  private setProvisioning(vm: VmRecord, state: string): void {
    vm.resource.properties.provisioningState = state;
    vm.changedAt = new Date(this.ctx.timeline.now());
  }
}
