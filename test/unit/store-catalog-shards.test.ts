import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredImage } from '../../main/catalog/stored-image';
import {
  CatalogShardStore,
  InvalidSourceIdError,
  type CorruptShardNotice,
} from '../../main/stores/catalog-shard-store';

let dataDir: string;
let catalogDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'hangar-shards-'));
  catalogDir = join(dataDir, 'catalog');
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const image = (n: number): StoredImage => ({
  cloudId: `ami-${n.toString(16).padStart(17, '0')}`,
  name: `image-${n}`,
  description: `Image number ${n}`,
  ownerId: '123456789012',
  ownerAlias: null,
  osFamily: 'linux',
  osVersion: '22.04',
  architecture: 'x86_64',
  createdAt: '2025-01-01T00:00:00.000Z',
  deprecatesAt: null,
  state: 'available',
  public: false,
  fields: [{ label: 'Root device', value: '/dev/sda1' }],
  raw: { ImageId: `ami-${n}`, BlockDeviceMappings: [{ DeviceName: '/dev/sda1', Ebs: { VolumeSize: 8 } }] },
});

const syncedAt = '2025-02-01T10:00:00.000Z';

function collecting(): {
  notices: CorruptShardNotice[];
  listener: (m: string, n: CorruptShardNotice) => void;
} {
  const notices: CorruptShardNotice[] = [];
  return { notices, listener: (_message, notice) => notices.push(notice) };
}

describe('CatalogShardStore', () => {
  it('round-trips shards through disk, one file per source', async () => {
    const store = new CatalogShardStore(catalogDir);
    await store.replace('aws-1.us-east-1.self', [image(1), image(2)], syncedAt);
    await store.replace('aws-1.eu-west-1.amazon', [image(3)], syncedAt);
    expect((await readdir(catalogDir)).sort()).toEqual([
      'aws-1.eu-west-1.amazon.json',
      'aws-1.us-east-1.self.json',
    ]);

    const reloaded = new CatalogShardStore(catalogDir);
    await reloaded.loadAll();
    expect(reloaded.get('aws-1.us-east-1.self')).toEqual({
      schemaVersion: 1,
      sourceId: 'aws-1.us-east-1.self',
      syncedAt,
      images: [image(1), image(2)],
    });
    expect(
      reloaded
        .all()
        .map((shard) => shard.sourceId)
        .sort(),
    ).toEqual(['aws-1.eu-west-1.amazon', 'aws-1.us-east-1.self']);
  });

  it('holds in memory exactly what a restart would read (SDK Dates become strings)', async () => {
    const store = new CatalogShardStore(catalogDir);
    const withDate = {
      ...image(1),
      raw: { CreationDate: new Date('2024-05-06T07:08:09.000Z'), Missing: undefined },
    };
    await store.replace('s1', [withDate], syncedAt);
    expect(store.get('s1')?.images[0]?.raw).toEqual({ CreationDate: '2024-05-06T07:08:09.000Z' });
  });

  it('replaces a shard wholesale and removes one', async () => {
    const store = new CatalogShardStore(catalogDir);
    await store.replace('s1', [image(1), image(2)], syncedAt);
    await store.replace('s1', [image(3)], '2025-02-02T00:00:00.000Z');
    expect(store.get('s1')?.images.map((i) => i.name)).toEqual(['image-3']);
    expect(await store.remove('s1')).toBe(true);
    expect(store.get('s1')).toBeUndefined();
    expect(await readdir(catalogDir)).toEqual([]);
    expect(await store.remove('s1')).toBe(false);
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
    expect(reloaded.get('s1')?.images.map((i) => i.name)).toEqual(['image-2']);
  });

  it('starts empty when there is no catalog directory yet', async () => {
    const store = new CatalogShardStore(catalogDir);
    await store.loadAll();
    expect(store.all()).toEqual([]);
  });

  it('sets a damaged shard aside and still loads the others', async () => {
    const writer = new CatalogShardStore(catalogDir);
    await writer.replace('good-1', [image(1)], syncedAt);
    await writer.replace('good-2', [image(2)], syncedAt);
    await writer.replace('truncated', [image(3), image(4)], syncedAt);
    const full = await readFile(join(catalogDir, 'truncated.json'), 'utf8');
    await writeFile(join(catalogDir, 'truncated.json'), full.slice(0, full.length / 2));
    await writeFile(join(catalogDir, 'garbage.json'), 'not json');
    await writeFile(
      join(catalogDir, 'future.json'),
      JSON.stringify({ schemaVersion: 9, sourceId: 'future', syncedAt, images: [] }),
    );
    await writeFile(
      join(catalogDir, 'wrong-shape.json'),
      JSON.stringify({ schemaVersion: 1, sourceId: 'wrong-shape', syncedAt, images: [{ name: 1 }] }),
    );
    await writeFile(
      join(catalogDir, 'other-id.json'),
      JSON.stringify({ schemaVersion: 1, sourceId: 'good-1', syncedAt, images: [] }),
    );

    const { notices, listener } = collecting();
    const messages: string[] = [];
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
      'future',
      'garbage',
      'other-id',
      'truncated',
      'wrong-shape',
    ]);
    for (const notice of notices) {
      expect(notice.movedTo).toMatch(new RegExp(`${notice.sourceId}\\.json\\.corrupt-`));
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

  it('ignores temp files and files that are not shards', async () => {
    await mkdir(catalogDir, { recursive: true });
    await writeFile(join(catalogDir, '.s1.json.abc123.tmp'), '{');
    await writeFile(join(catalogDir, 'README.txt'), 'hello');
    await writeFile(join(catalogDir, 'has space.json'), '{');
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

  it('writes 3,000 images quickly as one compact file', async () => {
    const store = new CatalogShardStore(catalogDir);
    const images = Array.from({ length: 3_000 }, (_, n) => image(n));
    const started = performance.now();
    await store.replace('big', images, syncedAt);
    const elapsed = performance.now() - started;
    const text = await readFile(join(catalogDir, 'big.json'), 'utf8');
    expect(text).not.toContain('\n');
    expect(store.get('big')?.images).toHaveLength(3_000);
    // Generous bound for slow CI machines; typically ~30 ms.
    expect(elapsed).toBeLessThan(1_500);
  });
});
