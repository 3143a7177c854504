import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GcpConnection } from '@contract/index';
import { CloudError, type ListImagesProgress } from '../../main/providers/driver';
import { createGcpDriver, type GcpDriverOptions } from '../../main/providers/gcp/gcp-driver';
import { gcpProvider, latestInFamily } from '../../main/providers/gcp/gcp-provider';
import { startGcpSandbox, type GcpSandbox } from '../../main/sandbox/gcp';

const REFERENCE = new Date('2026-11-23T12:00:00Z');
const FAST: GcpDriverOptions = { pageSize: 100, initialRetryDelayMs: 5, maxAttempts: 4 };
const DEBIAN = { location: 'global', owner: 'debian-cloud' };

let sandbox: GcpSandbox;
let connection: GcpConnection;

async function cloudErrorOf(promise: Promise<unknown>): Promise<CloudError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  return error as CloudError;
}

const listCalls = () => sandbox.requestLog.entries('images.list');

beforeAll(async () => {
  sandbox = await startGcpSandbox({ referenceDate: REFERENCE });
  connection = sandbox.connection;
});
afterAll(() => sandbox.stop());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.requestLog.clear();
});

describe('listImages against the Compute stand-in', () => {
  it('pages through a public project with the client, one request per page, deprecated images included', async () => {
    const expected = sandbox.catalog.images('debian-cloud');
    const progress: ListImagesProgress[] = [];
    const images = await createGcpDriver(connection, sandbox.secret, FAST).listImages(DEBIAN, (p) =>
      progress.push(p),
    );

    expect(images.map((i) => i.name)).toEqual(expected.map((i) => i.name));
    const pages = Math.ceil(expected.length / 100);
    expect(progress.map((p) => p.pages)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    expect(listCalls().map((c) => c.query.maxResults)).toEqual(Array(pages).fill('100'));
    expect(listCalls()[0]?.query.pageToken).toBeUndefined();
    expect(
      new Set(
        listCalls()
          .slice(1)
          .map((c) => c.query.pageToken),
      ).size,
    ).toBe(pages - 1);
    // One token exchange for the whole listing, signed with the demo key and verified by the stand-in.
    expect(sandbox.requestLog.entries('oauth.token')).toHaveLength(1);

    const latest = images.find(
      (i) => i.cloudId === 'projects/debian-cloud/global/images/debian-12-bookworm-v20261112',
    );
    expect(latest).toMatchObject({
      osFamily: 'debian',
      osVersion: '12',
      family: 'debian-12',
      deprecationState: null,
    });
    expect(images.filter((i) => i.deprecationState === 'obsolete').length).toBeGreaterThan(50);
    const superseded = images.find((i) => i.family === 'debian-12' && i.deprecationState === 'deprecated');
    expect(superseded?.replacement).toBe(latest?.cloudId);
    expect(images.every((i) => i.visibility === 'public' && i.ownerId === 'debian-cloud')).toBe(true);
  });

  it('lists the account’s own project as private images, with labels, pending and failed builds', async () => {
    const images = await createGcpDriver(connection, sandbox.secret, FAST).listImages(
      { location: 'global', owner: connection.projectId },
      () => undefined,
    );
    expect(images).toHaveLength(sandbox.catalog.images(connection.projectId).length);
    expect(images.every((i) => i.visibility === 'private' && !i.public)).toBe(true);
    expect(new Set(images.map((i) => i.state))).toEqual(new Set(['ready', 'pending', 'failed']));
    const web = images.find(
      (i) => i.family === 'web-frontend' && i.deprecationState === null && i.state === 'ready',
    );
    expect(web?.tags).toMatchObject({ team: 'platform', env: 'prod' });
    expect(web).toMatchObject({ osFamily: 'debian', osVersion: '12', sizeGb: 20 });
    expect(images.find((i) => i.name === 'legacy-billing-import-2024')?.osFamily).toBe('unknown');
  });

  it('retries 429 and 503 with the client’s own retry loop, and says when they never stop', async () => {
    sandbox.faults.arm({ kind: 'throttle-429', times: 2 });
    sandbox.faults.arm({ kind: 'unavailable-503', times: 1 });
    const driver = createGcpDriver(connection, sandbox.secret, FAST);
    const images = await driver.listImages(DEBIAN, () => undefined);
    expect(images).toHaveLength(sandbox.catalog.images('debian-cloud').length);
    expect(
      listCalls()
        .slice(0, 4)
        .map((c) => c.status),
    ).toEqual([429, 429, 503, 200]);

    sandbox.faults.arm({ kind: 'throttle-429', times: Infinity });
    const throttled = await cloudErrorOf(driver.listImages(DEBIAN, () => undefined));
    expect(throttled.appError).toMatchObject({ code: 'cloud-throttled' });
    expect(throttled.appError.message).toContain('HTTP 429');
    sandbox.faults.clear();

    sandbox.faults.arm({ kind: 'unavailable-503', times: Infinity });
    expect((await cloudErrorOf(driver.listImages(DEBIAN, () => undefined))).appError.code).toBe(
      'cloud-throttled',
    );
  });

  it('stops on a repeated page token instead of looping', async () => {
    sandbox.faults.arm({ kind: 'repeated-page-token' });
    const error = await cloudErrorOf(
      createGcpDriver(connection, sandbox.secret, FAST).listImages(DEBIAN, () => undefined),
    );
    expect(error.appError.code).toBe('cloud-error');
    expect(error.appError.message).toMatch(/repeated a page/);
    expect(listCalls()).toHaveLength(2);
  });

  it('re-asks a cut-off page, and names an unreadable answer once retries run out', async () => {
    sandbox.faults.arm({ kind: 'truncated-page' });
    const driver = createGcpDriver(connection, sandbox.secret, FAST);
    const images = await driver.listImages(DEBIAN, () => undefined);
    expect(new Set(images.map((i) => i.cloudId)).size).toBe(sandbox.catalog.images('debian-cloud').length);
    expect(listCalls()[0]).toMatchObject({ status: 0, fault: 'truncated-page' });

    sandbox.faults.arm({ kind: 'malformed-body', times: Infinity });
    const error = await cloudErrorOf(driver.listImages(DEBIAN, () => undefined));
    expect(error.appError.code).toBe('cloud-error');
    expect(error.appError.message).toMatch(/could not be read/);
  });

  it('cancels a page in flight', async () => {
    sandbox.faults.arm({ kind: 'latency', ms: 10_000 });
    const controller = new AbortController();
    const listing = createGcpDriver(connection, sandbox.secret, FAST).listImages(
      DEBIAN,
      () => undefined,
      controller.signal,
    );
    await sandbox.requestLog.nextReceived((r) => r.operation === 'images.list');
    const started = Date.now();
    controller.abort();
    const error = await cloudErrorOf(listing);
    expect(error.appError.code).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports a project the account may not list as a permission problem naming compute.images.list', async () => {
    const elsewhere: GcpConnection = { ...connection, projectId: 'other-team-project' };
    const driver = createGcpDriver(elsewhere, sandbox.secret, FAST);
    const check = await driver.testConnection('global');
    expect(check).toMatchObject({ ok: false, code: 'no-permission' });
    expect(check.message).toContain('compute.images.list');
    const error = await cloudErrorOf(
      driver.listImages({ location: 'global', owner: 'other-team-project' }, () => undefined),
    );
    expect(error.appError.code).toBe('cloud-permission');
  });

  it('refuses scopes that are not a global project', async () => {
    const driver = createGcpDriver(connection, sandbox.secret, FAST);
    expect(
      (
        await cloudErrorOf(
          driver.listImages({ location: 'us-east1', owner: 'debian-cloud' }, () => undefined),
        )
      ).appError.code,
    ).toBe('invalid-request');
    expect(
      (await cloudErrorOf(driver.listImages({ location: 'global', owner: 'Debian Cloud' }, () => undefined)))
        .appError.code,
    ).toBe('invalid-request');
    expect(listCalls()).toHaveLength(0);
  });
});

describe('latestInFamily (images.getFromFamily)', () => {
  it('resolves a family to its newest image that is not deprecated', async () => {
    const image = await latestInFamily(connection, sandbox.secret, 'debian-cloud', 'debian-12');
    expect(image.cloudId).toBe(
      `projects/debian-cloud/global/images/${sandbox.catalog.latestInFamily('debian-cloud', 'debian-12')?.name}`,
    );
    expect(image).toMatchObject({
      name: 'debian-12-bookworm-v20261112',
      osFamily: 'debian',
      osVersion: '12',
      deprecationState: null,
    });
    expect(sandbox.requestLog.entries('images.getFromFamily')).toMatchObject([
      { path: '/compute/v1/projects/debian-cloud/global/images/family/debian-12', status: 200 },
    ]);
  });

  it('carries an announced end of support as a scheduled deprecation', async () => {
    const image = await latestInFamily(connection, sandbox.secret, 'rhel-cloud', 'rhel-9');
    expect(image).toMatchObject({ osFamily: 'rhel', osVersion: '9', deprecationState: 'scheduled' });
    expect(image.deprecatesAt?.slice(0, 10)).toBe('2032-05-31');
  });

  it('says not-found for a family whose images are all retired, or that does not exist', async () => {
    const retired = await cloudErrorOf(
      latestInFamily(connection, sandbox.secret, 'debian-cloud', 'debian-10'),
    );
    expect(retired.appError.code).toBe('not-found');
    expect(retired.appError.message).toContain('images/family/debian-10');
    const unknown = await cloudErrorOf(
      latestInFamily(connection, sandbox.secret, 'debian-cloud', 'debian-99'),
    );
    expect(unknown.appError.code).toBe('not-found');
  });
});

describe('gcpProvider', () => {
  it('caches the own project and each chosen public project, globally', () => {
    expect(
      gcpProvider.sourcesFor({
        ...connection,
        imageProjects: ['debian-cloud', connection.projectId, 'cos-cloud'],
      }),
    ).toEqual([
      { location: 'global', owner: connection.projectId },
      { location: 'global', owner: 'debian-cloud' },
      { location: 'global', owner: 'cos-cloud' },
    ]);
    expect(gcpProvider.identityOf(connection)).toBe(connection.projectId);
    expect(gcpProvider.endpointOf(connection)).toBe(sandbox.endpoint);
  });
});
