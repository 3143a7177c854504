import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_DEMO_CREDENTIAL, startEc2Sandbox } from '../../main/sandbox';
import { createAwsDriver } from '../../main/providers/aws/aws-driver';
import { CatalogShardStore } from '../../main/stores/catalog-shard-store';
import { rawDescribeImages } from './raw-describe-images';

export interface SyncFigures {
  region: string;
  owners: string[];
  rounds: number;
  images: number;
  pages: number;
  rawMs: number;
  sdkListMs: number;
  storeMs: number;
  /** SDK listing plus writing the shards, as a sync does. */
  syncMs: number;
}

const REGION = 'us-east-1';
const OWNERS = ['amazon', '099720109477', 'aws-marketplace'];

/**
 * Sync throughput against the EC2 sandbox, in this process: the real AWS driver (SDK client,
 * paging, XML parsing, mapping) plus the shard write, against a raw signed paged fetch of the
 * same pages. The region's owners are listed `rounds` times over, alternating the two ways, so
 * both see the same warm server and neither gets the first-request costs alone.
 */
export async function measureSync(rounds: number): Promise<SyncFigures> {
  const sandbox = await startEc2Sandbox({
    regions: [REGION],
    referenceDate: new Date('2026-11-23T12:00:00Z'),
  });
  const dir = await mkdtemp(join(tmpdir(), 'hangar-bench-sync-'));
  const store = new CatalogShardStore(dir);
  const { accessKeyId, secretAccessKey } = SANDBOX_DEMO_CREDENTIAL;
  const driver = createAwsDriver(
    { accessKeyId, secretAccessKey, endpoint: sandbox.endpoint },
    { pageSize: 1000 },
  );
  const figures: SyncFigures = {
    region: REGION,
    owners: OWNERS,
    rounds,
    images: 0,
    pages: 0,
    rawMs: 0,
    sdkListMs: 0,
    storeMs: 0,
    syncMs: 0,
  };
  try {
    // One untimed pass each: the sandbox generates the region's catalog on first use.
    for (const owner of OWNERS) {
      await rawDescribeImages(sandbox.endpoint, { accessKeyId, secretAccessKey }, REGION, owner);
      await driver.listImages({ location: REGION, owner }, () => undefined);
    }
    for (let round = 0; round < rounds; round += 1) {
      for (const owner of OWNERS) {
        let started = performance.now();
        const raw = await rawDescribeImages(
          sandbox.endpoint,
          { accessKeyId, secretAccessKey },
          REGION,
          owner,
        );
        figures.rawMs += performance.now() - started;
        started = performance.now();
        const images = await driver.listImages({ location: REGION, owner }, () => undefined);
        figures.sdkListMs += performance.now() - started;
        started = performance.now();
        await store.replace(`bench.${REGION}.${owner}`, images, new Date().toISOString());
        figures.storeMs += performance.now() - started;
        if (images.length !== raw.images || raw.names !== raw.images)
          throw new Error(`the SDK listed ${images.length} images where the raw fetch read ${raw.images}`);
        figures.images += images.length;
        figures.pages += raw.pages;
      }
    }
    figures.syncMs = figures.sdkListMs + figures.storeMs;
    return figures;
  } finally {
    await sandbox.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
