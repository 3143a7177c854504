import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzureSandbox, type AzureSandbox } from '../../main/sandbox/azure';
import { createAzureDriver } from '../../main/providers/azure/azure-driver';
import type { CloudError } from '../../main/providers/driver';

const reference = new Date('2025-06-01T12:00:00Z');
const DAY = 86_400_000;
const demo = {
  tenantId: '5f1c7a62-3b4e-4d2a-9c1e-7a8b0d2e4f61',
  clientId: 'c0ffee00-4a1b-4c2d-8e3f-2b9a7c6d5e40',
  clientSecret: 'Hs8Q~private.images.test.secret',
};
const noImages = {
  ...demo,
  clientId: 'd2d2d2d2-0000-4000-8000-000000000002',
  clientSecret: 'Qq8Q~no.images.read',
  deniedActions: ['Microsoft.Compute/images/read'],
};
let sandbox: AzureSandbox;

beforeAll(async () => {
  sandbox = await startAzureSandbox({
    referenceDate: reference,
    pageSize: 3,
    locations: ['westeurope', 'eastus', 'northeurope'],
    principals: [demo, noImages],
  });
});
afterAll(async () => {
  await sandbox.stop();
});

const driver = () =>
  createAzureDriver(sandbox.connection, sandbox.secret, { retryDelayInMs: 5, now: () => reference });

describe('Azure Compute Gallery and managed images against the stand-in', () => {
  it('lists gallery versions with their end of life as scheduled or deprecated', async () => {
    const progress: number[] = [];
    const images = await driver().listImages({ location: 'westeurope', owner: 'galleries' }, (p) =>
      progress.push(p.pages),
    );
    const seeded = sandbox.catalog.galleries[0]!.definitions;
    expect(images).toHaveLength(seeded.reduce((n, d) => n + d.versions.length, 0));
    // 1 gallery page, 2 definition pages (6 at 3 a page), then each definition's version pages.
    expect(Math.max(...progress)).toBe(
      1 + 2 + seeded.reduce((n, d) => n + Math.ceil(d.versions.length / 3), 0),
    );

    const dated = images.filter((i) => i.deprecatesAt !== null);
    const past = dated.filter((i) => Date.parse(i.deprecatesAt!) <= reference.getTime());
    expect(past.length).toBeGreaterThan(0);
    for (const image of past) expect(image.deprecationState).toBe('deprecated');
    for (const image of dated.filter((i) => !past.includes(i))) {
      expect(image.deprecationState).toBe('scheduled');
      expect(Date.parse(image.deprecatesAt!)).toBeLessThan(reference.getTime() + 366 * DAY);
    }
    const windows = images.filter((i) => i.family === 'hangar_golden_images/win2022-iis');
    expect(windows.length).toBeGreaterThan(0);
    for (const image of windows)
      expect(image).toMatchObject({
        osFamily: 'windows',
        osVersion: '2022',
        deprecatesAt: null,
        deprecationState: null,
      });
    const legacy = images.filter((i) => i.family === 'hangar_golden_images/ubuntu-2004-legacy');
    for (const image of legacy)
      expect(Date.parse(image.deprecatesAt!)).toBeLessThanOrEqual(reference.getTime() + 46 * DAY);
    const arm = images.find((i) => i.family === 'hangar_golden_images/debian12-arm64-runner')!;
    expect(arm).toMatchObject({
      architecture: 'arm64',
      osFamily: 'debian',
      osVersion: '12',
      visibility: 'private',
    });
    const labels = arm.fields.map((f) => f.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Target regions',
        'Regional replica count',
        'Exclude from latest',
        'End of life',
      ]),
    );
  });

  it('lists in another location only the versions replicated there', async () => {
    const west = await driver().listImages({ location: 'westeurope', owner: 'galleries' }, () => undefined);
    const east = await driver().listImages({ location: 'eastus', owner: 'galleries' }, () => undefined);
    expect(east.length).toBeGreaterThan(0);
    expect(east.length).toBeLessThan(west.length);
    for (const image of east)
      expect(image.fields.find((f) => f.label === 'Target regions')?.value).toContain('East US');
  });

  it('pages through managed images and keeps those of the location', async () => {
    const progress: number[] = [];
    const images = await driver().listImages({ location: 'eastus', owner: 'managed-images' }, (p) =>
      progress.push(p.pages),
    );
    const seeded = sandbox.catalog.managedImages;
    expect(Math.max(...progress)).toBe(Math.ceil(seeded.length / 3));
    expect(images.map((i) => i.cloudId)).toEqual(
      seeded.filter((i) => i.location === 'eastus').map((i) => i.id),
    );
    for (const image of images) {
      expect(image).toMatchObject({ visibility: 'private', architecture: 'x86_64', deprecationState: null });
      expect(image.createdAt).not.toBeNull();
      expect(image.osFamily).not.toBe('unknown');
    }
  });

  it('names Microsoft.Compute/images/read when the app lacks it', async () => {
    const denied = createAzureDriver(
      { ...sandbox.connection, clientId: noImages.clientId },
      { clientSecret: noImages.clientSecret },
      { retryDelayInMs: 5 },
    );
    const error = (await denied
      .listImages({ location: 'westeurope', owner: 'managed-images' }, () => undefined)
      .catch((e: unknown) => e)) as CloudError;
    expect(error.appError).toMatchObject({
      code: 'cloud-permission',
      message: expect.stringContaining('Microsoft.Compute/images/read'),
    });
    const check = await denied.testConnection('westeurope');
    expect(check).toMatchObject({
      ok: false,
      code: 'no-permission',
      message: expect.stringContaining('Microsoft.Compute/images/read'),
    });
    // Galleries are still readable for this app.
    expect(
      (await denied.listImages({ location: 'westeurope', owner: 'galleries' }, () => undefined)).length,
    ).toBeGreaterThan(0);
  });
});
