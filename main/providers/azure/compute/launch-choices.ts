import type { ResourceSku, VirtualMachineSize } from '@azure/arm-compute';
import type { SecurityRule } from '@azure/arm-network';
import type { FirewallRule, Flavor, NetworkChoice, SecurityGroupChoice } from '../../compute-driver';
import { allPages } from '../paged-listing';
import { normaliseLocation } from '../private-image-mapper';
import type { AzureComputeClients } from './azure-compute-clients';
import { hangarGroupFor, parseResourceRef } from './compute-ids';
import { invalidRequest } from './compute-errors';
import { isNotFound } from './compute-session';
import { checkAzureTags } from './launch-bodies';

/** Subnets Azure reserves for its own gateways and firewalls: no VM may use them. */
const RESERVED_SUBNETS = new Set([
  'gatewaysubnet',
  'azurebastionsubnet',
  'azurefirewallsubnet',
  'routeserversubnet',
]);
const DESCRIPTION_TAG = 'hangar-description';
const NSG_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,78}[A-Za-z0-9_]$|^[A-Za-z0-9]$/;

const architectureOf = (sku: ResourceSku | undefined): string | null => {
  const value = sku?.capabilities?.find((c) => c.name === 'CpuArchitectureType')?.value?.toLowerCase();
  return value === 'arm64' ? 'arm64' : value === 'x64' ? 'x86_64' : null;
};

/** Offered in the location but not to this subscription: no launch would be accepted. */
const restricted = (sku: ResourceSku | undefined, location: string): boolean =>
  sku?.restrictions?.some(
    (r) =>
      r.reasonCode === 'NotAvailableForSubscription' &&
      r.type === 'Location' &&
      (r.values ?? []).some((v) => normaliseLocation(v) === location),
  ) ?? false;

/**
 * VM sizes of a location (cores and memory from virtualMachineSizes, architecture and this
 * subscription's restrictions from Resource SKUs), smallest first.
 */
export async function listAzureFlavors(
  { compute }: AzureComputeClients,
  location: string,
  signal?: AbortSignal,
): Promise<Flavor[]> {
  const [sizes, skus] = await Promise.all([
    allPages<VirtualMachineSize & { id?: string }>(
      (onResponse) => compute.virtualMachineSizes.list(location, { abortSignal: signal, onResponse }),
      `the VM sizes of ${location}`,
      signal,
    ),
    allPages<ResourceSku & { id?: string }>(
      (onResponse) =>
        compute.resourceSkus.list({ filter: `location eq '${location}'`, abortSignal: signal, onResponse }),
      `the resource SKUs of ${location}`,
      signal,
    ),
  ]);
  const vmSkus = new Map(
    skus.filter((s) => s.resourceType === 'virtualMachines').map((s) => [(s.name ?? '').toLowerCase(), s]),
  );
  return sizes
    .filter((size) => size.name && (size.numberOfCores ?? 0) > 0 && (size.memoryInMB ?? 0) > 0)
    .filter((size) => !restricted(vmSkus.get(size.name!.toLowerCase()), location))
    .map((size) => ({
      id: size.name!,
      name: size.name!,
      vcpus: size.numberOfCores!,
      memoryMiB: size.memoryInMB!,
      // Azure's OS disk comes from the image; the size's own disk is the temporary one.
      diskGb: null,
      architecture: architectureOf(vmSkus.get(size.name!.toLowerCase())),
    }))
    .sort((a, b) => a.vcpus - b.vcpus || a.memoryMiB - b.memoryMiB || a.name.localeCompare(b.name));
}

