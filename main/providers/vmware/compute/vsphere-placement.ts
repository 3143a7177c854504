import { CloudError } from '../../driver';
import type { Mor } from '../vim-session';
import { propMor } from './vim-values';
import type { InventoryEntry, NetworkEntry, VsphereInventory } from './vsphere-inventory';

/**
 * Where a new VM goes: a datacenter's VM folder and a resource pool (a cluster's or standalone
 * host's root pool, or a pool the user named), optionally a host. Resolved from the launch's
 * compute resource (a moid or a name, optionally "Datacenter/Name"), else from the datacenter of
 * the chosen network or of the template, taking that datacenter's first cluster.
 */
export interface Placement {
  datacenter: InventoryEntry;
  folder: Mor;
  pool: Mor;
  host: Mor | null;
  /** "DC0 / DC0_C0", for messages. */
  label: string;
}

const COMPUTE_TYPES = ['ClusterComputeResource', 'ComputeResource', 'ResourcePool', 'HostSystem'];

const refuse = (message: string): CloudError => new CloudError({ code: 'invalid-request', message });

const names = (entries: { name: string; ref: Mor }[]): string =>
  entries
    .slice(0, 8)
    .map((entry) => `"${entry.name}" (${entry.ref.value})`)
    .join(', ') || 'none';

/** A named compute object, honouring a "Datacenter/Name" prefix and refusing an ambiguous name. */
function findComputeResource(inventory: VsphereInventory, wanted: string): InventoryEntry {
  const slash = wanted.indexOf('/');
  const [dcName, id] = slash > 0 ? [wanted.slice(0, slash), wanted.slice(slash + 1)] : [null, wanted];
  const found = inventory
    .find(id, COMPUTE_TYPES)
    .filter((entry) => dcName === null || inventory.datacenterOf(entry.ref)?.name === dcName);
  const clusters = inventory.all('ClusterComputeResource', 'ComputeResource');
  if (found.length === 0)
    throw refuse(
      `Compute resource "${wanted}" was not found in vCenter: name a cluster, host or resource pool that exists (clusters: ${names(clusters)}).`,
    );
  if (found.length > 1)
    throw refuse(
      `Several compute resources are called "${wanted}" (${names(found)}): give its id, or write it as Datacenter/${id}.`,
    );
  return found[0] as InventoryEntry;
}

function placementIn(inventory: VsphereInventory, entry: InventoryEntry): Placement {
  const datacenter = inventory.datacenterOf(entry.ref);
  const folder = datacenter ? propMor(datacenter.object, 'vmFolder') : null;
  if (!datacenter || !folder)
    throw refuse(`Compute resource "${entry.name}" belongs to no datacenter Hangar can see.`);
  let pool: Mor | null = null;
  let host: Mor | null = null;
  if (entry.ref.type === 'ResourcePool') pool = entry.ref;
  else if (entry.ref.type === 'HostSystem') {
    host = entry.ref;
    const parent = inventory.get(propMor(entry.object, 'parent'));
    pool = parent ? propMor(parent.object, 'resourcePool') : null;
  } else pool = propMor(entry.object, 'resourcePool');
  if (!pool) throw refuse(`Compute resource "${entry.name}" has no resource pool to place a VM in.`);
  return { datacenter, folder, pool, host, label: `${datacenter.name} / ${entry.name}` };
}

/**
 * The placement for a launch. `hint` is the datacenter the network or template points at; without
 * one, the first datacenter vCenter lists.
 */
export function resolvePlacement(
  inventory: VsphereInventory,
  computeResource: string | null,
  hint: InventoryEntry | null,
): Placement {
  if (computeResource?.trim())
    return placementIn(inventory, findComputeResource(inventory, computeResource.trim()));
  const datacenter = hint ?? inventory.datacenters()[0];
  if (!datacenter) throw refuse('vCenter shows no datacenter to place a VM in.');
  const inDatacenter = (type: string) =>
    inventory
      .all(type)
      .filter((entry) => inventory.datacenterOf(entry.ref)?.ref.value === datacenter.ref.value);
  const target = inDatacenter('ClusterComputeResource')[0] ?? inDatacenter('ComputeResource')[0];
  if (!target)
    throw refuse(
      `Datacenter "${datacenter.name}" has no cluster or host to place a VM in: name a compute resource.`,
    );
  return placementIn(inventory, target);
}

/**
 * The network a launch asked for, by moid or name. A name is looked up in `datacenter` first
 * (port group names repeat across datacenters); when the datacenter is fixed, a network of another
 * datacenter is refused, because a VM can only join port groups its own datacenter has.
 */
export function resolveNetwork(
  inventory: VsphereInventory,
  networkId: string,
  datacenter: InventoryEntry | null,
  /** True when the datacenter is fixed (a compute resource was named); false when it is a preference. */
  strict: boolean,
): NetworkEntry {
  const all = inventory.networks();
  const byMoid = all.filter((network) => network.ref.value === networkId);
  const byName = all.filter((network) => network.name === networkId);
  const candidates = byMoid.length > 0 ? byMoid : byName;
  const inDatacenter = datacenter
    ? candidates.filter((network) => network.datacenter.ref.value === datacenter.ref.value)
    : candidates;
  const local = inDatacenter.length === 0 && !strict ? candidates : inDatacenter;
  if (candidates.length === 0)
    throw refuse(
      `Network "${networkId}" was not found in vCenter: choose a port group from the list (${names(all)}).`,
    );
  if (local.length === 0)
    throw refuse(
      `Network "${networkId}" is in datacenter ${candidates[0]?.datacenter.name}, but the server goes to ${datacenter?.name}: choose a port group of ${datacenter?.name}, or a compute resource of ${candidates[0]?.datacenter.name}.`,
    );
  if (local.length > 1)
    throw refuse(`Several port groups are called "${networkId}" (${names(local)}): choose one by its id.`);
  return local[0] as NetworkEntry;
}
