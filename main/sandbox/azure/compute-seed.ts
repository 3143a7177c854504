/**
 * What the stand-in's subscription holds before anyone launches: VM sizes per location (with the
 * Resource SKUs that say which ones this subscription may not use), a hub virtual network per
 * location, two network security groups per location and a disk encryption set. Plain tables,
 * so every run serves the same answers.
 */

export interface SeedSize {
  name: string;
  family: string;
  cores: number;
  memoryMiB: number;
  /** The temporary disk, MiB (0 for the v5 sizes without one). */
  resourceDiskMiB: number;
  maxDataDisks: number;
  architecture: 'x64' | 'Arm64';
  /** Locations that do not offer it; all do when absent. */
  notIn?: readonly string[];
  /** Offered, but not to this subscription (Resource SKU restriction NotAvailableForSubscription). */
  restricted?: boolean;
}

type SizeRow = [string, string, number, number, number, number, 'x64' | 'Arm64', string[]?, boolean?];

/** name, family, vCPUs, memory MiB, temp disk MiB, max data disks, architecture, not in, restricted. */
const SIZE_ROWS: readonly SizeRow[] = [
  ['Standard_B1s', 'standardBSFamily', 1, 1024, 4096, 2, 'x64'],
  ['Standard_B2s', 'standardBSFamily', 2, 4096, 8192, 4, 'x64'],
  ['Standard_B2ms', 'standardBSFamily', 2, 8192, 16384, 4, 'x64'],
  ['Standard_D2s_v5', 'standardDSv5Family', 2, 8192, 0, 4, 'x64'],
  ['Standard_D4s_v5', 'standardDSv5Family', 4, 16384, 0, 8, 'x64'],
  ['Standard_D8s_v5', 'standardDSv5Family', 8, 32768, 0, 16, 'x64'],
  ['Standard_D16s_v5', 'standardDSv5Family', 16, 65536, 0, 32, 'x64'],
  ['Standard_D2as_v5', 'standardDASv5Family', 2, 8192, 0, 4, 'x64'],
  ['Standard_E2s_v5', 'standardESv5Family', 2, 16384, 0, 4, 'x64'],
  ['Standard_E4s_v5', 'standardESv5Family', 4, 32768, 0, 8, 'x64'],
  ['Standard_F2s_v2', 'standardFSv2Family', 2, 4096, 16384, 4, 'x64'],
  ['Standard_F4s_v2', 'standardFSv2Family', 4, 8192, 32768, 8, 'x64'],
  ['Standard_D2ps_v5', 'standardDPSv5Family', 2, 8192, 0, 4, 'Arm64', ['northeurope']],
  ['Standard_D4ps_v5', 'standardDPSv5Family', 4, 16384, 0, 8, 'Arm64', ['northeurope']],
  ['Standard_NC6s_v3', 'standardNCSv3Family', 6, 114688, 344064, 12, 'x64', [], true],
  ['Standard_M128s', 'standardMSFamily', 128, 2048000, 4194304, 64, 'x64', ['northeurope'], true],
];

export const SEED_SIZES: readonly SeedSize[] = SIZE_ROWS.map(
  ([name, family, cores, memoryMiB, resourceDiskMiB, maxDataDisks, architecture, notIn, restricted]) => ({
    name,
    family,
    cores,
    memoryMiB,
    resourceDiskMiB,
    maxDataDisks,
    architecture,
    notIn,
    restricted,
  }),
);

/** Cores this subscription may use per family and location, for the quota refusal's wording. */
export const FAMILY_CORE_LIMIT = 10;

export function sizesIn(location: string): SeedSize[] {
  return SEED_SIZES.filter((size) => !size.notIn?.includes(location.toLowerCase()));
}

export function sizeNamed(location: string, name: string): SeedSize | null {
  return sizesIn(location).find((size) => size.name.toLowerCase() === name.toLowerCase()) ?? null;
}

/** `GET …/locations/{location}/vmSizes`: every size the region offers, restricted or not. */
export function vmSizeBody(size: SeedSize): Record<string, unknown> {
  return {
    name: size.name,
    numberOfCores: size.cores,
    osDiskSizeInMB: 1047552,
    resourceDiskSizeInMB: size.resourceDiskMiB,
    memoryInMB: size.memoryMiB,
    maxDataDiskCount: size.maxDataDisks,
  };
}

