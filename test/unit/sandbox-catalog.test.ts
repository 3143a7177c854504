import { describe, expect, it } from 'vitest';
import { SandboxCatalog } from '../../main/sandbox/sandbox-catalog';
import { isDeprecated } from '../../main/sandbox/sandbox-image';
import { accountIdFor, SANDBOX_DEMO_CREDENTIAL } from '../../main/sandbox/sandbox-credentials';
import {
  AMAZON_OWNER_ID,
  CANONICAL_OWNER_ID,
  MARKETPLACE_OWNER_ID,
  WINDOWS_OWNER_ID,
} from '../../main/sandbox/well-known-owners';

const REFERENCE = new Date('2025-06-01T00:00:00Z');
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'];
const YEAR_MS = 365 * 86_400_000;

describe('sandbox seed catalog', () => {
  it('is generated quickly: a few thousand images across four regions', () => {
    const started = performance.now();
    const catalog = new SandboxCatalog(REGIONS, REFERENCE);
    const total = REGIONS.reduce((sum, region) => sum + catalog.publicImages(region).length, 0);
    expect(performance.now() - started).toBeLessThan(600);
    expect(total).toBeGreaterThan(3000);
    expect(catalog.publicImages('us-east-1').length).toBeGreaterThan(
      catalog.publicImages('ap-southeast-2').length,
    );
  });

  it('is deterministic for a reference date, with distinct ids per region', () => {
    const a = new SandboxCatalog(REGIONS, REFERENCE).publicImages('eu-west-1');
    const b = new SandboxCatalog(REGIONS, REFERENCE).publicImages('eu-west-1');
    expect(b.map((i) => i.imageId)).toEqual(a.map((i) => i.imageId));
    const east = new Set(
      new SandboxCatalog(REGIONS, REFERENCE).publicImages('us-east-1').map((i) => i.imageId),
    );
    expect(a.some((i) => east.has(i.imageId))).toBe(false);
  });

  it('looks like EC2: ids, owners, names, dates, deprecation', () => {
    const images = new SandboxCatalog(REGIONS, REFERENCE).publicImages('us-east-1');
    expect(images.every((i) => /^ami-[0-9a-f]{17}$/.test(i.imageId))).toBe(true);
    expect(new Set(images.map((i) => i.imageId)).size).toBe(images.length);
    const owners = new Set(images.map((i) => i.ownerId));
    for (const owner of [CANONICAL_OWNER_ID, AMAZON_OWNER_ID, WINDOWS_OWNER_ID, MARKETPLACE_OWNER_ID])
      expect(owners).toContain(owner);
    expect(
      images.some((i) =>
        /^ubuntu\/images\/hvm-ssd-gp3\/ubuntu-noble-24\.04-(amd64|arm64)-server-\d{8}(\.1)?$/.test(i.name),
      ),
    ).toBe(true);
    expect(
      images.some((i) => /^al2023-ami-2023\.\d+\.\d{8}\.\d-kernel-6\.1-(x86_64|arm64)$/.test(i.name)),
    ).toBe(true);
    expect(images.some((i) => /^Windows_Server-2022-English-Full-Base-\d{4}\.\d\d\.\d\d$/.test(i.name))).toBe(
      true,
    );
    const windows = images.filter((i) => i.ownerId === WINDOWS_OWNER_ID);
    expect(
      windows.every(
        (i) => i.platform === 'windows' && i.architecture === 'x86_64' && i.ownerAlias === 'amazon',
      ),
    ).toBe(true);
    for (const image of images) {
      const created = Date.parse(image.creationDate);
      expect(created).toBeGreaterThan(REFERENCE.getTime() - 3 * YEAR_MS - 86_400_000);
      expect(created).toBeLessThanOrEqual(REFERENCE.getTime());
      expect(Date.parse(image.deprecationTime ?? '')).toBe(created + 2 * YEAR_MS);
    }
    const deprecated = images.filter((i) => isDeprecated(i, REFERENCE)).length;
    expect(deprecated).toBeGreaterThan(images.length / 5);
    expect(deprecated).toBeLessThan(images.length / 2);
    expect(images.filter((i) => i.state === 'pending').length).toBeGreaterThanOrEqual(1);
  });

  it('gives each caller their own private images, and only theirs', () => {
    const catalog = new SandboxCatalog(REGIONS, REFERENCE);
    const mine = catalog.visibleTo('us-east-1', '111122223333').filter((i) => !i.public);
    const theirs = catalog.visibleTo('us-east-1', '444455556666').filter((i) => !i.public);
    expect(mine.length).toBeGreaterThan(5);
    expect(mine.every((i) => i.ownerId === '111122223333')).toBe(true);
    expect(theirs.every((i) => i.ownerId === '444455556666')).toBe(true);
    expect(new Set(mine.map((i) => i.state))).toEqual(
      new Set(['available', 'pending', 'failed', 'disabled']),
    );
  });

  it('exposes a demo credential shaped like a real key, with a stable account', () => {
    expect(SANDBOX_DEMO_CREDENTIAL.accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
    expect(SANDBOX_DEMO_CREDENTIAL.secretAccessKey).toHaveLength(40);
    expect(accountIdFor('AKIAEXAMPLE000000001')).toMatch(/^\d{12}$/);
    expect(accountIdFor('AKIAEXAMPLE000000001')).toBe(accountIdFor('AKIAEXAMPLE000000001'));
  });
});
