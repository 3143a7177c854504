import type { Cloud, FacetName, ImageSummary } from '@contract/index';
import type { CatalogShard } from '../stores/catalog-shard-store';
import {
  codeArray,
  TEXT_COLUMNS,
  type DictColumn,
  type ShardColumns,
  type TextColumn,
  type TextColumnData,
} from '../stores/catalog-shard-schema';

/** What a row inherits from its source: the account it was synced with and where. */
export interface SourceInfo {
  sourceId: string;
  accountId: string;
  location: string;
  cloud: Cloud;
}

/** Facets whose values are codes per row; the deprecation facet is computed from dates instead. */
export type CodedFacet = Exclude<FacetName, 'deprecation'>;
export const CODED_FACETS: readonly CodedFacet[] = [
  'cloud',
  'account',
  'location',
  'owner',
  'osFamily',
  'osVersion',
  'architecture',
  'visibility',
  'state',
];
const FACET_DICT: Partial<Record<CodedFacet, DictColumn>> = {
  owner: 'ownerId',
  osFamily: 'osFamily',
  osVersion: 'osVersion',
  architecture: 'architecture',
  visibility: 'visibility',
  state: 'state',
};
const PAST_STATES = new Set(['deprecated', 'obsolete', 'deleted']);

/** Global codes per row and the value of each code; null values become ''. */
export interface CodedColumn {
  codes: Uint16Array | Uint32Array;
  values: string[];
}

const slice = (column: TextColumnData, row: number): string =>
  column.text.slice(row === 0 ? 0 : column.ends[row - 1], column.ends[row]);

/** Lowercased copies for search: one call per column unless lowercasing changed some lengths. */
function lowerColumn(column: TextColumnData): TextColumnData {
  // Capital sigma lowercases by context (final ς): lowercase each row alone, as the writer did.
  const text = column.text.includes('Σ') ? '' : column.text.toLowerCase();
  // Already lowercase (ids, most image names): share the text rather than hold it twice.
  if (text === column.text) return column;
  if (text.length === column.text.length && text !== '') return { text, ends: column.ends };
  const values = Array.from(column.ends, (_end, row) => slice(column, row).toLowerCase());
  const ends = new Uint32Array(values.length);
  let at = 0;
  values.forEach((value, row) => (ends[row] = at += value.length));
  return { text: values.join(''), ends };
}

/** One source's shard with what the index adds: its source and a lowercased copy of its text. */
export class Segment {
  readonly lower = {} as Record<TextColumn, TextColumnData>;

  constructor(
    readonly shard: CatalogShard,
    readonly source: SourceInfo,
  ) {
    for (const column of TEXT_COLUMNS) this.lower[column] = lowerColumn(shard.columns.text[column]);
  }

  get columns(): ShardColumns {
    return this.shard.columns;
  }

  text(column: TextColumn, row: number): string {
    return slice(this.columns.text[column], row);
  }

  value(column: DictColumn, row: number): string | null {
    const { values, codes } = this.columns.dict[column];
    return values[codes[row]!] ?? null;
  }

  /** The row holding cloudId (rows are sorted by cloudId), or -1. */
  rowOf(cloudId: string): number {
    let low = 0;
    let high = this.columns.count - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const id = this.text('cloudId', mid);
      if (id === cloudId) return mid;
      if (id < cloudId) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }
}

const isoOf = (ms: number): string | null => (Number.isFinite(ms) ? new Date(ms).toISOString() : null);

/**
 * Every cached image as one row space: segments in source-id order, rows within a segment in
 * cloudId order, so a row number is also the stable tie-break between equal sort keys. Built
 * once per change of the cached sources; queries derive masks and sort orders from it.
 */
export class CatalogTable {
  readonly size: number;
  /** Row number of each segment's first row, plus the total at the end. */
  readonly bases: Uint32Array;
  readonly facets = {} as Record<CodedFacet, CodedColumn>;
  readonly createdMs: Float64Array;
  readonly deprecatesMs: Float64Array;
  /** 1 where the cloud itself says the image is deprecated, obsolete or deleted. */
  readonly pastState: Uint8Array;
  /** Derived data (sort orders, search results) that lives exactly as long as this table. */
  readonly memo = new Map<string, unknown>();

