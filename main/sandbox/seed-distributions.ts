import { buildDates, emitPublic, yyyymmdd, type SeedContext } from './seed-builder';
import { DEBIAN_OWNER_ID, REDHAT_OWNER_ID } from './well-known-owners';

const DEBIAN_RELEASES = [
  { major: 11, since: '2021-08-14', gp3: false },
  { major: 12, since: '2023-06-10', gp3: false },
  { major: 13, since: '2025-08-09', gp3: true },
];

/** Debian's cloud team publishes from its own account, without an owner alias. */
export function seedDebian(ctx: SeedContext): void {
  for (const release of DEBIAN_RELEASES) {
    for (const created of buildDates(ctx, new Date(release.since), 14, 35)) {
      const build = `${yyyymmdd(created)}-${String(ctx.prng.int(0, 2359)).padStart(4, '0')}`;
      for (const arch of ['amd64', 'arm64'] as const) {
        emitPublic(ctx, {
          name: `debian-${release.major}-${arch}-${build}`,
          description: `Debian ${release.major} (${build})`,
          ownerId: DEBIAN_OWNER_ID,
          architecture: arch === 'amd64' ? 'x86_64' : 'arm64',
          created,
          rootDeviceName: '/dev/xvda',
          volumeSize: 8,
          volumeType: release.gp3 ? 'gp3' : 'gp2',
          bootMode: arch === 'arm64' ? 'uefi' : undefined,
        });
      }
    }
  }
}

const RHEL_STREAMS = [
  { major: 8, since: '2019-05-07', minors: (d: Date) => (d.getTime() < Date.parse('2024-05-22') ? 9 : 10) },
  {
    major: 9,
    since: '2022-05-18',
    minors: (d: Date) =>
      Math.min(7, Math.floor((d.getTime() - Date.parse('2022-05-18')) / (182 * 86_400_000))),
  },
  { major: 10, since: '2025-05-20', minors: (d: Date) => (d.getTime() < Date.parse('2025-11-12') ? 0 : 1) },
];

/** Red Hat's pay-as-you-go images: billed as RHEL, which PlatformDetails and UsageOperation say. */
export function seedRedHat(ctx: SeedContext): void {
  for (const stream of RHEL_STREAMS) {
    for (const created of buildDates(ctx, new Date(stream.since), 20, 45)) {
      const release = `${stream.major}.${stream.minors(created)}.0`;
      for (const arch of ['x86_64', 'arm64'] as const) {
        emitPublic(ctx, {
          name: `RHEL-${release}_HVM-${yyyymmdd(created)}-${arch}-0-Hourly2-GP3`,
          description: 'Provided by Red Hat, Inc.',
          ownerId: REDHAT_OWNER_ID,
          architecture: arch,
          created,
          platformDetails: 'Red Hat Enterprise Linux',
          usageOperation: 'RunInstances:0010',
          rootDeviceName: '/dev/sda1',
          volumeSize: 10,
          volumeType: 'gp3',
          bootMode: arch === 'arm64' ? 'uefi' : undefined,
        });
      }
    }
  }
}
