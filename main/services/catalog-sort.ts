import type { SortColumn } from '@contract/index';
import type { CatalogTable, CodedColumn } from './catalog-rows';
import type { DictColumn } from '../stores/catalog-shard-schema';
import { textRanks } from './catalog-text-sort';

export type SortDirection = 'asc' | 'desc';

/**
 * All rows in the order of a column, cached on the table: the first query in a new order pays
 * for the sort, paging and later queries only walk it. Ties keep row order (source, then cloudId),
 * so paging is stable; rows without a value (no date, no family) come last in either direction.
 */
export function sortedRows(table: CatalogTable, column: SortColumn, direction: SortDirection): Uint32Array {
  return table.remember(`order:${column}:${direction}`, () => sortByKeys(sortKeys(table, column), direction));
}

/** A number per row that orders like the column; NaN for rows without a value. */
function sortKeys(table: CatalogTable, column: SortColumn): Float64Array {
  switch (column) {
    case 'createdAt':
      return table.createdMs;
    case 'deprecatesAt':
      return table.deprecatesMs;
    case 'name':
    case 'cloudId':
      // The one costly key (a string sort): kept for the other direction too.
      return table.remember(`ranks:${column}`, () =>
        textRanks(
          table.segments.map((segment) =>
            column === 'name' ? segment.lower.name : segment.columns.text.cloudId,
          ),
          table.size,
        ),
      );
    case 'cloud':
      return rankKeys(table.facets.cloud, false);
    case 'location':
      return rankKeys(table.facets.location, false);
    case 'ownerId':
      return rankKeys(ownerLabels(table), false);
    case 'osFamily':
      return osKeys(table);
    default:
      return rankKeys(table.coded(column satisfies DictColumn), true);
  }
}

/** Keys from a coded column: each code's rank among the sorted values ('' = no value). */
function rankKeys(column: CodedColumn, emptyIsMissing: boolean): Float64Array {
  const ranks = codeRanks(column.values);
  const keys = new Float64Array(column.codes.length);
  const missing = column.values.map((value) => emptyIsMissing && value === '');
  for (let row = 0; row < keys.length; row += 1) {
    const code = column.codes[row]!;
    keys[row] = missing[code] ? Number.NaN : ranks[code]!;
  }
  return keys;
}

function codeRanks(values: readonly string[]): Float64Array {
  const byValue = values.map((_value, code) => code).sort((a, b) => compareText(values[a]!, values[b]!));
  const ranks = new Float64Array(values.length);
  byValue.forEach((code, rank) => (ranks[code] = rank));
  return ranks;
}

/** Owners sort by their alias where they have one ("amazon"), else by account id. */
function ownerLabels(table: CatalogTable): CodedColumn {
  const ids = table.coded('ownerId');
  const aliases = table.coded('ownerAlias');
  const codeOf = new Map<string, number>();
  const codes = new Uint32Array(table.size);
  // (Owner labels are few; 32-bit codes here only live while the sort runs.)
  for (let row = 0; row < table.size; row += 1) {
    const label = aliases.values[aliases.codes[row]!] || ids.values[ids.codes[row]!]!;
    let code = codeOf.get(label);
    if (code === undefined) codeOf.set(label, (code = codeOf.size));
    codes[row] = code;
  }
  return { codes, values: [...codeOf.keys()] };
}

/** OS family first, then version (no version first within a family). */
function osKeys(table: CatalogTable): Float64Array {
  const family = rankKeys(table.facets.osFamily, false);
  const version = rankKeys(table.facets.osVersion, false);
  const span = table.facets.osVersion.values.length + 1;
  return family.map((rank, row) => rank * span + version[row]!);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A stable LSD radix sort of row numbers by float keys (16-bit digits over the IEEE bits, turned
 * so unsigned order is numeric order), NaN rows last in row order. Descending flips the bits,
 * which keeps ties in ascending row order. Digits that are equal for every row are skipped.
 */
export function sortByKeys(keys: Float64Array, direction: SortDirection): Uint32Array {
  const n = keys.length;
  const bits = new Uint32Array(keys.buffer, keys.byteOffset, n * 2);
  const high = new Uint32Array(n);
  const low = new Uint32Array(n);
  const flip = direction === 'desc' ? 0xffffffff : 0;
  let present = 0;
  for (let row = 0; row < n; row += 1) if (keys[row] === keys[row]) present += 1;
  let order = new Uint32Array(n);
  let missingAt = present;
  let presentAt = 0;
  for (let row = 0; row < n; row += 1) {
    if (keys[row] !== keys[row]) {
      order[missingAt++] = row;
      continue;
    }
    order[presentAt++] = row;
    let hi = bits[row * 2 + 1]!;
    let lo = bits[row * 2]!;
    if (hi & 0x80000000) {
      hi = ~hi;
      lo = ~lo;
    } else hi |= 0x80000000;
    high[row] = (hi ^ flip) >>> 0;
    low[row] = (lo ^ flip) >>> 0;
  }
  let scratch = new Uint32Array(n);
  const counts = new Uint32Array(65537);
  for (const [word, shift] of [
    [low, 0],
    [low, 16],
    [high, 0],
    [high, 16],
  ] as const) {
    counts.fill(0);
    for (let i = 0; i < present; i += 1) counts[((word[order[i]!]! >>> shift) & 0xffff) + 1]! += 1;
    if (counts.includes(present)) continue;
    for (let digit = 1; digit <= 65536; digit += 1) counts[digit]! += counts[digit - 1]!;
    for (let i = 0; i < present; i += 1) {
      const row = order[i]!;
      scratch[counts[(word[row]! >>> shift) & 0xffff]!++] = row;
    }
    scratch.set(order.subarray(present), present);
    [order, scratch] = [scratch, order];
  }
  return order;
}
