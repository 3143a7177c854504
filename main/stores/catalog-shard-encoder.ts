import { crc32 } from 'node:zlib';
import type { StoredImage } from '../catalog/stored-image';
import {
  align8,
  CATALOG_SHARD_SCHEMA_VERSION,
  codeArray,
  DICT_COLUMNS,
  GRAM_BLOCK_ROWS,
  GRAM_CLASSES,
  GRAM_WORDS,
  NUMBER_COLUMNS,
  PREAMBLE_BYTES,
  SHARD_MAGIC,
  TEXT_COLUMNS,
  type ShardColumns,
  type ShardMeta,
  type TextColumn,
} from './catalog-shard-schema';

if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
  // Sections are typed arrays copied byte for byte: the format is little-endian, as every target is.
  throw new Error('The catalog shard format needs a little-endian machine.');
}

const OTHER = GRAM_CLASSES - 1;
const CLASS_OF = (() => {
  const table = new Uint8Array(128).fill(OTHER);
  for (let c = 0; c < 26; c += 1) table[97 + c] = c;
  for (let d = 0; d < 10; d += 1) table[48 + d] = 26 + d;
  return table;
})();

/** The trigram class of a lowercased character: a-z, 0-9, or "anything else". */
export function gramClass(code: number): number {
  return code < 128 ? (CLASS_OF[code] as number) : OTHER;
}

/** Where one field's characters are recorded: its block's and its column's trigram sets, and its row's characters. */
export interface GramTargets {
  block: Uint32Array;
  blockBase: number;
  column: Uint32Array;
  columnBase: number;
  chars: Uint32Array;
  row: number;
}

/**
 * Marks the trigrams of one lowercased field, and the classes of its characters. The field counts
 * as wrapped in separators, so a bigram at the very end of a field still has a trigram showing it.
 */
