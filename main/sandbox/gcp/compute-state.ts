import { createPrng, type Prng } from '../prng';
import { GcpOperations } from './compute-operations';
import type {
  GcpDiskResource,
  GcpFirewallResource,
  GcpInstanceResource,
  GcpNetworkResource,
  GcpSubnetworkResource,
} from './compute-resources';
import { machineTypesOf, regionOfZone, seedNetworks } from './compute-seed';
import type { GcpCatalog } from './gcp-catalog';
import { pacificTimestamp } from './gcp-seed-builder';

/** How long the stand-in's long-running work takes; tests shorten it, the demo keeps it visible. */
export interface GcpComputeTiming {
  /** How long an operation stays PENDING / RUNNING before DONE. Default 600 ms. */
  operationMs?: number;
  /** PROVISIONING → STAGING → RUNNING after an insert. Default 2000 ms. */
  bootMs?: number;
  /** A captured image stays PENDING this long before READY. Default 1500 ms. */
  captureMs?: number;
  /** The longest a `wait` call holds before answering with an operation not yet DONE. Default 2000 ms. */
  waitCapMs?: number;
}

/** A quota the next inserts fail on, as an operation error (QUOTA_EXCEEDED). */
export interface GcpQuotaFault {
  metric?: 'CPUS' | 'INSTANCES' | 'SSD_TOTAL_GB';
  /** How many inserts it fails; 1 by default. */
  times?: number;
}

export interface InstanceRecord {
  resource: GcpInstanceResource;
  createdAt: number;
  /** Set by instances.delete: STOPPING until its operation removes the instance. */
  deleting: boolean;
}

export const DEFAULT_CPU_QUOTA = 24;

/**
 * One stand-in project's Compute Engine state, kept in memory: networks, firewalls, instances and
 * their disks, operations, and the project's regional CPU quota. Time moves lazily: `advance()`
 * runs before every request and applies whatever is due.
 */
export class GcpComputeState {
  readonly timing: Required<GcpComputeTiming>;
  readonly operations: GcpOperations;
  readonly networks = new Map<string, GcpNetworkResource>();
  /** By `region/name`. */
  readonly subnetworks = new Map<string, GcpSubnetworkResource>();
  readonly firewalls = new Map<string, GcpFirewallResource>();
  /** By `zone/name`. */
  readonly instances = new Map<string, InstanceRecord>();
  /** By `zone/name`. */
  readonly disks = new Map<string, GcpDiskResource>();
  /** Regional CPUS quota, as a new project has (24 vCPUs per region). */
  cpuQuota = DEFAULT_CPU_QUOTA;
  private readonly armedQuota: { metric: NonNullable<GcpQuotaFault['metric']>; remaining: number }[] = [];
  private readonly nextHost = new Map<string, number>();
  private readonly ipPrng: Prng;
  private idSeq = 0;

  constructor(
    readonly project: string,
    readonly user: string,
    readonly catalog: GcpCatalog,
    readonly reference: Date,
    timing: GcpComputeTiming = {},
    readonly now: () => number = Date.now,
  ) {
    this.timing = {
      operationMs: timing.operationMs ?? 600,
      bootMs: timing.bootMs ?? 2000,
      captureMs: timing.captureMs ?? 1500,
      waitCapMs: timing.waitCapMs ?? 2000,
    };
    this.operations = new GcpOperations(user, now);
    this.ipPrng = createPrng(`gce-ips:${project}`);
    const seeded = seedNetworks(project, reference);
    for (const n of seeded.networks) this.networks.set(n.name, n);
    for (const s of seeded.subnetworks) this.subnetworks.set(`${s.region.split('/').pop()}/${s.name}`, s);
    for (const f of seeded.firewalls) this.firewalls.set(f.name, f);
  }

  machineTypes(zone: string) {
    return machineTypesOf(this.project, zone, this.reference);
  }

  /** A fresh uint64-looking id for a new resource. */
  newId(): string {
    this.idSeq += 1;
    return String(BigInt(this.now()) * 1_000_000n + BigInt(this.idSeq));
  }

  /** Makes the next inserts fail with QUOTA_EXCEEDED, whatever they ask for. */
  armQuotaExceeded(fault: GcpQuotaFault = {}): void {
    this.armedQuota.push({ metric: fault.metric ?? 'CPUS', remaining: fault.times ?? 1 });
  }

  takeQuotaFault(): NonNullable<GcpQuotaFault['metric']> | undefined {
    const entry = this.armedQuota.find((q) => q.remaining > 0);
    if (!entry) return undefined;
    entry.remaining -= 1;
    return entry.metric;
  }

  /** vCPUs the region's instances hold (stopped ones too: GCE counts what is not deleted). */
  cpusInUse(region: string): number {
    let total = 0;
    for (const { resource } of this.instances.values()) {
      const zone = resource.zone.split('/').pop() ?? '';
      if (regionOfZone(zone) !== region) continue;
      const type = resource.machineType.split('/').pop() ?? '';
      total += this.machineTypes(zone).find((m) => m.name === type)?.guestCpus ?? 0;
    }
    return total;
  }

  /** The next free address of a subnetwork (.2 on: .0 is the network, .1 the gateway). */
  internalIp(subnet: GcpSubnetworkResource): string {
    const host = (this.nextHost.get(subnet.selfLink) ?? 1) + 1;
    this.nextHost.set(subnet.selfLink, host);
    const [base] = subnet.ipCidrRange.split('/');
    const parts = (base ?? '10.0.0.0').split('.').map(Number);
    const value =
      ((parts[0] ?? 0) << 24) + ((parts[1] ?? 0) << 16) + ((parts[2] ?? 0) << 8) + (parts[3] ?? 0) + host;
    return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
  }

  /** An ephemeral external address from one of Google's ranges. */
  externalIp(): string {
    const first = this.ipPrng.pick([34, 35]);
    return `${first}.${this.ipPrng.int(0, 255)}.${this.ipPrng.int(0, 255)}.${this.ipPrng.int(1, 254)}`;
  }

  /** Applies what is due: finished operations, and instances booting along their timeline. */
  advance(): void {
    this.operations.advance();
    const now = this.now();
    for (const record of this.instances.values()) {
      const r = record.resource;
      if (record.deleting || (r.status !== 'PROVISIONING' && r.status !== 'STAGING')) continue;
      const elapsed = now - record.createdAt;
      if (elapsed >= this.timing.bootMs) {
        r.status = 'RUNNING';
        r.lastStartTimestamp = pacificTimestamp(new Date(record.createdAt + this.timing.bootMs));
        r.cpuPlatform = r.machineType.includes('/t2a-') ? 'Ampere Altra' : 'Intel Broadwell';
      } else if (elapsed >= this.timing.bootMs * 0.4) {
        r.status = 'STAGING';
      }
      if (r.status !== 'PROVISIONING') {
        for (const attached of r.disks) {
          const disk = this.disks.get(
            `${r.zone.split('/').pop() ?? ''}/${attached.source.split('/').pop() ?? ''}`,
          );
          if (disk && disk.status === 'CREATING') disk.status = 'READY';
        }
      }
    }
  }
}
