import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenStackConnection, OpenStackSecret } from '@contract/index';
import type { StoredImage } from '../../main/catalog/stored-image';
import { CloudError, type CloudDriver } from '../../main/providers/driver';
import { getGlanceImage } from '../../main/providers/openstack/glance-get-image';
import { HttpStatusError } from '../../main/providers/openstack/openstack-http';
import { openstackProvider } from '../../main/providers/openstack/openstack-provider';
import { SANDBOX_PROJECTS, startOpenStackSandbox, type OpenStackSandbox } from '../../main/sandbox/openstack';
import { rawRequest } from '../support/http-request';
import { GlanceAdmin, KeystoneAdmin, passwordToken, type Token } from '../support/openstack/admin-api';
import { openStackUnavailable, startOpenStack, type OpenStackServers } from '../support/openstack-servers';

/**
 * getImage on OpenStack: Glance's GET /v2/images/{id} through the driver, against the stand-in
 * (removal, visibility, faults, ids) and a real Keystone + Glance (status changes an operator
 * makes, deletion, and the stand-in's 404 bodies byte for byte against Glance's own).
 */
const unavailable = openStackUnavailable();
if (unavailable) console.log(`openstack getImage against real Glance skipped: ${unavailable}`);

const MISSING = '0b9e3c52-6f1d-4a7e-8c2b-5d4f3e2a1c90';
let sandbox: OpenStackSandbox;
let real: { servers: OpenStackServers; admin: Token; demo: Token; connection: OpenStackConnection } | null =
  null;
const demoPassword = 'demo-lookup-password-3';

const getImage = (driver: CloudDriver, location: string, id: string): Promise<StoredImage | null> =>
  (driver.getImage as NonNullable<CloudDriver['getImage']>)(location, id);
const failureOf = async (promise: Promise<unknown>): Promise<CloudError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  return error as CloudError;
};

beforeAll(async () => {
  sandbox = await startOpenStackSandbox({ referenceDate: new Date('2026-06-01T12:00:00Z') });
  if (unavailable) return;
  const started = await startOpenStack();
  if ('skipReason' in started) throw new Error(started.skipReason);
  const admin = await passwordToken(
    started.authUrl,
    started.adminUser,
    started.adminPassword,
    started.adminProject,
  );
  const keystone = new KeystoneAdmin(started.authUrl, admin);
  const projectId = await keystone.createProject('lookup');
  await keystone.grantRole(projectId, await keystone.createUser('looker', demoPassword), 'member');
  real = {
    servers: started,
    admin,
    demo: await passwordToken(started.authUrl, 'looker', demoPassword, 'lookup'),
    connection: {
      authUrl: started.authUrl,
      region: started.region,
      interface: 'public',
      authType: 'password',
      username: 'looker',
      userDomainName: 'Default',
      projectName: 'lookup',
      projectDomainName: 'Default',
    },
  };
}, 180_000);

afterAll(async () => {
  await sandbox?.stop();
  await real?.servers.stop();
});

describe('OpenStack getImage against the stand-in', () => {
  const driver = (secret: OpenStackSecret = sandbox.secret) =>
    openstackProvider.createDriver(sandbox.connection, secret);
  const regionImages = () => sandbox.images.get('RegionOne') ?? [];
  const list = () => driver().listImages({ location: 'RegionOne', owner: 'images' }, () => undefined);

  it('finds a hidden image exactly as the listing maps it', async () => {
    const hidden = regionImages().find((i) => i.wire.os_hidden && i.wire.visibility === 'public');
    const listed = (await list()).find((image) => image.cloudId === hidden?.wire.id);
    expect(listed?.deprecationState).toBe('deprecated');
    expect(await getImage(driver(), 'RegionOne', String(hidden?.wire.id))).toEqual(listed);
  });

  it('takes the id in capitals and with blanks around it', async () => {
    const id = String(regionImages()[0]?.wire.id);
    expect((await getImage(driver(), 'RegionOne', `  ${id.toUpperCase()} `))?.cloudId).toBe(id);
  });

  it('answers null once the image is removed, which the listing then leaves out too', async () => {
    const victim = regionImages().find((i) => i.wire.owner === SANDBOX_PROJECTS.demo.id);
    const id = String(victim?.wire.id);
    expect(await getImage(driver(), 'RegionOne', id)).not.toBeNull();
    expect(sandbox.removeImage(id)).toBe(true);
    expect(await getImage(driver(), 'RegionOne', id)).toBeNull();
    expect((await list()).map((image) => image.cloudId)).not.toContain(id);
    expect(sandbox.removeImage(id)).toBe(false);
  });

  it("answers null for another project's private image, as Glance does", async () => {
    const secret = regionImages().find((i) => i.wire.name === 'ds-scratch-gpu');
    expect(secret?.wire.visibility).toBe('private');
    expect(await getImage(driver(), 'RegionOne', String(secret?.wire.id))).toBeNull();
  });

  it('refuses a value that is not a UUID without asking Glance', async () => {
    const before = sandbox.requestLog.entries((r) => r.service === 'glance').length;
    const error = await failureOf(getImage(driver(), 'RegionOne', 'ubuntu-24.04'));
    expect(error.appError.code).toBe('invalid-request');
    expect(error.appError.message).toContain('UUID');
    expect(sandbox.requestLog.entries((r) => r.service === 'glance')).toHaveLength(before);
  });

  it('retries a busy Glance, and says so when Glance refuses the token', async () => {
    const id = String(regionImages()[0]?.wire.id);
    sandbox.faults.add({ kind: 'unavailable-503', target: 'glance', times: 2 });
    expect((await getImage(driver(), 'RegionOne', id))?.cloudId).toBe(id);
    expect(sandbox.faults.pending()).toBe(0);
    sandbox.faults.add({ kind: 'unauthorized-401', target: 'glance' });
    expect((await failureOf(getImage(driver(), 'RegionOne', id))).appError.code).toBe('cloud-auth');
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failureOf(driver().getImage!('RegionOne', MISSING, controller.signal));
    expect(error.appError.code).toBe('cancelled');
  });

  it('treats a 404 that is not Glance\'s "no image" as an error, never as a deleted image', async () => {
    const error = await getGlanceImage({
      endpoint: `${sandbox.endpoint}/nowhere`,
      token: 'x',
      imageId: MISSING,
    })
      .then(() => null)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as HttpStatusError).status).toBe(404);
  });
});

