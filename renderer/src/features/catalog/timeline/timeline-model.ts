import type { Timeline } from '@contract/index';
import { CLOUDS, cloudLabel } from '../../../lib/clouds';
import { formatMonth } from '../catalog-filters';
import { plural } from '../../../lib/format';

export interface TimelineSegment {
  cloud: string;
  count: number;
  /** Where the segment starts, counted from the baseline. */
  below: number;
}

export interface TimelineBar {
  /** "already" for the bar of images past their date, else the month (YYYY-MM). */
  id: string;
  label: string;
  shortLabel: string;
  total: number;
  segments: TimelineSegment[];
}

/** The clouds that appear in the timeline, in the usual order (unknown keys last). */
export function timelineClouds(timeline: Timeline): string[] {
  const present = new Set(
    timeline.months.flatMap((m) => Object.keys(m.byCloud).filter((c) => (m.byCloud[c] ?? 0) > 0)),
  );
  const known = CLOUDS.filter((cloud) => present.has(cloud));
  const other = [...present].filter((cloud) => !(CLOUDS as readonly string[]).includes(cloud)).sort();
  return [...known, ...other];
}

/** One bar per month, stacked by cloud, after one bar for what is already deprecated. */
export function timelineBars(timeline: Timeline, clouds: readonly string[]): TimelineBar[] {
  const already: TimelineBar = {
    id: 'already',
    label: 'Already deprecated',
    shortLabel: 'Past',
    total: timeline.alreadyDeprecated,
    segments: [{ cloud: 'already', count: timeline.alreadyDeprecated, below: 0 }],
  };
  const months = timeline.months.map((month): TimelineBar => {
    let below = 0;
    const segments = clouds.map((cloud) => {
      const count = month.byCloud[cloud] ?? 0;
      const segment = { cloud, count, below };
      below += count;
      return segment;
    });
    // A total larger than the clouds' sum (a cloud main did not split out) still shows.
    if (month.total > below) segments.push({ cloud: 'other', count: month.total - below, below });
    return {
      id: month.month,
      label: formatMonth(month.month),
      shortLabel: formatMonth(month.month, true),
      total: month.total,
      segments: segments.filter((s) => s.count > 0),
    };
  });
  return [already, ...months];
}

/** A round axis maximum (1, 2 or 5 × 10ⁿ) at or above the tallest bar. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

/** The chart in one sentence, for its aria-label: what it shows, the past, the peak. */
export function describeTimeline(bars: readonly TimelineBar[]): string {
  const [already, ...months] = bars;
  const upcoming = months.reduce((sum, bar) => sum + bar.total, 0);
  const peak = months.reduce<TimelineBar | null>(
    (best, bar) => (!best || bar.total > best.total ? bar : best),
    null,
  );
  const parts = [
    `Images reaching deprecation or end of life per month over the next ${months.length} months`,
    `${plural(already?.total ?? 0, 'image')} already deprecated`,
    `${plural(upcoming, 'image')} upcoming`,
  ];
  if (peak && peak.total > 0) parts.push(`busiest month ${peak.label} with ${plural(peak.total, 'image')}`);
  return `${parts.join('; ')}. The table below lists every month.`;
}

export const segmentLabel = (cloud: string) =>
  cloud === 'already' ? 'Already deprecated' : cloud === 'other' ? 'Other' : cloudLabel(cloud);
