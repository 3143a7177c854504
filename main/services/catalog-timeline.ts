import type { CatalogFilters, Timeline } from '@contract/index';
import type { CatalogTable } from './catalog-rows';
import { forEachRow, viewRows } from './catalog-filter';

export interface TimelineInput {
  search: string;
  filters: CatalogFilters;
  months: number;
}

/** `YYYY-MM` of a UTC month counted from a start month. */
function monthLabel(year: number, month: number): string {
  const date = new Date(Date.UTC(year, month, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * Images reaching deprecation or end of life per calendar month (UTC), from the current month on,
 * in total and per cloud, under the view's search and filters. The month chosen from the timeline
 * (deprecatesInMonth) is ignored here, so picking a bar does not empty the others. Images already
 * past, before the current month (or deprecated by the cloud's own state, with no date), are counted
 * apart.
 */
export function computeTimeline(table: CatalogTable, input: TimelineInput, now: Date): Timeline {
  const filters: CatalogFilters = { ...input.filters };
  delete filters.deprecatesInMonth;
  const view = viewRows(table, { search: input.search, filters }, now.getTime());
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const bounds = Array.from({ length: input.months + 1 }, (_unused, i) => Date.UTC(year, month + i, 1));
  const totals = new Uint32Array(input.months);
  const clouds = table.facets.cloud;
  const perCloud = bounds.slice(1).map(() => new Uint32Array(clouds.values.length));
  let already = 0;
  const first = bounds[0]!;
  const end = bounds[input.months]!;
  forEachRow(table, view, (row) => {
    const at = table.deprecatesMs[row]!;
    if (at !== at) {
      if (table.pastState[row]) already += 1;
      return;
    }
    if (at < first) {
      already += 1;
      return;
    }
    if (at >= end) return;
    let bucket = 0;
    while (at >= bounds[bucket + 1]!) bucket += 1;
    totals[bucket]! += 1;
    perCloud[bucket]![clouds.codes[row]!]! += 1;
  });
  return {
    months: Array.from(totals, (total, i) => ({
      month: monthLabel(year, month + i),
      total,
      byCloud: Object.fromEntries(
        clouds.values.flatMap((cloud, code) => (perCloud[i]![code] ? [[cloud, perCloud[i]![code]!]] : [])),
      ),
    })),
    alreadyDeprecated: already,
  };
}
