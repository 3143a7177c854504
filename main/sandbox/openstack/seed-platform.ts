import type { SandboxGlanceImage } from './glance-query';
import { yyyymmdd, type ImageFactory, type ImageSpec } from './seed-image-factory';
import { SANDBOX_PROJECTS } from './sandbox-identity';

/**
 * The operators' public images of a private cloud: upstream cloud images re-published on a
 * cadence, the newest builds listed, older ones kept but hidden (os_hidden) until pruned, and
 * end-of-life releases hidden with a deprecation date. os_distro is spelled as real operators
 * type it ("FreeBSD", "Freebsd", "CentOS" …), which is what the driver must normalise.
 */

type Arch = 'x86_64' | 'aarch64';

interface Family {
  distro: string[];
  version: string;
  released: string;
  eol?: string;
  cadenceDays: [number, number];
  arches: Arch[];
  name: (build: { date: Date; arch: Arch; index: number }) => string;
  properties?: Record<string, string>;
  sizeMiB?: [number, number];
  virtualGiB?: number;
  minDisk?: number;
  minRam?: number;
  diskFormat?: ImageSpec['diskFormat'];
}

const deb = (arch: Arch): string => (arch === 'x86_64' ? 'amd64' : 'arm64');
const cloudUser = (user: string): Record<string, string> => ({
  os_admin_user: user,
  hw_qemu_guest_agent: 'yes',
  hw_disk_bus: 'virtio',
  hw_rng_model: 'virtio',
});

const ubuntu = (version: string, codename: string, released: string, eol?: string): Family => ({
  distro: ['ubuntu', 'ubuntu', 'Ubuntu'],
  version,
  released,
  eol,
  cadenceDays: [25, 40],
  arches: ['x86_64', 'aarch64'],
  name: ({ date, arch }) => `ubuntu-${version}-server-cloudimg-${deb(arch)}-${yyyymmdd(date)}`,
  properties: { ...cloudUser('ubuntu'), ubuntu_codename: codename },
  sizeMiB: [560, 720],
  virtualGiB: 3.5,
  minDisk: 4,
});
const debian = (version: string, released: string, eol?: string): Family => ({
  distro: ['debian'],
  version,
  released,
  eol,
  cadenceDays: [30, 60],
  arches: ['x86_64', 'aarch64'],
  name: ({ date, arch, index }) =>
    `debian-${version}-genericcloud-${deb(arch)}-${yyyymmdd(date)}-${1500 + index * 37}`,
  properties: cloudUser('debian'),
  sizeMiB: [320, 420],
  virtualGiB: 2,
  minDisk: 3,
});
const rhelLike = (
  distro: string[],
  label: string,
  version: string,
  released: string,
  user: string,
  eol?: string,
): Family => ({
  distro,
  version,
  released,
  eol,
  cadenceDays: [45, 90],
  arches: ['x86_64'],
  name: ({ date }) => `${label}-${version}-${yyyymmdd(date)}.0.x86_64`,
  properties: { ...cloudUser(user), hw_machine_type: 'q35' },
  sizeMiB: [900, 1300],
  virtualGiB: 10,
  minDisk: 10,
});
const fedora = (version: string, released: string, eol: string): Family => ({
  distro: ['fedora'],
  version,
  released,
  eol,
  cadenceDays: [60, 120],
  arches: ['x86_64'],
  name: ({ index }) => `Fedora-Cloud-Base-Generic-${version}-1.${index + 2}.x86_64`,
  properties: cloudUser('fedora'),
  sizeMiB: [480, 560],
  virtualGiB: 5,
  minDisk: 5,
});
const windows = (version: string, released: string): Family => ({
  distro: ['windows', 'Windows'],
  version,
  released,
  cadenceDays: [28, 35],
  arches: ['x86_64'],
  name: ({ date }) => `Windows Server ${version} Datacenter (${date.toISOString().slice(0, 7)})`,
  properties: {
    os_type: 'windows',
    os_admin_user: 'Administrator',
    hw_firmware_type: 'uefi',
    hw_machine_type: 'q35',
    hw_disk_bus: 'scsi',
    hw_scsi_model: 'virtio-scsi',
    hw_qemu_guest_agent: 'yes',
    os_require_quiesce: 'yes',
  },
  sizeMiB: [9_000, 12_500],
  virtualGiB: 40,
  minDisk: 40,
  minRam: 4096,
});
const freebsd = (version: string, released: string, eol?: string): Family => ({
  distro: ['FreeBSD', 'freebsd', 'Freebsd'],
  version,
  released,
  eol,
  cadenceDays: [60, 100],
  arches: ['x86_64'],
  name: ({ index }) => `FreeBSD-${version}-RELEASE-p${index + 1}-amd64-zfs`,
  properties: { ...cloudUser('freebsd'), hw_disk_bus: 'virtio' },
  sizeMiB: [700, 900],
  virtualGiB: 6,
  minDisk: 6,
});

