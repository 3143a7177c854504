import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { IsoDateSchema } from '@contract/index';
import type { StoredImage } from '../catalog/stored-image';
import { isErrnoCode, readJsonFile, writeFileAtomic, type ValidationResult } from './atomic-file';
import {
  decodeShard,
  DetailRecordSchema,
  isValidSourceId,
  legacyShardValidator,
  PREAMBLE_BYTES,
  readMeta,
  readPreamble,
  type CatalogShard,
  type DetailRecord,
} from './catalog-shard-schema';
import { encodeShard } from './catalog-shard-encoder';
import { describeSetAside } from './json-file-adapter';
import { runLimited } from '../util/run-limited';

export interface CorruptShardNotice {
  sourceId: string;
  path: string;
  movedTo: string | null;
  reason: string;
  message: string;
}

export type CorruptShardListener = (message: string, notice: CorruptShardNotice) => void;

export interface CatalogShardStoreOptions {
  now?: () => Date;
  /** How many shard files are read at once at start-up (macOS allows only 256 open files). */
  readConcurrency?: number;
}

export type { CatalogShard } from './catalog-shard-schema';

export class InvalidSourceIdError extends Error {
  constructor(sourceId: string) {
    super(
      `"${sourceId.slice(0, 80)}" is not a usable source id (letters, digits, dot, dash, underscore only)`,
    );
    this.name = 'InvalidSourceIdError';
  }
}

/** Thrown by readDetail when the record on disk is not what the columns promised. */
export class DamagedDetailError extends Error {}

const SHARD_EXT = '.shard';
const LEGACY_EXT = '.json';

/**
 * The image cache, one file per source, so a sync rewrites only its own slice and a damaged file
 * costs one source, not the whole catalog. loadAll() keeps only the columns queries need; an
 * image's tags, detail fields and raw object are read from disk when its details are opened.
 * Version 1 JSON shards are converted once, on the first load that finds them.
 */
export class CatalogShardStore {
  private readonly shards = new Map<string, CatalogShard>();
  /** Per-source chains, so a replace, a remove and a detail read of one source land in call order. */
  private readonly pending = new Map<string, Promise<unknown>>();

  /**
   * @param dir the catalog directory (`<dataDir>/catalog`), created on the first write
   * @param onCorrupt told once per shard that was set aside or could not be read
   */
  constructor(
    private readonly dir: string,
    private readonly onCorrupt: CorruptShardListener = () => undefined,
    private readonly options: CatalogShardStoreOptions = {},
  ) {}

