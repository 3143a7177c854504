import { childOf, type XmlElement } from '../../providers/vmware/xml-reader';
import type { Answer } from './vsphere-api-routes';
import { soapEnvelope, soapFault } from './vim-soap-routes';
import { TaskFaultError, VimTaskStore } from './vim-task-store';
import { applyConfig, copyVm, destroy, powerOff, powerOn, vmOrFault } from './vim-vm-ops';
import { vmFolderOf } from './vim-inventory';
import type { SeedVm, VsphereSeed } from './vsphere-seed';

/**
 * The vim25 methods a launch and the template lifecycle call on the stand-in: CloneVM_Task,
 * ReconfigVM_Task, PowerOnVM_Task, PowerOffVM_Task, Destroy_Task (each answering with a Task that
 * takes its time), MarkAsVirtualMachine and CancelTask. References are checked when the call
 * arrives (ManagedObjectNotFound, as vCenter does); the rest is checked when the task runs.
 */
export interface ComputeTimings {
  /** How long a task takes (a clone twice that). Default 600 ms. */
  taskMs: number;
  /** How long after power-on the guest's Tools report an address. Default 2500 ms. */
  bootMs: number;
}

/** A fault armed for the next call(s) of a method, e.g. a quota: InsufficientResourcesFault on CloneVM_Task. */
export interface ArmedTaskFault {
  /** CloneVM_Task, PowerOnVM_Task, ReconfigVM_Task, or "deploy" for the REST library deploy. */
  method: string;
  type: string;
  message: string;
  times?: number;
}

export const COMPUTE_METHODS = new Set([
  'CloneVM_Task',
  'ReconfigVM_Task',
  'PowerOnVM_Task',
  'PowerOffVM_Task',
  'Destroy_Task',
  'MarkAsVirtualMachine',
  'MarkAsTemplate',
  'CancelTask',
]);

const NOT_FOUND = 'The object has already been deleted or has not been completely created';
const text = (element: XmlElement | undefined): string => element?.text.trim() ?? '';

const ok = (method: string, inner: string): Answer => ({
  status: 200,
  contentType: 'text/xml; charset=utf-8',
  body: soapEnvelope(`<${method}Response xmlns="urn:vim25">${inner}</${method}Response>`),
});

export class VimCompute {
  readonly tasks = new VimTaskStore();
  private armed: { fault: ArmedTaskFault; remaining: number }[] = [];
  private nextVm = 9001;

  constructor(
    private readonly seed: VsphereSeed,
    readonly timings: ComputeTimings,
  ) {}

  arm(fault: ArmedTaskFault): void {
    this.armed.push({ fault, remaining: fault.times ?? 1 });
  }

  /** Throws the armed fault for `method`, if one is left. */
  takeFault(method: string): void {
    const entry = this.armed.find((a) => a.fault.method === method && a.remaining > 0);
    if (!entry) return;
    entry.remaining -= 1;
    this.armed = this.armed.filter((a) => a.remaining > 0);
    throw new TaskFaultError({ type: entry.fault.type, localizedMessage: entry.fault.message });
  }

  newVmMoid(): string {
    return `vm-${this.nextVm++}`;
  }

  private task(method: string, vm: SeedVm, durationMs: number, work: () => string | null): Answer {
    const moid = this.tasks.create(
      method,
      { type: 'VirtualMachine', value: vm.moid, name: vm.name },
      durationMs,
      () => {
        this.takeFault(method);
        return work();
      },
    );
    return ok(method, `<returnval type="Task">${moid}</returnval>`);
  }