export const PLATFORM_FAMILIES: Family[] = [
  ubuntu('20.04', 'focal', '2020-04-23', '2025-05-31'),
  ubuntu('22.04', 'jammy', '2022-04-21'),
  ubuntu('24.04', 'noble', '2024-04-25'),
  ubuntu('26.04', 'resolute', '2026-04-23'),
  debian('11', '2021-08-14', '2024-08-14'),
  debian('12', '2023-06-10'),
  debian('13', '2025-08-09'),
  rhelLike(['CentOS', 'centos'], 'CentOS-Stream-GenericCloud', '8', '2019-09-24', 'centos', '2024-05-31'),
  rhelLike(['centos'], 'CentOS-Stream-GenericCloud', '9', '2021-12-03', 'cloud-user'),
  rhelLike(['centos'], 'CentOS-Stream-GenericCloud', '10', '2024-12-12', 'cloud-user'),
  rhelLike(['rocky'], 'Rocky-GenericCloud-Base', '8.10', '2024-05-30', 'rocky'),
  rhelLike(['rocky', 'Rocky'], 'Rocky-GenericCloud-Base', '9.5', '2024-11-19', 'rocky'),
  rhelLike(['almalinux'], 'AlmaLinux-GenericCloud', '9.5', '2024-11-18', 'almalinux'),
  rhelLike(['almalinux', 'AlmaLinux'], 'AlmaLinux-GenericCloud', '10.0', '2025-05-27', 'almalinux'),
  fedora('40', '2024-04-23', '2025-05-13'),
  fedora('41', '2024-10-29', '2025-12-15'),
  fedora('42', '2025-04-15', '2026-05-13'),
  windows('2022', '2021-08-18'),
  windows('2025', '2024-11-01'),
  freebsd('13.4', '2024-09-17', '2025-06-30'),
  freebsd('14.2', '2024-12-03'),
  {
    distro: [],
    version: '0.6.2',
    released: '2023-05-30',
    cadenceDays: [10_000, 10_000],
    arches: ['x86_64'],
    name: () => 'cirros-0.6.2-x86_64-disk',
    sizeMiB: [20, 21],
    virtualGiB: 0.1,
    diskFormat: 'raw',
  },
];

const DAY = 86_400_000;

/**
 * One family's retained builds in a region: builds on the family's cadence from its release (or
 * three years back) to the reference date; the last `retain` kept, the newest two listed.
 */
export function familyBuilds(
  factory: ImageFactory,
  family: Family,
  reference: Date,
  retain: number,
): SandboxGlanceImage[] {
  const { prng } = factory;
  const windowStart = reference.getTime() - 3 * 365 * DAY;
  const eol = family.eol ? Date.parse(family.eol) : Infinity;
  const dates: Date[] = [];
  for (let t = Math.max(Date.parse(family.released), windowStart); t <= Math.min(reference.getTime(), eol);) {
    dates.push(new Date(t));
    t += prng.int(family.cadenceDays[0], family.cadenceDays[1]) * DAY;
  }
  const kept = dates.slice(-retain);
  const ended = eol <= reference.getTime();
  return kept.flatMap((date, index) => {
    const newest = index === kept.length - 1;
    const listed = !ended && index >= kept.length - 2;
    const properties: Record<string, string> = { ...family.properties, os_version: family.version };
    if (family.distro.length > 0) properties.os_distro = prng.pick(family.distro);
    if (ended && family.eol) properties.hangar_deprecates_at = `${family.eol}T00:00:00Z`;
    return family.arches.map((arch) =>
      factory.build({
        name: family.name({ date, arch, index }),
        owner: SANDBOX_PROJECTS.platform.id,
        visibility: 'public',
        createdAt: new Date(Math.min(factory.shortlyAfter(date, 1).getTime(), reference.getTime())),
        protected: newest && !ended,
        hidden: !listed,
        diskFormat: family.diskFormat,
        sizeMiB: family.sizeMiB,
        virtualGiB: family.virtualGiB,
        minDisk: family.minDisk,
        minRam: family.minRam,
        tags: newest && !ended ? ['official', 'latest'] : ['official'],
        properties: {
          ...properties,
          architecture: arch,
          ...(arch === 'aarch64' ? { hw_firmware_type: 'uefi' } : {}),
        },
      }),
    );
  });
}
