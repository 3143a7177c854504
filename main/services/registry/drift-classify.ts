import type { DriftState, MappingDrift } from '@contract/index';
import type { StoredImage } from '../../catalog/stored-image';
import type { StoredMapping } from '../../stores/registry-schema';
import { normalisedArchitecture } from './architecture';

/** States in which a cloud still reports an image that can no longer be launched. */
const GONE_STATES = new Set([
  'deregistered',
  'deleted',
  'pending_delete',
  'killed',
  'deleting',
  'failed',
  'error',
]);
/** Glance's deactivate is how an OpenStack operator retires an image short of deleting it. */
const RETIRED_STATES = new Set(['deactivated', 'disabled', 'obsolete']);

const DAY_MS = 86_400_000;

/** How bad each state is, for the one badge a record shows for all its mappings. */
const SEVERITY: Record<DriftState, number> = {
  ok: 0,
  unchecked: 1,
  unknown: 2,
  changed: 3,
  'deprecating-soon': 4,
  deprecated: 5,
  deregistered: 6,
  missing: 7,
};

export function worstDrift(states: readonly DriftState[]): DriftState {
  return states.reduce<DriftState>(
    (worst, state) => (SEVERITY[state] > SEVERITY[worst] ? state : worst),
    'ok',
  );
}

export function isDrifted(state: DriftState): boolean {
  return state !== 'ok' && state !== 'unchecked';
}

const shortDate = (iso: string): string => iso.slice(0, 10);

/**
 * Compares what the cloud reports now with what was registered. `image` null: the cloud says the
 * image does not exist. Pure, so every rule is unit-tested.
 */
export function classifyDrift(
  mapping: Pick<StoredMapping, 'cloudImageId' | 'imageName' | 'imageCreatedAt' | 'imageArchitecture'>,
  image: StoredImage | null,
  now: Date,
  withinDays: number,
): { state: DriftState; detail: string | null } {
  if (!image) return { state: 'missing', detail: `The cloud has no image ${mapping.cloudImageId} any more.` };
  const state = image.state.toLowerCase();
  if (GONE_STATES.has(state) || image.deprecationState === 'deleted')
    return { state: 'deregistered', detail: `The cloud reports ${mapping.cloudImageId} as ${state}.` };
  const deprecatesAtMs = image.deprecatesAt ? Date.parse(image.deprecatesAt) : null;
  const pastDeprecation = deprecatesAtMs !== null && deprecatesAtMs <= now.getTime();
  if (
    RETIRED_STATES.has(state) ||
    image.deprecationState === 'deprecated' ||
    image.deprecationState === 'obsolete' ||
    pastDeprecation
  ) {
    const since = image.deprecatesAt && pastDeprecation ? ` since ${shortDate(image.deprecatesAt)}` : '';
    const replacement = image.replacement ? `; the cloud names ${image.replacement} as its replacement` : '';
    return { state: 'deprecated', detail: `Deprecated${since}${replacement}.` };
  }
  if (deprecatesAtMs !== null && deprecatesAtMs - now.getTime() <= withinDays * DAY_MS) {
    return { state: 'deprecating-soon', detail: `Deprecated on ${shortDate(image.deprecatesAt!)}.` };
  }
  const changes: string[] = [];
  if (image.name !== mapping.imageName) changes.push(`name "${mapping.imageName}" → "${image.name}"`);
  if (
    mapping.imageCreatedAt &&
    image.createdAt &&
    Date.parse(image.createdAt) !== Date.parse(mapping.imageCreatedAt)
  )
    changes.push(`created ${shortDate(mapping.imageCreatedAt)} → ${shortDate(image.createdAt)}`);
  // Both sides in the registry's words: a cloud saying aarch64 for what was registered as arm64 is no change.
  const architecture = normalisedArchitecture(image.architecture);
  if (
    mapping.imageArchitecture &&
    mapping.imageArchitecture !== 'unknown' &&
    architecture !== mapping.imageArchitecture
  )
    changes.push(`architecture ${mapping.imageArchitecture} → ${architecture}`);
  if (changes.length > 0)
    return { state: 'changed', detail: `Changed since registered: ${changes.join(', ')}.` };
  return { state: 'ok', detail: null };
}

/** A check that could not reach the cloud: never a false "ok", the last good answer's date kept. */
export function unknownDrift(previous: MappingDrift, now: Date, reason: string): MappingDrift {
  const since = previous.lastConfirmedAt ? `since ${shortDate(previous.lastConfirmedAt)}` : 'never confirmed';
  return {
    state: 'unknown',
    checkedAt: now.toISOString(),
    lastConfirmedAt: previous.lastConfirmedAt,
    detail: `Unknown (${since}): ${reason}`,
  };
}