/** Virtual networks in the location with the subnets a VM may join. */
export async function listAzureNetworks(
  { network }: AzureComputeClients,
  location: string,
  signal?: AbortSignal,
): Promise<NetworkChoice[]> {
  const vnets = await allPages(
    (onResponse) => network.virtualNetworks.listAll({ abortSignal: signal, onResponse }),
    'virtual networks',
    signal,
  );
  return vnets
    .filter((vnet) => normaliseLocation(vnet.location ?? '') === location)
    .map((vnet) => ({
      id: vnet.id ?? '',
      name: `${vnet.name ?? ''} (${parseResourceRef(vnet.id ?? '')?.resourceGroup ?? ''})`,
      subnets: (vnet.subnets ?? [])
        .filter((subnet) => !RESERVED_SUBNETS.has((subnet.name ?? '').toLowerCase()))
        .map((subnet) => ({
          id: subnet.id ?? '',
          name: subnet.name ?? '',
          cidr: subnet.addressPrefix ?? subnet.addressPrefixes?.[0] ?? null,
        })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Network security groups of the location. An NSG belongs to a location, not to a network (any
 * NIC or subnet in the location may use it), so `networkId` is null and the filter is the location.
 */
export async function listAzureSecurityGroups(
  { network }: AzureComputeClients,
  location: string,
): Promise<SecurityGroupChoice[]> {
  const groups = await allPages(
    (onResponse) => network.networkSecurityGroups.listAll({ onResponse }),
    'network security groups',
  );
  return groups
    .filter((group) => normaliseLocation(group.location ?? '') === location)
    .map((group) => ({
      id: group.id ?? '',
      name: group.name ?? '',
      description:
        group.tags?.[DESCRIPTION_TAG] ??
        `${group.securityRules?.length ?? 0} rules, resource group ${parseResourceRef(group.id ?? '')?.resourceGroup ?? ''}`,
      networkId: null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Inbound allow rules, 1000, 1010, 1020 … (room between them for rules added in the portal). */
export function securityRulesFor(rules: FirewallRule[]): SecurityRule[] {
  if (rules.length > 300) throw invalidRequest('Hangar creates at most 300 rules in one security group.');
  return rules.map((rule, index) => {
    if (!Number.isInteger(rule.fromPort) || !Number.isInteger(rule.toPort) || rule.fromPort < 0)
      throw invalidRequest(`Rule ${index + 1}: ports must be whole numbers from 0 to 65535.`);
    if (rule.toPort > 65_535 || rule.fromPort > rule.toPort)
      throw invalidRequest(`Rule ${index + 1}: the port range ${rule.fromPort}-${rule.toPort} is not valid.`);
    const ports =
      rule.protocol === 'icmp'
        ? '*'
        : rule.fromPort === rule.toPort
          ? `${rule.fromPort}`
          : `${rule.fromPort}-${rule.toPort}`;
    return {
      name: `hangar-${index + 1}-${rule.protocol}-${ports === '*' ? 'any' : ports}`,
      priority: 1000 + index * 10,
      direction: 'Inbound',
      access: 'Allow',
      protocol: rule.protocol === 'tcp' ? 'Tcp' : rule.protocol === 'udp' ? 'Udp' : 'Icmp',
      sourceAddressPrefix: rule.cidr,
      sourcePortRange: '*',
      destinationAddressPrefix: '*',
      destinationPortRange: ports,
    };
  });
}

/** A new NSG in the location's Hangar resource group; refused if one of that name is already there. */
export async function createAzureSecurityGroup(
  clients: AzureComputeClients,
  location: string,
  group: { name: string; description: string; rules: FirewallRule[] },
  lro: { updateIntervalInMs: number },
): Promise<SecurityGroupChoice> {
  if (!NSG_NAME.test(group.name))
    throw invalidRequest(
      'Name the security group with 1 to 80 letters, digits, dots, dashes or underscores, starting with a letter or digit.',
    );
  const securityRules = securityRulesFor(group.rules);
  const tags: Record<string, string> = group.description
    ? { [DESCRIPTION_TAG]: group.description.slice(0, 256) }
    : {};
  checkAzureTags(tags);
  const resourceGroup = hangarGroupFor(location);
  await clients.ensureResourceGroup(resourceGroup, location);
  const existing = await clients.network.networkSecurityGroups
    .get(resourceGroup, group.name)
    .catch((error) => {
      if (isNotFound(error, clients)) return null;
      throw error;
    });
  if (existing)
    throw invalidRequest(
      `A network security group named ${group.name} already exists in ${resourceGroup}: choose another name.`,
    );
  const poller = await clients.network.networkSecurityGroups.beginCreateOrUpdate(
    resourceGroup,
    group.name,
    { location, tags, securityRules },
    lro,
  );
  const created = await poller.pollUntilDone();
  return {
    id: created.id ?? '',
    name: created.name ?? group.name,
    description: group.description,
    networkId: null,
  };
}
