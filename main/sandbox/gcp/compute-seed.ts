import { createPrng } from '../prng';
import {
  regionOfZone,
  urls,
  type GcpFirewallResource,
  type GcpMachineTypeResource,
  type GcpNetworkResource,
  type GcpSubnetworkResource,
} from './compute-resources';
import { addDays, numericId, pacificTimestamp } from './gcp-seed-builder';

/** The regions the stand-in offers, with their zones and the auto-mode default network's range. */
export const GCE_REGIONS: Record<string, { zones: readonly string[]; autoRange: string }> = {
  'us-central1': { zones: ['a', 'b', 'c', 'f'], autoRange: '10.128.0.0/20' },
  'europe-west1': { zones: ['b', 'c', 'd'], autoRange: '10.132.0.0/20' },
  'us-west1': { zones: ['a', 'b', 'c'], autoRange: '10.138.0.0/20' },
  'asia-east1': { zones: ['a', 'b', 'c'], autoRange: '10.140.0.0/20' },
  'us-east1': { zones: ['b', 'c', 'd'], autoRange: '10.142.0.0/20' },
  'europe-west4': { zones: ['a', 'b', 'c'], autoRange: '10.164.0.0/20' },
};

export const GCE_ZONES: readonly string[] = Object.entries(GCE_REGIONS).flatMap(([region, r]) =>
  r.zones.map((letter) => `${region}-${letter}`),
);

interface MachineSpec {
  name: string;
  cpus: number;
  memoryMb: number;
  shared?: boolean;
  arm?: boolean;
  /** Where the series is offered; everywhere when absent. */
  zones?: readonly string[];
}

const MACHINES: readonly MachineSpec[] = [
  { name: 'e2-micro', cpus: 2, memoryMb: 1024, shared: true },
  { name: 'e2-small', cpus: 2, memoryMb: 2048, shared: true },
  { name: 'e2-medium', cpus: 2, memoryMb: 4096, shared: true },
  { name: 'e2-standard-2', cpus: 2, memoryMb: 8192 },
  { name: 'e2-standard-4', cpus: 4, memoryMb: 16384 },
  { name: 'e2-highmem-2', cpus: 2, memoryMb: 16384 },
  { name: 'n2-standard-2', cpus: 2, memoryMb: 8192 },
  { name: 'n2-standard-4', cpus: 4, memoryMb: 16384 },
  { name: 'n2-standard-8', cpus: 8, memoryMb: 32768 },
  { name: 'n2-highcpu-16', cpus: 16, memoryMb: 16384 },
  {
    name: 'c3-standard-4',
    cpus: 4,
    memoryMb: 16384,
    zones: ['us-central1-a', 'us-central1-b', 'europe-west4-a'],
  },
  ...[1, 2, 4, 8].map((cpus) => ({
    name: `t2a-standard-${cpus}`,
    cpus,
    memoryMb: cpus * 4096,
    arm: true,
    zones: ['us-central1-a', 'us-central1-b', 'us-central1-f', 'europe-west4-a', 'europe-west4-b'],
  })),
];

const gb = (mb: number): string => (mb / 1024 >= 1 ? `${mb / 1024} GB` : `${(mb / 1024).toFixed(1)} GB`);

