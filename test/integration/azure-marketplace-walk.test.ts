import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzureSandbox, type AzureSandbox } from '../../main/sandbox/azure';
import { createAzureDriver } from '../../main/providers/azure/azure-driver';
import { CloudError } from '../../main/providers/driver';
import type { StoredImage } from '../../main/catalog/stored-image';

const reference = new Date('2025-06-01T12:00:00Z');
const DAY = 86_400_000;
const readonlyPrincipal = {
  tenantId: '5f1c7a62-3b4e-4d2a-9c1e-7a8b0d2e4f61',
  clientId: 'd1d1d1d1-0000-4000-8000-000000000001',
  clientSecret: 'Zz8Q~no.versions.read.for.this.app',
  deniedActions: ['Microsoft.Compute/locations/publishers/artifacttypes/offers/skus/versions/read'],
};
let sandbox: AzureSandbox;

beforeAll(async () => {
  sandbox = await startAzureSandbox({
    referenceDate: reference,
    principals: [
      {
        ...readonlyPrincipal,
        deniedActions: [],
        clientId: 'c0ffee00-4a1b-4c2d-8e3f-2b9a7c6d5e40',
        clientSecret: 'Hs8Q~walk.test.secret.value',
      },
      readonlyPrincipal,
    ],
  });
});
afterAll(async () => {
  await sandbox.stop();
});

const driver = () =>
  createAzureDriver(sandbox.connection, sandbox.secret, { retryDelayInMs: 5, now: () => reference });
const byUrn = (images: StoredImage[], urn: string) => images.find((i) => i.cloudId === urn);

