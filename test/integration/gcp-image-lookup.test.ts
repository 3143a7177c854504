import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudError, type CloudDriver } from '../../main/providers/driver';
import { createGcpDriver } from '../../main/providers/gcp/gcp-driver';
import { startGcpSandbox, type GcpSandbox } from '../../main/sandbox/gcp';

const REFERENCE = new Date('2026-11-23T12:00:00Z');
const DEBIAN = { location: 'global', owner: 'debian-cloud' };

let sandbox: GcpSandbox;
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

/** images.get as any HTTP client would send it, with a token the stand-in minted. */
async function rawGet(project: string, name: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${sandbox.endpoint}/compute/v1/projects/${project}/global/images/${name}`, {
    headers: { authorization: `Bearer ${sandbox.mintAccessToken()}` },
  });
  return { status: response.status, json: await response.json() };
}

beforeAll(async () => {
  sandbox = await startGcpSandbox({ referenceDate: REFERENCE });
  driver = createGcpDriver(sandbox.connection, sandbox.secret, { initialRetryDelayMs: 5, maxAttempts: 2 });
});
afterAll(() => sandbox?.stop());

describe('GCP getImage', () => {
  it('returns a deprecated image by its URI with its deprecation and replacement', async () => {
    const image = sandbox.catalog.images('debian-cloud').find((i) => i.deprecated?.state === 'DEPRECATED');
    expect(image?.deprecated?.replacement).toBeTruthy();
    const found = await getImage('global', `projects/debian-cloud/global/images/${image?.name ?? ''}`);
    expect(found).toMatchObject({
      cloudId: `projects/debian-cloud/global/images/${image?.name ?? ''}`,
      name: image?.name,
      ownerId: 'debian-cloud',
      visibility: 'public',
      state: 'ready',
      deprecationState: 'deprecated',
      family: image?.family,
    });
    expect(found?.replacement).toMatch(/^projects\/debian-cloud\/global\/images\/debian-/);
    expect(sandbox.requestLog.entries('images.get').at(-1)).toMatchObject({
      project: 'debian-cloud',
      status: 200,
    });
  });

  it("takes the selfLink and Scalr's PROJECT/global/images/NAME forms, and the account's own images", async () => {
    const [first] = sandbox.catalog.images('debian-cloud');
    const cloudId = `projects/debian-cloud/global/images/${first?.name ?? ''}`;
    expect((await getImage('global', first?.selfLink ?? ''))?.cloudId).toBe(cloudId);
    expect((await getImage('global', `debian-cloud/global/images/${first?.name ?? ''}`))?.cloudId).toBe(
      cloudId,
    );

    const [own] = sandbox.catalog.images(sandbox.projectId);
    const mine = await getImage('global', `projects/${sandbox.projectId}/global/images/${own?.name ?? ''}`);
    expect(mine).toMatchObject({ ownerId: sandbox.projectId, visibility: 'private', public: false });
  });

  it("serves Compute's 404 envelope for a missing image, which the driver reads as null", async () => {
    const raw = await rawGet('debian-cloud', 'debian-9-stretch-v20170101');
    expect(raw).toEqual({
      status: 404,
      json: {
        error: {
          code: 404,
          message:
            "The resource 'projects/debian-cloud/global/images/debian-9-stretch-v20170101' was not found",
          errors: [
            {
              message:
                "The resource 'projects/debian-cloud/global/images/debian-9-stretch-v20170101' was not found",
              domain: 'global',
              reason: 'notFound',
            },
          ],
          status: 'NOT_FOUND',
        },
      },
    });
    expect(
      await getImage('global', 'projects/debian-cloud/global/images/debian-9-stretch-v20170101'),
    ).toBeNull();
  });

  it('removeImage deletes it: get answers 404 (null) and the listing leaves it out', async () => {
    const victim = sandbox.catalog.images('debian-cloud').at(-1);
    const cloudId = `projects/debian-cloud/global/images/${victim?.name ?? ''}`;
    expect(await getImage('global', cloudId)).not.toBeNull();
    const before = (await driver.listImages(DEBIAN, () => undefined)).length;

    expect(sandbox.removeImage(cloudId)).toBe(true);
    expect(sandbox.removeImage(cloudId)).toBe(false);
    expect(sandbox.removeImage('projects/nobody-project/global/images/x')).toBe(false);

    expect(await getImage('global', cloudId)).toBeNull();
    expect((await rawGet('debian-cloud', victim?.name ?? '')).status).toBe(404);
    const after = await driver.listImages(DEBIAN, () => undefined);
    expect(after).toHaveLength(before - 1);
    expect(after.map((i) => i.cloudId)).not.toContain(cloudId);
  });

  it('refuses what is not a global image id, and reports a project it may not read', async () => {
    const notAnId = await cloudErrorOf(getImage('global', 'debian-12'));
    expect(notAnId.appError).toMatchObject({ code: 'invalid-request' });
    expect(notAnId.appError.message).toContain('projects/PROJECT/global/images/NAME');
    const regional = await cloudErrorOf(getImage('us-central1', 'projects/debian-cloud/global/images/x'));
    expect(regional.appError.code).toBe('invalid-request');

    const forbidden = await cloudErrorOf(
      getImage('global', 'projects/someone-elses-proj/global/images/web-1'),
    );
    expect(forbidden.appError.code).toBe('cloud-permission');
    expect(forbidden.appError.message).toContain('compute.images.get');
  });
});