/** The machine types one zone offers, as `machineTypes.list` answers, in name order. */
export function machineTypesOf(project: string, zone: string, reference: Date): GcpMachineTypeResource[] {
  return MACHINES.filter((m) => !m.zones || m.zones.includes(zone))
    .map((m) => {
      const prng = createPrng(`gce-machine:${m.name}`);
      const type: GcpMachineTypeResource = {
        kind: 'compute#machineType',
        id: numericId(prng).slice(0, 16),
        creationTimestamp: pacificTimestamp(addDays(reference, -prng.int(400, 1600))),
        name: m.name,
        description: m.shared
          ? `Efficient Instance, ${m.cpus} vCPU (1/${m.name === 'e2-micro' ? 4 : m.name === 'e2-small' ? 2 : 1} shared physical core) and ${gb(m.memoryMb)} RAM`
          : `${m.cpus} vCPU${m.cpus > 1 ? 's' : ''}, ${gb(m.memoryMb)} RAM`,
        guestCpus: m.cpus,
        memoryMb: m.memoryMb,
        imageSpaceGb: 0,
        maximumPersistentDisks: m.shared ? 16 : 128,
        maximumPersistentDisksSizeGb: m.shared ? '3072' : '263168',
        zone,
        selfLink: urls.zonal(project, zone, 'machineTypes', m.name),
        isSharedCpu: m.shared ?? false,
      };
      if (m.arm) type.architecture = 'ARM64';
      return type;
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The first usable address of a range, where Compute puts the gateway. */
const gatewayOf = (cidr: string): string => {
  const [base] = cidr.split('/');
  const parts = (base ?? '0.0.0.0').split('.').map(Number);
  parts[3] = (parts[3] ?? 0) + 1;
  return parts.join('.');
};

export interface SeededNetworks {
  networks: GcpNetworkResource[];
  subnetworks: GcpSubnetworkResource[];
  firewalls: GcpFirewallResource[];
}

/**
 * A project as a new one looks after enabling Compute: the auto-mode `default` network with a
 * subnetwork per region and its four default firewall rules; plus a custom-mode VPC a platform
 * team made, with one subnetwork in us-central1 and an SSH rule for tagged instances.
 */
export function seedNetworks(project: string, reference: Date): SeededNetworks {
  const prng = createPrng(`gce-networks:${project}`);
  const made = pacificTimestamp(addDays(reference, -prng.int(500, 900)));
  const network = (name: string, description: string, auto: boolean): GcpNetworkResource => {
    const id = numericId(prng);
    return {
      kind: 'compute#network',
      id,
      creationTimestamp: made,
      name,
      description,
      selfLink: urls.global(project, 'networks', name),
      selfLinkWithId: urls.global(project, 'networks', id),
      autoCreateSubnetworks: auto,
      subnetworks: [],
      routingConfig: { routingMode: 'REGIONAL' },
      networkFirewallPolicyEnforcementOrder: 'AFTER_CLASSIC_FIREWALL',
      mtu: 1460,
    };
  };
  const subnet = (net: GcpNetworkResource, region: string, name: string, cidr: string) => {
    const resource: GcpSubnetworkResource = {
      kind: 'compute#subnetwork',
      id: numericId(prng),
      creationTimestamp: made,
      name,
      network: net.selfLink,
      ipCidrRange: cidr,
      gatewayAddress: gatewayOf(cidr),
      region: urls.region(project, region),
      selfLink: urls.regional(project, region, 'subnetworks', name),
      privateIpGoogleAccess: false,
      fingerprint: Buffer.from(prng.hex(16), 'hex').toString('base64').slice(0, 12),
      purpose: 'PRIVATE',
      stackType: 'IPV4_ONLY',
    };
    net.subnetworks.push(resource.selfLink);
    return resource;
  };
  const firewall = (
    net: GcpNetworkResource,
    name: string,
    description: string,
    allowed: GcpFirewallResource['allowed'],
    sourceRanges: string[],
    priority: number,
    targetTags?: string[],
  ): GcpFirewallResource => ({
    kind: 'compute#firewall',
    id: numericId(prng),
    creationTimestamp: made,
    name,
    description,
    network: net.selfLink,
    priority,
    sourceRanges,
    allowed,
    direction: 'INGRESS',
    ...(targetTags ? { targetTags } : {}),
    logConfig: { enable: false },
    disabled: false,
    selfLink: urls.global(project, 'firewalls', name),
  });

  const dflt = network('default', 'Default network for the project', true);
  const platform = network('platform-vpc', 'Shared services VPC (custom mode)', false);
  const subnetworks = Object.entries(GCE_REGIONS).map(([region, r]) =>
    subnet(dflt, region, 'default', r.autoRange),
  );
  subnetworks.push(subnet(platform, 'us-central1', 'platform-us-central1', '10.20.0.0/24'));
  const firewalls = [
    firewall(
      dflt,
      'default-allow-icmp',
      'Allow ICMP from anywhere',
      [{ IPProtocol: 'icmp' }],
      ['0.0.0.0/0'],
      65534,
    ),
    firewall(
      dflt,
      'default-allow-internal',
      'Allow internal traffic on the default network',
      [
        { IPProtocol: 'tcp', ports: ['0-65535'] },
        { IPProtocol: 'udp', ports: ['0-65535'] },
        { IPProtocol: 'icmp' },
      ],
      ['10.128.0.0/9'],
      65534,
    ),
    firewall(
      dflt,
      'default-allow-rdp',
      'Allow RDP from anywhere',
      [{ IPProtocol: 'tcp', ports: ['3389'] }],
      ['0.0.0.0/0'],
      65534,
    ),
    firewall(
      dflt,
      'default-allow-ssh',
      'Allow SSH from anywhere',
      [{ IPProtocol: 'tcp', ports: ['22'] }],
      ['0.0.0.0/0'],
      65534,
    ),
    firewall(
      platform,
      'platform-allow-ssh-iap',
      'SSH through Identity-Aware Proxy to instances tagged ssh',
      [{ IPProtocol: 'tcp', ports: ['22'] }],
      ['35.235.240.0/20'],
      1000,
      ['ssh'],
    ),
  ];
  return { networks: [dflt, platform], subnetworks, firewalls };
}

export const zoneExists = (zone: string): boolean => GCE_ZONES.includes(zone);
export const regionExists = (region: string): boolean => region in GCE_REGIONS;
export { regionOfZone };
