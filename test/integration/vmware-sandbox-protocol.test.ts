import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudError, type ListImagesProgress } from '../../main/providers/driver';
import { vmwareProvider } from '../../main/providers/vmware/vmware-provider';
import { buildVsphereSeed, startVmwareSandbox, type VmwareSandbox } from '../../main/sandbox/vmware';

const reference = new Date('2025-06-01T00:00:00Z');
const libraries = { location: '127.0.0.1', owner: 'content-libraries' };
const templates = { location: '127.0.0.1', owner: 'templates' };
let sandbox: VmwareSandbox;
let noRights: VmwareSandbox;

// Plain http here so the raw wire checks can use fetch; HTTPS is covered by the pinning tests.
beforeAll(async () => {
  sandbox = await startVmwareSandbox({ tls: false, referenceDate: reference });
  noRights = await startVmwareSandbox({
    tls: false,
    users: [{ username: 'auditor@vsphere.local', password: 'auditor-password', permitted: false }],
  });
});
afterAll(async () => {
  await Promise.all([sandbox?.stop(), noRights?.stop()]);
});

const driver = (pageSize = 10) =>
  vmwareProvider.createDriver(sandbox.connection, sandbox.secret, { pageSize });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a CloudError');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(CloudError);
      return (error as CloudError).appError;
    },
  );
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('seed', () => {
  it('is a realistic, deterministic vCenter, built fast', () => {
    const started = performance.now();
    const seed = buildVsphereSeed(reference);
    expect(performance.now() - started).toBeLessThan(200);
    expect(buildVsphereSeed(reference)).toEqual(seed);
    expect(seed.datacenters.map((dc) => dc.name)).toEqual(['DC-Amsterdam', 'DC-Frankfurt']);
    expect(seed.libraries.map((l) => l.type)).toEqual(['LOCAL', 'LOCAL', 'SUBSCRIBED']);
    expect(seed.items.length).toBeGreaterThanOrEqual(40);
    expect(seed.items.length).toBeLessThanOrEqual(80);
    expect(new Set(seed.items.map((i) => i.type))).toEqual(new Set(['vm-template', 'ovf']));
    const threeYears = 3 * 366 * 24 * 3600 * 1000;
    for (const item of seed.items) {
      const age = reference.getTime() - Date.parse(item.creation_time);
      expect(age).toBeGreaterThan(0);
      expect(age).toBeLessThan(threeYears);
    }
    // Every vm-template item is backed by a VM template in the inventory, as on vCenter.
    const templateIds = new Set(seed.vms.filter((vm) => vm.template).map((vm) => vm.moid));
    for (const item of seed.items.filter((i) => i.template))
      expect(templateIds).toContain(item.template?.vm_template);
  });
});

describe('the /api wire protocol', () => {
  it('opens a session with basic auth: 201 and the id as a JSON string', async () => {
    const response = await fetch(`${sandbox.endpoint}/api/session`, {
      method: 'POST',
      headers: { Authorization: basic(sandbox.connection.username, sandbox.secret.password) },
    });
    expect(response.status).toBe(201);
    const id = (await response.json()) as unknown;
    expect(typeof id).toBe('string');
    const list = await fetch(`${sandbox.endpoint}/api/content/library`, {
      headers: { 'vmware-api-session-id': id as string },
    });
    expect(await list.json()).toEqual(sandbox.seed.libraries.map((l) => l.id));
  });

  it('answers errors the way vCenter does', async () => {
    const denied = await fetch(`${sandbox.endpoint}/api/session`, {
      method: 'POST',
      headers: { Authorization: basic('x', 'y') },
    });
    expect(denied.status).toBe(401);
    expect(await denied.json()).toMatchObject({
      error_type: 'UNAUTHENTICATED',
      messages: [{ default_message: 'Authentication required.' }],
    });
    expect((await fetch(`${sandbox.endpoint}/api/content/library`)).status).toBe(401);
    // The stand-in is the /api flavour; /rest is vcsim's part.
    expect((await fetch(`${sandbox.endpoint}/rest/com/vmware/cis/session`, { method: 'POST' })).status).toBe(
      404,
    );
  });
});

