import { createPrng, type Prng } from '../prng';
import {
  imageSelfLink,
  licenseUrl,
  type GcpArchitecture,
  type GcpDeprecationStatus,
  type GcpImageResource,
} from './gcp-image-resource';

const DAY_MS = 86_400_000;
/** How far back the seeded catalog reaches before the reference date. */
export const GCP_SEED_WINDOW_DAYS = 3 * 365;

/** What an image name or description may be built from. */
export interface BuildInfo {
  date: Date;
  /** 0 for a family's first build in the window, then 1, 2 … */
  index: number;
}

/** One image family of a public project: how often it is rebuilt, for how long, and what it carries. */
export interface FamilySpec {
  family: string;
  architecture: GcpArchitecture;
  /** First build (YYYY-MM-DD); families older than the window start with the window. */
  since: string;
  /** End of support (YYYY-MM-DD): no builds after it, and once passed every image is deprecated. */
  eol: string;
  cadenceDays: readonly [number, number];
  imageName: (build: BuildInfo) => string;
  description: (build: BuildInfo) => string;
  /** `project/license`, e.g. `debian-cloud/debian-12-bookworm`. */
  licenses: readonly string[];
  diskSizeGb: number;
  archiveGb: readonly [number, number];
  guestOsFeatures: readonly string[];
  /** The family whose newest image replaces this one's after end of support. */
  successor?: string;
}

/** How a publisher retires images: every build but the newest is deprecated, old ones obsolete. */
export interface ProjectPolicy {
  project: string;
  storageLocations: readonly string[];
  obsoleteAfterDays: number;
  /** Whether deprecation records carry the informational dates (some publishers leave them out). */
  stampDates: boolean;
  families: readonly FamilySpec[];
}

export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY_MS);

export const yyyymmdd = (date: Date): string => date.toISOString().slice(0, 10).replaceAll('-', '');

/**
 * Compute Engine prints timestamps in US Pacific time with millis, e.g. 2024-08-13T13:31:02.578-07:00.
 * Daylight saving is approximated (mid-March to early November), which is all realism needs.
 */
export function pacificTimestamp(date: Date): string {
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  const dst = (month > 3 || (month === 3 && day >= 10)) && (month < 11 || (month === 11 && day < 3));
  const offsetHours = dst ? 7 : 8;
  const local = new Date(date.getTime() - offsetHours * 3_600_000);
  return `${local.toISOString().slice(0, 23)}-0${offsetHours}:00`;
}

/** A uint64 resource id as Compute prints it: 19 decimal digits. */
export function numericId(prng: Prng): string {
  let digits = String(prng.int(1, 9));
  while (digits.length < 19) digits += String(prng.int(0, 9));
  return digits;
}

/** License codes are stable per license, whichever image carries it. */
export const licenseCode = (qualified: string): string => numericId(createPrng(`gcp-license:${qualified}`));

/** The fingerprint Compute reports for a resource without labels. */
export const EMPTY_LABEL_FINGERPRINT = '42WmSpB8rSM=';

export function labelFingerprint(prng: Prng): string {
  return Buffer.from(prng.hex(16), 'hex').toString('base64');
}

/** Build dates `cadence` days apart from `start` to `end`, each at a random second of its day. */
export function buildDates(prng: Prng, start: Date, end: Date, cadence: readonly [number, number]): Date[] {
  const dates: Date[] = [];
  let cursor = addDays(start, prng.int(0, cadence[1]));
  while (cursor.getTime() < end.getTime()) {
    const dayStart = Math.floor(cursor.getTime() / DAY_MS) * DAY_MS;
    dates.push(new Date(dayStart + prng.int(0, DAY_MS - 1)));
    cursor = addDays(cursor, prng.int(cadence[0], cadence[1]));
  }
  return dates;
}

interface Seeded {
  spec: FamilySpec;
  dates: Date[];
  images: GcpImageResource[];
}

/** Every image of one public project, newest builds active and the rest retired per the policy. */
export function seedPublicProject(policy: ProjectPolicy, reference: Date): GcpImageResource[] {
  const windowStart = addDays(reference, -GCP_SEED_WINDOW_DAYS);
  const families = new Map<string, Seeded>();
  for (const spec of policy.families) {
    // One generator per family: adding a family never reshuffles the others.
    const prng = createPrng(`gcp:${policy.project}:${spec.family}`);
    const start = new Date(Math.max(Date.parse(spec.since), windowStart.getTime()));
    const end = new Date(Math.min(Date.parse(spec.eol), reference.getTime() - DAY_MS));
    const dates = buildDates(prng, start, end, spec.cadenceDays);
    const images = dates.map((date, index) => {
      const build = { date, index };
      const archive = prng.int(Math.round(spec.archiveGb[0] * 1e9), Math.round(spec.archiveGb[1] * 1e9));
      return {
        kind: 'compute#image',
        id: numericId(prng),
        creationTimestamp: pacificTimestamp(date),
        name: spec.imageName(build),
        description: spec.description(build),
        sourceType: 'RAW',
        rawDisk: { source: '', containerType: 'TAR' },
        status: 'READY',
        archiveSizeBytes: String(archive),
        diskSizeGb: String(spec.diskSizeGb),
        licenses: spec.licenses.map(licenseUrl),
        licenseCodes: spec.licenses.map(licenseCode),
        family: spec.family,
        selfLink: imageSelfLink(policy.project, spec.imageName(build)),
        labelFingerprint: EMPTY_LABEL_FINGERPRINT,
        guestOsFeatures: spec.guestOsFeatures.map((type) => ({ type })),
        storageLocations: [...policy.storageLocations],
        architecture: spec.architecture,
      } satisfies GcpImageResource;
    });
    families.set(spec.family, { spec, dates, images });
  }
  for (const seeded of families.values()) retire(seeded, policy, reference, families);
  return [...families.values()].flatMap((seeded) => seeded.images);
}

function retire(seeded: Seeded, policy: ProjectPolicy, reference: Date, all: Map<string, Seeded>): void {
  const { spec, dates, images } = seeded;
  const latest = images.at(-1);
  if (!latest) return;
  const eol = new Date(spec.eol);
  const successorLatest = spec.successor ? all.get(spec.successor)?.images.at(-1) : undefined;
  const stamp = (date: Date): string | undefined => (policy.stampDates ? pacificTimestamp(date) : undefined);
  images.forEach((image, index) => {
    const isLatest = index === images.length - 1;
    // Superseded by the next build, or, for a family's last build, by end of support.
    const supersededAt = isLatest ? eol : (dates[index + 1] as Date);
    if (isLatest && eol.getTime() > reference.getTime()) {
      // Still supported: active, with the end of support announced where the publisher does so.
      if (policy.stampDates) image.deprecated = { state: 'ACTIVE', deprecated: stamp(eol) };
      return;
    }
    const obsoleteAt = addDays(supersededAt, policy.obsoleteAfterDays);
    const obsolete = obsoleteAt.getTime() <= reference.getTime();
    const replacement = isLatest ? successorLatest?.selfLink : latest.selfLink;
    const status: GcpDeprecationStatus = { state: obsolete ? 'OBSOLETE' : 'DEPRECATED' };
    if (replacement) status.replacement = replacement;
    if (policy.stampDates) {
      status.deprecated = stamp(supersededAt);
      status.obsolete = stamp(obsoleteAt);
      if (obsolete) status.deleted = stamp(addDays(obsoleteAt, 365));
    }
    image.deprecated = status;
  });
}
