import { randomBytes } from 'node:crypto';
import type {
  SandboxInstance,
  SandboxKeyPair,
  SandboxReservation,
  SandboxSecurityGroup,
  SandboxSubnet,
  SandboxVpc,
} from './compute-model';
import { seedNetwork } from './compute-seed';
import type { SandboxCatalog } from './sandbox-catalog';

/** How long things take in the sandbox; the app keeps the defaults, tests shorten them. */
export interface ComputeTiming {
  /** pending → running. */
  bootMs: number;
  /** shutting-down → terminated. */
  shutdownMs: number;
  /** CreateImage: the new AMI's pending → available. */
  captureMs: number;
  /** CopyImage: the copy's pending → available in the target region. */
  copyMs: number;
  /** How long a terminated instance still shows in DescribeInstances (EC2: about an hour). */
  terminatedVisibleMs: number;
  /** Instances (not terminated) an account may have per region before InstanceLimitExceeded. */
  instanceLimit: number;
}

export const DEFAULT_COMPUTE_TIMING: ComputeTiming = {
  bootMs: 1_500,
  shutdownMs: 1_000,
  captureMs: 3_000,
  copyMs: 4_000,
  terminatedVisibleMs: 60 * 60_000,
  instanceLimit: 20,
};

/** One account's resources in one region. */
export class RegionCompute {
  readonly vpcs: SandboxVpc[];
  readonly subnets: SandboxSubnet[];
  readonly groups: SandboxSecurityGroup[];
  readonly keyPairs: SandboxKeyPair[] = [];
  /** In launch order, as DescribeInstances lists them. */
  readonly instances = new Map<string, SandboxInstance>();
  readonly reservations: SandboxReservation[] = [];
  readonly kmsKeys: ReadonlySet<string>;
  /** ClientToken → what the first call made (a reservation id, an AMI id): retries get the same answer. */
  readonly clientTokens = new Map<string, string>();

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {
    const seeded = seedNetwork(accountId, region);
    this.vpcs = [seeded.vpc];
    this.subnets = seeded.subnets;
    this.groups = [seeded.defaultGroup];
    this.kmsKeys = new Set(seeded.kmsKeys);
  }

  defaultVpc(): SandboxVpc | undefined {
    return this.vpcs.find((vpc) => vpc.isDefault);
  }

  liveInstances(): SandboxInstance[] {
    return [...this.instances.values()].filter((i) => i.state !== 'terminated');
  }
}

interface ImageJob {
  region: string;
  accountId: string;
  imageId: string;
  at: number;
}

/**
 * Everything the compute actions change, kept in memory per sandbox. Time moves lazily: each
 * request first applies the transitions that fell due (pending → running, shutting-down →
 * terminated, an AMI's pending → available), so no timer outlives the sandbox.
 */
export class ComputeWorld {
  readonly timing: ComputeTiming;
  private readonly regions = new Map<string, RegionCompute>();
  private imageJobs: ImageJob[] = [];
  private quotaFaults = 0;

  constructor(
    readonly catalog: SandboxCatalog,
    timing: Partial<ComputeTiming> = {},
    readonly now: () => number = Date.now,
  ) {
    this.timing = { ...DEFAULT_COMPUTE_TIMING, ...timing };
  }

  of(accountId: string, region: string): RegionCompute {
    const key = `${accountId}/${region}`;
    let state = this.regions.get(key);
    if (!state) {
      state = new RegionCompute(accountId, region);
      this.regions.set(key, state);
    }
    return state;
  }

  /** A fresh EC2-style id: `prefix-` and 17 hex digits. */
  newId(prefix: string): string {
    return `${prefix}-${randomBytes(9).toString('hex').slice(0, 17)}`;
  }

  /** The next `times` RunInstances calls hit the account's instance quota, whatever is running. */
  armQuota(times = 1): void {
    this.quotaFaults += times;
  }

  takeQuotaFault(): boolean {
    if (this.quotaFaults <= 0) return false;
    this.quotaFaults -= 1;
    return true;
  }

  clearFaults(): void {
    this.quotaFaults = 0;
  }

  /** Marks an own AMI to become available after `delayMs`. */
  scheduleImage(region: string, accountId: string, imageId: string, delayMs: number): void {
    this.imageJobs.push({ region, accountId, imageId, at: this.now() + delayMs });
  }

  /** Applies every transition that is due. Called before each action. */
  advance(): void {
    const now = this.now();
    for (const state of this.regions.values()) {
      for (const instance of state.instances.values()) {
        if (instance.next && instance.next.at <= now) applyTransition(instance, now);
        if (
          instance.terminatedAt !== undefined &&
          instance.terminatedAt + this.timing.terminatedVisibleMs < now
        ) {
          state.instances.delete(instance.instanceId);
        }
      }
    }
    const due = this.imageJobs.filter((job) => job.at <= now);
    this.imageJobs = this.imageJobs.filter((job) => job.at > now);
    for (const job of due) {
      const image = this.catalog.findOwnImage(job.region, job.accountId, job.imageId);
      if (image && image.state === 'pending' && !this.catalog.isDeregistered(image.imageId)) {
        this.catalog.putOwnImage(job.region, job.accountId, { ...image, state: 'available' });
      }
    }
  }
}

function applyTransition(instance: SandboxInstance, now: number): void {
  const next = instance.next;
  if (!next) return;
  instance.next = undefined;
  instance.state = next.state;
  if (next.reason) instance.stateReason = next.reason;
  if (next.state === 'running') {
    instance.stateReason = undefined;
    if (instance.wantsPublicIp) instance.publicIp = publicAddress();
  }
  if (next.state === 'terminated') {
    // A terminated instance has given back its public address; EC2 lists it for a while longer.
    instance.publicIp = undefined;
    instance.terminatedAt = now;
  }
}

/** A public address from a range EC2 uses in every region (3.x.x.x), drawn at random. */
function publicAddress(): string {
  const [a = 0, b = 0, c = 0] = randomBytes(3);
  return `3.${80 + (a % 160)}.${b}.${1 + (c % 254)}`;
}
