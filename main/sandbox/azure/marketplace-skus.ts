/**
 * The Marketplace SKUs the Azure stand-in offers: real publisher, offer and SKU names, with the
 * version formats each publisher really uses. Time is relative to the Sandbox's reference date
 * (`fromDaysAgo`..`toDaysAgo`), so the catalog looks current whenever it is generated.
 */

export type AlternativeOption = { type: 'Offer' | 'Plan'; value: string };

/** How a SKU is being retired: its newest `keepScheduled` versions scheduled, the older ones gone. */
export interface Retirement {
  scheduledInDays: number;
  keepScheduled: number;
  alternative?: AlternativeOption;
}

export interface SkuSpec {
  publisher: string;
  offer: string;
  sku: string;
  os: 'Linux' | 'Windows';
  generation: 'V1' | 'V2';
  architecture: 'x64' | 'Arm64';
  sizeInGb: number;
  fromDaysAgo: number;
  toDaysAgo: number;
  /** How many versions the SKU lists (inclusive range, drawn from the seeded generator). */
  versions: [number, number];
  version: (published: Date, index: number) => string;
  retirement?: Retirement;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
const ymd = (d: Date): string => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;

/** Canonical: `22.04.202403280` (release, build date, build number). */
const ubuntu = (release: string) => (d: Date, i: number) => `${release}.${ymd(d)}${i % 7 === 3 ? 1 : 0}`;
/** Windows Server: `20348.2340.240303` (OS build, cumulative-update revision, yymmdd). */
const windows = (build: number, firstRevision: number) => (d: Date, i: number) =>
  `${build}.${firstRevision + i * 67 + (d.getUTCDate() % 9)}.${ymd(d).slice(2)}`;
/** Red Hat: `9.4.2024062415` (major.minor, build date and hour); minors advance over time. */
const rhel = (major: number, minors: readonly number[]) => (d: Date, i: number) =>
  `${major}.${minors[Math.min(minors.length - 1, Math.floor(i / 3))] ?? 0}.${ymd(d)}${pad(10 + (i % 13))}`;
/** Debian: `0.20240717.1811` (date and a build serial that only grows). */
const debian = (d: Date) => `0.${ymd(d)}.${Math.floor((d.getTime() - Date.UTC(2019, 6, 1)) / 86_400_000)}`;
/** SUSE: `2024.06.20`. */
const suse = (d: Date) => `${d.getUTCFullYear()}.${pad(d.getUTCMonth() + 1)}.${pad(d.getUTCDate())}`;

type Kind = Pick<SkuSpec, 'os' | 'generation' | 'architecture' | 'sizeInGb'>;
const kind = (
  os: Kind['os'],
  generation: Kind['generation'],
  architecture: Kind['architecture'],
  sizeInGb: number,
): Kind => ({
  os,
  generation,
  architecture,
  sizeInGb,
});
const LINUX_G1 = kind('Linux', 'V1', 'x64', 30);
const LINUX_G2 = kind('Linux', 'V2', 'x64', 30);
const LINUX_ARM = kind('Linux', 'V2', 'Arm64', 30);
const RHEL_G1 = kind('Linux', 'V1', 'x64', 64);
const RHEL_G2 = kind('Linux', 'V2', 'x64', 64);
const RHEL_ARM = kind('Linux', 'V2', 'Arm64', 64);
const WINDOWS_G2 = kind('Windows', 'V2', 'x64', 127);

/** One table row: publisher, offer, SKU, its kind, [fromDaysAgo, toDaysAgo], [min, max] versions, format. */
function sku(
  [publisher, offer, name]: [string, string, string],
  skuKind: Kind,
  [fromDaysAgo, toDaysAgo]: [number, number],
  versions: [number, number],
  version: SkuSpec['version'],
  retirement?: Retirement,
): SkuSpec {
  return { publisher, offer, sku: name, ...skuKind, fromDaysAgo, toDaysAgo, versions, version, retirement };
}

const FOCAL_RETIREMENT: Retirement = {
  scheduledInDays: 120,
  keepScheduled: 3,
  alternative: { type: 'Offer', value: 'ubuntu-24_04-lts' },
};
const DEBIAN_11_RETIREMENT: Retirement = {
  scheduledInDays: 200,
  keepScheduled: 4,
  alternative: { type: 'Offer', value: 'debian-12' },
};
const WS2016_RETIREMENT: Retirement = {
  scheduledInDays: 300,
  keepScheduled: 4,
  alternative: { type: 'Plan', value: '2022-datacenter-g2' },
};
const RHEL7_RETIREMENT: Retirement = {
  scheduledInDays: -330,
  keepScheduled: 0,
  alternative: { type: 'Plan', value: '8-lvm-gen2' },
};

const NOBLE = 'ubuntu-24_04-lts';
const JAMMY = '0001-com-ubuntu-server-jammy';
const FOCAL = '0001-com-ubuntu-server-focal';
const WS = ['MicrosoftWindowsServer', 'WindowsServer'] as const;

export const MARKETPLACE_SKUS: readonly SkuSpec[] = [
  sku(['Canonical', NOBLE, 'server'], LINUX_G2, [560, 3], [8, 11], ubuntu('24.04')),
  sku(['Canonical', NOBLE, 'minimal'], LINUX_G2, [560, 3], [8, 11], ubuntu('24.04')),
  sku(['Canonical', NOBLE, 'server-gen1'], LINUX_G1, [560, 3], [6, 9], ubuntu('24.04')),
  sku(['Canonical', NOBLE, 'server-arm64'], LINUX_ARM, [540, 6], [6, 9], ubuntu('24.04')),
  sku(['Canonical', JAMMY, '22_04-lts'], LINUX_G1, [1000, 5], [8, 11], ubuntu('22.04')),
  sku(['Canonical', JAMMY, '22_04-lts-gen2'], LINUX_G2, [1000, 5], [9, 12], ubuntu('22.04')),
  sku(['Canonical', JAMMY, '22_04-lts-arm64'], LINUX_ARM, [900, 12], [6, 9], ubuntu('22.04')),
  sku(['Canonical', FOCAL, '20_04-lts'], LINUX_G1, [1060, 300], [7, 10], ubuntu('20.04'), FOCAL_RETIREMENT),
  sku(
    ['Canonical', FOCAL, '20_04-lts-gen2'],
    LINUX_G2,
    [1060, 300],
    [7, 10],
    ubuntu('20.04'),
    FOCAL_RETIREMENT,
  ),
  sku([...WS, '2025-datacenter-g2'], WINDOWS_G2, [380, 10], [7, 10], windows(26100, 1742)),
  sku([...WS, '2022-datacenter-g2'], WINDOWS_G2, [1000, 10], [9, 12], windows(20348, 1547)),
  sku([...WS, '2022-datacenter-azure-edition'], WINDOWS_G2, [900, 10], [7, 10], windows(20348, 1607)),
  sku([...WS, '2019-datacenter-gensecond'], WINDOWS_G2, [1000, 12], [8, 11], windows(17763, 4377)),
  sku(
    [...WS, '2016-datacenter-gensecond'],
    WINDOWS_G2,
    [1000, 40],
    [7, 10],
    windows(14393, 5786),
    WS2016_RETIREMENT,
  ),
  sku(['RedHat', 'RHEL', '9-lvm-gen2'], RHEL_G2, [900, 15], [8, 12], rhel(9, [2, 3, 4, 5, 6])),
  sku(['RedHat', 'RHEL', '8-lvm-gen2'], RHEL_G2, [1000, 15], [8, 12], rhel(8, [8, 9, 10])),
  sku(['RedHat', 'RHEL', '9_4'], RHEL_G1, [500, 60], [5, 8], rhel(9, [4])),
  sku(['RedHat', 'RHEL', '8_10'], RHEL_G1, [450, 30], [5, 8], rhel(8, [10])),
  sku(['RedHat', 'RHEL', '7-lvm'], RHEL_G1, [1095, 700], [5, 7], rhel(7, [9]), RHEL7_RETIREMENT),
  sku(['RedHat', 'rhel-arm64', '9_4-arm64'], RHEL_ARM, [500, 60], [5, 8], rhel(9, [4])),
  sku(['Debian', 'debian-12', '12'], LINUX_G1, [1000, 7], [8, 11], debian),
  sku(['Debian', 'debian-12', '12-gen2'], LINUX_G2, [1000, 7], [9, 12], debian),
  sku(['Debian', 'debian-12', '12-arm64'], LINUX_ARM, [800, 7], [6, 9], debian),
  sku(['Debian', 'debian-11', '11'], LINUX_G1, [1000, 20], [7, 10], debian, DEBIAN_11_RETIREMENT),
  sku(['Debian', 'debian-11', '11-gen2'], LINUX_G2, [1000, 20], [7, 10], debian, DEBIAN_11_RETIREMENT),
  sku(['SUSE', 'sles-15-sp6', 'gen2'], LINUX_G2, [500, 10], [6, 9], suse),
  sku(['SUSE', 'sles-15-sp6', 'gen1'], LINUX_G1, [500, 10], [5, 8], suse),
  sku(['SUSE', 'sles-15-sp5', 'gen2'], LINUX_G2, [900, 200], [6, 9], suse),
  sku(['SUSE', 'opensuse-leap-15-6', 'gen2'], LINUX_G2, [500, 20], [5, 8], suse),
];
