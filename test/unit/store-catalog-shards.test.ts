import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storedImage } from '../support/stored-image';
import type { StoredImage } from '../../main/catalog/stored-image';
import {
  CatalogShardStore,
  DamagedDetailError,
  InvalidSourceIdError,
  type CatalogShard,
  type CorruptShardNotice,
} from '../../main/stores/catalog-shard-store';
import { CATALOG_SHARD_SCHEMA_VERSION } from '../../main/stores/catalog-shard-schema';

let dataDir: string;
let catalogDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hangar-shards-'));
  catalogDir = join(dataDir, 'catalog');
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const image = (n: number): StoredImage =>
  storedImage({
    cloudId: `ami-${n.toString(16).padStart(17, '0')}`,
    name: `Image-${n}`,
    description: `Image number ${n}`,
    ownerId: '123456789012',
    osFamily: 'ubuntu',
    osVersion: n % 2 ? '22.04' : null,
    createdAt: '2025-01-01T00:00:00.000Z',
    deprecatesAt: n % 3 ? null : '2027-01-01T00:00:00.000Z',
    public: n % 2 === 0,
    sizeGb: n % 4 ? 8 : null,
    tags: n % 2 ? { Team: `t${n}` } : {},
    fields: [{ label: 'Root device', value: '/dev/sda1' }],
    raw: { ImageId: `ami-${n}`, BlockDeviceMappings: [{ DeviceName: '/dev/sda1', Ebs: { VolumeSize: 8 } }] },
  });

const syncedAt = '2025-02-01T10:00:00.000Z';
const shardFile = (id: string): string => join(catalogDir, `${id}.shard`);

/** The rows of a loaded shard as the fields the columns carry, for comparing with what was written. */
function rowsOf(shard: CatalogShard | undefined) {
  if (!shard) return undefined;
  const { count, text, dict, numbers, isPublic } = shard.columns;
  const at = (column: keyof typeof text, row: number) =>
    text[column].text.slice(row === 0 ? 0 : text[column].ends[row - 1], text[column].ends[row]);
  return Array.from({ length: count }, (_unused, row) => ({
    cloudId: at('cloudId', row),
    name: at('name', row),
    description: at('description', row),
    osVersion: dict.osVersion.values[dict.osVersion.codes[row]!],
    deprecatesMs: numbers.deprecatesMs[row],
    sizeGb: numbers.sizeGb[row],
    public: isPublic[row] === 1,
    tagText: at('tagText', row),
  }));
}
const expectedRow = (n: number) => ({
  cloudId: image(n).cloudId,
  name: `Image-${n}`,
  description: `Image number ${n}`,
  osVersion: n % 2 ? '22.04' : null,
  deprecatesMs: n % 3 ? Number.NaN : Date.parse('2027-01-01T00:00:00.000Z'),
  sizeGb: n % 4 ? 8 : Number.NaN,
  public: n % 2 === 0,
  tagText: n % 2 ? `Team=t${n}` : '',
});

function collecting(): {
  notices: CorruptShardNotice[];
  listener: (m: string, n: CorruptShardNotice) => void;
} {
  const notices: CorruptShardNotice[] = [];
  return { notices, listener: (_message, notice) => notices.push(notice) };
}

