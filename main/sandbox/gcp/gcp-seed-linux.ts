import type { GcpArchitecture } from './gcp-image-resource';
import { yyyymmdd, type FamilySpec, type ProjectPolicy } from './gcp-seed-builder';

/** The guest features Google's current Linux images declare, per architecture. */
export const LINUX_X86_FEATURES = [
  'UEFI_COMPATIBLE',
  'VIRTIO_SCSI_MULTIQUEUE',
  'GVNIC',
  'SEV_CAPABLE',
  'SEV_SNP_CAPABLE',
  'SEV_LIVE_MIGRATABLE_V2',
  'IDPF',
  'TDX_CAPABLE',
] as const;
export const LINUX_ARM_FEATURES = ['UEFI_COMPATIBLE', 'VIRTIO_SCSI_MULTIQUEUE', 'GVNIC', 'IDPF'] as const;

const MULTI_REGION = ['asia', 'eu', 'us'] as const;

interface LinuxFamily {
  family: string;
  /** Name before `-vYYYYMMDD`, e.g. `debian-12-bookworm-arm64`. */
  stem: string;
  title: string;
  arch: GcpArchitecture;
  since: string;
  eol: string;
  cadence: readonly [number, number];
  licenses: readonly string[];
  disk: number;
  archive: readonly [number, number];
  successor?: string;
}

function linux(f: LinuxFamily): FamilySpec {
  const archWord = f.arch === 'ARM64' ? 'arm64' : 'amd64';
  return {
    family: f.family,
    architecture: f.arch,
    since: f.since,
    eol: f.eol,
    cadenceDays: f.cadence,
    imageName: ({ date }) => `${f.stem}-v${yyyymmdd(date)}`,
    description: ({ date }) => `${f.title}, ${archWord} built on ${yyyymmdd(date)}`,
    licenses: f.licenses,
    diskSizeGb: f.disk,
    archiveGb: f.archive,
    guestOsFeatures: f.arch === 'ARM64' ? LINUX_ARM_FEATURES : LINUX_X86_FEATURES,
    successor: f.successor,
  };
}

/** Both architectures of one release, as Google publishes them (`x` and `x-arm64`). */
function pair(base: Omit<LinuxFamily, 'arch'>, armStem: string): FamilySpec[] {
  return [
    linux({ ...base, arch: 'X86_64' }),
    linux({
      ...base,
      family: `${base.family}-arm64`,
      stem: armStem,
      arch: 'ARM64',
      successor: base.successor ? `${base.successor}-arm64` : undefined,
    }),
  ];
}

const debianRelease = (version: number, codename: string, since: string, eol: string, successor?: number) =>
  pair(
    {
      family: `debian-${version}`,
      stem: `debian-${version}-${codename}`,
      title: `Debian, Debian GNU/Linux, ${version} (${codename})`,
      since,
      eol,
      cadence: [12, 28],
      licenses: [`debian-cloud/debian-${version}-${codename}`],
      disk: 10,
      archive: [0.9, 1.4],
      successor: successor ? `debian-${successor}` : undefined,
    },
    `debian-${version}-${codename}-arm64`,
  );

export const DEBIAN_CLOUD: ProjectPolicy = {
  project: 'debian-cloud',
  storageLocations: MULTI_REGION,
  obsoleteAfterDays: 365,
  stampDates: false,
  families: [
    linux({
      family: 'debian-10',
      stem: 'debian-10-buster',
      title: 'Debian, Debian GNU/Linux, 10 (buster)',
      arch: 'X86_64',
      since: '2019-07-08',
      eol: '2024-06-30',
      cadence: [20, 35],
      licenses: ['debian-cloud/debian-10-buster'],
      disk: 10,
      archive: [0.8, 1.1],
      successor: 'debian-11',
    }),
    ...debianRelease(11, 'bullseye', '2021-08-14', '2026-08-31', 12),
    ...debianRelease(12, 'bookworm', '2023-06-10', '2028-06-30', 13),
    ...debianRelease(13, 'trixie', '2025-08-09', '2030-06-30'),
  ],
};

