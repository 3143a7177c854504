import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { IsoDateSchema } from '@contract/index';
import type { StoredImage } from '../catalog/stored-image';
import { versionedSchemaValidator } from './versioned-schema';
import type { JsonValidator, ValidationResult } from './atomic-file';

/**
 * Version 2: one binary file per source (`<sourceId>.shard`). The first region holds the columns a
 * query needs, decoded at start-up with a few copies instead of a million objects; the second holds
 * one JSON record per image (tags, detail fields, raw object), read only when the details pane opens.
 */
export const CATALOG_SHARD_SCHEMA_VERSION = 2;
/** Version 1 was one JSON file per source holding every raw object; such files are migrated on load. */
export const LEGACY_SHARD_SCHEMA_VERSION = 1;

/** Source ids become file names, so only characters that are safe on every file system. */
const SOURCE_ID_PATTERN = /^[A-Za-z0-9._-]+$/;

export function isValidSourceId(sourceId: string): boolean {
  // "." and ".." would name directories; the length keeps `<id>.shard.corrupt-<stamp>` under 255.
  return SOURCE_ID_PATTERN.test(sourceId) && sourceId !== '.' && sourceId !== '..' && sourceId.length <= 180;
}

export const StoredImageSchema = z.object({
  cloudId: z.string(),
  name: z.string(),
  description: z.string(),
  ownerId: z.string(),
  ownerAlias: z.string().nullable(),
  osFamily: z.string(),
  osVersion: z.string().nullable(),
  // Fields added after the first shards were written default, so older shards still load.
  osRaw: z.string().nullable().default(null),
  architecture: z.string(),
  createdAt: z.string().nullable(),
  deprecatesAt: z.string().nullable(),
  deprecationState: z
    .enum(['active', 'scheduled', 'deprecated', 'obsolete', 'deleted'])
    .nullable()
    .default(null),
  replacement: z.string().nullable().default(null),
  state: z.string(),
  public: z.boolean(),
  visibility: z.enum(['public', 'private', 'shared', 'community']).nullable().default(null),
  family: z.string().nullable().default(null),
  sizeGb: z.number().nullable().default(null),
  tags: z.record(z.string(), z.string()).default({}),
  fields: z.array(z.object({ label: z.string(), value: z.string() })),
  raw: z.unknown(),
}) satisfies z.ZodType<StoredImage>;

/** A version 1 shard, read once to migrate it. */
export const LegacyCatalogShardSchema = z.object({
  schemaVersion: z.literal(LEGACY_SHARD_SCHEMA_VERSION),
  sourceId: z.string(),
  syncedAt: IsoDateSchema,
  images: z.array(StoredImageSchema),
});
export type LegacyCatalogShard = z.infer<typeof LegacyCatalogShardSchema>;

/** Also rejects a shard whose recorded source is not the one its file name says. */
export function legacyShardValidator(expectedSourceId: string): JsonValidator<LegacyCatalogShard> {
  // A `.json` shard newer than version 1 cannot exist: version 2 is binary. Anything else is damage.
  const validate = versionedSchemaValidator(LegacyCatalogShardSchema, LEGACY_SHARD_SCHEMA_VERSION);
  return (raw) => {
    const verdict = validate(raw);
    if (verdict.ok && verdict.value.sourceId !== expectedSourceId) {
      return { ok: false, reason: 'the shard belongs to another source than its file name says' };
    }
    return verdict;
  };
}

export const TEXT_COLUMNS = ['cloudId', 'name', 'description', 'tagText'] as const;
export type TextColumn = (typeof TEXT_COLUMNS)[number];
/** Low-cardinality fields, stored as codes into a per-shard dictionary. */
export const DICT_COLUMNS = [
  'ownerId',
  'ownerAlias',
  'osFamily',
  'osVersion',
  'osRaw',
  'architecture',
  'state',
  'visibility',
  'deprecationState',
  'family',
  'replacement',
] as const;
export type DictColumn = (typeof DICT_COLUMNS)[number];
export const NUMBER_COLUMNS = ['createdMs', 'deprecatesMs', 'sizeGb'] as const;
export type NumberColumn = (typeof NUMBER_COLUMNS)[number];

/** Every row's text in one string; row i is `text.slice(i ? ends[i - 1] : 0, ends[i])`. */
export interface TextColumnData {
  text: string;
  ends: Uint32Array;
}

export interface DictColumnData {
  values: readonly (string | null)[];
  /** 16-bit codes while the dictionary has at most 65,536 values, else 32-bit. */
  codes: Uint16Array | Uint32Array;
}

/** An array wide enough for codes below `values`. */
export const codeArray = (length: number, values: number): Uint16Array | Uint32Array =>
  values <= 65_536 ? new Uint16Array(length) : new Uint32Array(length);