export function addFieldGrams(text: string, to: GramTargets): void {
  let a = OTHER;
  let b = OTHER;
  let low = 0;
  let high = 0;
  for (let p = 0; p <= text.length; p += 1) {
    const c = p < text.length ? gramClass(text.charCodeAt(p)) : OTHER;
    const gram = (a * GRAM_CLASSES + b) * GRAM_CLASSES + c;
    to.block[to.blockBase + (gram >>> 5)]! |= 1 << (gram & 31);
    to.column[to.columnBase + (gram >>> 5)]! |= 1 << (gram & 31);
    if (p < text.length) {
      if (c < 32) low |= 1 << c;
      else high |= 1 << (c - 32);
    }
    a = b;
    b = c;
  }
  to.chars[to.row * 2]! |= low;
  to.chars[to.row * 2 + 1]! |= high;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Rows sorted by cloudId, one row per cloudId (the first listing wins). */
function rowOrder(images: readonly StoredImage[]): StoredImage[] {
  const sorted = [...images].sort((a, b) => compareText(a.cloudId, b.cloudId));
  return sorted.filter((image, i) => i === 0 || sorted[i - 1]!.cloudId !== image.cloudId);
}

/** Tags as searchable text: `key=value key=value`. */
export const tagTextOf = (tags: Record<string, string>): string =>
  Object.entries(tags)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');

function textColumn(values: string[]): ShardColumns['text'][TextColumn] {
  const ends = new Uint32Array(values.length);
  let at = 0;
  values.forEach((value, i) => (ends[i] = at += value.length));
  return { text: values.join(''), ends };
}

function dictColumn(values: (string | null)[]): ShardColumns['dict']['ownerId'] {
  const codeOf = new Map<string | null, number>();
  const wide = new Uint32Array(values.length);
  values.forEach((value, i) => {
    let code = codeOf.get(value);
    if (code === undefined) codeOf.set(value, (code = codeOf.size));
    wide[i] = code;
  });
  const codes = codeArray(values.length, codeOf.size);
  codes.set(wide);
  return { values: [...codeOf.keys()], codes };
}

const parseMs = (iso: string | null): number => (iso === null ? Number.NaN : Date.parse(iso));

/** Builds one source's columns and its detail records (in chunks: a Buffer per image costs more than its JSON). */
export function buildColumns(images: readonly StoredImage[]): { columns: ShardColumns; details: Buffer[] } {
  const rows = rowOrder(images);
  const count = rows.length;
  const text = {} as ShardColumns['text'];
  const lowered = {} as Record<TextColumn, string[]>;
  for (const column of TEXT_COLUMNS) {
    const values = rows.map((image) => (column === 'tagText' ? tagTextOf(image.tags) : image[column]));
    text[column] = textColumn(values);
    lowered[column] = values.map((value) => value.toLowerCase());
  }
  const dict = {} as ShardColumns['dict'];
  for (const column of DICT_COLUMNS) dict[column] = dictColumn(rows.map((image) => image[column]));
  const numbers: ShardColumns['numbers'] = {
    createdMs: Float64Array.from(rows, (image) => parseMs(image.createdAt)),
    deprecatesMs: Float64Array.from(rows, (image) => parseMs(image.deprecatesAt)),
    sizeGb: Float64Array.from(rows, (image) => image.sizeGb ?? Number.NaN),
  };
  const grams = new Uint32Array(Math.ceil(count / GRAM_BLOCK_ROWS) * GRAM_WORDS);
  const columnGrams = new Uint32Array(TEXT_COLUMNS.length * GRAM_WORDS);
  const chars = new Uint32Array(count * 2);
  for (let row = 0; row < count; row += 1) {
    const blockBase = Math.floor(row / GRAM_BLOCK_ROWS) * GRAM_WORDS;
    TEXT_COLUMNS.forEach((column, index) => {
      const targets = {
        block: grams,
        blockBase,
        column: columnGrams,
        columnBase: index * GRAM_WORDS,
        chars,
        row,
      };
      addFieldGrams(lowered[column][row]!, targets);
    });
  }
  const details: Buffer[] = [];
  const detailEnds = new Float64Array(count);
  let detailAt = 0;
  for (let start = 0; start < count; start += 1000) {
    const chunk = rows.slice(start, start + 1000).map((image, i) => {
      const { cloudId, tags, fields, raw } = image;
      const record = JSON.stringify({ cloudId, tags, fields, raw });
      detailEnds[start + i] = detailAt += Buffer.byteLength(record);
      return record;
    });
    details.push(Buffer.from(chunk.join(''), 'utf8'));
  }
  const isPublic = Uint8Array.from(rows, (image) => (image.public ? 1 : 0));
  const columns = { count, text, dict, numbers, isPublic, grams, columnGrams, chars, detailEnds };
  return { columns, details };
}

const bytesOf = (array: ArrayBufferView): Uint8Array =>
  new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

function sectionsOf(columns: ShardColumns, encodings: ShardMeta['textEncodings']): [string, Uint8Array][] {
  const sections: [string, Uint8Array][] = [];
  for (const column of TEXT_COLUMNS) {
    const { text, ends } = columns.text[column];
    sections.push(
      [`text:${column}`, Buffer.from(text, encodings[column])],
      [`ends:${column}`, bytesOf(ends)],
    );
  }
  for (const column of DICT_COLUMNS) sections.push([`codes:${column}`, bytesOf(columns.dict[column].codes)]);
  for (const column of NUMBER_COLUMNS) sections.push([`num:${column}`, bytesOf(columns.numbers[column])]);
  sections.push(
    ['isPublic', columns.isPublic],
    ['grams', bytesOf(columns.grams)],
    ['columnGrams', bytesOf(columns.columnGrams)],
    ['chars', bytesOf(columns.chars)],
    ['detailEnds', bytesOf(columns.detailEnds)],
  );
  return sections;
}

/** The whole file as buffers to write in order: the rows region first, then the detail records. */
export function encodeShard(sourceId: string, syncedAt: string, images: readonly StoredImage[]): Buffer[] {
  const { columns, details } = buildColumns(images);
  const textEncodings = {} as ShardMeta['textEncodings'];
  // Latin-1 when every character fits: it decodes as a plain copy into a one-byte string.
  for (const column of TEXT_COLUMNS)
    textEncodings[column] = /[\u0100-\uffff]/.test(columns.text[column].text) ? 'utf16le' : 'latin1';
  const sections = sectionsOf(columns, textEncodings);
  const layout: ShardMeta['sections'] = {};
  let dataBytes = 0;
  for (const [name, data] of sections) {
    layout[name] = { offset: dataBytes, bytes: data.byteLength };
    dataBytes = align8(dataBytes + data.byteLength);
  }
  const dicts = {} as ShardMeta['dicts'];
  for (const column of DICT_COLUMNS) dicts[column] = [...columns.dict[column].values];
  const detailBytes = details.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const meta: ShardMeta = {
    sourceId,
    syncedAt,
    count: columns.count,
    dataBytes,
    detailBytes,
    textEncodings,
    dicts,
    sections: layout,
  };
  const metaBytes = Buffer.from(JSON.stringify(meta), 'utf8');
  const dataStart = align8(PREAMBLE_BYTES + metaBytes.byteLength);
  const rows = Buffer.alloc(dataStart + dataBytes);
  SHARD_MAGIC.copy(rows, 0);
  rows.writeUInt32LE(CATALOG_SHARD_SCHEMA_VERSION, 8);
  rows.writeUInt32LE(metaBytes.byteLength, 12);
  metaBytes.copy(rows, PREAMBLE_BYTES);
  for (const [name, data] of sections) rows.set(data, dataStart + layout[name]!.offset);
  rows.writeUInt32LE(crc32(rows.subarray(PREAMBLE_BYTES)), 16);
  return [rows, ...details];
}
