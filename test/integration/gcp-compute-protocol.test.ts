import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComputeDriver, LaunchSpec } from '../../main/providers/compute-driver';
import type { CloudDriver } from '../../main/providers/driver';
import { CloudError } from '../../main/providers/driver';
import { gcpProvider } from '../../main/providers/gcp/gcp-provider';
import { startGcpSandbox, type GcpSandbox } from '../../main/sandbox/gcp';

const ZONE = 'us-central1-b';
let sandbox: GcpSandbox;
let compute: ComputeDriver;
let catalog: CloudDriver;
let spec: LaunchSpec;
let bearer: string;
let image: string;

type Json = Record<string, unknown> & { status?: string; name?: string };

async function rest(path: string, init: { method?: string; body?: unknown; token?: string } = {}) {
  const response = await fetch(`${sandbox.endpoint}/compute/v1/projects/${sandbox.projectId}/${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${init.token ?? bearer}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

/** Polls until `probe` answers non-null; returns every distinct value `track` saw on the way. */
async function watch(probe: () => Promise<string>, until: string): Promise<string[]> {
  const seen: string[] = [];
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (seen.at(-1) !== value) seen.push(value);
    if (value === until) return seen;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${until}; saw ${seen.join(' → ')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const instanceBody = (name: string, extra: Json = {}): Json => ({
  name,
  machineType: `zones/${ZONE}/machineTypes/e2-medium`,
  disks: [{ boot: true, autoDelete: true, initializeParams: { sourceImage: image } }],
  networkInterfaces: [{ network: 'global/networks/default' }],
  ...extra,
});

beforeAll(async () => {
  sandbox = await startGcpSandbox({
    referenceDate: new Date('2026-11-23T12:00:00Z'),
    compute: { operationMs: 250, bootMs: 900, captureMs: 1000 },
  });
  bearer = sandbox.mintAccessToken({ scopes: ['https://www.googleapis.com/auth/compute'] });
  compute = gcpProvider.createComputeDriver!(sandbox.connection, sandbox.secret, { pollIntervalMs: 10 });
  catalog = gcpProvider.createDriver(sandbox.connection, sandbox.secret);
  image = `projects/debian-cloud/global/images/${sandbox.catalog.latestInFamily('debian-cloud', 'debian-12')?.name ?? ''}`;
  spec = {
    location: ZONE,
    imageId: image,
    flavorId: 'e2-small',
    networkId: null,
    subnetId: null,
    publicIp: false,
    securityGroupIds: [],
    keyName: null,
    publicKey: null,
    volumes: [],
    userData: null,
    name: 'p',
    count: 1,
    tags: {},
    computeResource: null,
  };
});
afterAll(() => sandbox?.stop());

describe('the Compute Engine stand-in on the wire', () => {
  it('answers an insert with a PENDING operation that runs to DONE while the instance boots', async () => {
    const started = await rest(`zones/${ZONE}/instances`, { method: 'POST', body: instanceBody('wire-1') });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      kind: 'compute#operation',
      operationType: 'insert',
      status: 'PENDING',
    });
    expect(started.body.selfLink).toMatch(
      new RegExp(
        `/projects/${sandbox.projectId}/zones/${ZONE}/operations/operation-\\d+-[0-9a-f]+-[0-9a-f]{8}-[0-9a-f]{8}$`,
      ),
    );
    expect(started.body.targetLink).toMatch(/\/instances\/wire-1$/);
    const operation = `zones/${ZONE}/operations/${started.body.name ?? ''}`;
    const statuses = await watch(async () => (await rest(operation)).body.status ?? '', 'DONE');
    // PENDING (as the insert answered), then RUNNING, then DONE: never DONE straight away.
    expect(['PENDING', ...statuses].filter((s, i, all) => all[i - 1] !== s)).toEqual([
      'PENDING',
      'RUNNING',
      'DONE',
    ]);
    const done = (await rest(operation)).body;
    expect(done).toMatchObject({ progress: 100 });
    expect(done.endTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-0[78]:00$/);
    const boot = await watch(
      async () => (await rest(`zones/${ZONE}/instances/wire-1`)).body.status ?? '',
      'RUNNING',
    );
    expect(boot.at(-1)).toBe('RUNNING');
    expect(boot).toContain('STAGING');
    expect(boot.indexOf('STAGING')).toBeGreaterThan(boot.indexOf('PROVISIONING'));
  });

  it('keeps one instance for a repeated requestId and answers a conflict otherwise', async () => {
    const first = await rest(`zones/${ZONE}/instances?requestId=0b3c5e1a-1111-4e8e-9c55-7d0a2d0f0001`, {
      method: 'POST',
      body: instanceBody('wire-2'),
    });
    const again = await rest(`zones/${ZONE}/instances?requestId=0b3c5e1a-1111-4e8e-9c55-7d0a2d0f0001`, {
      method: 'POST',
      body: instanceBody('wire-2'),
    });
    expect(again.body.name).toBe(first.body.name);
    const conflict = await rest(`zones/${ZONE}/instances`, { method: 'POST', body: instanceBody('wire-2') });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ error: { code: 409, status: 'ALREADY_EXISTS' } });
  });

  it('fails the operation for a missing subnetwork, and 404s a missing instance in Google envelope', async () => {
    const missing = `projects/${sandbox.projectId}/regions/us-central1/subnetworks/nope`;
    const started = await rest(`zones/${ZONE}/instances`, {
      method: 'POST',
      body: instanceBody('wire-3', { networkInterfaces: [{ subnetwork: missing }] }),
    });
    expect(started.body.status).toBe('PENDING');
    await watch(
      async () =>
        (await rest(`zones/${ZONE}/operations/${started.body.name ?? ''}/wait`, { method: 'POST' })).body
          .status ?? '',
      'DONE',
    );
    const failed = (await rest(`zones/${ZONE}/operations/${started.body.name ?? ''}`)).body;
    expect(failed).toMatchObject({
      httpErrorStatusCode: 404,
      error: { errors: [{ code: 'RESOURCE_NOT_FOUND', message: `The resource '${missing}' was not found` }] },
    });
    const gone = await rest(`zones/${ZONE}/instances/wire-3`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({
      error: {
        code: 404,
        message: `The resource 'projects/${sandbox.projectId}/zones/${ZONE}/instances/wire-3' was not found`,
        errors: [
          {
            message: `The resource 'projects/${sandbox.projectId}/zones/${ZONE}/instances/wire-3' was not found`,
            domain: 'global',
            reason: 'notFound',
          },
        ],
        status: 'NOT_FOUND',
      },
    });
  });

  it('refuses changes to a read-only token', async () => {
    const readOnly = sandbox.mintAccessToken({
      scopes: ['https://www.googleapis.com/auth/compute.readonly'],
    });
    expect((await rest(`zones/${ZONE}/instances`, { token: readOnly })).status).toBe(200);
    const refused = await rest(`zones/${ZONE}/instances`, {
      method: 'POST',
      body: instanceBody('ro'),
      token: readOnly,
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      error: { status: 'PERMISSION_DENIED', message: 'Request had insufficient authentication scopes.' },
    });
  });
});

describe('GCE image lifecycle and the delete-in-use check', () => {
  it('captures a running server: PENDING in the catalog during the operation, READY and listed after', async () => {
    const { serverIds } = await compute.launch({ ...spec, name: 'golden' });
    await watch(async () => (await compute.getServer(ZONE, serverIds[0]!))?.state ?? 'gone', 'running');
    const raw = await rest('global/images', {
      method: 'POST',
      body: { name: 'raw-capture', sourceDisk: `zones/${ZONE}/disks/golden` },
    });
    expect(raw.status).toBe(400);
    expect(raw.body).toMatchObject({ error: { errors: [{ reason: 'resourceInUseByAnotherResource' }] } });

    const capturing = compute.captureImage!(ZONE, serverIds[0]!, 'golden-v1', 'pinned copy');
    const id = `projects/${sandbox.projectId}/global/images/golden-v1`;
    const states = await watch(
      async () => (await catalog.getImage!('global', id))?.state ?? 'absent',
      'ready',
    );
    await expect(capturing).resolves.toEqual({ imageId: id });
    expect(states.filter((s) => s !== 'absent')).toEqual(['pending', 'ready']);
    const own = await catalog.listImages({ location: 'global', owner: sandbox.projectId }, () => undefined);
    const listed = own.find((i) => i.cloudId === id);
    expect(listed).toMatchObject({
      name: 'golden-v1',
      description: 'pinned copy',
      osFamily: 'debian',
      visibility: 'private',
    });
    expect(listed?.fields).toContainEqual({
      label: 'Source disk',
      value: expect.stringMatching(/\/disks\/golden$/) as string,
    });
  });

  it('deprecates on a date (scheduled while ahead, deprecated once reached) and takes it back', async () => {
    const id = `projects/${sandbox.projectId}/global/images/golden-v1`;
    const ahead = new Date(Date.now() + 7 * 86_400_000);
    await compute.deprecateImage!('global', id, ahead);
    expect(await catalog.getImage!('global', id)).toMatchObject({
      deprecationState: 'scheduled',
      deprecatesAt: ahead.toISOString(),
    });
    const past = new Date(Date.now() - 60_000);
    await compute.deprecateImage!('global', id, past);
    expect(await catalog.getImage!('global', id)).toMatchObject({ deprecationState: 'deprecated' });
    await compute.deprecateImage!('global', id, null);
    expect(await catalog.getImage!('global', id)).toMatchObject({
      deprecationState: null,
      deprecatesAt: null,
    });
    const publicImage = await compute.deprecateImage!('global', image, past).then(
      () => null,
      (e: unknown) => e,
    );
    expect(publicImage).toBeInstanceOf(CloudError);
    expect((publicImage as CloudError).appError.code).toBe('cloud-permission');
  });

  it('finds servers using an image in one zone by name, and in every zone from "global"', async () => {
    const { serverIds: here } = await compute.launch({ ...spec, name: 'user-here' });
    const { serverIds: there } = await compute.launch({
      ...spec,
      location: 'europe-west1-b',
      name: 'user-there',
    });
    const zonal = await compute.serversUsingImage(ZONE, image);
    expect(zonal.map((s) => s.id)).toContain(here[0]);
    expect(zonal.map((s) => s.id)).not.toContain('zones/europe-west1-b/instances/user-there');
    const everywhere = await compute.serversUsingImage('global', image);
    expect(everywhere.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        `zones/${ZONE}/instances/user-here`,
        'zones/europe-west1-b/instances/user-there',
      ]),
    );
    expect(everywhere.every((s) => s.imageId === image)).toBe(true);
    const remote = await compute.getServer('global', 'zones/europe-west1-b/instances/user-there');
    expect(remote?.name).toBe(there[0]);
    await compute.terminate('global', 'zones/europe-west1-b/instances/user-there');
    expect((await compute.serversUsingImage('global', image)).map((s) => s.id)).not.toContain(
      'zones/europe-west1-b/instances/user-there',
    );
  });

  it('retries a 503 on insert without creating the server twice', async () => {
    sandbox.faults.arm({ kind: 'unavailable-503', operation: 'instances.insert', times: 2 });
    const before = sandbox.requestLog.entries('instances.insert').length;
    const { serverIds } = await compute.launch({ ...spec, name: 'retried' });
    expect(sandbox.requestLog.entries('instances.insert').length - before).toBe(3);
    expect(serverIds).toEqual(['retried']);
    const listed = await rest(`zones/${ZONE}/instances?filter=${encodeURIComponent('name = "retried"')}`);
    expect((listed.body.items as unknown[]).length).toBe(1);
  });
});
