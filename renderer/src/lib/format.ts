/** Display formatting shared by the catalog, sources and details views. */

const countFormat = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return countFormat.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** ISO day (2024-05-01): compact, sortable and unambiguous in a dense table. */
export function formatDay(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function formatDateTime(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '';
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds % 60)} s`;
}

const UNITS: [limitSeconds: number, unitSeconds: number, label: string][] = [
  [60 * 60, 60, 'min'],
  [24 * 60 * 60, 60 * 60, 'h'],
  [Number.POSITIVE_INFINITY, 24 * 60 * 60, 'day'],
];

/** "5 min ago", "in 3 days": coarse on purpose, the exact time sits in the tooltip. */
export function formatRelative(iso: string, now: number): string {
  const diffSeconds = (new Date(iso).getTime() - now) / 1000;
  const abs = Math.abs(diffSeconds);
  if (Number.isNaN(abs)) return iso;
  if (abs < 45) return 'just now';
  for (const [limit, unit, label] of UNITS) {
    if (abs < limit) {
      const n = Math.max(1, Math.round(abs / unit));
      const text = label === 'day' ? plural(n, 'day') : `${n} ${label}`;
      return diffSeconds < 0 ? `${text} ago` : `in ${text}`;
    }
  }
  return iso;
}
