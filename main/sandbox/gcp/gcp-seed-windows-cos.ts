import { addDays, yyyymmdd, type BuildInfo, type FamilySpec, type ProjectPolicy } from './gcp-seed-builder';
import { LINUX_X86_FEATURES } from './gcp-seed-linux';

const MULTI_REGION = ['asia', 'eu', 'us'] as const;
const WINDOWS_FEATURES = ['MULTI_IP_SUBNET', 'UEFI_COMPATIBLE', 'VIRTIO_SCSI_MULTIQUEUE', 'WINDOWS', 'GVNIC'];

function windows(year: number, core: boolean, since: string, eol: string): FamilySpec {
  const edition = core ? 'dc-core' : 'dc';
  return {
    family: `windows-${year}${core ? '-core' : ''}`,
    architecture: 'X86_64',
    since,
    eol,
    // Patch Tuesday, give or take Google's own rollout.
    cadenceDays: [27, 34],
    imageName: ({ date }) => `windows-server-${year}-${edition}-v${yyyymmdd(date)}`,
    description: ({ date }) =>
      core
        ? `Microsoft, Windows Server, ${year} Datacenter Core, Server Core, x64 built on ${yyyymmdd(date)}`
        : `Microsoft, Windows Server, ${year} Datacenter, Server with Desktop Experience, x64 built on ${yyyymmdd(date)}`,
    licenses: [`windows-cloud/windows-server-${year}-${edition}`],
    diskSizeGb: core ? 32 : 50,
    archiveGb: core ? [5.5, 7.5] : [9, 13],
    guestOsFeatures: WINDOWS_FEATURES,
  };
}

export const WINDOWS_CLOUD: ProjectPolicy = {
  project: 'windows-cloud',
  storageLocations: MULTI_REGION,
  obsoleteAfterDays: 120,
  stampDates: true,
  families: [
    windows(2019, false, '2018-10-02', '2029-01-09'),
    windows(2019, true, '2018-10-02', '2029-01-09'),
    windows(2022, false, '2021-08-18', '2031-10-14'),
    windows(2022, true, '2021-08-18', '2031-10-14'),
    windows(2025, false, '2024-11-01', '2034-10-10'),
    windows(2025, true, '2024-11-01', '2034-10-10'),
  ],
};

/** COS milestones: [milestone, first build, ChromiumOS build base, kernel]. LTS lines last two years. */
const MILESTONES = [
  [105, '2023-03-15', 17412, '5.15.107'],
  [109, '2023-09-20', 17800, '6.1.58'],
  [113, '2024-03-20', 18244, '6.1.85'],
  [117, '2024-09-18', 18613, '6.6.56'],
  [121, '2025-03-19', 18867, '6.6.87'],
  [125, '2025-09-17', 19216, '6.12.40'],
  [129, '2026-03-18', 19584, '6.12.71'],
  [133, '2026-09-16', 19960, '6.18.9'],
] as const;

type Milestone = (typeof MILESTONES)[number];

/** Point releases climb with each build: `113-18244-151-14`. */
const version = (m: Milestone, index: number): string =>
  `${m[0]}-${m[2]}-${40 + index * 3 + (index % 2)}-${(index * 7) % 41}`;

const cosDescription = (m: Milestone, index: number, channel: string): string =>
  `Google, Container-Optimized OS, ${version(m, index).replace(/-(\d+)-(\d+)$/, '.$1.$2')} ${channel}, ` +
  `Kernel: ChromiumOS-${m[3]} Kubernetes: 1.${Math.floor(m[0] / 4) + 3}.0 Docker: 24.0.9 Family: ` +
  `cos-${channel === 'LTS' ? `${m[0]}-lts` : 'stable'}, supports Shielded VM features`;

const COS_LICENSES = ['cos-cloud/cos', 'cos-cloud/cos-pcid', 'cos-cloud-shielded/shielded-cos'];

function cosLts(m: Milestone, arm: boolean): FamilySpec {
  const next = MILESTONES.find((candidate) => candidate[0] > m[0]);
  const prefix = arm ? 'cos-arm64' : 'cos';
  return {
    family: `${prefix}-${m[0]}-lts`,
    architecture: arm ? 'ARM64' : 'X86_64',
    since: m[1],
    eol: addDays(new Date(m[1]), 730).toISOString().slice(0, 10),
    cadenceDays: [18, 40],
    imageName: ({ index }) => `${prefix}-${version(m, index)}`,
    description: ({ index }) => cosDescription(m, index, 'LTS'),
    licenses: COS_LICENSES,
    diskSizeGb: 10,
    archiveGb: [0.5, 0.8],
    guestOsFeatures: LINUX_X86_FEATURES,
    successor: next ? `${prefix}-${next[0]}-lts` : undefined,
  };
}

/** The stable channel follows whichever milestone had been out for two months at build time. */
function stableMilestone({ date }: BuildInfo): Milestone {
  const ripe = MILESTONES.filter((m) => Date.parse(m[1]) <= addDays(date, -60).getTime());
  return ripe.at(-1) ?? MILESTONES[0];
}

const COS_STABLE: FamilySpec = {
  family: 'cos-stable',
  architecture: 'X86_64',
  since: '2023-01-01',
  eol: '2099-12-31',
  cadenceDays: [10, 24],
  imageName: (build) => `cos-stable-${version(stableMilestone(build), build.index)}`,
  description: (build) => cosDescription(stableMilestone(build), build.index, 'stable'),
  licenses: COS_LICENSES,
  diskSizeGb: 10,
  archiveGb: [0.5, 0.8],
  guestOsFeatures: LINUX_X86_FEATURES,
};

export const COS_CLOUD: ProjectPolicy = {
  project: 'cos-cloud',
  storageLocations: MULTI_REGION,
  obsoleteAfterDays: 180,
  stampDates: true,
  families: [
    ...MILESTONES.map((m) => cosLts(m, false)),
    ...MILESTONES.filter((m) => m[0] >= 121).map((m) => cosLts(m, true)),
    COS_STABLE,
  ],
};
