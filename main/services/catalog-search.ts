import {
  GRAM_BLOCK_ROWS,
  GRAM_WORDS,
  type TextColumn,
  type TextColumnData,
} from '../stores/catalog-shard-schema';
import type { CatalogTable, Segment } from './catalog-rows';
import { COLUMN_INDEX, mayHold, probeOf, SCAN_ORDER, searchTerms, type Probe } from './catalog-search-probe';

export { searchTerms } from './catalog-search-probe';

/** Rows matching a search: a mask over the table's rows, and the same rows as a sorted list. */
export interface SearchResult {
  mask: Uint8Array;
  rows: Uint32Array;
}

const CACHE_SIZE = 12;
const caches = new WeakMap<CatalogTable, Map<string, SearchResult>>();

/**
 * Every term must appear in the name, description, id or tags. Three cheap tests come before any
 * text is read: a segment's column must hold the term's trigrams, a block of 256 rows must too,
 * and a row must hold each of the term's characters (which alone settles one-letter terms). What
 * is left is scanned with indexOf. Results are kept per table (typing re-asks the same things),
 * and a search that only lengthens an earlier one's terms looks only at the rows that matched then.
 */
export function searchTable(table: CatalogTable, search: string): SearchResult | null {
  const terms = searchTerms(search);
  if (terms.length === 0) return null;
  let cache = caches.get(table);
  if (!cache) caches.set(table, (cache = new Map()));
  const key = terms.join(' ');
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  let narrower: { result: SearchResult; terms: string[] } | null = null;
  for (const [earlierKey, result] of cache) {
    const earlier = earlierKey.split(' ');
    if (!earlier.every((old) => terms.some((term) => term.includes(old)))) continue;
    if (!narrower || result.rows.length < narrower.result.rows.length) narrower = { result, terms: earlier };
  }
  // Terms the narrower search already proved for its rows need no second look.
  const pending = terms.filter((term) => !narrower?.terms.includes(term));
  const result = runSearch(table, pending.map(probeOf), narrower?.result ?? null);
  cache.set(key, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return result;
}

function runSearch(table: CatalogTable, probes: Probe[], within: SearchResult | null): SearchResult {
  const mask = new Uint8Array(table.size);
  const scratch = { candidates: new Uint8Array(GRAM_BLOCK_ROWS), hits: new Uint8Array(GRAM_BLOCK_ROWS) };
  let count = 0;
  table.segments.forEach((segment, index) => {
    // Per probe, the columns of this segment that may hold it; none for some probe: no match here.
    const columns = probes.map((probe) =>
      probe.exact
        ? []
        : SCAN_ORDER.filter((column) =>
            mayHold(segment.columns.columnGrams, COLUMN_INDEX[column] * GRAM_WORDS, probe),
          ),
    );
    if (columns.some((found, p) => found.length === 0 && !probes[p]!.exact)) return;
    const base = table.bases[index]!;
    for (let first = 0; first < segment.columns.count; first += GRAM_BLOCK_ROWS) {
      const found = searchBlock(segment, base, first, probes, columns, within, scratch);
      if (found === 0) continue;
      mask.set(
        scratch.candidates.subarray(0, Math.min(GRAM_BLOCK_ROWS, segment.columns.count - first)),
        base + first,
      );
      count += found;
    }
  });
  const rows = new Uint32Array(count);
  for (let row = 0, at = 0; at < count; row += 1) if (mask[row]) rows[at++] = row;
  return { mask, rows };
}

/** Leaves the block's matching rows in scratch.candidates and returns how many there are. */
function searchBlock(
  segment: Segment,
  base: number,
  first: number,
  probes: readonly Probe[],
  columns: readonly (readonly TextColumn[])[],
  within: SearchResult | null,
  { candidates, hits }: { candidates: Uint8Array; hits: Uint8Array },
): number {
  const { grams, chars, count } = segment.columns;
  const bitsBase = (first / GRAM_BLOCK_ROWS) * GRAM_WORDS;
  if (!probes.every((probe) => probe.exact || mayHold(grams, bitsBase, probe))) return 0;
  let low = 0;
  let high = 0;
  for (const probe of probes) {
    low |= probe.charsLow;
    high |= probe.charsHigh;
  }
  const rows = Math.min(count - first, GRAM_BLOCK_ROWS);
  let alive = 0;
  for (let i = 0; i < rows; i += 1) {
    const row = first + i;
    const ok = (chars[row * 2]! & low) === low && (chars[row * 2 + 1]! & high) === high;
    alive += candidates[i] = ok && (!within || within.mask[base + row]) ? 1 : 0;
  }
  for (let p = 0; p < probes.length && alive > 0; p += 1) {
    if (probes[p]!.exact) continue;
    hits.fill(0, 0, rows);
    for (const column of columns[p]!)
      markHits(segment.lower[column], probes[p]!.term, first, rows, candidates, hits);
    alive = 0;
    for (let i = 0; i < rows; i += 1) alive += candidates[i]! &= hits[i]!;
  }
  return alive;
}

/**
 * Sets hits[i] for rows first+i whose text in this column holds the term, looking only at rows
 * still wanted and not yet hit. Walks them in order remembering the next occurrence found so far:
 * indexOf runs again only for a row that starts past it, so no text is scanned twice, a dense
 * term costs a call per hit and a rare one a few calls per block.
 */
function markHits(
  column: TextColumnData,
  term: string,
  first: number,
  rows: number,
  wanted: Uint8Array,
  hits: Uint8Array,
): void {
  let lo = 0;
  while (lo < rows && (!wanted[lo] || hits[lo])) lo += 1;
  let hi = rows;
  while (hi > lo && (!wanted[hi - 1] || hits[hi - 1])) hi -= 1;
  if (lo >= hi) return;
  const { ends, text } = column;
  const start = first + lo === 0 ? 0 : ends[first + lo - 1]!;
  // One slice per block and column, so a search for a rare term stops at the block's end.
  const view = text.substring(start, ends[first + hi - 1]!);
  let next = -1;
  for (let i = lo; i < hi; i += 1) {
    if (!wanted[i] || hits[i]) continue;
    const rowStart = (first + i === 0 ? 0 : ends[first + i - 1]!) - start;
    const rowEnd = ends[first + i]! - start;
    if (next < rowStart) {
      next = view.indexOf(term, rowStart);
      if (next === -1) return;
    }
    // A match must lie inside the row, not run on into the next row's text.
    if (next + term.length <= rowEnd) hits[i] = 1;
  }
}
