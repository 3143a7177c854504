import type { SeedVm, VsphereSeed } from './vsphere-seed';

/**
 * The compute side of a stand-in VM (pool, NICs, ExtraConfig, power and guest) and the vim25
 * properties it shows: runtime.powerState, guest.ipAddress / guest.net once the guest has booted
 * (its Tools report an address a while after power-on), config.extraConfig, config.hardware.device
 * with the NICs, network and resourcePool. Seeded VMs get theirs on first use.
 */
export interface SeedVmCompute {
  /** The resource pool of a VM; null for a template (templates belong to no pool). */
  poolMoid: string | null;
  nics: { key: number; networkMoid: string; mac: string }[];
  extraConfig: [string, string][];
  /** When the guest's Tools report an address (ms since epoch); null while powered off. */
  guestReadyAt: number | null;
}

const num = (moid: string): number => Number(moid.replace(/\D/g, '')) || 0;

export const macFor = (moid: string, key: number): string => {
  const n = num(moid) * 8 + (key - 4000);
  return `00:50:56:${[n >> 16, n >> 8, n].map((b) => (b & 0xff).toString(16).padStart(2, '0')).join(':')}`;
};

/** The VM's compute state, made (and kept) on first use for a seeded VM. */
export function computeOf(seed: VsphereSeed, vm: SeedVm): SeedVmCompute {
  if (vm.compute) return vm.compute;
  const dc = seed.datacenters.find((candidate) => candidate.moid === vm.datacenterMoid);
  const clusterMoid = dc?.hosts.find((host) => host.moid === vm.hostMoid)?.clusterMoid;
  const pool = seed.placement.pools.find((p) => p.clusterMoid === clusterMoid && p.name === 'Resources');
  const networks = seed.placement.networks.filter((n) => n.datacenterMoid === vm.datacenterMoid);
  // Templates sit on the standard "VM Network"; running workloads on the first VLAN port group.
  const network = vm.template
    ? networks.find((n) => n.kind === 'standard')
    : (networks.find((n) => n.kind === 'distributed') ?? networks[0]);
  vm.compute = {
    poolMoid: vm.template ? null : (pool?.moid ?? null),
    nics: network ? [{ key: 4000, networkMoid: network.moid, mac: macFor(vm.moid, 4000) }] : [],
    extraConfig: [],
    guestReadyAt: vm.powerState === 'POWERED_ON' ? 0 : null,
  };
  return vm.compute;
}

/** The address the guest's Tools report: 10.<site>.<vlan>.<host>, from the first NIC's port group. */
export function guestAddressOf(seed: VsphereSeed, vm: SeedVm, now: number): string | null {
  const compute = computeOf(seed, vm);
  const nic = compute.nics[0];
  if (vm.powerState !== 'POWERED_ON' || compute.guestReadyAt === null || compute.guestReadyAt > now || !nic)
    return null;
  const network = seed.placement.networks.find((n) => n.moid === nic.networkMoid);
  const site = seed.datacenters.findIndex((dc) => dc.moid === vm.datacenterMoid) + 1;
  return `10.${site}.${network?.vlan ?? 0}.${(num(vm.moid) % 250) + 4}`;
}

const esc = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** A raw XML property value for vim-soap-routes' `val`: `xml:<xsi type>:<inner XML>`. */
const xml = (type: string, inner: string): string => `xml:${type}:${inner}`;

function backingOf(seed: VsphereSeed, networkMoid: string): string {
  const network = seed.placement.networks.find((n) => n.moid === networkMoid);
  const dvs = seed.placement.switches.find((s) => s.moid === network?.switchMoid);
  if (network && dvs)
    return (
      '<backing xsi:type="VirtualEthernetCardDistributedVirtualPortBackingInfo"><port>' +
      `<switchUuid>${dvs.uuid}</switchUuid><portgroupKey>${network.moid}</portgroupKey></port></backing>`
    );
  return (
    `<backing xsi:type="VirtualEthernetCardNetworkBackingInfo"><deviceName>${esc(network?.name ?? '')}</deviceName>` +
    `<network type="Network">${networkMoid}</network></backing>`
  );
}

/** The compute properties of a VM, as vCenter's PropertyCollector names them. */
export function vmComputeProps(seed: VsphereSeed, vm: SeedVm, now: number): Record<string, string> {
  const compute = computeOf(seed, vm);
  const ip = guestAddressOf(seed, vm, now);
  const networkType = (moid: string) =>
    seed.placement.networks.find((n) => n.moid === moid)?.kind === 'standard'
      ? 'Network'
      : 'DistributedVirtualPortgroup';
  return {
    'runtime.powerState': vm.powerState === 'POWERED_ON' ? 'poweredOn' : 'poweredOff',
    'guest.toolsRunningStatus': ip ? 'guestToolsRunning' : 'guestToolsNotRunning',
    ...(ip ? { 'guest.ipAddress': ip } : {}),
    'guest.net': xml(
      'ArrayOfGuestNicInfo',
      compute.nics
        .map(
          (nic, i) =>
            `<GuestNicInfo xsi:type="GuestNicInfo"><macAddress>${nic.mac}</macAddress>` +
            `${i === 0 && ip ? `<ipAddress>${ip}</ipAddress>` : ''}<connected>true</connected>` +
            `<deviceConfigId>${nic.key}</deviceConfigId></GuestNicInfo>`,
        )
        .join(''),
    ),
    'config.extraConfig': xml(
      'ArrayOfOptionValue',
      compute.extraConfig
        .map(
          ([key, value]) =>
            `<OptionValue xsi:type="OptionValue"><key>${esc(key)}</key><value xsi:type="xsd:string">${esc(value)}</value></OptionValue>`,
        )
        .join(''),
    ),
    'config.hardware.device': xml(
      'ArrayOfVirtualDevice',
      compute.nics
        .map(
          (nic) =>
            `<VirtualDevice xsi:type="VirtualVmxnet3"><key>${nic.key}</key>` +
            `<deviceInfo xsi:type="Description"><label>Network adapter ${nic.key - 3999}</label><summary>${nic.networkMoid}</summary></deviceInfo>` +
            `${backingOf(seed, nic.networkMoid)}<connectable><startConnected>true</startConnected><allowGuestControl>true</allowGuestControl>` +
            `<connected>${vm.powerState === 'POWERED_ON'}</connected><status>ok</status></connectable>` +
            `<controllerKey>100</controllerKey><unitNumber>${7 + nic.key - 4000}</unitNumber>` +
            `<addressType>assigned</addressType><macAddress>${nic.mac}</macAddress></VirtualDevice>`,
        )
        .join(''),
    ),
    network: xml(
      'ArrayOfManagedObjectReference',
      compute.nics
        .map(
          (nic) =>
            `<ManagedObjectReference type="${networkType(nic.networkMoid)}">${nic.networkMoid}</ManagedObjectReference>`,
        )
        .join(''),
    ),
    ...(compute.poolMoid ? { resourcePool: `mor:ResourcePool=${compute.poolMoid}` } : {}),
  };
}
