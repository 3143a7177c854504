import { ArmOperations, ArmTimeline, type ArmOperationError } from './arm-async-operations';
import type { AzureSandboxCatalog } from './azure-catalog';
import { DEFAULT_COMPUTE_DELAYS, type ComputeContext, type ComputeDelays } from './compute-context';
import { AzureImageWrites } from './image-writes';
import { AzureNetworkState } from './network-state';
import { AzureVmState } from './vm-state';

export interface ComputeWorldOptions {
  subscriptionId: string;
  catalog: AzureSandboxCatalog;
  /** The stand-in's origin, known once it listens: operation URLs are absolute. */
  origin: () => string;
  /** The app the stand-in last saw, recorded as an image's creator. */
  clientId: () => string;
  delays?: Partial<ComputeDelays>;
  /** `Retry-After` on operation status answers; none by default. */
  retryAfterSeconds?: number;
  now?: () => number;
}

/**
 * The launch side of the Azure stand-in: one subscription's networks, VMs and image writes, and
 * the clock their long-running operations run on. Tests reach it as `sandbox.compute` to change
 * delays, arm a quota refusal or a failed build, and look at what was created.
 */
export class AzureComputeWorld {
  readonly timeline: ArmTimeline;
  readonly operations: ArmOperations;
  readonly network: AzureNetworkState;
  readonly vms: AzureVmState;
  readonly images: AzureImageWrites;
  private readonly context: ComputeContext;

  constructor(options: ComputeWorldOptions) {
    this.timeline = new ArmTimeline(options.now);
    this.operations = new ArmOperations(
      this.timeline,
      options.origin,
      options.subscriptionId,
      options.retryAfterSeconds ?? null,
    );
    this.context = {
      subscriptionId: options.subscriptionId,
      catalog: options.catalog,
      timeline: this.timeline,
      operations: this.operations,
      delays: { ...DEFAULT_COMPUTE_DELAYS, ...options.delays },
    };
    this.network = new AzureNetworkState(this.context);
    this.vms = new AzureVmState(this.context, this.network);
    this.images = new AzureImageWrites(this.context, this.vms, options.clientId);
  }

  get delays(): Readonly<ComputeDelays> {
    return this.context.delays;
  }

  /** Applies to operations started from now on. */
  setDelays(delays: Partial<ComputeDelays>): void {
    Object.assign(this.context.delays, delays);
  }

  /** `times` VM creations are refused (OperationNotAllowed, regional cores quota), after `after` accepted ones. */
  armQuotaFault(times = 1, after = 0): void {
    this.vms.armQuotaFault(times, after);
  }

  /** The next VM is accepted, then fails while building (AllocationFailed unless told otherwise). */
  armBuildFailure(error?: Partial<ArmOperationError>): void {
    this.vms.armBuildFailure(error);
  }

  /** Applies every state change that is due; the server calls it before answering anything. */
  tick(): void {
    this.timeline.tick();
  }
}
