import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CatalogQuerySchema,
  ExportRequestSchema,
  FacetsRequestSchema,
  TimelineRequestSchema,
} from '@contract/index';
import { CatalogShardStore } from '../../main/stores/catalog-shard-store';
import { CatalogIndex } from '../../main/services/catalog-index';
import { stateFor, WORKSPACE_ID } from './bench-state';
import { queryMix, toQuery } from './bench-queries';
import type { SyntheticPlan } from './synthetic-plan';

export interface QueryTiming {
  label: string;
  searching: boolean;
  queryMs: number;
  facetsMs: number;
  total: number;
}

export interface MeasureFigures {
  images: number;
  sources: number;
  loadMs: number;
  indexMs: number;
  firstQueryMs: number;
  coldStartMs: number;
  timings: QueryTiming[];
  timelineMs: number;
  exportCsvMs: number;
  exportRows: number;
  detailMs: number[];
  rssAfterLoadMb: number;
  rssAfterMixMb: number;
  rssAfterQueriesMb: number;
  rssAfterExportMb: number;
  peakRssMb: number;
  heapUsedMb: number;
  diskMb: number;
}

const mb = (bytes: number): number => bytes / 1_048_576;

/** Time one synchronous call. */
function timed<T>(run: () => T): [T, number] {
  const started = performance.now();
  const value = run();
  return [value, performance.now() - started];
}

/**
 * Everything a user waits for, in one process as the app's main process runs it: start-up from the
 * shards on disk to the first page, then the query mix with facets per query, a timeline, an
 * export and detail reads. Wall-clock milliseconds from performance.now().
 */
export async function measureCatalog(
  dir: string,
  plan: SyntheticPlan,
  reference: Date,
  rounds: number,
): Promise<MeasureFigures> {
  const clock = { now: () => reference };
  const state = stateFor(plan, reference.toISOString());
  const started = performance.now();
  const store = new CatalogShardStore(dir);
  await store.loadAll();
  const loadMs = performance.now() - started;
  const index = new CatalogIndex(state, store, clock);
  const [, indexMs] = timed(() => index.rebuild());
  const [firstPage, firstQueryMs] = timed(() =>
    index.query(CatalogQuerySchema.parse({ workspaceId: WORKSPACE_ID })),
  );
  const coldStartMs = performance.now() - started;
  if (firstPage.rows.length === 0) throw new Error('the first page came back empty');
  const rssAfterLoadMb = mb(process.memoryUsage().rss);

  const month = `${reference.getUTCFullYear() + 1}-03`;
  const timings: QueryTiming[] = [];
  for (let round = 0; round < rounds; round += 1) {
    // Each round starts cold (no cached sort orders or searches), as a fresh session would.
    if (round > 0) index.rebuild();
    for (const query of queryMix(month)) {
      const parsed = CatalogQuerySchema.parse({ workspaceId: WORKSPACE_ID, ...toQuery(query) });
      const [page, queryMs] = timed(() => index.query(parsed));
      const facetsRequest = FacetsRequestSchema.parse({
        workspaceId: WORKSPACE_ID,
        search: parsed.search,
        filters: parsed.filters,
      });
      const [, facetsMs] = timed(() => index.facets(facetsRequest));
      timings.push({
        label: query.label,
        searching: parsed.search !== '',
        queryMs,
        facetsMs,
        total: page.total,
      });
    }
  }
  const rssAfterQueriesMb = mb(process.memoryUsage().rss);
  const [, timelineMs] = timed(() =>
    index.timeline(TimelineRequestSchema.parse({ workspaceId: WORKSPACE_ID, months: 12 })),
  );
  const [exported, exportCsvMs] = timed(() =>
    index.export(ExportRequestSchema.parse({ workspaceId: WORKSPACE_ID, search: 'ubuntu', format: 'csv' })),
  );
  const rssAfterExportMb = mb(process.memoryUsage().rss);
  const detailMs: number[] = [];
  const keys = index
    .query(CatalogQuerySchema.parse({ workspaceId: WORKSPACE_ID, search: 'server', limit: 50 }))
    .rows.map((row) => row.key);
  for (const key of keys) {
    const at = performance.now();
    await index.detail(key);
    detailMs.push(performance.now() - at);
  }
  const rssAfterMixMb = mb(process.memoryUsage().rss);
  let diskBytes = 0;
  for (const name of await readdir(dir)) diskBytes += (await stat(join(dir, name))).size;
  return {
    images: index.table().size,
    sources: index.table().segments.length,
    loadMs,
    indexMs,
    firstQueryMs,
    coldStartMs,
    timings,
    timelineMs,
    exportCsvMs,
    exportRows: exported.rows,
    detailMs,
    rssAfterLoadMb,
    rssAfterMixMb,
    rssAfterQueriesMb,
    rssAfterExportMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapUsedMb: mb(process.memoryUsage().heapUsed),
    diskMb: mb(diskBytes),
  };
}