const ubuntuRelease = (
  numeric: string,
  codename: string,
  since: string,
  eol: string,
  options: { minimal?: boolean; amd64Suffix: boolean; successor?: string },
): FamilySpec[] => {
  const dotted = `${numeric.slice(0, 2)}.${numeric.slice(2)}`;
  const prefix = options.minimal ? 'ubuntu-minimal' : 'ubuntu';
  const base = {
    stem: `${prefix}-${numeric}-${codename}${options.amd64Suffix ? '-amd64' : ''}`,
    title: `Canonical, Ubuntu${options.minimal ? ' Minimal' : ''}, ${dotted} LTS`,
    since,
    eol,
    cadence: [11, 30] as const,
    licenses: [`ubuntu-os-cloud/ubuntu-${numeric}-lts`],
    disk: 10,
    archive: [1.6, 2.8] as const,
  };
  const family = `${prefix}-${numeric}-lts`;
  return [
    linux({
      ...base,
      family: options.amd64Suffix ? `${family}-amd64` : family,
      arch: 'X86_64',
      successor: options.successor,
    }),
    linux({
      ...base,
      family: `${family}-arm64`,
      stem: `${prefix}-${numeric}-${codename}-arm64`,
      arch: 'ARM64',
      successor: options.successor && `${options.successor.replace(/-amd64$/, '')}-arm64`,
    }),
  ];
};

export const UBUNTU_OS_CLOUD: ProjectPolicy = {
  project: 'ubuntu-os-cloud',
  storageLocations: MULTI_REGION,
  obsoleteAfterDays: 180,
  stampDates: false,
  families: [
    ...ubuntuRelease('2004', 'focal', '2020-04-23', '2025-05-31', {
      amd64Suffix: false,
      successor: 'ubuntu-2204-lts',
    }),
    ...ubuntuRelease('2204', 'jammy', '2022-04-21', '2027-06-01', {
      amd64Suffix: false,
      successor: 'ubuntu-2404-lts-amd64',
    }),
    ...ubuntuRelease('2404', 'noble', '2024-04-25', '2029-05-31', { amd64Suffix: true }),
    ...ubuntuRelease('2404', 'noble', '2024-04-25', '2029-05-31', { amd64Suffix: true, minimal: true }),
    ...ubuntuRelease('2604', 'resolute', '2026-04-23', '2031-05-31', { amd64Suffix: true }),
  ],
};

const rhel = (major: number, arch: GcpArchitecture, since: string, eol: string, successor?: string) =>
  linux({
    family: arch === 'ARM64' ? `rhel-${major}-arm64` : `rhel-${major}`,
    stem: arch === 'ARM64' ? `rhel-${major}-arm64` : `rhel-${major}`,
    title: `Red Hat, Red Hat Enterprise Linux, ${major}`,
    arch,
    since,
    eol,
    cadence: [18, 40],
    licenses: [`rhel-cloud/rhel-${major}-server`],
    disk: 20,
    archive: [2.2, 3.4],
    successor,
  });

export const RHEL_CLOUD: ProjectPolicy = {
  project: 'rhel-cloud',
  storageLocations: MULTI_REGION,
  obsoleteAfterDays: 270,
  stampDates: true,
  families: [
    rhel(8, 'X86_64', '2019-05-07', '2029-05-31'),
    rhel(9, 'X86_64', '2022-05-18', '2032-05-31'),
    rhel(9, 'ARM64', '2022-11-15', '2032-05-31'),
    rhel(10, 'X86_64', '2025-05-20', '2035-05-31'),
  ],
};

const rocky = (major: number, variant: '' | '-optimized-gcp' | '-arm64', since: string, eol: string) =>
  linux({
    family: `rocky-linux-${major}${variant}`,
    stem: `rocky-linux-${major}${variant}`,
    title: `Rocky Linux, Rocky Linux, ${major}${variant === '-optimized-gcp' ? ', optimized for GCP' : ''}`,
    arch: variant === '-arm64' ? 'ARM64' : 'X86_64',
    since,
    eol,
    cadence: [20, 45],
    licenses: [
      `rocky-linux-cloud/rocky-linux-${major}${variant === '-optimized-gcp' ? '-optimized-gcp' : ''}`,
    ],
    disk: 20,
    archive: [1.5, 2.4],
  });

export const ROCKY_LINUX_CLOUD: ProjectPolicy = {
  project: 'rocky-linux-cloud',
  storageLocations: MULTI_REGION,
  obsoleteAfterDays: 365,
  stampDates: true,
  families: [
    rocky(8, '', '2021-06-21', '2029-05-31'),
    rocky(8, '-optimized-gcp', '2021-06-21', '2029-05-31'),
    rocky(9, '', '2022-07-14', '2032-05-31'),
    rocky(9, '-optimized-gcp', '2022-07-14', '2032-05-31'),
    rocky(9, '-arm64', '2022-07-14', '2032-05-31'),
    rocky(10, '-optimized-gcp', '2025-06-11', '2035-05-31'),
  ],
};
