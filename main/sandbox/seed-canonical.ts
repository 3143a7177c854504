import { buildDates, emitPublic, freshBuildDate, yyyymmdd, type SeedContext } from './seed-builder';
import { CANONICAL_OWNER_ID } from './well-known-owners';

interface UbuntuRelease {
  codename: string;
  version: string;
  since: string;
  until?: string;
  /** Canonical moved its newer releases to gp3 root volumes, and the image path says so. */
  gp3: boolean;
}

const RELEASES: UbuntuRelease[] = [
  { codename: 'focal', version: '20.04', since: '2020-04-23', until: '2025-05-31', gp3: false },
  { codename: 'jammy', version: '22.04', since: '2022-04-21', gp3: false },
  { codename: 'noble', version: '24.04', since: '2024-04-25', gp3: true },
  { codename: 'resolute', version: '26.04', since: '2026-04-23', gp3: true },
];

type Product = 'server' | 'minimal' | 'pro-server';

function imageName(release: UbuntuRelease, product: Product, arch: string, serial: string): string {
  const root = { server: 'ubuntu', minimal: 'ubuntu-minimal', 'pro-server': 'ubuntu-pro-server' }[product];
  const volume = release.gp3 ? 'hvm-ssd-gp3' : 'hvm-ssd';
  return `${root}/images/${volume}/ubuntu-${release.codename}-${release.version}-${arch}-${product}-${serial}`;
}

function description(release: UbuntuRelease, product: Product, arch: string): string {
  const flavour = { server: 'Ubuntu', minimal: 'Ubuntu Minimal', 'pro-server': 'Ubuntu Pro' }[product];
  const version = product === 'pro-server' ? `${release.version} LTS` : release.version;
  return `Canonical, ${flavour}, ${version}, ${arch} ${release.codename} image`;
}

function emitBuild(
  ctx: SeedContext,
  release: UbuntuRelease,
  product: Product,
  arch: 'amd64' | 'arm64',
  created: Date,
  serial: string,
  fresh = false,
): void {
  const pro = product === 'pro-server';
  emitPublic(ctx, {
    name: imageName(release, product, arch, serial),
    description: description(release, product, arch),
    ownerId: CANONICAL_OWNER_ID,
    locationPrefix: 'amazon',
    architecture: arch === 'amd64' ? 'x86_64' : 'arm64',
    created,
    platformDetails: pro ? 'Ubuntu Pro' : 'Linux/UNIX',
    usageOperation: pro ? 'RunInstances:0g00' : 'RunInstances',
    rootDeviceName: '/dev/sda1',
    volumeSize: 8,
    volumeType: release.gp3 ? 'gp3' : 'gp2',
    ephemeralSlots: 2,
    bootMode: arch === 'arm64' ? 'uefi' : release.gp3 ? 'uefi-preferred' : undefined,
    state: fresh ? 'pending' : 'available',
  });
}

/** Canonical publishes every serial for both architectures, several products per serial. */
export function seedCanonical(ctx: SeedContext): void {
  for (const release of RELEASES) {
    const until = release.until ? Date.parse(release.until) : Infinity;
    for (const created of buildDates(ctx, new Date(release.since), 9, 24)) {
      if (created.getTime() > until) break;
      const serial = ctx.prng.chance(0.1) ? `${yyyymmdd(created)}.1` : yyyymmdd(created);
      const withMinimal = ctx.prng.chance(0.7);
      const withPro = ctx.prng.chance(0.5);
      for (const arch of ['amd64', 'arm64'] as const) {
        emitBuild(ctx, release, 'server', arch, created, serial);
        if (withMinimal) emitBuild(ctx, release, 'minimal', arch, created, serial);
        if (withPro) emitBuild(ctx, release, 'pro-server', arch, created, serial);
      }
    }
  }
  // The newest LTS has a build still being registered, as happens every few days for real.
  const newest = RELEASES.filter((r) => Date.parse(r.since) < ctx.reference.getTime()).at(-1);
  if (newest) {
    const created = freshBuildDate(ctx);
    emitBuild(ctx, newest, 'server', 'amd64', created, yyyymmdd(created), true);
  }
}