  /** Reads every shard. Damaged ones are moved aside and reported; the rest still load. */
  async loadAll(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if (isErrnoCode(error, 'ENOENT')) names = [];
      else throw error;
    }
    // Temp files (".x.shard.abc.tmp") and set-aside files ("x.shard.corrupt-…") do not match.
    const idsWith = (ext: string): string[] =>
      names
        .filter((name) => name.endsWith(ext))
        .map((name) => name.slice(0, -ext.length))
        .filter(isValidSourceId);
    const current = new Set(idsWith(SHARD_EXT));
    const legacy = idsWith(LEGACY_EXT);
    for (const sourceId of legacy.filter((id) => current.has(id))) {
      // A migration that stopped after writing the new file: the old one is a leftover.
      await rm(join(this.dir, `${sourceId}${LEGACY_EXT}`), { force: true });
    }
    const ids = [...new Set([...current, ...legacy])].sort();
    const loaded = new Map<string, CatalogShard>();
    await runLimited(ids, this.options.readConcurrency ?? 4, async (sourceId) => {
      const shard = current.has(sourceId) ? await this.readShard(sourceId) : await this.migrate(sourceId);
      if (shard) loaded.set(sourceId, shard);
    });
    this.shards.clear();
    for (const id of ids) {
      const shard = loaded.get(id);
      if (shard) this.shards.set(id, shard);
    }
  }

  /** Replaces a source's images. Call only after a successful sync: a failed one keeps the old cache. */
  async replace(sourceId: string, images: readonly StoredImage[], syncedAt: string): Promise<CatalogShard> {
    this.assertValidId(sourceId);
    IsoDateSchema.parse(syncedAt);
    return this.serialise(sourceId, async () => {
      const [rows, ...details] = encodeShard(sourceId, syncedAt, images);
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(this.pathOf(sourceId), Buffer.concat([rows!, ...details]));
      // Hold exactly what a restart would read back: decode the bytes just written.
      const fileBytes = details.reduce((sum, chunk) => sum + chunk.byteLength, rows!.byteLength);
      const shard = decodeShard(rows!, sourceId, fileBytes);
      if (!shard.ok) throw new Error(`The catalog shard just written does not read back: ${shard.reason}`);
      this.shards.set(sourceId, shard.value);
      return shard.value;
    });
  }

  /** Drops a source's cache (its account or scope was removed). Returns whether one existed. */
  async remove(sourceId: string): Promise<boolean> {
    this.assertValidId(sourceId);
    return this.serialise(sourceId, async () => {
      const existed = this.shards.delete(sourceId);
      let onDisk = true;
      await rm(this.pathOf(sourceId)).catch((error: unknown) => {
        if (!isErrnoCode(error, 'ENOENT')) throw error;
        onDisk = false;
      });
      return existed || onDisk;
    });
  }

  get(sourceId: string): CatalogShard | undefined {
    return this.shards.get(sourceId);
  }

  all(): CatalogShard[] {
    return [...this.shards.values()];
  }

  /**
   * One row's detail record, read from disk. `shard` must be the object get() returned: if the
   * source was replaced meanwhile the read is refused (null) rather than misread at old offsets.
   */
  async readDetail(shard: CatalogShard, row: number): Promise<DetailRecord | null> {
    return this.serialise(shard.sourceId, async () => {
      if (this.shards.get(shard.sourceId) !== shard || row < 0 || row >= shard.columns.count) return null;
      const { detailEnds } = shard.columns;
      const start = row === 0 ? 0 : detailEnds[row - 1]!;
      const length = detailEnds[row]! - start;
      const handle = await open(this.pathOf(shard.sourceId), 'r');
      try {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, shard.detailStart + start);
        const parsed = DetailRecordSchema.safeParse(JSON.parse(buffer.toString('utf8', 0, bytesRead)));
        if (!parsed.success) throw new DamagedDetailError('the detail record does not match its format');
        return parsed.data;
      } catch (error) {
        if (error instanceof SyntaxError) throw new DamagedDetailError('the detail record is not valid JSON');
        throw error;
      } finally {
        await handle.close();
      }
    });
  }

  private async readShard(sourceId: string): Promise<CatalogShard | null> {
    const path = this.pathOf(sourceId);
    let verdict: ValidationResult<CatalogShard>;
    try {
      const handle = await open(path, 'r');
      try {
        const { size } = await handle.stat();
        const head = Buffer.alloc(Math.min(size, PREAMBLE_BYTES));
        await handle.read(head, 0, head.byteLength, 0);
        const preamble = readPreamble(head, size);
        if (!preamble.ok) verdict = preamble;
        else {
          const metaText = Buffer.alloc(preamble.value.metaBytes);
          await handle.read(metaText, 0, metaText.byteLength, PREAMBLE_BYTES);
          const meta = readMeta(metaText, sourceId, size);
          if (!meta.ok) verdict = meta;
          else {
            // Only the rows region: the detail records are read one at a time, on demand.
            const rows = Buffer.alloc(meta.value.rowsBytes);
            await handle.read(rows, 0, rows.byteLength, 0);
            verdict = decodeShard(rows, sourceId, size);
          }
        }
      } finally {
        await handle.close();
      }
    } catch (error) {
      this.reportUnreadable(sourceId, path, error);
      return null;
    }
    if (verdict.ok) return verdict.value;
    await this.setAside(sourceId, path, verdict.reason, verdict.newerVersion === true);
    return null;
  }

  /** Reads a version 1 JSON shard and rewrites it in the current format. */
  private async migrate(sourceId: string): Promise<CatalogShard | null> {
    const path = join(this.dir, `${sourceId}${LEGACY_EXT}`);
    const now = this.options.now;
    let result;
    try {
      result = await readJsonFile(path, legacyShardValidator(sourceId), now ? { now } : {});
    } catch (error) {
      this.reportUnreadable(sourceId, path, error);
      return null;
    }
    if (result.status === 'corrupt') {
      this.notify(sourceId, path, result.movedTo, result.reason, result.newerVersion);
      return null;
    }
    if (result.status !== 'ok') return null;
    try {
      const shard = await this.replace(sourceId, result.value.images, result.value.syncedAt);
      await rm(path, { force: true });
      return shard;
    } catch (error) {
      // Could not write the new file (disk full?): keep the old one for the next start, carry on.
      this.reportUnreadable(sourceId, path, error);
      return null;
    }
  }

  /** Renames a damaged shard to `<name>.corrupt-<timestamp>` next to it, and says so. */
  private async setAside(
    sourceId: string,
    path: string,
    reason: string,
    newerVersion: boolean,
  ): Promise<void> {
    const stamp = (this.options.now ?? (() => new Date()))().toISOString().replace(/[:.]/g, '-');
    let movedTo: string | null = null;
    for (let attempt = 0; attempt < 100 && movedTo === null; attempt += 1) {
      const target = `${path}.corrupt-${stamp}${attempt === 0 ? '' : `-${attempt}`}`;
      try {
        // 'wx' reserves the name, so two damaged copies in one millisecond cannot clobber each other.
        await (await open(target, 'wx')).close();
        await rename(path, target);
        movedTo = target;
      } catch (error) {
        if (isErrnoCode(error, 'EEXIST')) continue;
        await rm(target, { force: true }).catch(() => undefined);
        break;
      }
    }
    this.notify(sourceId, path, movedTo, reason, newerVersion);
  }

  private notify(
    sourceId: string,
    path: string,
    movedTo: string | null,
    reason: string,
    newer: boolean,
  ): void {
    const consequence = 'its images will be downloaded again at the next sync';
    const message = describeSetAside(
      `The cached catalog for source ${sourceId}`,
      newer,
      movedTo,
      consequence,
    );
    this.onCorrupt(message, { sourceId, path, movedTo, reason, message });
  }

  /** Not damage (permissions, I/O): leave the file alone, but one source must not stop the rest. */
  private reportUnreadable(sourceId: string, path: string, error: unknown): void {
    const code =
      typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown error';
    const message = `The cached catalog for source ${sourceId} could not be read (${code}); its images will be downloaded again at the next sync.`;
    this.onCorrupt(message, {
      sourceId,
      path,
      movedTo: null,
      reason: `could not be read (${code})`,
      message,
    });
  }

  private pathOf(sourceId: string): string {
    return join(this.dir, `${sourceId}${SHARD_EXT}`);
  }

  private assertValidId(sourceId: string): void {
    if (!isValidSourceId(sourceId)) throw new InvalidSourceIdError(sourceId);
  }

  private serialise<R>(sourceId: string, task: () => Promise<R>): Promise<R> {
    const previous = this.pending.get(sourceId) ?? Promise.resolve();
    const run = previous.then(task);
    const settled = run.catch(() => undefined);
    this.pending.set(sourceId, settled);
    // Forget the chain once idle, so the Map does not grow with every source ever synced.
    void settled.then(() => {
      if (this.pending.get(sourceId) === settled) this.pending.delete(sourceId);
    });
    return run;
  }
}
