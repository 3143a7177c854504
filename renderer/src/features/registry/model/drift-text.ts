import type { DriftRow, DriftState, RegistryMapping, RegistryRecord } from '@contract/index';

/** How a date is written in a badge (the view passes the app's own day format). */
export type DayFormat = (iso: string) => string;

export type DriftTone = 'ok' | 'neutral' | 'warning' | 'danger';

/** Colour family per state; the badge always carries the words too (colour is never the only cue). */
export const DRIFT_TONE: Record<DriftState, DriftTone> = {
  ok: 'ok',
  unchecked: 'neutral',
  missing: 'danger',
  deregistered: 'danger',
  deprecated: 'warning',
  'deprecating-soon': 'warning',
  changed: 'warning',
  unknown: 'neutral',
};

/** What each state means, for the badge's tooltip. */
export const DRIFT_HINT: Record<DriftState, string> = {
  ok: 'The cloud still has this image as registered.',
  unchecked: 'No drift check has run for this mapping yet.',
  missing: 'The cloud says there is no such image.',
  deregistered: 'The cloud reports the image as deregistered or deleted.',
  deprecated: 'The image is deprecated.',
  'deprecating-soon': 'The image is deprecated or reaches end of life soon.',
  changed: 'Name, creation date, architecture or size differ from what was registered.',
  unknown: 'The last check could not reach the cloud.',
};

/** States that say the image moved away from what was registered. */
const DRIFTED: ReadonlySet<DriftState> = new Set([
  'missing',
  'deregistered',
  'deprecated',
  'deprecating-soon',
  'changed',
]);

export const isDrifted = (state: DriftState): boolean => DRIFTED.has(state);

/** Worth a look in the drift report: drifted, or not known (offline is never a silent "ok"). */
export const needsAttention = (state: DriftState): boolean => isDrifted(state) || state === 'unknown';

/**
 * The badge's words: the state itself, except "unknown", which always says since when it is
 * unknown (the last check that reached the cloud), so an offline check never reads as "ok".
 */
export function driftWords(state: DriftState, lastConfirmedAt: string | null, day: DayFormat): string {
  if (state !== 'unknown') return state;
  return `unknown since ${lastConfirmedAt ? day(lastConfirmedAt) : 'never'}`;
}

/**
 * For a record whose worst state is "unknown": the oldest last confirmation among its unknown
 * mappings (null, "never", when one of them was never confirmed).
 */
export function unknownSince(mappings: readonly RegistryMapping[]): string | null {
  const unknown = mappings.filter((m) => m.drift.state === 'unknown');
  if (unknown.length === 0 || unknown.some((m) => m.drift.lastConfirmedAt === null)) return null;
  return unknown.map((m) => m.drift.lastConfirmedAt!).sort()[0] ?? null;
}

export function recordDriftWords(record: Pick<RegistryRecord, 'drift' | 'mappings'>, day: DayFormat): string {
  return driftWords(record.drift, record.drift === 'unknown' ? unknownSince(record.mappings) : null, day);
}

export interface DriftSummary {
  total: number;
  drifted: number;
  unknown: number;
}

export function summarizeDrift(rows: readonly DriftRow[]): DriftSummary {
  return {
    total: rows.length,
    drifted: rows.filter((row) => isDrifted(row.mapping.drift.state)).length,
    unknown: rows.filter((row) => row.mapping.drift.state === 'unknown').length,
  };
}

/** "3 of 12 mappings drifted", plus the unknown ones when some could not be checked. */
export function driftSummaryText({ total, drifted, unknown }: DriftSummary): string {
  const base = `${drifted} of ${total} ${total === 1 ? 'mapping' : 'mappings'} drifted`;
  return unknown > 0 ? `${base}; ${unknown} unknown (the cloud could not be reached)` : base;
}