  call(name: string, method: XmlElement): Answer {
    const self = text(childOf(method, '_this'));
    if (name === 'CancelTask') {
      if (!this.tasks.has(self)) return soapFault('ManagedObjectNotFound', NOT_FOUND);
      if (!this.tasks.cancel(self))
        return soapFault('InvalidState', 'The operation is not allowed in the current state.');
      return ok(name, '');
    }
    const vm = this.seed.vms.find((candidate) => candidate.moid === self);
    if (!vm) return soapFault('ManagedObjectNotFound', NOT_FOUND);
    const { taskMs, bootMs } = this.timings;
    switch (name) {
      case 'CloneVM_Task':
        return this.clone(vm, method);
      case 'ReconfigVM_Task':
        return this.task(name, vm, taskMs / 2, () => {
          applyConfig(this.seed, vmOrFault(this.seed, vm.moid), childOf(method, 'spec'));
          return null;
        });
      case 'PowerOnVM_Task':
        return this.task(name, vm, taskMs / 2, () => {
          powerOn(this.seed, vmOrFault(this.seed, vm.moid), Date.now(), bootMs);
          return null;
        });
      case 'PowerOffVM_Task':
        return this.task(name, vm, taskMs / 2, () => {
          powerOff(this.seed, vmOrFault(this.seed, vm.moid));
          return null;
        });
      case 'Destroy_Task':
        return this.task(name, vm, taskMs / 2, () => {
          destroy(this.seed, vmOrFault(this.seed, vm.moid));
          return null;
        });
      case 'MarkAsVirtualMachine': {
        const pool = text(childOf(method, 'pool'));
        if (!vm.template) return soapFault('NotSupported', 'The operation is not supported on the object.');
        if (!this.seed.placement.pools.some((p) => p.moid === pool))
          return soapFault('ManagedObjectNotFound', NOT_FOUND);
        vm.template = false;
        vm.compute = { ...(vm.compute ?? { nics: [], extraConfig: [], guestReadyAt: null }), poolMoid: pool };
        return ok(name, '');
      }
      case 'MarkAsTemplate':
        // vCenter marks only a powered-off VM, and refuses one that already is a template.
        if (vm.template) return soapFault('NotSupported', 'The operation is not supported on the object.');
        if (vm.powerState !== 'POWERED_OFF')
          return soapFault(
            'InvalidPowerState',
            'The attempted operation cannot be performed in the current state (Powered on).',
          );
        vm.template = true;
        return ok(name, '');
      default:
        return soapFault('MethodNotFound', `The method ${name} is not part of this stand-in.`);
    }
  }

  /** CloneVM_Task: folder and pool must exist now; the copy appears when the task completes. */
  private clone(source: SeedVm, method: XmlElement): Answer {
    const folder = text(childOf(method, 'folder'));
    const spec = childOf(method, 'spec');
    const location = childOf(spec, 'location');
    const pool = text(childOf(location, 'pool')) || null;
    const host = text(childOf(location, 'host')) || null;
    const datacenter = this.seed.datacenters.find((dc) => vmFolderOf(dc.moid) === folder);
    if (!datacenter) return soapFault('ManagedObjectNotFound', NOT_FOUND);
    if (pool && !this.seed.placement.pools.some((p) => p.moid === pool))
      return soapFault('ManagedObjectNotFound', NOT_FOUND);
    const asTemplate = text(childOf(spec, 'template')) === 'true';
    const powerOnAfter = text(childOf(spec, 'powerOn')) === 'true';
    const name = text(childOf(method, 'name'));
    const moid = this.newVmMoid();
    return this.task('CloneVM_Task', source, this.timings.taskMs * 2, () => {
      const from = vmOrFault(this.seed, source.moid);
      if (from.template && !pool && !asTemplate)
        throw new TaskFaultError({
          type: 'InvalidArgument',
          localizedMessage: 'A specified parameter was not correct: spec.location.pool',
        });
      const made = copyVm(this.seed, from, {
        moid,
        name,
        datacenterMoid: datacenter.moid,
        poolMoid: pool,
        hostMoid: host,
        template: false,
      });
      try {
        applyConfig(this.seed, made, childOf(spec, 'config'));
      } catch (error) {
        destroy(this.seed, made);
        throw error;
      }
      if (asTemplate) {
        // The config applies to the copy; only then is it marked as a template, leaving its pool.
        made.template = true;
        if (made.compute) made.compute.poolMoid = null;
      } else if (powerOnAfter) powerOn(this.seed, made, Date.now(), this.timings.bootMs);
      return `mor:VirtualMachine=${made.moid}`;
    });
  }
}
