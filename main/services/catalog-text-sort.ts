import type { TextColumnData } from '../stores/catalog-shard-schema';

/**
 * Rank of every row's text (equal texts share a rank) over columns laid end to end in row order.
 * A multikey quicksort (Bentley and Sedgewick): it reads one character per row per level and
 * splits three ways, so long shared prefixes ("ubuntu/images/hvm-ssd-gp3/…") and repeated names
 * (the same image in every region) are walked once instead of compared again and again, and no
 * string is ever allocated. Equal texts end in row order, which is the table's tie-break.
 */
export function textRanks(columns: readonly TextColumnData[], size: number): Float64Array {
  const texts = columns.map((column) => column.text);
  const owner = new Uint32Array(size);
  const starts = new Uint32Array(size);
  const lengths = new Uint32Array(size);
  let row = 0;
  columns.forEach((column, index) => {
    let start = 0;
    for (const end of column.ends) {
      owner[row] = index;
      starts[row] = start;
      lengths[row] = end - start;
      start = end;
      row += 1;
    }
  });
  const charAt = (r: number, depth: number): number =>
    depth < lengths[r]! ? texts[owner[r]!]!.charCodeAt(starts[r]! + depth) : -1;
  /** Compares two rows' texts from `depth` on: <0, 0 (equal texts) or >0. */
  const compare = (a: number, b: number, depth: number): number => {
    for (let d = depth; ; d += 1) {
      const x = charAt(a, d);
      const y = charAt(b, d);
      if (x !== y || x === -1) return x - y;
    }
  };
  const order = new Uint32Array(size);
  for (let i = 0; i < size; i += 1) order[i] = i;
  // tie[i]: order[i] and order[i + 1] have equal texts.
  const tie = new Uint8Array(size);
  // An explicit stack of [lo, hi, depth]: recursion could go as deep as texts are long.
  const stack: number[] = [0, size, 0];
  while (stack.length > 0) {
    const depth = stack.pop()!;
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    if (hi - lo < 2) continue;
    if (hi - lo < 12) {
      insertion(order, lo, hi, (a, b) => compare(a, b, depth) || a - b);
      for (let i = lo; i < hi - 1; i += 1) tie[i] = compare(order[i]!, order[i + 1]!, depth) === 0 ? 1 : 0;
      continue;
    }
    const pivot = charAt(order[(lo + hi) >>> 1]!, depth);
    let lt = lo;
    let gt = hi - 1;
    for (let i = lo; i <= gt;) {
      const c = charAt(order[i]!, depth);
      if (c === pivot) i += 1;
      else {
        const swap = c < pivot ? lt++ : gt--;
        const moved = order[swap]!;
        order[swap] = order[i]!;
        order[i] = moved;
        if (c < pivot) i += 1;
      }
    }
    stack.push(lo, lt, depth, gt + 1, hi, depth);
    if (pivot === -1) {
      // Every text here ended at this depth: all equal. Back into row order.
      order.subarray(lt, gt + 1).sort();
      tie.fill(1, lt, gt);
    } else stack.push(lt, gt + 1, depth + 1);
  }
  const ranks = new Float64Array(size);
  for (let i = 0; i < size; i += 1) ranks[order[i]!] = i > 0 && tie[i - 1] ? ranks[order[i - 1]!]! : i;
  return ranks;
}

function insertion(
  order: Uint32Array,
  lo: number,
  hi: number,
  compare: (a: number, b: number) => number,
): void {
  for (let i = lo + 1; i < hi; i += 1) {
    const row = order[i]!;
    let j = i - 1;
    while (j >= lo && compare(order[j]!, row) > 0) {
      order[j + 1] = order[j]!;
      j -= 1;
    }
    order[j + 1] = row;
  }
}
