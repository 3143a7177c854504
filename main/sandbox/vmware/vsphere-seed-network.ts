import { createPrng } from '../prng';
import type { SeedDatacenter } from './vsphere-seed';

/**
 * Where the stand-in's VMs can go: per datacenter a network folder with the standard "VM Network",
 * one distributed switch with its uplink port group and VLAN-backed port groups, and per cluster
 * its root resource pool ("Resources", as vCenter names every one) plus a few child pools.
 * Deterministic, from its own PRNG stream so the template catalog's ids do not move.
 */
export interface SeedNetwork {
  moid: string;
  name: string;
  kind: 'standard' | 'distributed' | 'uplink';
  datacenterMoid: string;
  /** The distributed switch of a port group. */
  switchMoid: string | null;
  vlan: number;
}

export interface SeedSwitch {
  moid: string;
  name: string;
  /** "50 2c 6a … -… " as vCenter formats DVS UUIDs. */
  uuid: string;
  datacenterMoid: string;
}

export interface SeedPool {
  moid: string;
  name: string;
  /** mor:ClusterComputeResource=… for a root pool, mor:ResourcePool=… for a child. */
  parent: string;
  clusterMoid: string;
  datacenterMoid: string;
}

export interface SeedPlacement {
  networks: SeedNetwork[];
  switches: SeedSwitch[];
  pools: SeedPool[];
}

const num = (moid: string): number => Number(moid.replace(/\D/g, ''));

/** vCenter numbers a datacenter's folders right after it: …, network folder = datacenter + 3. */
export const networkFolderOf = (datacenterMoid: string): string => `group-n${num(datacenterMoid) + 3}`;

const PORT_GROUPS: Record<string, [name: string, vlan: number][]> = {
  ams: [
    ['pg-app-vlan110', 110],
    ['pg-db-vlan120', 120],
    ['pg-dmz-vlan130', 130],
  ],
  fra: [
    ['pg-app-vlan210', 210],
    ['pg-db-vlan220', 220],
  ],
};

const CHILD_POOLS = ['Web tier', 'Databases'];

export function buildPlacement(datacenters: readonly SeedDatacenter[], seed: string): SeedPlacement {
  const prng = createPrng(`${seed}:placement`);
  const placement: SeedPlacement = { networks: [], switches: [], pools: [] };
  for (const dc of datacenters) {
    const n = num(dc.moid);
    const code = (dc.hosts[0]?.name.split('-')[1] ?? 'dc').toLowerCase();
    const uuidBytes = Array.from({ length: 16 }, () => prng.hex(2));
    const dvs: SeedSwitch = {
      moid: `dvs-${n * 10 + 2}`,
      name: `${code}-dvs01`,
      uuid: `${uuidBytes.slice(0, 8).join(' ')}-${uuidBytes.slice(8).join(' ')}`,
      datacenterMoid: dc.moid,
    };
    placement.switches.push(dvs);
    placement.networks.push(
      {
        moid: `network-${n * 10 + 1}`,
        name: 'VM Network',
        kind: 'standard',
        datacenterMoid: dc.moid,
        switchMoid: null,
        vlan: 0,
      },
      {
        moid: `dvportgroup-${n * 10 + 3}`,
        name: `${dvs.name}-DVUplinks`,
        kind: 'uplink',
        datacenterMoid: dc.moid,
        switchMoid: dvs.moid,
        vlan: 0,
      },
      ...(PORT_GROUPS[code] ?? []).map(([name, vlan], i) => ({
        moid: `dvportgroup-${n * 10 + 4 + i}`,
        name,
        kind: 'distributed' as const,
        datacenterMoid: dc.moid,
        switchMoid: dvs.moid,
        vlan,
      })),
    );
    for (const cluster of dc.clusters) {
      const c = num(cluster.moid);
      const root: SeedPool = {
        moid: `resgroup-${c}`,
        name: 'Resources',
        parent: `mor:ClusterComputeResource=${cluster.moid}`,
        clusterMoid: cluster.moid,
        datacenterMoid: dc.moid,
      };
      placement.pools.push(root);
      if (cluster === dc.clusters[0])
        placement.pools.push(
          ...CHILD_POOLS.map((name, i) => ({
            moid: `resgroup-${c * 100 + i + 1}`,
            name,
            parent: `mor:ResourcePool=${root.moid}`,
            clusterMoid: cluster.moid,
            datacenterMoid: dc.moid,
          })),
        );
    }
  }
  return placement;
}