describe('CatalogShardStore', () => {
  it('round-trips shards through disk, one file per source, rows sorted by cloudId', async () => {
    const store = new CatalogShardStore(catalogDir);
    await store.replace('aws-1.us-east-1.self', [image(2), image(1), image(3)], syncedAt);
    await store.replace('aws-1.eu-west-1.amazon', [image(3)], syncedAt);
    expect((await readdir(catalogDir)).sort()).toEqual([
      'aws-1.eu-west-1.amazon.shard',
      'aws-1.us-east-1.self.shard',
    ]);

    const reloaded = new CatalogShardStore(catalogDir);
    await reloaded.loadAll();
    const shard = reloaded.get('aws-1.us-east-1.self');
    expect(shard).toMatchObject({
      schemaVersion: CATALOG_SHARD_SCHEMA_VERSION,
      sourceId: 'aws-1.us-east-1.self',
      syncedAt,
    });
    expect(rowsOf(shard)).toEqual([expectedRow(1), expectedRow(2), expectedRow(3)]);
    // Exactly what the writer held in memory.
    expect(rowsOf(shard)).toEqual(rowsOf(store.get('aws-1.us-east-1.self')));
    expect(
      reloaded
        .all()
        .map((s) => s.sourceId)
        .sort(),
    ).toEqual(['aws-1.eu-west-1.amazon', 'aws-1.us-east-1.self']);
  });

  it('keeps tags, detail fields and raw objects on disk, read one at a time, as a restart reads them', async () => {
    const store = new CatalogShardStore(catalogDir);
    const withDate = {
      ...image(1),
      raw: { CreationDate: new Date('2024-05-06T07:08:09.000Z'), Missing: undefined },
    };
    const shard = await store.replace('s1', [image(2), withDate], syncedAt);
    expect(JSON.stringify(shard)).not.toContain('BlockDeviceMappings');
    expect(await store.readDetail(shard, 0)).toEqual({
      cloudId: image(1).cloudId,
      tags: { Team: 't1' },
      fields: [{ label: 'Root device', value: '/dev/sda1' }],
      raw: { CreationDate: '2024-05-06T07:08:09.000Z' },
    });
    expect((await store.readDetail(shard, 1))?.raw).toEqual(image(2).raw);
    expect(await store.readDetail(shard, 2)).toBeNull();
  });

  it('refuses a detail read through a shard that was replaced since', async () => {
    const store = new CatalogShardStore(catalogDir);
    const old = await store.replace('s1', [image(1)], syncedAt);
    await store.replace('s1', [image(5), image(6)], syncedAt);
    expect(await store.readDetail(old, 0)).toBeNull();
  });

  it('reports a damaged detail record without touching the rows', async () => {
    const store = new CatalogShardStore(catalogDir);
    const shard = await store.replace('s1', [image(1), image(2)], syncedAt);
    const bytes = await readFile(shardFile('s1'));
    bytes.write('}}}}', shard.detailStart + 2, 'latin1');
    await writeFile(shardFile('s1'), bytes);
    await expect(store.readDetail(shard, 0)).rejects.toThrow(DamagedDetailError);
    expect(rowsOf(store.get('s1'))).toHaveLength(2);
  });

  it('replaces a shard wholesale and removes one', async () => {
    const store = new CatalogShardStore(catalogDir);
    await store.replace('s1', [image(1), image(2)], syncedAt);
    await store.replace('s1', [image(3)], '2025-02-02T00:00:00.000Z');
    expect(rowsOf(store.get('s1'))?.map((row) => row.name)).toEqual(['Image-3']);
    expect(await store.remove('s1')).toBe(true);
    expect(store.get('s1')).toBeUndefined();
    expect(await readdir(catalogDir)).toEqual([]);
    expect(await store.remove('s1')).toBe(false);
  });

  it('keeps one row per cloudId and stores an empty source', async () => {
    const store = new CatalogShardStore(catalogDir);
    await store.replace('dup', [image(1), { ...image(1), name: 'second' }], syncedAt);
    await store.replace('empty', [], syncedAt);
    const reloaded = new CatalogShardStore(catalogDir);
    await reloaded.loadAll();
    expect(rowsOf(reloaded.get('dup'))?.map((row) => row.name)).toEqual(['Image-1']);
    expect(reloaded.get('empty')?.columns.count).toBe(0);
  });

  it('lands concurrent changes to one source on disk in call order', async () => {
    const store = new CatalogShardStore(catalogDir);
    await Promise.all([
      store.replace('s1', [image(1)], syncedAt),
      store.remove('s1'),
      store.replace('s1', [image(2)], syncedAt),
    ]);
    const reloaded = new CatalogShardStore(catalogDir);
    await reloaded.loadAll();
    expect(rowsOf(reloaded.get('s1'))?.map((row) => row.name)).toEqual(['Image-2']);
  });

  it('starts empty when there is no catalog directory yet', async () => {
    const store = new CatalogShardStore(catalogDir);
    await store.loadAll();
    expect(store.all()).toEqual([]);
  });

  it('sets a damaged shard aside and still loads the others', async () => {
    const writer = new CatalogShardStore(catalogDir);
    for (const id of ['good-1', 'good-2', 'truncated', 'flipped', 'future', 'other-id', 'bad-offsets'])
      await writer.replace(id, [image(1), image(2), image(3)], syncedAt);
    const full = await readFile(shardFile('truncated'));
    await writeFile(shardFile('truncated'), full.subarray(0, full.length - 10));
    const flipped = await readFile(shardFile('flipped'));
    // One bit in the last column section, past the header: the checksum tells.
    flipped[writer.get('flipped')!.detailStart - 4]! ^= 0x01;
    await writeFile(shardFile('flipped'), flipped);
    const future = await readFile(shardFile('future'));
    future.writeUInt32LE(CATALOG_SHARD_SCHEMA_VERSION + 1, 8);
    await writeFile(shardFile('future'), future);
    await writeFile(shardFile('other-id'), await readFile(shardFile('good-1')));
    const offsets = await readFile(shardFile('bad-offsets'));
    await writeFile(
      shardFile('bad-offsets'),
      Buffer.from(offsets.toString('latin1').replace('"dataBytes":', '"dataBytes":1'), 'latin1'),
    );
    await writeFile(shardFile('garbage'), 'not a shard');
    await writeFile(shardFile('empty'), '');

    const messages: string[] = [];
    const { notices, listener } = collecting();
    const store = new CatalogShardStore(catalogDir, (message, notice) => {
      messages.push(message);
      listener(message, notice);
    });
    await store.loadAll();

    expect(
      store
        .all()
        .map((shard) => shard.sourceId)
        .sort(),
    ).toEqual(['good-1', 'good-2']);
    expect(notices.map((n) => n.sourceId).sort()).toEqual([
      'bad-offsets',
      'empty',
      'flipped',
      'future',
      'garbage',
      'other-id',
      'truncated',
    ]);
    for (const notice of notices) {
      expect(notice.movedTo).toMatch(new RegExp(`${notice.sourceId}\\.shard\\.corrupt-`));
      expect(notice.message).toContain(notice.movedTo);
    }
    expect(messages.find((m) => m.includes('source future'))).toMatch(/written by a newer version of Hangar/);
    expect(messages.find((m) => m.includes('source garbage'))).toMatch(
      /^The cached catalog for source garbage was damaged and has been moved to .*; its images will be downloaded again at the next sync\.$/,
    );
    // Set-aside files are not picked up again at the next start.
    const again = collecting();
    const restarted = new CatalogShardStore(catalogDir, again.listener);
    await restarted.loadAll();
    expect(again.notices).toEqual([]);
    expect(restarted.all()).toHaveLength(2);
  });

  it('migrates a version 1 JSON shard once, and sets a damaged one aside', async () => {
    await mkdir(catalogDir, { recursive: true });
    const legacy = { schemaVersion: 1, sourceId: 'old', syncedAt, images: [image(2), image(1)] };
    await writeFile(join(catalogDir, 'old.json'), JSON.stringify(legacy));
    await writeFile(join(catalogDir, 'broken.json'), '{"schemaVersion":1,');
    // A migration that stopped after writing the new file leaves the old one behind.
    await new CatalogShardStore(catalogDir).replace('both', [image(7)], syncedAt);
    await writeFile(join(catalogDir, 'both.json'), JSON.stringify({ ...legacy, sourceId: 'both' }));

    const { notices, listener } = collecting();
    const store = new CatalogShardStore(catalogDir, listener);
    await store.loadAll();
    expect(rowsOf(store.get('old'))).toEqual([expectedRow(1), expectedRow(2)]);
    expect(rowsOf(store.get('both'))?.map((row) => row.name)).toEqual(['Image-7']);
    expect(notices.map((n) => n.sourceId)).toEqual(['broken']);
    const files = (await readdir(catalogDir)).sort();
    expect(files.filter((f) => !f.includes('.corrupt-'))).toEqual(['both.shard', 'old.shard']);
    expect(await store.readDetail(store.get('old')!, 1)).toMatchObject({ raw: image(2).raw });
  });

  it('ignores temp files and files that are not shards', async () => {
    await mkdir(catalogDir, { recursive: true });
    await writeFile(join(catalogDir, '.s1.shard.abc123.tmp'), '{');
    await writeFile(join(catalogDir, 'README.txt'), 'hello');
    await writeFile(join(catalogDir, 'has space.shard'), '{');
    const { notices, listener } = collecting();
    const store = new CatalogShardStore(catalogDir, listener);
    await store.loadAll();
    expect(store.all()).toEqual([]);
    expect(notices).toEqual([]);
  });

  it.each(['../escape', '..', '.', 'a/b', 'a\\b', '', 'with space', 'aws:1', '/etc/passwd', 'x'.repeat(181)])(
    'refuses the source id %j',
    async (sourceId) => {
      const store = new CatalogShardStore(catalogDir);
      await expect(store.replace(sourceId, [image(1)], syncedAt)).rejects.toThrow(InvalidSourceIdError);
      await expect(store.remove(sourceId)).rejects.toThrow(InvalidSourceIdError);
      expect(await readdir(dataDir)).toEqual([]);
    },
  );

  it('writes 3,000 images as one file whose rows region is a fraction of it', async () => {
    const store = new CatalogShardStore(catalogDir);
    const shard = await store.replace(
      'big',
      Array.from({ length: 3_000 }, (_unused, n) => image(n)),
      syncedAt,
    );
    const { size } = await stat(shardFile('big'));
    expect(shard.columns.count).toBe(3_000);
    // What start-up reads (the rows) is well under half the file; raw objects are the rest.
    expect(shard.detailStart).toBeLessThan(size / 2);
  });
});
