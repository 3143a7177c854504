import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComputeDriver } from '../../main/providers/compute-driver';
import type { CloudDriver } from '../../main/providers/driver';
import { azureProvider } from '../../main/providers/azure/azure-provider';
import type { AzureSandbox } from '../../main/sandbox/azure';
import {
  launchSpecFor,
  refusal,
  startComputeSandbox,
  TEST_POLL_MS,
  until,
} from '../support/azure-compute-fixture';

/** Image lifecycle beyond capture: Compute Gallery replication and end of life, and what Azure cannot do. */
let sandbox: AzureSandbox;
let compute: ComputeDriver;
let images: CloudDriver;

beforeAll(async () => {
  sandbox = await startComputeSandbox();
  compute = azureProvider.createComputeDriver!(sandbox.connection, sandbox.secret, {
    pollIntervalMs: TEST_POLL_MS,
  });
  images = azureProvider.createDriver(sandbox.connection, sandbox.secret);
});

afterAll(async () => {
  await sandbox.stop();
});

const actionsSince = (mark: number) =>
  sandbox.requestLog
    .entries()
    .slice(mark)
    .map((entry) => entry.action ?? '');

describe('Azure image lifecycle against the ARM stand-in', () => {
  it('replicates a gallery image version to another region, and explains what cannot be copied', async () => {
    const version = sandbox.catalog.galleries[0]!.definitions.flatMap((d) => d.versions).find((v) => {
      const regions = (v.properties as { publishingProfile: { targetRegions: { name: string }[] } })
        .publishingProfile.targetRegions;
      return !regions.some((r) => r.name === 'East US');
    })!;
    const scope = { location: 'eastus', owner: 'galleries' };
    const before = await images.listImages(scope, () => undefined);
    expect(before.map((i) => i.cloudId)).not.toContain(version.id);

    const mark = sandbox.requestLog.entries().length;
    expect(await compute.copyImage!('westeurope', version.id, 'eastus', 'ignored')).toEqual({
      imageId: version.id,
    });
    expect(actionsSince(mark)).toContain('galleryImageVersions.update');
    const replicated = await until('the replication', async () => {
      const found = await images.getImage!('eastus', version.id);
      return found?.state === 'Succeeded' ? found : null;
    });
    const regions = (replicated.raw as { publishingProfile: { targetRegions: { name: string }[] } })
      .publishingProfile.targetRegions;
    expect(regions.map((r) => r.name)).toEqual(expect.arrayContaining(['West Europe', 'East US']));
    const after = await images.listImages(scope, () => undefined);
    expect(after.map((i) => i.cloudId)).toContain(version.id);

    const again = sandbox.requestLog.entries().length;
    await compute.copyImage!('westeurope', version.id, 'eastus', 'ignored');
    expect(actionsSince(again)).not.toContain('galleryImageVersions.update');

    const managed = sandbox.catalog.managedImages[0]!.id;
    const notManaged = await refusal(compute.copyImage!('westeurope', managed, 'eastus', 'x'));
    expect(notManaged.appError).toMatchObject({
      code: 'invalid-request',
      message: expect.stringMatching(/Compute Gallery/),
    });
    const marketplace = await refusal(
      compute.deleteImage!('westeurope', launchSpecFor(sandbox, 'x').imageId),
    );
    expect(marketplace.appError.message).toMatch(/Marketplace images belong to their publisher/);
  });

  it('deprecates a gallery image version with an end-of-life date and takes it back', async () => {
    const definition = sandbox.catalog.galleries[0]!.definitions.find(
      (d) => d.definition.name === 'ubuntu-2404-base',
    )!;
    const id = definition.versions.at(-1)!.id;
    const at = new Date('2027-03-01T00:00:00.000Z');
    const mark = sandbox.requestLog.entries().length;
    await compute.deprecateImage!('westeurope', id, at);
    expect((await images.getImage!('westeurope', id))?.deprecatesAt).toBe(at.toISOString());
    await compute.deprecateImage!('westeurope', id, null);
    const back = await images.getImage!('westeurope', id);
    expect(back?.deprecatesAt).toBeNull();
    expect(back?.deprecationState).toBeNull();
    const actions = actionsSince(mark);
    expect(actions.indexOf('galleryImageVersions.update')).toBeLessThan(
      actions.indexOf('galleryImageVersions.createOrUpdate'),
    );

    const managed = await refusal(
      compute.deprecateImage!('westeurope', sandbox.catalog.managedImages[0]!.id, at),
    );
    expect(managed.appError.message).toMatch(/Managed images have no end-of-life date/);
  });
});
