import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAzureDriver } from '../../main/providers/azure/azure-driver';
import { CloudError, type CloudDriver } from '../../main/providers/driver';
import { startAzureSandbox, type AzureSandbox } from '../../main/sandbox/azure';

const REFERENCE = new Date('2025-06-01T12:00:00Z');
const demo = {
  tenantId: '5f1c7a62-3b4e-4d2a-9c1e-7a8b0d2e4f61',
  clientId: 'c0ffee00-4a1b-4c2d-8e3f-2b9a7c6d5e40',
  clientSecret: 'Hs8Q~image.lookup.test.secret',
};
const noGalleries = {
  ...demo,
  clientId: 'd3d3d3d3-0000-4000-8000-000000000003',
  clientSecret: 'Qq8Q~no.gallery.versions.read',
  deniedActions: ['Microsoft.Compute/galleries/images/versions/read'],
};

let sandbox: AzureSandbox;
let driver: CloudDriver;

const getImage = (location: string, id: string, d: CloudDriver = driver) =>
  (d.getImage as NonNullable<CloudDriver['getImage']>)(location, id);

async function cloudErrorOf(promise: Promise<unknown>): Promise<CloudError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  return error as CloudError;
}

/** One HTTPS exchange trusting the stand-in's CA, as a client other than the SDK makes it. */
function call(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{ status: number; json: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      `${sandbox.endpoint}${path}`,
      { method: options.method ?? 'GET', headers: options.headers, ca: sandbox.caCertPem },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** An ARM GET with a token from the stand-in's Entra endpoint. */
async function armGet(path: string) {
  const token = await call(`/${demo.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: demo.clientId,
      client_secret: demo.clientSecret,
      grant_type: 'client_credentials',
      scope: 'https://management.azure.com/.default',
    }).toString(),
  });
  const separator = path.includes('?') ? '&' : '?';
  return call(`${path}${separator}api-version=2024-07-01`, {
    headers: { authorization: `Bearer ${String(token.json.access_token)}` },
  });
}

/** A SKU whose newest version is not the last in plain string order, if the seed has one. */
function skuForLatest(): { publisher: string; offer: string; sku: string; versions: string[] } {
  const candidates: { publisher: string; offer: string; sku: string; versions: string[] }[] = [];
  for (const publisher of sandbox.catalog.publishers()) {
    for (const offer of sandbox.catalog.publisher(publisher)?.offers.values() ?? []) {
      for (const sku of offer.skus.values()) {
        const versions = sku.versions.map((v) => v.version);
        if (versions.length >= 2) candidates.push({ publisher, offer: offer.name, sku: sku.name, versions });
      }
    }
  }
  const tricky = candidates.find((c) => [...c.versions].sort().at(-1) !== c.versions.at(-1));
  const chosen = tricky ?? candidates[0];
  if (!chosen) throw new Error('the seed has no SKU with two versions');
  return chosen;
}

beforeAll(async () => {
  sandbox = await startAzureSandbox({
    referenceDate: REFERENCE,
    locations: ['westeurope', 'eastus'],
    principals: [demo, noGalleries],
  });
  driver = createAzureDriver(sandbox.connection, sandbox.secret, {
    retryDelayInMs: 5,
    maxRetries: 1,
    now: () => REFERENCE,
  });
});
afterAll(async () => {
  await sandbox?.stop();
});

describe('Azure getImage: Marketplace URNs', () => {
  it("resolves 'latest' to the SKU's newest version, as Azure does, spelled as Azure spells it", async () => {
    const { publisher, offer, sku, versions } = skuForLatest();
    // The catalog keeps versions in Azure's numeric order, so the newest is last.
    const newest = versions.at(-1) ?? '';
    const found = await getImage('westeurope', `${publisher.toLowerCase()}:${offer}:${sku}:latest`);
    expect(found).toMatchObject({
      cloudId: `${publisher}:${offer}:${sku}:${newest}`,
      ownerId: publisher,
      family: `${offer}:${sku}`,
      public: true,
    });
    expect(found?.fields).toContainEqual({ label: 'Location', value: 'westeurope' });
    const calls = sandbox.requestLog.entries().map((r) => r.action);
    expect(calls.slice(-2)).toEqual(['virtualMachineImages.list', 'virtualMachineImages.get']);
    // The same version asked by number is the same image.
    expect((await getImage('westeurope', found?.cloudId ?? ''))?.cloudId).toBe(found?.cloudId);
  });

  it('returns a deprecated or scheduled version with its deprecation state', async () => {
    let urn = '';
    let state = '';
    for (const publisher of sandbox.catalog.publishers()) {
      for (const offer of sandbox.catalog.publisher(publisher)?.offers.values() ?? []) {
        for (const sku of offer.skus.values()) {
          const v = sku.versions.find((x) => x.imageState !== 'Active');
          if (v && !urn) {
            urn = `${v.publisher}:${v.offer}:${v.sku}:${v.version}`;
            state = v.imageState;
          }
        }
      }
    }
    expect(urn).not.toBe('');
    const found = await getImage('eastus', urn);
    expect(found).toMatchObject({
      cloudId: urn,
      deprecationState: state === 'Deprecated' ? 'deprecated' : 'scheduled',
    });
    expect(found?.deprecatesAt).not.toBeNull();
  });

  it('answers null for a URN Azure does not know, at any level', async () => {
    const { publisher, offer, sku } = skuForLatest();
    expect(await getImage('westeurope', `${publisher}:${offer}:${sku}:1.2.3`)).toBeNull();
    expect(await getImage('westeurope', `${publisher}:${offer}:no-such-sku:latest`)).toBeNull();
    expect(await getImage('westeurope', 'NoSuchPublisher:offer:sku:1.0.0')).toBeNull();
    const raw = await armGet(
      `/subscriptions/${sandbox.connection.subscriptionId}/providers/Microsoft.Compute/locations/westeurope/publishers/${publisher}/artifacttypes/vmimage/offers/${offer}/skus/${sku}/versions/1.2.3`,
    );
    expect(raw).toEqual({
      status: 404,
      json: { error: { code: 'NotFound', message: 'Artifact: VMImage was not found.' } },
    });
  });

  it('removeImage drops a version: asked by number it is gone, and latest falls back to the one before', async () => {
    const { publisher, offer, sku, versions } = skuForLatest();
    const newest = versions.at(-1) ?? '';
    const previous = versions.at(-2) ?? '';
    expect(sandbox.removeImage(`${publisher}:${offer}:${sku}:${newest}`)).toBe(true);
    expect(sandbox.removeImage(`${publisher}:${offer}:${sku}:${newest}`)).toBe(false);
    expect(await getImage('westeurope', `${publisher}:${offer}:${sku}:${newest}`)).toBeNull();
    expect((await getImage('westeurope', `${publisher}:${offer}:${sku}:latest`))?.cloudId).toBe(
      `${publisher}:${offer}:${sku}:${previous}`,
    );
  });
});

describe('Azure getImage: managed images and gallery versions', () => {
  it('finds a managed image by resource id, whatever the id’s case', async () => {
    const image = sandbox.catalog.managedImages[0];
    const found = await getImage('westeurope', image?.id.toLowerCase() ?? '');
    expect(found).toMatchObject({
      cloudId: image?.id,
      name: image?.name,
      state: 'Succeeded',
      visibility: 'private',
      ownerId: sandbox.connection.subscriptionId,
    });
    expect(found?.fields).toContainEqual({ label: 'Location', value: image?.location });
  });

  it('finds a gallery image version by resource id, with its definition and gallery', async () => {
    const definition = sandbox.catalog.galleries[0]?.definitions[0];
    const version = definition?.versions.at(-1);
    const found = await getImage('westeurope', version?.id ?? '');
    expect(found).toMatchObject({
      cloudId: version?.id,
      name: `${String(sandbox.catalog.galleries[0]?.gallery.name)}/${String(definition?.definition.name)}/${String(version?.name)}`,
      state: 'Succeeded',
    });
    const calls = sandbox.requestLog.entries().map((r) => r.action);
    expect(calls).toEqual(
      expect.arrayContaining(['galleries.get', 'galleryImages.get', 'galleryImageVersions.get']),
    );
  });

  it('answers ARM 404s with null: missing image, missing resource group, missing parent gallery', async () => {
    const sub = sandbox.connection.subscriptionId;
    const rg = sandbox.catalog.galleries[0]?.resourceGroup ?? '';
    const missing = `/subscriptions/${sub}/resourceGroups/rg-images-prod/providers/Microsoft.Compute/images/no-such-image`;
    const raw = await armGet(missing);
    expect(raw.status).toBe(404);
    expect(raw.json).toEqual({
      error: {
        code: 'ResourceNotFound',
        message:
          "The Resource 'Microsoft.Compute/images/no-such-image' under resource group 'rg-images-prod' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix",
      },
    });
    expect(await getImage('westeurope', missing)).toBeNull();

    const noGroup = `/subscriptions/${sub}/resourceGroups/rg-gone/providers/Microsoft.Compute/images/x`;
    expect((await armGet(noGroup)).json).toEqual({
      error: { code: 'ResourceGroupNotFound', message: "Resource group 'rg-gone' could not be found." },
    });
    expect(await getImage('westeurope', noGroup)).toBeNull();

    const noGallery = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Compute/galleries/nope/images/x/versions/1.0.0`;
    expect((await armGet(noGallery)).json).toMatchObject({ error: { code: 'ParentResourceNotFound' } });
    expect(await getImage('westeurope', noGallery)).toBeNull();
  });

  it('removeImage deletes a managed image and a gallery version from get and list alike', async () => {
    const image = sandbox.catalog.managedImages.find((i) => i.location === 'eastus');
    const id = image?.id ?? '';
    expect(await getImage('eastus', id)).not.toBeNull();
    expect(sandbox.removeImage(id)).toBe(true);
    expect(await getImage('eastus', id)).toBeNull();
    const managed = await driver.listImages({ location: 'eastus', owner: 'managed-images' }, () => undefined);
    expect(managed.length).toBeGreaterThan(0);
    expect(managed.map((i) => i.cloudId)).not.toContain(id);

    const version = sandbox.catalog.galleries[0]?.definitions[1]?.versions[0];
    expect(sandbox.removeImage(version?.id ?? '')).toBe(true);
    expect(await getImage('westeurope', version?.id ?? '')).toBeNull();
    expect(
      sandbox.removeImage('/subscriptions/x/resourceGroups/y/providers/Microsoft.Compute/images/z'),
    ).toBe(false);
  });

  it('keeps real failures errors: bad ids, another subscription, a missing permission', async () => {
    expect((await cloudErrorOf(getImage('westeurope', 'ubuntu-latest'))).appError.code).toBe(
      'invalid-request',
    );
    expect((await cloudErrorOf(getImage('West Europe!', 'Canonical:o:s:latest'))).appError.code).toBe(
      'invalid-request',
    );
    const foreign = await cloudErrorOf(
      getImage(
        'westeurope',
        '/subscriptions/00000000-0000-4000-8000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/images/x',
      ),
    );
    expect(foreign.appError.code).toBe('cloud-error');
    expect(foreign.appError.message).toContain('SubscriptionNotFound');

    const denied = createAzureDriver(
      { ...sandbox.connection, clientId: noGalleries.clientId },
      { clientSecret: noGalleries.clientSecret },
      { retryDelayInMs: 5, maxRetries: 1 },
    );
    const version = sandbox.catalog.galleries[0]?.definitions[0]?.versions[0];
    const permission = await cloudErrorOf(getImage('westeurope', version?.id ?? '', denied));
    expect(permission.appError.code).toBe('cloud-permission');
    expect(permission.appError.message).toContain('Microsoft.Compute/galleries/images/versions/read');
  });
});