describe('Azure Marketplace walk against the stand-in', () => {
  it('lists every version of a publisher with its deprecation status, one progress page per SKU', async () => {
    const progress: number[] = [];
    const images = await driver().listImages({ location: 'westeurope', owner: 'Canonical' }, (p) =>
      progress.push(p.pages),
    );
    const expected = sandbox.catalog.publisher('Canonical')!;
    const skus = [...expected.offers.values()].flatMap((o) => [...o.skus.values()]);
    expect(images).toHaveLength(skus.reduce((n, s) => n + s.versions.length, 0));
    expect(new Set(images.map((i) => i.cloudId)).size).toBe(images.length);
    expect(Math.max(...progress)).toBe(skus.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const focal = images.filter((i) => i.family === '0001-com-ubuntu-server-focal:20_04-lts-gen2');
    const scheduled = focal.filter((i) => i.deprecationState === 'scheduled');
    expect(scheduled).toHaveLength(3);
    for (const image of scheduled) {
      expect(image.deprecatesAt).toBe(
        new Date(Math.floor((reference.getTime() + 120 * DAY) / DAY) * DAY).toISOString(),
      );
      expect(image.replacement).toBe('Canonical:ubuntu-24_04-lts');
    }
    expect(focal.filter((i) => i.deprecationState === 'deprecated').length).toBe(focal.length - 3);

    const noble = images.filter((i) => i.family === 'ubuntu-24_04-lts:server-arm64');
    expect(noble.length).toBeGreaterThan(0);
    for (const image of noble)
      expect(image).toMatchObject({
        osFamily: 'ubuntu',
        osVersion: '24.04',
        architecture: 'arm64',
        sizeGb: 30,
        osRaw: 'Linux',
      });
  });

  it('maps Windows and Red Hat plans with their alternatives', async () => {
    const windows = await driver().listImages(
      { location: 'eastus', owner: 'MicrosoftWindowsServer' },
      () => undefined,
    );
    const ws2022 = windows.filter((i) => i.family === 'WindowsServer:2022-datacenter-g2');
    expect(ws2022.length).toBeGreaterThan(5);
    for (const image of ws2022)
      expect(image).toMatchObject({
        osFamily: 'windows',
        osVersion: '2022',
        sizeGb: 127,
        osRaw: 'Windows',
        deprecationState: expect.stringMatching(/active|scheduled/),
      });
    const ws2016 = windows.filter((i) => i.family === 'WindowsServer:2016-datacenter-gensecond');
    expect(
      ws2016.some(
        (i) =>
          i.deprecationState === 'scheduled' &&
          i.replacement === 'MicrosoftWindowsServer:WindowsServer:2022-datacenter-g2',
      ),
    ).toBe(true);

    const redhat = await driver().listImages({ location: 'eastus', owner: 'redhat' }, () => undefined);
    const rhel7 = redhat.filter((i) => i.family === 'RHEL:7-lvm');
    expect(rhel7.length).toBeGreaterThan(0);
    for (const image of rhel7)
      expect(image).toMatchObject({
        deprecationState: 'deprecated',
        replacement: 'RedHat:RHEL:8-lvm-gen2',
        osFamily: 'rhel',
        osVersion: '7',
      });
    // Asked as "redhat", named as Azure spells it.
    expect(redhat.every((i) => i.cloudId.startsWith('RedHat:'))).toBe(true);
    const sample = byUrn(redhat, redhat[0]!.cloudId)!;
    expect(sample.raw).toMatchObject({ properties: { osDiskImage: { sizeInGb: 64 } } });
  });

  it('keeps at most four requests in flight, and signs in once per listing', async () => {
    sandbox.requestLog.clear();
    let inFlight = 0;
    let peak = 0;
    const offReceived = sandbox.requestLog.onReceived((r) => {
      if (r.action?.startsWith('virtualMachineImages')) peak = Math.max(peak, ++inFlight);
    });
    const offCompleted = sandbox.requestLog.onCompleted((r) => {
      if (r.action?.startsWith('virtualMachineImages')) inFlight -= 1;
    });
    sandbox.faults.add({ kind: 'latency', operation: 'virtualMachineImages.get', ms: 15, times: Infinity });
    try {
      await driver().listImages({ location: 'westeurope', owner: 'Debian' }, () => undefined);
    } finally {
      offReceived();
      offCompleted();
      sandbox.faults.clear();
    }
    expect(peak).toBe(4);
    expect(sandbox.requestLog.entries('token')).toHaveLength(1);
    expect(
      sandbox.requestLog
        .entries()
        .map((r) => r.action)
        .slice(0, 3),
    ).toEqual(['openid-configuration', 'token', 'virtualMachineImages.listOffers']);
  });

  it('stops the walk when cancelled mid-way', async () => {
    const controller = new AbortController();
    sandbox.requestLog.clear();
    void sandbox.requestLog
      .nextReceived((r) => r.action === 'virtualMachineImages.get')
      .then(() => controller.abort());
    const error = await driver()
      .listImages({ location: 'westeurope', owner: 'Canonical' }, () => undefined, controller.signal)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudError);
    expect((error as CloudError).appError.code).toBe('cancelled');
    expect(sandbox.requestLog.entries('virtualMachineImages.get').length).toBeLessThan(10);
  });

  it('names the missing permission, and a publisher that does not exist', async () => {
    const denied = createAzureDriver(
      { ...sandbox.connection, clientId: readonlyPrincipal.clientId },
      { clientSecret: readonlyPrincipal.clientSecret },
      { retryDelayInMs: 5 },
    );
    const error = await denied
      .listImages({ location: 'westeurope', owner: 'SUSE' }, () => undefined)
      .catch((e: unknown) => e);
    expect((error as CloudError).appError).toMatchObject({
      code: 'cloud-permission',
      message: expect.stringContaining(
        'Microsoft.Compute/locations/publishers/artifacttypes/offers/skus/versions/read',
      ),
    });
    const missing = await driver()
      .listImages({ location: 'westeurope', owner: 'Canonicall' }, () => undefined)
      .catch((e: unknown) => e);
    expect((missing as CloudError).appError).toMatchObject({
      code: 'cloud-error',
      message: expect.stringContaining('Canonicall'),
    });
  });
});
