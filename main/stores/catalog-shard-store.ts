import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { IsoDateSchema } from '@contract/index';
import type { StoredImage } from '../catalog/stored-image';
import { isErrnoCode, readJsonFile, writeFileAtomic } from './atomic-file';
import {
  CATALOG_SHARD_SCHEMA_VERSION,
  catalogShardValidator,
  isValidSourceId,
  type CatalogShard,
} from './catalog-shard-schema';
import { describeSetAside } from './json-file-adapter';
import { runLimited } from '../util/run-limited';

export type { CatalogShard } from './catalog-shard-schema';

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

export class InvalidSourceIdError extends Error {
  constructor(sourceId: string) {
    super(
      `"${sourceId.slice(0, 80)}" is not a usable source id (letters, digits, dot, dash, underscore only)`,
    );
    this.name = 'InvalidSourceIdError';
  }
}

/**
 * The image cache, one file per source, so a sync rewrites only its own slice and a damaged
 * file costs one source, not the whole catalog. Everything is held in memory after loadAll();
 * queries are answered from the Map.
 */
export class CatalogShardStore {
  private readonly shards = new Map<string, CatalogShard>();
  /** Per-source chains, so a replace and a remove of one source land on disk in call order. */
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
    // Temp files (".x.json.abc.tmp") and set-aside files ("x.json.corrupt-…") do not match.
    const ids = names
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .filter(isValidSourceId);

    const loaded = new Map<string, CatalogShard>();
    await runLimited(ids, this.options.readConcurrency ?? 16, async (sourceId) => {
      const shard = await this.readShard(sourceId);
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
      const shard = { schemaVersion: CATALOG_SHARD_SCHEMA_VERSION, sourceId, syncedAt, images };
      // One compact stringify: thousands of images, no pretty-printing.
      const json = JSON.stringify(shard);
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(this.pathOf(sourceId), json);
      // Keep what a restart would read back (SDK Dates become strings, undefined keys vanish),
      // so the details pane shows the same thing before and after a restart.
      const stored = JSON.parse(json) as CatalogShard;
      this.shards.set(sourceId, stored);
      return stored;
    });
  }

  /** Drops a source's cache (its account or scope was removed). Returns whether one existed. */
  async remove(sourceId: string): Promise<boolean> {
    this.assertValidId(sourceId);
    return this.serialise(sourceId, async () => {
      const existed = this.shards.delete(sourceId);
      const path = this.pathOf(sourceId);
      let onDisk = true;
      await rm(path).catch((error: unknown) => {
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

  private async readShard(sourceId: string): Promise<CatalogShard | null> {
    const path = this.pathOf(sourceId);
    const now = this.options.now;
    let result;
    try {
      result = await readJsonFile(path, catalogShardValidator(sourceId), now ? { now } : {});
    } catch (error) {
      // Not damage (permissions, I/O): leave the file alone, but one source must not stop the rest.
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
      return null;
    }
    if (result.status === 'ok') return result.value;
    if (result.status === 'corrupt') {
      const message = describeSetAside(
        `The cached catalog for source ${sourceId}`,
        result.newerVersion,
        result.movedTo,
        'its images will be downloaded again at the next sync',
      );
      this.onCorrupt(message, { sourceId, path, movedTo: result.movedTo, reason: result.reason, message });
    }
    return null;
  }

  private pathOf(sourceId: string): string {
    return join(this.dir, `${sourceId}.json`);
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
