import { randomUUID } from 'node:crypto';
import { computeErrors } from './compute-arm-errors';
import {
  etag,
  groupOf,
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
import { AddressPool } from './address-pool';
import { buildNetworkInterface } from './network-interface';
import { seedResourceGroups } from './compute-seed';
import { seededSecurityGroups, seededVirtualNetworks } from './network-seed-resources';
import { checkSecurityRules, defaultSecurityRules } from './security-rules';

const NETWORK = 'Microsoft.Network';
const key = (id: string): string => id.toLowerCase();

/**
 * Microsoft.Network as far as launching goes: seeded virtual networks with subnets, network
 * security groups, public IP addresses and network interfaces. Writes answer 200/201 with
 * `Azure-AsyncOperation`; the resource reads Updating until the operation is done.
 */
export class AzureNetworkState {
  private readonly vnets: WireResource[];
  private readonly nsgs = new Map<string, WireResource>();
  private readonly pips = new Map<string, WireResource>();
  private readonly nics = new Map<string, WireResource>();
  readonly addresses = new AddressPool();

  constructor(private readonly ctx: ComputeContext) {
    const { subscriptionId, catalog } = ctx;
    for (const group of seedResourceGroups(catalog.locations))
      catalog.addResourceGroup(group.name, group.location);
    this.vnets = seededVirtualNetworks(subscriptionId, catalog.locations);
    for (const nsg of seededSecurityGroups(subscriptionId, catalog.locations))
      this.nsgs.set(key(nsg.id), nsg);
  }

  /** The state's context, for routes that check a write's location. */
  get context(): ComputeContext {
    return this.ctx;
  }

  get locations(): readonly string[] {
    return this.ctx.catalog.locations;
  }

  /** Creates the group (true) or leaves an existing one as it is (false). */
  putResourceGroup(name: string, location: string, tags: Record<string, string>): boolean {
    return this.ctx.catalog.addResourceGroup(name, location, tags);
  }

  /** A resource group as ARM returns it, or null when the subscription has none by that name. */
  resourceGroup(name: string): WireResource | null {
    if (!this.ctx.catalog.hasResourceGroup(name)) return null;
    const record = this.ctx.catalog.resourceGroup(name);
    const groupName = record?.name ?? name;
    return {
      id: `/subscriptions/${this.ctx.subscriptionId}/resourceGroups/${groupName}`,
      name: groupName,
      type: 'Microsoft.Resources/resourceGroups',
      location: record?.location ?? this.ctx.catalog.locations[0] ?? 'westeurope',
      tags: record?.tags ?? {},
      properties: { provisioningState: 'Succeeded' },
    };
  }

  virtualNetworks(resourceGroup?: string): WireResource[] {
    if (resourceGroup !== undefined) requireGroup(this.ctx, resourceGroup);
    return this.vnets.filter((v) => resourceGroup === undefined || same(groupOf(v.id), resourceGroup));
  }

  virtualNetwork(resourceGroup: string, name: string): WireResource {
    requireGroup(this.ctx, resourceGroup);
    const found = this.vnets.find((v) => same(groupOf(v.id), resourceGroup) && same(v.name, name));
    if (!found) throw computeErrors.notFound(`${NETWORK}/virtualNetworks`, name, resourceGroup);
    return found;
  }

  subnets(resourceGroup: string, vnet: string): Record<string, unknown>[] {
    return this.virtualNetwork(resourceGroup, vnet).properties.subnets as Record<string, unknown>[];
  }

  subnetById(id: string): (Record<string, unknown> & { properties: Record<string, unknown> }) | null {
    for (const vnet of this.vnets) {
      for (const subnet of vnet.properties.subnets as (Record<string, unknown> & {
        properties: Record<string, unknown>;
      })[]) {
        if (same(String(subnet.id), id)) return subnet;
      }
    }
    return null;
  }

  vnetOfSubnet(id: string): WireResource | null {
    return this.vnets.find((v) => id.toLowerCase().startsWith(`${v.id.toLowerCase()}/subnets/`)) ?? null;
  }

  list(kind: 'nsg' | 'pip' | 'nic', resourceGroup?: string): WireResource[] {
    if (resourceGroup !== undefined) requireGroup(this.ctx, resourceGroup);
    return [...this.store(kind).values()].filter(
      (r) => resourceGroup === undefined || same(groupOf(r.id), resourceGroup),
    );
  }

  get(kind: 'nsg' | 'pip' | 'nic', resourceGroup: string, name: string): WireResource {
    requireGroup(this.ctx, resourceGroup);
    const found = this.store(kind).get(key(this.idOf(kind, resourceGroup, name)));
    if (!found) throw computeErrors.notFound(`${NETWORK}/${TYPES[kind]}`, name, resourceGroup);
    return found;
  }

  byId(kind: 'nsg' | 'pip' | 'nic', id: string): WireResource | null {
    return this.store(kind).get(key(id)) ?? null;
  }

  putSecurityGroup(resourceGroup: string, name: string, body: unknown, apiVersion: string): WriteResult {
    requireGroup(this.ctx, resourceGroup);
    const location = requireLocation(this.ctx, body, `${NETWORK}/networkSecurityGroups`);
    const id = this.idOf('nsg', resourceGroup, name);
    const rules = checkSecurityRules(id, propertiesOf(body).securityRules);
    const existing = this.nsgs.get(key(id));
    const nsg: WireResource = {
      id,
      name,
      type: `${NETWORK}/networkSecurityGroups`,
      location,
      etag: etag(),
      tags: tagsOf(body),
      properties: {
        provisioningState: 'Updating',
        resourceGuid: (existing?.properties.resourceGuid as string | undefined) ?? randomUUID(),
        securityRules: rules,
        defaultSecurityRules: defaultSecurityRules(id),
        ...(existing?.properties.networkInterfaces
          ? { networkInterfaces: existing.properties.networkInterfaces }
          : {}),
      },
    };
    this.nsgs.set(key(id), nsg);
    return this.accepted(existing ? 200 : 201, nsg, location, apiVersion, () => {
      nsg.properties.provisioningState = 'Succeeded';
    });
  }

  putPublicIp(resourceGroup: string, name: string, body: unknown, apiVersion: string): WriteResult {
    requireGroup(this.ctx, resourceGroup);
    const location = requireLocation(this.ctx, body, `${NETWORK}/publicIPAddresses`);
    const id = this.idOf('pip', resourceGroup, name);
    const existing = this.pips.get(key(id));
    const given = propertiesOf(body);
    const sku = (body as { sku?: { name?: string } }).sku?.name ?? 'Standard';
    const pip: WireResource = {
      id,
      name,
      type: `${NETWORK}/publicIPAddresses`,
      location,
      etag: etag(),
      tags: tagsOf(body),
      sku: { name: sku, tier: 'Regional' },
      properties: {
        provisioningState: 'Updating',
        resourceGuid: randomUUID(),
        publicIPAddressVersion: given.publicIPAddressVersion ?? 'IPv4',
        publicIPAllocationMethod:
          given.publicIPAllocationMethod ?? (sku === 'Standard' ? 'Static' : 'Dynamic'),
        idleTimeoutInMinutes: given.idleTimeoutInMinutes ?? 4,
        ipTags: [],
        ...(existing?.properties.ipAddress ? { ipAddress: existing.properties.ipAddress } : {}),
        ...(existing?.properties.ipConfiguration
          ? { ipConfiguration: existing.properties.ipConfiguration }
          : {}),
      },
    };
    this.pips.set(key(id), pip);
    return this.accepted(existing ? 200 : 201, pip, location, apiVersion, () => {
      pip.properties.provisioningState = 'Succeeded';
      pip.properties.ipAddress ??= this.addresses.nextPublic();
    });
  }

  putNetworkInterface(resourceGroup: string, name: string, body: unknown, apiVersion: string): WriteResult {
    requireGroup(this.ctx, resourceGroup);
    const location = requireLocation(this.ctx, body, `${NETWORK}/networkInterfaces`);
    const id = this.idOf('nic', resourceGroup, name);
    const existing = this.nics.get(key(id));
    const nic = buildNetworkInterface(this, { id, name, location, body, existing });
    this.nics.set(key(id), nic);
    return this.accepted(existing ? 200 : 201, nic, location, apiVersion, () => undefined);
  }

  /** DELETE: 202 and gone once its operation is done; 204 when there was nothing to delete. */
  delete(kind: 'nsg' | 'pip' | 'nic', resourceGroup: string, name: string, apiVersion: string): WriteResult {
    requireGroup(this.ctx, resourceGroup);
    const id = this.idOf(kind, resourceGroup, name);
    const found = this.store(kind).get(key(id));
    if (!found) return { status: 204 };
    const users = found.properties.networkInterfaces as { id: string }[] | undefined;
    if (kind === 'nic' && refId(found.properties.virtualMachine))
      throw computeErrors.nicInUse(id, String(refId(found.properties.virtualMachine)));
    if (kind === 'pip' && refId(found.properties.ipConfiguration))
      throw computeErrors.publicIpInUse(id, String(refId(found.properties.ipConfiguration)));
    if (kind === 'nsg' && users?.length) throw computeErrors.nsgInUse(id, users.map((u) => u.id).join(', '));
    found.properties.provisioningState = 'Deleting';
    const headers = this.ctx.operations.start(
      NETWORK,
      found.location,
      this.ctx.delays.networkMs,
      () => {
        if (kind === 'nic') this.release(found);
        this.store(kind).delete(key(id));
      },
      { location: true, apiVersion },
    );
    return { status: 202, headers };
  }

  /** A VM takes (or lets go of) its network interface. */
  setVirtualMachine(nicId: string, vmId: string | null): void {
    const nic = this.nics.get(key(nicId));
    if (!nic) return;
    if (vmId) nic.properties.virtualMachine = { id: vmId };
    else delete nic.properties.virtualMachine;
  }

  /** Deleted along with its VM (`deleteOption: Delete`). */
  removeWithVm(nicId: string): void {
    const nic = this.nics.get(key(nicId));
    if (!nic) return;
    this.release(nic);
    this.nics.delete(key(nicId));
  }

  /** Lets go of what a network interface held: its subnet addresses, public IP and NSG. */
  release(nic: WireResource): void {
    for (const config of nic.properties.ipConfigurations as {
      id: string;
      properties: Record<string, unknown>;
    }[]) {
      const subnet = this.subnetById(refId(config.properties.subnet) ?? '');
      if (subnet) {
        subnet.properties.ipConfigurations = (subnet.properties.ipConfigurations as { id: string }[]).filter(
          (c) => !same(c.id, config.id),
        );
      }
      const pip = this.pips.get(key(refId(config.properties.publicIPAddress) ?? ''));
      if (pip) delete pip.properties.ipConfiguration;
    }
    const nsg = this.nsgs.get(key(refId(nic.properties.networkSecurityGroup) ?? ''));
    if (nsg?.properties.networkInterfaces) {
      nsg.properties.networkInterfaces = (nsg.properties.networkInterfaces as { id: string }[]).filter(
        (n) => !same(n.id, nic.id),
      );
    }
  }

  private accepted(
    status: number,
    resource: WireResource,
    location: string,
    apiVersion: string,
    finish: () => void,
  ): WriteResult {
    const headers = this.ctx.operations.start(NETWORK, location, this.ctx.delays.networkMs, finish, {
      apiVersion,
    });
    return { status, body: resource, headers };
  }

  private idOf(kind: 'nsg' | 'pip' | 'nic', resourceGroup: string, name: string): string {
    return resourceId(this.ctx.subscriptionId, resourceGroup, NETWORK, TYPES[kind], name);
  }

  private store(kind: 'nsg' | 'pip' | 'nic'): Map<string, WireResource> {
    return kind === 'nsg' ? this.nsgs : kind === 'pip' ? this.pips : this.nics;
  }
}

const TYPES = { nsg: 'networkSecurityGroups', pip: 'publicIPAddresses', nic: 'networkInterfaces' } as const;
