import type { NeutronState } from './neutron-state';
import { SEED_FLAVORS, type SeedFlavor } from './nova-seed';

/**
 * One region's Nova, in memory: servers with a build that advances with the clock (BUILD:
 * scheduling → networking → spawning, then ACTIVE or ERROR), deletions that take a moment,
 * snapshots in progress, per-user key pairs, and per-project quotas. States are computed from
 * timestamps when asked, so nothing needs a timer and every instance is independent.
 */

export interface NovaTiming {
  /** From POST /servers to ACTIVE. */
  buildMs: number;
  /** From DELETE to the server being gone (404). */
  deleteMs: number;
  /** From createImage to the snapshot's upload finishing. */
  snapshotMs: number;
}

export interface NovaQuota {
  instances: number;
  cores: number;
  ram: number;
  key_pairs: number;
  metadata_items: number;
}

export interface ServerPort {
  portId: string;
  networkName: string;
  /** Nova made it (deleted with the server) or was handed it (kept, unbound). */
  ownedByNova: boolean;
}

export interface NovaServer {
  id: string;
  name: string;
  projectId: string;
  userId: string;
  imageId: string;
  /** The boot image's properties (Nova keeps them as image_* system metadata for snapshots). */
  imageProperties: Record<string, unknown>;
  flavor: SeedFlavor;
  keyName: string | null;
  securityGroups: string[];
  metadata: Record<string, string>;
  ports: ServerPort[];
  volumes: { id: string; size: number; type: string }[];
  reservationId: string;
  hostId: string;
  createdAt: number;
  /** Why the build fails, when it does (an armed build fault). */
  failure: string | null;
  deletingSince: number | null;
  snapshotUntil: number | null;
}

export interface NovaKeyPair {
  name: string;
  userId: string;
  publicKey: string;
  fingerprint: string;
  type: 'ssh' | 'x509';
  createdAt: number;
}

export interface ServerPhase {
  status: 'BUILD' | 'ACTIVE' | 'ERROR';
  taskState: string | null;
  vmState: 'building' | 'active' | 'error';
  powerState: 0 | 1;
  /** Addresses are visible once networking is done. */
  networked: boolean;
  launchedAt: number | null;
}

export class NovaState {
  readonly flavors: SeedFlavor[] = SEED_FLAVORS.map((flavor) => ({
    ...flavor,
    extraSpecs: { ...flavor.extraSpecs },
  }));
  readonly servers = new Map<string, NovaServer>();
  /** userId → name → key pair. */
  readonly keyPairs = new Map<string, Map<string, NovaKeyPair>>();
  /** Nova's defaults; tests lower them to provoke "Quota exceeded". */
  readonly quota: NovaQuota = { instances: 10, cores: 20, ram: 51_200, key_pairs: 100, metadata_items: 128 };
  /** Build failures to hand out, one per server launched next (the scheduler's "No valid host"). */
  readonly buildFailures: string[] = [];

  constructor(
    readonly timing: NovaTiming,
    private readonly neutron: NeutronState,
  ) {}

  phase(server: NovaServer, now: number): ServerPhase {
    const age = now - server.createdAt;
    const { buildMs } = this.timing;
    const deleting = server.deletingSince !== null ? 'deleting' : null;
    if (server.failure !== null && age >= buildMs / 2)
      return {
        status: 'ERROR',
        taskState: deleting,
        vmState: 'error',
        powerState: 0,
        networked: false,
        launchedAt: null,
      };
    if (age < buildMs) {
      const task = age < buildMs * 0.2 ? 'scheduling' : age < buildMs * 0.5 ? 'networking' : 'spawning';
      return {
        status: 'BUILD',
        taskState: deleting ?? task,
        vmState: 'building',
        powerState: 0,
        networked: task === 'spawning',
        launchedAt: null,
      };
    }
    let taskState: string | null = deleting;
    if (!taskState && server.snapshotUntil !== null && now < server.snapshotUntil) {
      const left = server.snapshotUntil - now;
      taskState = left > this.timing.snapshotMs * 0.7 ? 'image_snapshot' : 'image_uploading';
    }
    return {
      status: 'ACTIVE',
      taskState,
      vmState: 'active',
      powerState: 1,
      networked: true,
      launchedAt: server.createdAt + buildMs,
    };
  }

  /** Servers whose deletion has finished leave, with the ports Nova made for them. */
  reap(now: number): void {
    for (const server of [...this.servers.values()]) {
      if (server.deletingSince === null || now - server.deletingSince < this.timing.deleteMs) continue;
      for (const port of server.ports) {
        const held = this.neutron.ports.get(port.portId);
        if (!held) continue;
        if (port.ownedByNova) this.neutron.deletePort(port.portId);
        else Object.assign(held, { device_id: '', device_owner: '' });
      }
      this.servers.delete(server.id);
    }
  }

  /** What a project's servers use now, as Nova counts it for quota (deleting ones still count). */
  usage(projectId: string): { instances: number; cores: number; ram: number } {
    const mine = [...this.servers.values()].filter((server) => server.projectId === projectId);
    return {
      instances: mine.length,
      cores: mine.reduce((sum, server) => sum + server.flavor.vcpus, 0),
      ram: mine.reduce((sum, server) => sum + server.flavor.ram, 0),
    };
  }

  keyPairsOf(userId: string): Map<string, NovaKeyPair> {
    let pairs = this.keyPairs.get(userId);
    if (!pairs) {
      pairs = new Map();
      this.keyPairs.set(userId, pairs);
    }
    return pairs;
  }
}
