import { createPrng, type Prng } from '../prng';
import { MARKETPLACE_SKUS, type AlternativeOption, type SkuSpec } from './marketplace-skus';

export type ImageState = 'Active' | 'ScheduledForDeprecation' | 'Deprecated';

/** One Marketplace image version as the stand-in keeps it; `published` orders it and never goes on the wire. */
export interface MarketplaceVersion {
  publisher: string;
  offer: string;
  sku: string;
  version: string;
  published: Date;
  os: 'Linux' | 'Windows';
  generation: 'V1' | 'V2';
  architecture: 'x64' | 'Arm64';
  sizeInGb: number;
  imageState: ImageState;
  scheduledDeprecationTime: Date | null;
  alternativeOption: AlternativeOption | null;
  features: { name: string; value: string }[];
  automaticOSUpgradeSupported: boolean;
}

const DAY = 86_400_000;

function publishDates(prng: Prng, spec: SkuSpec, reference: Date): Date[] {
  const count = prng.int(spec.versions[0], spec.versions[1]);
  const span = spec.fromDaysAgo - spec.toDaysAgo;
  const dates: Date[] = [];
  for (let i = 0; i < count; i += 1) {
    // Even steps with jitter: a release cadence, not a uniform scatter.
    const daysAgo = spec.fromDaysAgo - Math.round((span * i) / Math.max(1, count - 1)) + prng.int(-4, 4);
    const clamped = Math.max(spec.toDaysAgo, Math.min(spec.fromDaysAgo, daysAgo));
    dates.push(new Date(reference.getTime() - clamped * DAY - prng.int(0, 20) * 3_600_000));
  }
  return dates.sort((a, b) => a.getTime() - b.getTime());
}

function features(spec: SkuSpec, published: Date, reference: Date): MarketplaceVersion['features'] {
  if (spec.generation === 'V1') return [{ name: 'IsAcceleratedNetworkSupported', value: 'True' }];
  const recent = reference.getTime() - published.getTime() < 420 * DAY;
  return [
    {
      name: 'SecurityType',
      value:
        spec.architecture === 'x64' && recent
          ? 'TrustedLaunchAndConfidentialVmSupported'
          : 'TrustedLaunchSupported',
    },
    { name: 'IsAcceleratedNetworkSupported', value: 'True' },
    { name: 'DiskControllerTypes', value: recent ? 'SCSI, NVMe' : 'SCSI' },
    { name: 'IsHibernateSupported', value: spec.architecture === 'x64' ? 'True' : 'False' },
  ];
}

type Lifecycle = Pick<MarketplaceVersion, 'imageState' | 'scheduledDeprecationTime' | 'alternativeOption'>;

/**
 * Retiring SKUs: the newest few are scheduled for deprecation, older ones already deprecated, both
 * naming the publisher's alternative. Live SKUs: a few of the oldest versions are scheduled, as
 * publishers prune old builds.
 */
function lifecycle(
  prng: Prng,
  spec: SkuSpec,
  index: number,
  count: number,
  published: Date,
  reference: Date,
): Lifecycle {
  const retirement = spec.retirement;
  if (retirement) {
    const fromNewest = count - 1 - index;
    const scheduled = fromNewest < retirement.keepScheduled && retirement.scheduledInDays > 0;
    const when = scheduled
      ? new Date(reference.getTime() + retirement.scheduledInDays * DAY)
      : new Date(Math.min(reference.getTime() - prng.int(20, 200) * DAY, published.getTime() + 400 * DAY));
    return {
      imageState: scheduled ? 'ScheduledForDeprecation' : 'Deprecated',
      scheduledDeprecationTime: new Date(Math.floor(when.getTime() / DAY) * DAY),
      alternativeOption: retirement.alternative ?? null,
    };
  }
  const age = (reference.getTime() - published.getTime()) / DAY;
  if (age > 450 && index < count - 3 && prng.chance(0.5)) {
    return {
      imageState: 'ScheduledForDeprecation',
      scheduledDeprecationTime: new Date(Math.floor(reference.getTime() / DAY + prng.int(30, 330)) * DAY),
      alternativeOption: null,
    };
  }
  return { imageState: 'Active', scheduledDeprecationTime: null, alternativeOption: null };
}

/** Every SKU's versions, oldest first, identical for the same reference date. */
export function seedMarketplace(reference: Date): MarketplaceVersion[] {
  const out: MarketplaceVersion[] = [];
  for (const spec of MARKETPLACE_SKUS) {
    const prng = createPrng(`azure-marketplace/${spec.publisher}/${spec.offer}/${spec.sku}`);
    const dates = publishDates(prng, spec, reference);
    const seen = new Set<string>();
    dates.forEach((published, index) => {
      const version = spec.version(published, index);
      if (seen.has(version)) return;
      seen.add(version);
      out.push({
        publisher: spec.publisher,
        offer: spec.offer,
        sku: spec.sku,
        version,
        published,
        os: spec.os,
        generation: spec.generation,
        architecture: spec.architecture,
        sizeInGb: spec.sizeInGb,
        ...lifecycle(prng, spec, index, dates.length, published, reference),
        features: features(spec, published, reference),
        automaticOSUpgradeSupported: spec.os === 'Windows',
      });
    });
  }
  return out;
}