  constructor(readonly segments: readonly Segment[]) {
    this.bases = new Uint32Array(segments.length + 1);
    segments.forEach((segment, i) => (this.bases[i + 1] = this.bases[i]! + segment.columns.count));
    this.size = this.bases[segments.length]!;
    this.createdMs = new Float64Array(this.size);
    this.deprecatesMs = new Float64Array(this.size);
    this.pastState = new Uint8Array(this.size);
    segments.forEach((segment, i) => {
      const base = this.bases[i]!;
      this.createdMs.set(segment.columns.numbers.createdMs, base);
      this.deprecatesMs.set(segment.columns.numbers.deprecatesMs, base);
      const { values, codes } = segment.columns.dict.deprecationState;
      const past = values.map((value) => (value !== null && PAST_STATES.has(value) ? 1 : 0));
      for (let row = 0; row < codes.length; row += 1) this.pastState[base + row] = past[codes[row]!]!;
    });
    this.facets.cloud = this.constant((source) => source.cloud);
    this.facets.account = this.constant((source) => source.accountId);
    this.facets.location = this.constant((source) => source.location);
    for (const [facet, column] of Object.entries(FACET_DICT) as [CodedFacet, DictColumn][])
      this.facets[facet] = this.coded(column);
  }

  /** The segment index of a row. */
  segmentOf(row: number): number {
    let low = 0;
    let high = this.segments.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.bases[mid]! <= row) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** Global codes for any dictionary column, built on first use. */
  coded(column: DictColumn): CodedColumn {
    return this.remember(`coded:${column}`, () => {
      const codeOf = new Map<string, number>();
      const codes = new Uint32Array(this.size);
      this.segments.forEach((segment, i) => {
        const local = segment.columns.dict[column];
        const toGlobal = local.values.map((value) => {
          const key = value ?? '';
          let code = codeOf.get(key);
          if (code === undefined) codeOf.set(key, (code = codeOf.size));
          return code;
        });
        const base = this.bases[i]!;
        for (let row = 0; row < local.codes.length; row += 1)
          codes[base + row] = toGlobal[local.codes[row]!]!;
      });
      return { codes, values: [...codeOf.keys()] };
    });
  }

  remember<T>(key: string, build: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, build());
    return this.memo.get(key) as T;
  }

  /** The summary the table shows; account names come from the caller, so a rename shows at once. */
  summaryOf(row: number, accountNames: ReadonlyMap<string, string>, nowMs: number): ImageSummary {
    const index = this.segmentOf(row);
    const segment = this.segments[index]!;
    const local = row - this.bases[index]!;
    const { source, columns } = segment;
    const cloudId = segment.text('cloudId', local);
    const deprecatesMs = columns.numbers.deprecatesMs[local]!;
    const sizeGb = columns.numbers.sizeGb[local]!;
    return {
      key: `${source.sourceId}/${cloudId}`,
      sourceId: source.sourceId,
      accountId: source.accountId,
      accountName: accountNames.get(source.accountId) ?? source.accountId,
      cloud: source.cloud,
      location: source.location,
      cloudId,
      name: segment.text('name', local),
      description: segment.text('description', local),
      ownerId: segment.value('ownerId', local) ?? '',
      ownerAlias: segment.value('ownerAlias', local),
      osFamily: segment.value('osFamily', local) ?? 'unknown',
      osVersion: segment.value('osVersion', local),
      osRaw: segment.value('osRaw', local),
      architecture: segment.value('architecture', local) ?? 'unknown',
      createdAt: isoOf(columns.numbers.createdMs[local]!),
      deprecatesAt: isoOf(deprecatesMs),
      deprecated: this.pastState[row] === 1 || deprecatesMs <= nowMs,
      deprecationState: segment.value('deprecationState', local) as ImageSummary['deprecationState'],
      replacement: segment.value('replacement', local),
      state: segment.value('state', local) ?? 'unknown',
      public: columns.isPublic[local] === 1,
      visibility: segment.value('visibility', local) as ImageSummary['visibility'],
      family: segment.value('family', local),
      sizeGb: Number.isNaN(sizeGb) ? null : sizeGb,
    };
  }

  /** A column that is the same for every row of a segment. */
  private constant(valueOf: (source: SourceInfo) => string): CodedColumn {
    const values = [...new Set(this.segments.map((segment) => valueOf(segment.source)))];
    const codes = codeArray(this.size, values.length);
    this.segments.forEach((segment, i) => {
      codes.fill(values.indexOf(valueOf(segment.source)), this.bases[i], this.bases[i + 1]);
    });
    return { codes, values };
  }
}