describe('the driver against the stand-in', () => {
  it('counts one page per list request and signs out afterwards', async () => {
    sandbox.requestLog.clear();
    const progress: ListImagesProgress[] = [];
    const images = await driver().listImages(libraries, (p) => progress.push(p));
    expect(images).toHaveLength(sandbox.seed.items.length);
    expect(progress.map((p) => p.pages)).toEqual([1, 2, 3, 4]);
    expect(progress.at(-1)?.images).toBe(images.length);
    const actions = sandbox.requestLog.entries().map((r) => r.action);
    expect(actions.filter((a) => a === 'GET /api/content/library/item')).toHaveLength(3);
    expect(actions.at(-1)).toBe('DELETE /api/session');
  });

  it('pages VM templates through the PropertyCollector and leaves ordinary VMs out', async () => {
    sandbox.requestLog.clear();
    const progress: ListImagesProgress[] = [];
    const images = await driver(10).listImages(templates, (p) => progress.push(p));
    const expected = sandbox.seed.vms.filter((vm) => vm.template);
    expect(images.map((i) => i.cloudId).sort()).toEqual(expected.map((vm) => vm.moid).sort());
    const perDc = sandbox.seed.datacenters.map(
      (dc) => sandbox.seed.vms.filter((vm) => vm.datacenterMoid === dc.moid).length,
    );
    expect(progress.at(-1)?.pages).toBe(perDc.reduce((sum, n) => sum + Math.ceil(n / 10), 0));
    expect(sandbox.requestLog.entries().map((r) => r.action)).toContain('SOAP ContinueRetrievePropertiesEx');
    expect(sandbox.requestLog.entries().at(-1)?.action).toBe('SOAP Logout');
  });

  it('gives up on a vCenter that stays unavailable after a bounded number of attempts', async () => {
    sandbox.requestLog.clear();
    sandbox.faults.add({ kind: 'unavailable-503', times: 10 });
    const error = await failure(driver().listImages(libraries, () => undefined));
    sandbox.faults.clear();
    expect(error.code).toBe('cloud-throttled');
    expect(sandbox.requestLog.entries('GET /api/content/library')).toHaveLength(4);
  });

  it('retries a body cut off in transit', async () => {
    sandbox.requestLog.clear();
    sandbox.faults.add({ kind: 'truncated-body' });
    const images = await driver().listImages(libraries, () => undefined);
    expect(images).toHaveLength(sandbox.seed.items.length);
    expect(sandbox.requestLog.entries('GET /api/content/library').map((r) => r.status)).toEqual([0, 200]);
  });

  it('refuses a malformed body and a repeated listing instead of guessing', async () => {
    sandbox.faults.add({ kind: 'malformed-body' });
    expect((await failure(driver().listImages(libraries, () => undefined))).message).toMatch(
      /not valid JSON/,
    );
    sandbox.faults.add({ kind: 'repeated-listing' });
    expect((await failure(driver().listImages(libraries, () => undefined))).message).toMatch(
      /named a library twice/,
    );
    sandbox.faults.add({ kind: 'repeated-listing' });
    expect((await failure(driver(10).listImages(templates, () => undefined))).message).toMatch(
      /repeated the paging token/,
    );
    expect(sandbox.faults.pending()).toBe(0);
  });

  it('stops a listing in flight when cancelled', async () => {
    sandbox.faults.add({ kind: 'latency', ms: 10_000 });
    const controller = new AbortController();
    const received = sandbox.requestLog.nextReceived((r) => r.action === 'GET /api/content/library');
    const listing = failure(driver().listImages(libraries, () => undefined, controller.signal));
    await received;
    const started = performance.now();
    controller.abort();
    expect((await listing).code).toBe('cancelled');
    expect(performance.now() - started).toBeLessThan(1_000);
    sandbox.faults.clear();
  });

  it('tells a user without read rights apart from wrong credentials', async () => {
    const d = vmwareProvider.createDriver(noRights.connection, noRights.secret);
    const check = await d.testConnection('127.0.0.1');
    expect(check).toMatchObject({ ok: false, code: 'no-permission' });
    expect(check.message).toMatch(/Content Library/);
    expect((await failure(d.listImages(libraries, () => undefined))).code).toBe('cloud-permission');
    expect((await failure(d.listImages(templates, () => undefined))).code).toBe('cloud-permission');
  });

  it('refuses a scope that is not a VMware source', async () => {
    expect(
      (await failure(driver().listImages({ location: '127.0.0.1', owner: 'amazon' }, () => undefined))).code,
    ).toBe('invalid-request');
  });
});

describe('the provider module', () => {
  it('caches two sources per vCenter and names the account without secrets', () => {
    const connection = { url: 'https://vcenter.example.com/ui', username: 'ops@corp.local' };
    expect(vmwareProvider.sourcesFor(connection)).toEqual([
      { location: 'vcenter.example.com', owner: 'content-libraries' },
      { location: 'vcenter.example.com', owner: 'templates' },
    ]);
    expect(vmwareProvider.identityOf(connection)).toBe('ops@corp.local @ vcenter.example.com');
    expect(vmwareProvider.endpointOf(connection)).toBe('https://vcenter.example.com');
  });
});