/** One source's images as columns, rows sorted by cloudId. Numbers are NaN where the cloud said nothing. */
export interface ShardColumns {
  count: number;
  text: Record<TextColumn, TextColumnData>;
  dict: Record<DictColumn, DictColumnData>;
  numbers: Record<NumberColumn, Float64Array>;
  isPublic: Uint8Array;
  /** Per block of GRAM_BLOCK_ROWS rows, which character trigrams its search text holds. */
  grams: Uint32Array;
  /** Per text column (TEXT_COLUMNS order), the trigrams of all its rows: a column without a term's is not scanned. */
  columnGrams: Uint32Array;
  /** Per row, two words: bit c set when its search text holds a character of class c (see gramClass). */
  chars: Uint32Array;
  /** End of each row's detail record, in bytes from the start of the detail region. */
  detailEnds: Float64Array;
}

/** The stored image's own JSON record, read lazily: what the details pane shows beyond the row. */
export const DetailRecordSchema = z.object({
  cloudId: z.string(),
  tags: z.record(z.string(), z.string()),
  fields: z.array(z.object({ label: z.string(), value: z.string() })),
  raw: z.unknown(),
});
export type DetailRecord = z.infer<typeof DetailRecordSchema>;

/** Rows per search block, and 32-bit words per block: 37³ trigrams of a-z, 0-9 and "anything else". */
export const GRAM_BLOCK_ROWS = 256;
export const GRAM_CLASSES = 37;
export const GRAM_WORDS = Math.ceil(GRAM_CLASSES ** 3 / 32);

/**
 * File layout: a 24-byte preamble (magic, version, meta length, CRC-32 of everything after the
 * preamble up to the end of the rows region), the meta JSON, then 8-byte aligned column sections;
 * after them the detail region, one JSON record per row. Numbers are little-endian.
 */
export const SHARD_MAGIC = Buffer.from('HGSHARD\u0001', 'latin1');
export const PREAMBLE_BYTES = 24;
const MAX_META_BYTES = 256 << 20;
export const align8 = (n: number): number => (n + 7) & ~7;

