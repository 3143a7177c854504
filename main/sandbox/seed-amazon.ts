import {
  buildDates,
  dottedDate,
  emitPublic,
  freshBuildDate,
  yyyymmdd,
  type SeedContext,
} from './seed-builder';
import { AMAZON_OWNER_ID, WINDOWS_OWNER_ID } from './well-known-owners';

const AL2023_LAUNCH = Date.parse('2023-03-15');
const QUARTER_MS = 91 * 86_400_000;

/** AL2023's minor version moves roughly every quarter (2023.5 in August 2024). */
function al2023Version(created: Date, buildNumber: number): string {
  const minor = Math.max(0, Math.floor((created.getTime() - AL2023_LAUNCH) / QUARTER_MS));
  return `2023.${minor}.${yyyymmdd(created)}.${buildNumber}`;
}

function emitAl2023(ctx: SeedContext, created: Date, kernel: string, minimal: boolean, fresh = false): void {
  const version = al2023Version(created, ctx.prng.chance(0.15) ? 1 : 0);
  for (const arch of ['x86_64', 'arm64'] as const) {
    emitPublic(ctx, {
      name: `al2023-ami-${minimal ? 'minimal-' : ''}${version}-kernel-${kernel}-${arch}`,
      description: `Amazon Linux 2023 AMI ${version} ${arch} ${minimal ? 'Minimal ' : ''}HVM kernel-${kernel}`,
      ownerId: AMAZON_OWNER_ID,
      ownerAlias: 'amazon',
      locationPrefix: 'amazon',
      architecture: arch,
      created,
      rootDeviceName: '/dev/xvda',
      volumeSize: minimal ? 2 : 8,
      volumeType: 'gp3',
      bootMode: arch === 'arm64' ? 'uefi' : 'uefi-preferred',
      imdsSupport: 'v2.0',
      state: fresh ? 'pending' : 'available',
    });
    if (fresh) return;
  }
}

/** Amazon Linux 2023 (kernel 6.1, and 6.12 since spring 2025) and Amazon Linux 2. */
export function seedAmazonLinux(ctx: SeedContext): void {
  const kernel612 = Date.parse('2025-04-01');
  for (const created of buildDates(ctx, new Date(AL2023_LAUNCH), 7, 21)) {
    emitAl2023(ctx, created, '6.1', false);
    if (ctx.prng.chance(0.6)) emitAl2023(ctx, created, '6.1', true);
    if (created.getTime() >= kernel612) emitAl2023(ctx, created, '6.12', false);
  }
  for (const created of buildDates(ctx, new Date('2018-06-26'), 10, 30)) {
    const version = `2.0.${yyyymmdd(created)}.${ctx.prng.chance(0.2) ? 1 : 0}`;
    for (const arch of ['x86_64', 'arm64'] as const) {
      emitPublic(ctx, {
        name: `amzn2-ami-kernel-5.10-hvm-${version}-${arch}-gp2`,
        description: `Amazon Linux 2 Kernel 5.10 AMI ${version} ${arch} HVM gp2`,
        ownerId: AMAZON_OWNER_ID,
        ownerAlias: 'amazon',
        locationPrefix: 'amazon',
        architecture: arch,
        created,
        rootDeviceName: '/dev/xvda',
        volumeSize: 8,
        volumeType: 'gp2',
        bootMode: arch === 'arm64' ? 'uefi' : undefined,
      });
    }
  }
  emitAl2023(ctx, freshBuildDate(ctx), '6.1', false, true);
}

interface WindowsVariant {
  version: string;
  edition: 'Full-Base' | 'Core-Base' | 'Full-SQL_2022_Standard';
  since?: string;
}

const WINDOWS_VARIANTS: WindowsVariant[] = [
  { version: '2016', edition: 'Full-Base' },
  { version: '2019', edition: 'Full-Base' },
  { version: '2019', edition: 'Core-Base' },
  { version: '2022', edition: 'Full-Base' },
  { version: '2022', edition: 'Core-Base' },
  { version: '2022', edition: 'Full-SQL_2022_Standard' },
  { version: '2025', edition: 'Full-Base', since: '2024-11-12' },
];

/** The day after Patch Tuesday (second Tuesday) of a month, when Amazon's Windows AMIs appear. */
function patchDay(year: number, month: number): Date {
  const first = new Date(Date.UTC(year, month, 1));
  const firstTuesday = 1 + ((2 - first.getUTCDay() + 7) % 7);
  return new Date(Date.UTC(year, month, firstTuesday + 8, 6));
}

function windowsDescription(variant: WindowsVariant): string {
  const locale = variant.edition === 'Core-Base' ? 'Core' : 'Full';
  const sql = variant.edition === 'Full-SQL_2022_Standard' ? ' with SQL Standard 2022' : '';
  return `Microsoft Windows Server ${variant.version} ${locale} Locale English${sql} AMI provided by Amazon`;
}

/** Monthly Windows Server builds; x86_64 only, as on EC2. */
export function seedWindows(ctx: SeedContext): void {
  const start = ctx.windowStart;
  for (let y = start.getUTCFullYear(), m = start.getUTCMonth(); ; m += 1) {
    const created = patchDay(y + Math.floor(m / 12), m % 12);
    if (created.getTime() >= ctx.reference.getTime()) break;
    if (created.getTime() < start.getTime()) continue;
    for (const variant of WINDOWS_VARIANTS) {
      if (variant.since && created.getTime() < Date.parse(variant.since)) continue;
      const sql = variant.edition === 'Full-SQL_2022_Standard';
      emitPublic(ctx, {
        name: `Windows_Server-${variant.version}-English-${variant.edition}-${dottedDate(created)}`,
        description: windowsDescription(variant),
        ownerId: WINDOWS_OWNER_ID,
        ownerAlias: 'amazon',
        locationPrefix: 'amazon',
        architecture: 'x86_64',
        created: new Date(created.getTime() + ctx.prng.int(0, 7200) * 1000),
        platform: 'windows',
        platformDetails: sql ? 'Windows with SQL Server Standard' : 'Windows',
        usageOperation: sql ? 'RunInstances:0006' : 'RunInstances:0002',
        rootDeviceName: '/dev/sda1',
        volumeSize: sql ? 50 : 30,
        volumeType: 'gp2',
        imdsSupport: variant.version === '2025' ? 'v2.0' : undefined,
      });
    }
  }
}
