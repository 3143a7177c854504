import type { MeasureFigures, QueryTiming } from './bench-measure';
import type { PrepareFigures } from './bench-prepare';
import type { SyncFigures } from './bench-sync';

export interface ScaleResult {
  scale: number;
  prepared: PrepareFigures;
  measured: MeasureFigures;
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const pad = (cells: string[], widths: number[]): string =>
  cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((_h, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
  return [
    pad(header, widths),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((r) => pad(r, widths)),
  ].join('\n');
}

const searching = (timings: QueryTiming[]): QueryTiming[] => timings.filter((t) => t.searching);

/** The figures per scale, one row per measure, with the target and how the figure compares. */
export function renderScales(results: ScaleResult[]): string {
  const header = ['measure', ...results.map((r) => `${(r.scale / 1000).toFixed(0)}k`), 'target', 'ratio'];
  const last = results.at(-1)!;
  const at = (scale: number) => results.find((r) => r.scale === scale);
  const ratio = (value: number | undefined, target: number): string =>
    value === undefined ? 'n/a' : `${(value / target).toFixed(2)}×${value <= target ? ' ok' : ' MISSED'}`;
  const row = (
    label: string,
    of: (m: MeasureFigures, r: ScaleResult) => number,
    target = '',
    vs = '',
  ): string[] => [label, ...results.map((r) => ms(of(r.measured, r))), target, vs];
  const searchP95 = (m: MeasureFigures): number =>
    percentile(
      searching(m.timings).map((t) => t.queryMs),
      95,
    );
  const rows = [
    row('images in cache', (m) => m.images),
    row('sources (shards)', (m) => m.sources),
    row('load shards (ms)', (m) => m.loadMs),
    row('build index (ms)', (m) => m.indexMs),
    row('first page query (ms)', (m) => m.firstQueryMs),
    row(
      'cold start to first rows (ms)',
      (m) => m.coldStartMs,
      '≤1000 @250k, ≤2000 @1M',
      `${ratio(at(250_000)?.measured.coldStartMs, 1000)}; ${ratio(at(1_000_000)?.measured.coldStartMs, 2000)}`,
    ),
    row('search p50 (ms)', (m) =>
      percentile(
        searching(m.timings).map((t) => t.queryMs),
        50,
      ),
    ),
    row(
      'search p95 (ms)',
      searchP95,
      '≤50 @1M',
      ratio(at(1_000_000) && searchP95(at(1_000_000)!.measured), 50),
    ),
    row('all queries p95 (ms)', (m) =>
      percentile(
        m.timings.map((t) => t.queryMs),
        95,
      ),
    ),
    row('facets p50 (ms)', (m) =>
      percentile(
        m.timings.map((t) => t.facetsMs),
        50,
      ),
    ),
    row('facets p95 (ms)', (m) =>
      percentile(
        m.timings.map((t) => t.facetsMs),
        95,
      ),
    ),
    row('first name sort (ms)', (m) => maxOf(m, 'sort name asc (first)')),
    row('first cloudId sort (ms)', (m) => maxOf(m, 'sort cloudId (first)')),
    row('timeline 12 months (ms)', (m) => m.timelineMs),
    row('export CSV (ms)', (m) => m.exportCsvMs),
    row('  rows exported', (m) => m.exportRows),
    row('detail read p50 (ms)', (m) => percentile(m.detailMs, 50)),
    row('RSS after load (MB)', (m) => m.rssAfterLoadMb),
    row('RSS after query mix (MB)', (m) => m.rssAfterQueriesMb),
    row('peak RSS (MB)', (m) => m.peakRssMb, '≤1024 @1M', ratio(at(1_000_000)?.measured.peakRssMb, 1024)),
    row('cache on disk (MB)', (m) => m.diskMb),
    row('writing the shards, setup (ms)', (_m, r) => r.prepared.writeMs),
  ];
  const slowest = [...last.measured.timings].sort((a, b) => b.queryMs - a.queryMs).slice(0, 8);
  return [
    table(header, rows),
    '',
    `Slowest queries at ${(last.scale / 1000).toFixed(0)}k (query ms / facets ms / matching rows):`,
    ...slowest.map(
      (t) =>
        `  ${t.label.padEnd(30)} ${ms(t.queryMs).padStart(7)} ${ms(t.facetsMs).padStart(7)} ${String(t.total).padStart(8)}`,
    ),
  ].join('\n');
}

function maxOf(m: MeasureFigures, label: string): number {
  return Math.max(...m.timings.filter((t) => t.label === label).map((t) => t.queryMs));
}

export function renderSync(sync: SyncFigures): string {
  const rate = (ms: number): string => `${Math.round(sync.images / (ms / 1000))}/s`;
  const rows = [
    ['raw signed fetch + minimal XML', ms(sync.rawMs), rate(sync.rawMs), '1.00×'],
    [
      'SDK driver listImages',
      ms(sync.sdkListMs),
      rate(sync.sdkListMs),
      `${(sync.sdkListMs / sync.rawMs).toFixed(2)}×`,
    ],
    [
      '  + shard write (a sync)',
      ms(sync.syncMs),
      rate(sync.syncMs),
      `${(sync.syncMs / sync.rawMs).toFixed(2)}×`,
    ],
  ];
  const verdict = sync.syncMs / sync.rawMs <= 1.5 ? 'ok' : 'MISSED';
  return [
    `Sync throughput, EC2 sandbox ${sync.region}, owners ${sync.owners.join(', ')}, ${sync.rounds} rounds: ${sync.images} images in ${sync.pages} pages`,
    table(['path', 'ms', 'images/s', 'vs raw'], rows),
    `target: sync within 1.5× of the raw fetch → ${(sync.syncMs / sync.rawMs).toFixed(2)}× ${verdict}`,
  ].join('\n');
}
