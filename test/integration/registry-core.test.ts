import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageSummary } from '@contract/index';
import { startEc2Sandbox, type Ec2Sandbox } from '../../main/sandbox';
import { startCore, type CoreHarness } from '../support/core-harness';
import { namePattern } from '../../main/services/registry/replacement-finder';

// The registry end to end inside the core: real AWS SDK driver, EC2 stand-in over HTTP, stores on disk.
const key = { accessKeyId: 'AKIAREGISTRYCORE0001', secretAccessKey: 'generated-registry-core-secret-000001' };
const CANONICAL = '099720109477';
let cloud: Ec2Sandbox;
let cloudStopped = false;
let hangar: CoreHarness;
let accountId: string;

/** An older build whose name pattern has a newer build cached: a record that can be replaced. */
async function olderBuild(): Promise<ImageSummary> {
  const images = await canonicalImages();
  const older = images.find((image, index) =>
    images
      .slice(0, index)
      .some(
        (newer) => namePattern(newer.name) === namePattern(image.name) && newer.createdAt! > image.createdAt!,
      ),
  );
  if (!older) throw new Error('the stand-in seeds several serials of each Canonical image; none found');
  return older;
}

async function canonicalImages(): Promise<ImageSummary[]> {
  const page = await hangar.call('catalog:query', {
    filters: { owners: [CANONICAL], deprecated: 'exclude' },
    search: 'noble',
    sort: { column: 'createdAt', direction: 'desc' },
    limit: 50,
  });
  return page.rows;
}

beforeAll(async () => {
  cloud = await startEc2Sandbox({
    credentials: [{ ...key, allowDescribeImages: true }],
    regions: ['us-east-1'],
  });
  hangar = await startCore();
  const account = await hangar.call('accounts:add', {
    name: 'Registry AWS',
    storage: 'keychain',
    account: {
      cloud: 'aws',
      connection: {
        accessKeyId: key.accessKeyId,
        regions: ['us-east-1'],
        owners: [CANONICAL],
        endpoint: cloud.endpoint,
      },
      secret: { secretAccessKey: key.secretAccessKey },
    },
  });
  accountId = account.id;
  const done = hangar.nextEvent('sync:progress', (s) => s.state !== 'running');
  await hangar.call('sync:start', {});
  expect((await done).sources.every((source) => source.state === 'done')).toBe(true);
});

afterAll(async () => {
  await hangar.close();
  if (!cloudStopped) await cloud.stop();
});

describe('the registry against the EC2 stand-in', () => {
  it('checks the id format before asking the cloud, and says what is wrong', async () => {
    const bad = hangar.call('registry:lookup', {
      target: { accountId, location: 'us-east-1', cloudImageId: 'ami-12345' },
    });
    await expect(bad).rejects.toMatchObject({ code: 'invalid-request' });
    await expect(bad).rejects.toThrow(/8 or 17/);
    const unknown = await hangar.call('registry:lookup', {
      target: { accountId, location: 'us-east-1', cloudImageId: 'ami-0000000000000dead' },
    });
    expect(unknown).toMatchObject({ found: false, from: 'cloud', image: null });
    expect(unknown.problems.map((p) => p.kind)).toEqual(['not-found']);
  });

  it('looks an image up in the cloud, pre-fills the details, registers it, and finds it registered next time', async () => {
    const image = await olderBuild();
    const lookup = await hangar.call('registry:lookup', {
      target: {
        accountId,
        location: 'us-east-1',
        cloudImageId: image!.cloudId.toUpperCase().replace('AMI-', 'ami-'),
      },
    });
    expect(lookup).toMatchObject({
      found: true,
      from: 'cloud',
      cloudImageId: image!.cloudId,
      existing: null,
    });
    expect(lookup.image).toMatchObject({
      name: image!.name,
      osFamily: 'ubuntu',
      ownerId: CANONICAL,
      ownedByAccount: false,
    });
    const record = await hangar.call('registry:register', {
      target: { accountId, location: 'us-east-1', cloudImageId: image!.cloudId },
      record: {
        name: 'noble-base',
        osFamily: lookup.image!.osFamily!,
        osVersion: lookup.image!.osVersion ?? '24.04',
        architecture: 'x86_64',
      },
    });
    expect(record.mappings[0]).toMatchObject({
      cloudImageId: image!.cloudId,
      imageName: image!.name,
      ownedByAccount: false,
    });
    expect(record.drift).toBe('ok');
    const again = await hangar.call('registry:lookup', {
      target: { accountId, location: 'us-east-1', cloudImageId: image!.cloudId },
    });
    expect(again.existing).toEqual({ recordId: record.id, name: 'noble-base', sameLocation: true });
    // The record survives a restart of the app.
    await hangar.restart();
    expect((await hangar.call('registry:list', {})).map((r) => r.name)).toEqual(['noble-base']);
  });

  it('detects an image removed from the cloud as missing, and finds its newer build as replacement', async () => {
    const [record] = await hangar.call('registry:list', {});
    const mapping = record!.mappings[0]!;
    const clean = await hangar.call('registry:drift-check', {});
    expect(clean.rows.map((r) => r.mapping.drift.state)).toEqual(['ok']);
    expect(cloud.removeImage(mapping.cloudImageId)).toBe(true);
    const report = await hangar.call('registry:drift-check', {});
    expect(report.rows[0]!.mapping.drift).toMatchObject({ state: 'missing' });
    expect((await hangar.call('registry:list', {}))[0]!.drift).toBe('missing');
    const history = await hangar.call('registry:get', { recordId: record!.id });
    expect(history.history[0]!.summary).toContain('ok → missing');
    const replacement = await hangar.call('registry:find-replacement', {
      recordId: record!.id,
      mappingId: mapping.id,
    });
    expect(replacement.candidates.length).toBeGreaterThan(0);
    expect(
      replacement.candidates.every((c) => c.ownerId === CANONICAL && c.cloudId !== mapping.cloudImageId),
    ).toBe(true);
  });

  it('offline: looks up in the cache (flagged with the reason) and reports drift as unknown since the last good check', async () => {
    const [, cached] = await canonicalImages();
    await cloud.stop();
    cloudStopped = true;
    const lookup = await hangar.call('registry:lookup', {
      target: { accountId, location: 'us-east-1', cloudImageId: cached!.cloudId },
    });
    expect(lookup).toMatchObject({ found: true, from: 'cache' });
    expect(lookup.cachedAt).not.toBeNull();
    expect(lookup.offlineReason).toMatch(/reach|connect/i);
    const chosen = await hangar.call('registry:lookup', {
      target: { accountId, location: 'us-east-1', cloudImageId: cached!.cloudId },
      offline: true,
    });
    expect(chosen.offlineReason).toBe('you chose to work offline.');
    const report = await hangar.call('registry:drift-check', {});
    expect(report.rows[0]!.mapping.drift.state).toBe('unknown');
    expect(report.rows[0]!.mapping.drift.detail).toMatch(/^Unknown \(since \d{4}-\d{2}-\d{2}\)/);
    expect(report.errors).toHaveLength(1);
  });
});
