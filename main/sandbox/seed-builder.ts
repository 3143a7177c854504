import type { Prng } from './prng';
import type {
  SandboxArchitecture,
  SandboxBlockDevice,
  SandboxImage,
  SandboxImageState,
} from './sandbox-image';

const DAY_MS = 86_400_000;
/** Public AMIs are deprecated two years after creation (EC2's default for public images). */
const PUBLIC_DEPRECATION_MS = 2 * 365 * DAY_MS;
/** How far back the seeded catalog reaches. */
export const SEED_WINDOW_MS = 3 * 365 * DAY_MS;

/** Everything a publisher needs to emit one region's images deterministically. */
export interface SeedContext {
  region: string;
  prng: Prng;
  reference: Date;
  windowStart: Date;
  /** Share of a publisher's builds present in this region (us-east-1 carries all of them). */
  keepRatio: number;
  emit(image: SandboxImage): void;
}

export interface ImageDraft {
  name: string;
  description?: string;
  ownerId: string;
  ownerAlias?: string;
  /** First segment of ImageLocation: the alias for Amazon-published images, else the owner id. */
  locationPrefix?: string;
  architecture: SandboxArchitecture;
  created: Date;
  platform?: 'windows';
  platformDetails?: string;
  usageOperation?: string;
  rootDeviceName: string;
  volumeSize: number;
  volumeType: 'gp2' | 'gp3';
  encrypted?: boolean;
  /** Instance-store slots some publishers (Canonical) list after the root volume. */
  ephemeralSlots?: number;
  bootMode?: SandboxImage['bootMode'];
  imdsSupport?: 'v2.0';
  productCodes?: SandboxImage['productCodes'];
  tags?: SandboxImage['tags'];
  public?: boolean;
  state?: SandboxImageState;
  stateReason?: SandboxImage['stateReason'];
  /** Explicit deprecation; public images default to creation + 2 years, private ones to none. */
  deprecation?: Date | null;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Dates of successive builds, `minDays`..`maxDays` apart, from `since` (or the window start) to the reference. */
export function buildDates(ctx: SeedContext, since: Date, minDays: number, maxDays: number): Date[] {
  const dates: Date[] = [];
  const start = Math.max(since.getTime(), ctx.windowStart.getTime());
  let cursor = new Date(start + ctx.prng.int(0, maxDays) * DAY_MS);
  while (cursor.getTime() < ctx.reference.getTime() - DAY_MS) {
    // Builds land at a random second of the day, as real pipelines do.
    dates.push(new Date(cursor.getTime() + ctx.prng.int(0, DAY_MS / 1000 - 1) * 1000));
    cursor = addDays(cursor, ctx.prng.int(minDays, maxDays));
  }
  return dates;
}

export function yyyymmdd(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll('-', '');
}

export function dottedDate(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll('-', '.');
}

/** A lowercase UUID drawn from the seed, for marketplace product suffixes. */
export function seededUuid(prng: Prng): string {
  const h = prng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/** EC2 prints whole seconds with a `.000Z` suffix. */
export function isoMillis(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString();
}

/** Turns a draft into a full record: ids, snapshot, block devices, deprecation. */
export function buildImage(ctx: SeedContext, draft: ImageDraft): SandboxImage {
  const isPublic = draft.public ?? true;
  const devices: SandboxBlockDevice[] = [
    {
      deviceName: draft.rootDeviceName,
      ebs: {
        snapshotId: `snap-${ctx.prng.hex(17)}`,
        volumeSize: draft.volumeSize,
        deleteOnTermination: true,
        volumeType: draft.volumeType,
        encrypted: draft.encrypted ?? false,
      },
    },
  ];
  for (let slot = 0; slot < (draft.ephemeralSlots ?? 0); slot += 1) {
    devices.push({ deviceName: `/dev/sd${String.fromCharCode(98 + slot)}`, virtualName: `ephemeral${slot}` });
  }
  const deprecation =
    draft.deprecation === undefined
      ? isPublic
        ? new Date(draft.created.getTime() + PUBLIC_DEPRECATION_MS)
        : null
      : draft.deprecation;
  const image: SandboxImage = {
    imageId: `ami-${ctx.prng.hex(17)}`,
    imageLocation: `${draft.locationPrefix ?? draft.ownerId}/${draft.name}`,
    state: draft.state ?? 'available',
    ownerId: draft.ownerId,
    creationDate: isoMillis(draft.created),
    public: isPublic,
    architecture: draft.architecture,
    platformDetails: draft.platformDetails ?? 'Linux/UNIX',
    usageOperation: draft.usageOperation ?? 'RunInstances',
    name: draft.name,
    rootDeviceName: draft.rootDeviceName,
    blockDevices: devices,
    enaSupport: true,
    sriovNetSupport: 'simple',
    productCodes: draft.productCodes ?? [],
    tags: draft.tags ?? [],
  };
  if (draft.stateReason) image.stateReason = draft.stateReason;
  if (draft.ownerAlias) image.ownerAlias = draft.ownerAlias;
  if (deprecation) image.deprecationTime = isoMillis(deprecation);
  if (draft.platform) image.platform = draft.platform;
  if (draft.description) image.description = draft.description;
  if (draft.bootMode) image.bootMode = draft.bootMode;
  if (draft.imdsSupport) image.imdsSupport = draft.imdsSupport;
  return image;
}

/** Emits a public build unless this region skipped it; the newest build may still be pending. */
export function emitPublic(ctx: SeedContext, draft: ImageDraft): void {
  if (draft.state !== 'pending' && !ctx.prng.chance(ctx.keepRatio)) return;
  ctx.emit(buildImage(ctx, draft));
}

/** A build published minutes before the reference date: still `pending`, as fresh AMIs are. */
export function freshBuildDate(ctx: SeedContext): Date {
  return new Date(ctx.reference.getTime() - ctx.prng.int(5, 50) * 60_000);
}