/** GET /v2/images/MISSING with an Accept header, or none (node:http: fetch always sends one). */
async function missingImage(url: string, token: string, accept: string | null) {
  const response = await rawRequest(`${url}/v2/images/${MISSING}`, {
    headers: { 'x-auth-token': token, ...(accept === null ? {} : { accept }) },
  });
  return { status: response.status, type: response.headers['content-type'], body: response.body };
}

async function standInToken(): Promise<string> {
  const response = await fetch(`${sandbox.authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: {
              name: 'demo',
              domain: { id: 'default' },
              password: sandbox.secret.kind === 'password' ? sandbox.secret.password : '',
            },
          },
        },
        scope: { project: { name: 'demo', domain: { id: 'default' } } },
      },
    }),
  });
  return response.headers.get('x-subject-token') ?? '';
}

describe('OpenStack stand-in: a missing image, answered as webob answers it', () => {
  it('in JSON, HTML or plain text by the Accept header', async () => {
    const token = await standInToken();
    const glance = `${sandbox.endpoint}/regionone/image`;
    const json = await missingImage(glance, token, 'application/json');
    expect(json.status).toBe(404);
    expect(JSON.parse(json.body)).toEqual({
      message: `No image found with ID ${MISSING}<br /><br />\n\n\n`,
      code: '404 Not Found',
      title: 'Not Found',
    });
    expect((await missingImage(glance, token, '*/*')).body).toContain('<h1>404 Not Found</h1>');
    expect((await missingImage(glance, token, null)).body).toBe(
      `404 Not Found\n\nNo image found with ID ${MISSING}\n\n   `,
    );
  });

  it.skipIf(unavailable)('byte for byte like the real Glance', async () => {
    const token = await standInToken();
    for (const accept of ['application/json', '*/*', 'text/html;q=0.5, application/json', null]) {
      const ours = await missingImage(`${sandbox.endpoint}/regionone/image`, token, accept);
      const theirs = await missingImage(real!.servers.glanceUrl, real!.demo.value, accept);
      expect({ accept, ...ours }).toEqual({ accept, ...theirs });
    }
  });
});

describe.skipIf(unavailable)('OpenStack getImage against a real Keystone + Glance', () => {
  const driver = () =>
    openstackProvider.createDriver(real!.connection, { kind: 'password', password: demoPassword });
  const admin = () => new GlanceAdmin(real!.servers.glanceUrl, real!.admin);

  it('follows an image through upload, deactivation and deletion', async () => {
    const { id } = await admin().createImage({
      name: 'ubuntu-24.04-server-cloudimg-amd64-20250601',
      disk_format: 'qcow2',
      container_format: 'bare',
      visibility: 'public',
      os_hidden: true,
      os_distro: 'ubuntu',
      os_version: '24.04',
    });
    const region = real!.servers.region;
    expect(await getImage(driver(), region, id)).toMatchObject({
      cloudId: id,
      name: 'ubuntu-24.04-server-cloudimg-amd64-20250601',
      state: 'queued',
      osFamily: 'ubuntu',
      osVersion: '24.04',
      deprecationState: 'deprecated',
      visibility: 'public',
    });
    await admin().upload(id, new TextEncoder().encode('ubuntu image bytes '.repeat(256)));
    expect((await getImage(driver(), region, id))?.state).toBe('active');
    await admin().deactivate(id);
    const deactivated = await getImage(driver(), region, id);
    expect(deactivated?.state).toBe('deactivated');
    expect(deactivated?.fields).toContainEqual({ label: 'Status', value: 'deactivated' });
    const deleted = await fetch(`${real!.servers.glanceUrl}/v2/images/${id}`, {
      method: 'DELETE',
      headers: { 'x-auth-token': real!.admin.value },
    });
    expect(deleted.status).toBe(204);
    expect(await getImage(driver(), region, id)).toBeNull();
  });

  it("answers null for an id Glance never had, and for another project's private image", async () => {
    expect(await getImage(driver(), real!.servers.region, MISSING)).toBeNull();
    const { id } = await admin().createImage({ name: 'admin-only', visibility: 'private' });
    expect(await getImage(driver(), real!.servers.region, id)).toBeNull();
  });

  it('says the region has no image service', async () => {
    const error = await failureOf(getImage(driver(), 'RegionNowhere', MISSING));
    expect(error.appError.code).toBe('cloud-error');
    expect(error.appError.message).toContain('RegionNowhere');
  });
});
