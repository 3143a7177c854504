import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatalogQuerySchema } from '@contract/index';
import { CatalogShardStore } from '../../main/stores/catalog-shard-store';
import { CatalogIndex } from '../../main/services/catalog-index';
import { catalogWith, image, NOW, SYNCED_AT, type CatalogFixture, WORKSPACE_ID } from './catalog-fixture';

let fixture: CatalogFixture;
const raw = {
  ImageId: 'ami-1',
  BlockDeviceMappings: [{ DeviceName: '/dev/sda1' }],
  Nested: { deep: [1, 2, 3] },
};

beforeEach(async () => {
  fixture = await catalogWith(
    [
      { id: 'acct', cloud: 'aws', name: 'Acct' },
      { id: 'az', cloud: 'azure', name: 'Subscription' },
    ],
    [
      {
        id: 'acct.us-east-1.self',
        accountId: 'acct',
        location: 'us-east-1',
        images: [
          image('ami-1', {
            tags: { Team: 'core' },
            fields: [{ label: 'Root device', value: '/dev/sda1' }],
            raw,
          }),
          image('ami-2'),
        ],
      },
      {
        id: 'az.westeurope.marketplace',
        accountId: 'az',
        location: 'westeurope',
        images: [image('Canonical:ubuntu-24_04-lts:server:24.04.202408010', { name: 'ubuntu 24.04' })],
      },
    ],
  );
});
afterEach(() => fixture.cleanup());

const all = () => fixture.index.query(CatalogQuerySchema.parse({ workspaceId: WORKSPACE_ID, limit: 500 }));

describe('CatalogIndex', () => {
  it('reads an image detail (tags, fields, raw) from disk only when asked', async () => {
    const detail = await fixture.index.detail('acct.us-east-1.self/ami-1');
    expect(detail).toMatchObject({
      key: 'acct.us-east-1.self/ami-1',
      cloud: 'aws',
      tags: { Team: 'core' },
      fields: [{ label: 'Root device', value: '/dev/sda1' }],
      raw,
      sourceSyncedAt: SYNCED_AT,
      sourceStale: false,
    });
    // Memory holds no raw objects; the disk does, and the detail is read from there each time.
    const shard = fixture.store.get('acct.us-east-1.self')!;
    expect(JSON.stringify(shard)).not.toContain('BlockDeviceMappings');
    const path = join(fixture.dir, 'catalog', 'acct.us-east-1.self.shard');
    const bytes = await readFile(path);
    const at = bytes.indexOf('"deep":[1,2,3]', shard.detailStart);
    bytes.write('"deep":[7,8,9]', at, 'latin1');
    await writeFile(path, bytes);
    expect((await fixture.index.detail('acct.us-east-1.self/ami-1')).raw).toMatchObject({
      Nested: { deep: [7, 8, 9] },
    });
  });

  it('finds images whose cloud ids hold slashes and colons', async () => {
    const key = 'az.westeurope.marketplace/Canonical:ubuntu-24_04-lts:server:24.04.202408010';
    expect((await fixture.index.detail(key)).cloud).toBe('azure');
  });

  it('says an image is gone when its key is unknown, its source removed or re-synced without it', async () => {
    await expect(fixture.index.detail('nope')).rejects.toMatchObject({ code: 'not-found' });
    await expect(fixture.index.detail('acct.us-east-1.self/ami-9')).rejects.toMatchObject({
      code: 'not-found',
    });
    await fixture.index.replaceSource('acct.us-east-1.self', [image('ami-2')], SYNCED_AT);
    await expect(fixture.index.detail('acct.us-east-1.self/ami-1')).rejects.toMatchObject({
      code: 'not-found',
    });
    await fixture.index.removeSources(['az.westeurope.marketplace']);
    await expect(fixture.index.detail('az.westeurope.marketplace/x')).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(all().rows.map((row) => row.cloudId)).toEqual(['ami-2']);
  });

  it('answers the same after a restart, from the shards on disk', () => {
    const restartedStore = new CatalogShardStore(join(fixture.dir, 'catalog'));
    return restartedStore.loadAll().then(async () => {
      const restarted = new CatalogIndex(fixture.state, restartedStore, { now: () => NOW });
      restarted.rebuild();
      expect(restarted.query(CatalogQuerySchema.parse({ workspaceId: WORKSPACE_ID, limit: 500 }))).toEqual(
        all(),
      );
      expect((await restarted.detail('acct.us-east-1.self/ami-1')).raw).toEqual(raw);
    });
  });

  it('follows the accounts in app state: names, clouds, and sources without an account left out', () => {
    expect(all().rows.map((row) => [row.cloudId, row.cloud, row.accountName])).toEqual([
      ['ami-1', 'aws', 'Acct'],
      ['ami-2', 'aws', 'Acct'],
      ['Canonical:ubuntu-24_04-lts:server:24.04.202408010', 'azure', 'Subscription'],
    ]);
    const table = fixture.index.table();
    expect(fixture.index.table()).toBe(table);
    fixture.setState((draft) => {
      draft.accounts = draft.accounts.filter((account) => account.id !== 'az');
      draft.accounts[0]!.name = 'Renamed';
    });
    expect(all().rows.map((row) => [row.cloudId, row.accountName])).toEqual([
      ['ami-1', 'Renamed'],
      ['ami-2', 'Renamed'],
    ]);
    expect(fixture.index.table()).not.toBe(table);
  });

  it('lists sources with their account cloud and staleness', () => {
    expect(
      fixture.index.sources().map((source) => [source.id, source.cloud, source.accountName, source.stale]),
    ).toEqual([
      ['acct.us-east-1.self', 'aws', 'Acct', false],
      ['az.westeurope.marketplace', 'azure', 'Subscription', false],
    ]);
  });
});