/** `GET …/providers/Microsoft.Compute/skus`: the same sizes with capabilities and restrictions. */
export function resourceSkuBody(size: SeedSize, location: string): Record<string, unknown> {
  const capability = (name: string, value: string | number) => ({ name, value: String(value) });
  return {
    resourceType: 'virtualMachines',
    name: size.name,
    tier: 'Standard',
    size: size.name.replace(/^Standard_/, ''),
    family: size.family,
    locations: [location],
    locationInfo: [{ location, zones: ['1', '2', '3'], zoneDetails: [] }],
    capabilities: [
      capability('MaxResourceVolumeMB', size.resourceDiskMiB),
      capability('OSVhdSizeMB', 1047552),
      capability('vCPUs', size.cores),
      capability('HyperVGenerations', size.architecture === 'Arm64' ? 'V2' : 'V1,V2'),
      capability('MemoryGB', size.memoryMiB / 1024),
      capability('MaxDataDiskCount', size.maxDataDisks),
      capability('CpuArchitectureType', size.architecture),
      capability('PremiumIO', 'True'),
      capability('vCPUsAvailable', size.cores),
      capability('AcceleratedNetworkingEnabled', size.cores >= 2 ? 'True' : 'False'),
    ],
    restrictions: size.restricted
      ? [
          {
            type: 'Location',
            values: [location],
            restrictionInfo: { locations: [location] },
            reasonCode: 'NotAvailableForSubscription',
          },
        ]
      : [],
  };
}

/** Disk SKUs the real list interleaves with VM sizes; a driver must pick out `virtualMachines`. */
export function diskSkuBodies(location: string): Record<string, unknown>[] {
  return ['Premium_LRS', 'StandardSSD_LRS', 'Standard_LRS'].map((name) => ({
    resourceType: 'disks',
    name,
    tier: name.split('_')[0],
    size: name === 'Premium_LRS' ? 'P10' : 'E10',
    family: name === 'Premium_LRS' ? 'PremiumDisk' : 'StandardDisk',
    locations: [location],
    locationInfo: [{ location, zones: ['1', '2', '3'] }],
    capabilities: [{ name: 'MaxSizeGiB', value: '128' }],
    restrictions: [],
  }));
}

export interface SeedSubnet {
  name: string;
  prefix: string;
}

export interface SeedNetwork {
  resourceGroup: string;
  name: string;
  location: string;
  addressPrefix: string;
  subnets: SeedSubnet[];
}

/** A hub network per location (10.N.0.0/16), and an AKS spoke in the first location. */
export function seedNetworks(locations: readonly string[]): SeedNetwork[] {
  const networks: SeedNetwork[] = [];
  locations.forEach((location, index) => {
    const octet = 10 + index;
    networks.push({
      resourceGroup: `rg-network-${location}`,
      name: `vnet-hub-${location}`,
      location,
      addressPrefix: `10.${octet}.0.0/16`,
      subnets: [
        { name: 'default', prefix: `10.${octet}.0.0/24` },
        { name: 'snet-app', prefix: `10.${octet}.1.0/24` },
        { name: 'snet-data', prefix: `10.${octet}.2.0/24` },
        { name: 'GatewaySubnet', prefix: `10.${octet}.255.0/27` },
      ],
    });
    if (index === 0) {
      networks.push({
        resourceGroup: `rg-network-${location}`,
        name: `vnet-aks-${location}`,
        location,
        addressPrefix: '10.100.0.0/16',
        subnets: [{ name: 'snet-aks-nodes', prefix: '10.100.0.0/22' }],
      });
    }
  });
  return networks;
}

export interface SeedRule {
  name: string;
  priority: number;
  protocol: string;
  port: string;
  source: string;
}

export interface SeedSecurityGroup {
  resourceGroup: string;
  name: string;
  location: string;
  rules: SeedRule[];
}

export function seedSecurityGroups(locations: readonly string[]): SeedSecurityGroup[] {
  return locations.flatMap((location) => [
    {
      resourceGroup: `rg-network-${location}`,
      name: `nsg-web-${location}`,
      location,
      rules: [
        { name: 'allow-https', priority: 100, protocol: 'Tcp', port: '443', source: 'Internet' },
        { name: 'allow-http', priority: 110, protocol: 'Tcp', port: '80', source: 'Internet' },
      ],
    },
    {
      resourceGroup: `rg-network-${location}`,
      name: `nsg-admin-ssh-${location}`,
      location,
      rules: [
        { name: 'allow-ssh-office', priority: 100, protocol: 'Tcp', port: '22', source: '203.0.113.0/24' },
      ],
    },
  ]);
}

/** Resource groups that exist from the start (besides the catalog's image groups). */
export function seedResourceGroups(locations: readonly string[]): { name: string; location: string }[] {
  return [
    ...locations.map((location) => ({ name: `rg-network-${location}`, location })),
    { name: 'rg-security', location: locations[0] ?? 'westeurope' },
  ];
}

/** One customer-managed-key disk encryption set per location. */
export function diskEncryptionSetId(subscriptionId: string, location: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/rg-security/providers/Microsoft.Compute/diskEncryptionSets/des-cmk-${location}`;
}