const SectionSchema = z.object({
  offset: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export const ShardMetaSchema = z.object({
  sourceId: z.string(),
  syncedAt: IsoDateSchema,
  count: z.number().int().nonnegative(),
  /** Bytes of sections after the meta; the rows region ends at align8(preamble + meta) + dataBytes. */
  dataBytes: z.number().int().nonnegative(),
  detailBytes: z.number().int().nonnegative(),
  textEncodings: z.record(z.enum(TEXT_COLUMNS), z.enum(['latin1', 'utf16le'])),
  dicts: z.record(z.enum(DICT_COLUMNS), z.array(z.string().nullable())),
  sections: z.record(z.string(), SectionSchema),
});
export type ShardMeta = z.infer<typeof ShardMetaSchema>;

/** Checks the fixed preamble: our magic, a version we understand, a sane meta length. */
export function readPreamble(head: Buffer, fileBytes: number): ValidationResult<{ metaBytes: number }> {
  if (head.byteLength < PREAMBLE_BYTES || !head.subarray(0, 8).equals(SHARD_MAGIC))
    return { ok: false, reason: 'not a catalog shard (it may have been cut short)' };
  const version = head.readUInt32LE(8);
  if (version > CATALOG_SHARD_SCHEMA_VERSION)
    return {
      ok: false,
      newerVersion: true,
      reason: `schemaVersion ${version} is newer than this version of Hangar understands (${CATALOG_SHARD_SCHEMA_VERSION})`,
    };
  if (version !== CATALOG_SHARD_SCHEMA_VERSION)
    return { ok: false, reason: `unknown schemaVersion ${version}` };
  const metaBytes = head.readUInt32LE(12);
  if (metaBytes > MAX_META_BYTES || PREAMBLE_BYTES + metaBytes > fileBytes)
    return { ok: false, reason: 'the shard header is damaged (it may have been cut short)' };
  return { ok: true, value: { metaBytes } };
}

/** The meta after the preamble; also says how long the rows region is, checked against the file. */
export function readMeta(
  metaText: Buffer,
  expectedSourceId: string,
  fileBytes: number,
): ValidationResult<{ meta: ShardMeta; rowsBytes: number }> {
  let parsed;
  try {
    parsed = ShardMetaSchema.safeParse(JSON.parse(metaText.toString('utf8')));
  } catch {
    return { ok: false, reason: 'the shard header is not valid JSON' };
  }
  if (!parsed.success) return { ok: false, reason: 'the shard header does not match the expected format' };
  const meta = parsed.data;
  if (meta.sourceId !== expectedSourceId)
    return { ok: false, reason: 'the shard belongs to another source than its file name says' };
  const rowsBytes = align8(PREAMBLE_BYTES + metaText.byteLength) + meta.dataBytes;
  if (rowsBytes + meta.detailBytes !== fileBytes)
    return { ok: false, reason: 'the shard is not as long as its header says (it may have been cut short)' };
  return { ok: true, value: { meta, rowsBytes } };
}

class Damaged extends Error {}

/**
 * Turns the rows region into columns, copying each section out of the file buffer so the buffer
 * can be freed. Everything a query later trusts (offsets, codes, permutations) is range-checked
 * here, so a damaged file is set aside at start-up instead of failing a query later.
 */
export function decodeColumns(rows: Buffer, meta: ShardMeta): ValidationResult<ShardColumns> {
  if (crc32(rows.subarray(PREAMBLE_BYTES)) !== rows.readUInt32LE(16))
    return { ok: false, reason: 'the shard checksum does not match (the file was damaged)' };
  const dataStart = rows.byteLength - meta.dataBytes;
  const { count } = meta;
  const section = (name: string, bytes?: number): Buffer => {
    const found = meta.sections[name];
    if (!found || (bytes !== undefined && found.bytes !== bytes) || found.offset % 8 !== 0)
      throw new Damaged(`section ${name} is missing or has the wrong size`);
    if (found.offset + found.bytes > meta.dataBytes) throw new Damaged(`section ${name} runs past the rows`);
    return rows.subarray(dataStart + found.offset, dataStart + found.offset + found.bytes);
  };
  const copy = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(
    into: T,
    name: string,
  ): T => {
    new Uint8Array(into.buffer).set(section(name, into.byteLength));
    return into;
  };
  const ascending = (ends: ArrayLike<number>, last: number, name: string): void => {
    let previous = 0;
    for (let i = 0; i < ends.length; i += 1) {
      const end = ends[i]!;
      if (!(end >= previous)) throw new Damaged(`${name} offsets go backwards`);
      previous = end;
    }
    if (previous !== last) throw new Damaged(`${name} offsets do not cover the column`);
  };
  try {
    const text = {} as ShardColumns['text'];
    for (const column of TEXT_COLUMNS) {
      const value = section(`text:${column}`).toString(meta.textEncodings[column]);
      const ends = copy(new Uint32Array(count), `ends:${column}`);
      ascending(ends, value.length, column);
      text[column] = { text: value, ends };
    }
    const dict = {} as ShardColumns['dict'];
    for (const column of DICT_COLUMNS) {
      const values = meta.dicts[column];
      const codes = copy(codeArray(count, values.length), `codes:${column}`);
      for (let i = 0; i < count; i += 1)
        if (codes[i]! >= values.length) throw new Damaged(`${column} code out of range`);
      dict[column] = { values, codes };
    }
    const numbers = {} as ShardColumns['numbers'];
    for (const column of NUMBER_COLUMNS) numbers[column] = copy(new Float64Array(count), `num:${column}`);
    const detailEnds = copy(new Float64Array(count), 'detailEnds');
    ascending(detailEnds, meta.detailBytes, 'detail');
    const grams = copy(new Uint32Array(Math.ceil(count / GRAM_BLOCK_ROWS) * GRAM_WORDS), 'grams');
    const columnGrams = copy(new Uint32Array(TEXT_COLUMNS.length * GRAM_WORDS), 'columnGrams');
    const chars = copy(new Uint32Array(count * 2), 'chars');
    const isPublic = copy(new Uint8Array(count), 'isPublic');
    const value = { count, text, dict, numbers, isPublic, grams, columnGrams, chars, detailEnds };
    return { ok: true, value };
  } catch (error) {
    if (error instanceof Damaged) return { ok: false, reason: `the shard is damaged: ${error.message}` };
    throw error;
  }
}

/** One source's cache as held in memory: the query columns only; details stay on disk. */
export interface CatalogShard {
  schemaVersion: typeof CATALOG_SHARD_SCHEMA_VERSION;
  sourceId: string;
  syncedAt: string;
  columns: ShardColumns;
  /** Byte offset of the detail region in the file this shard was read from. */
  detailStart: number;
}

/** A whole rows region (preamble included) to a shard, checked against the file's length. */
export function decodeShard(
  rows: Buffer,
  sourceId: string,
  fileBytes: number,
): ValidationResult<CatalogShard> {
  const metaBytes = rows.readUInt32LE(12);
  const meta = readMeta(rows.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + metaBytes), sourceId, fileBytes);
  if (!meta.ok) return meta;
  const columns = decodeColumns(rows, meta.value.meta);
  if (!columns.ok) return columns;
  const { syncedAt } = meta.value.meta;
  const detailStart = meta.value.rowsBytes;
  return {
    ok: true,
    value: {
      schemaVersion: CATALOG_SHARD_SCHEMA_VERSION,
      sourceId,
      syncedAt,
      columns: columns.value,
      detailStart,
    },
  };
}
