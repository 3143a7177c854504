import { GRAM_CLASSES, TEXT_COLUMNS, type TextColumn } from '../stores/catalog-shard-schema';
import { gramClass } from '../stores/catalog-shard-encoder';

const OTHER = GRAM_CLASSES - 1;

/** Lowercased, de-duplicated terms, longest first (usually the most selective). */
export function searchTerms(search: string): string[] {
  const terms = [...new Set(search.toLowerCase().split(/\s+/).filter(Boolean))];
  // A term inside another adds nothing: "ubu ubuntu" finds what "ubuntu" finds.
  return terms
    .filter((term) => !terms.some((other) => other !== term && other.includes(term)))
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/** What a term needs from a row, a block or a column before its text is worth scanning. */
export interface Probe {
  term: string;
  /** Trigrams the text must hold; empty for one- and two-character terms. */
  grams: number[];
  /** For two-character terms: the pair of classes to look for. */
  bigram: [number, number] | null;
  /** Character classes every matching row holds (two words, as the shard's `chars`). */
  charsLow: number;
  charsHigh: number;
  /** A single letter or digit: the row's character classes alone decide, no scanning. */
  exact: boolean;
}

export function probeOf(term: string): Probe {
  let classes = Array.from(term, (char) => gramClass(char.codePointAt(0)!));
  // Characters outside the basic plane: no pruning, only scanning.
  if (classes.length !== term.length) classes = [];
  const grams = new Set<number>();
  for (let i = 2; i < classes.length; i += 1)
    grams.add((classes[i - 2]! * GRAM_CLASSES + classes[i - 1]!) * GRAM_CLASSES + classes[i]!);
  let charsLow = 0;
  let charsHigh = 0;
  for (const c of classes) {
    if (c < 32) charsLow |= 1 << c;
    else charsHigh |= 1 << (c - 32);
  }
  return {
    term,
    grams: [...grams],
    bigram: classes.length === 2 ? [classes[0]!, classes[1]!] : null,
    charsLow,
    charsHigh,
    exact: classes.length === 1 && classes[0] !== OTHER,
  };
}

/** Whether a trigram set (a block's, a column's) may hold the term. */
export function mayHold(bits: Uint32Array, base: number, probe: Probe): boolean {
  for (const gram of probe.grams) if (!(bits[base + (gram >>> 5)]! & (1 << (gram & 31)))) return false;
  if (!probe.bigram) return true;
  const [a, b] = probe.bigram;
  for (let c = 0; c < GRAM_CLASSES; c += 1) {
    const gram = (a * GRAM_CLASSES + b) * GRAM_CLASSES + c;
    if (bits[base + (gram >>> 5)]! & (1 << (gram & 31))) return true;
  }
  return false;
}

/** Scanning order: the name settles most rows, so later columns are scanned for fewer. */
export const SCAN_ORDER = [
  'name',
  'description',
  'cloudId',
  'tagText',
] as const satisfies readonly TextColumn[];
export const COLUMN_INDEX = Object.fromEntries(TEXT_COLUMNS.map((column, i) => [column, i])) as Record<
  TextColumn,
  number
>;
