import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VmwareConnection } from '@contract/index';
import type { StoredImage } from '../../main/catalog/stored-image';
import { CloudError, type CloudDriver } from '../../main/providers/driver';
import { vmwareProvider } from '../../main/providers/vmware/vmware-provider';
import { listVmwareTemplates } from '../../main/providers/vmware/vmware-template-list';
import { startVmwareSandbox, type VmwareSandbox } from '../../main/sandbox/vmware';
import { startVcsim } from '../support/vcsim';
import { deleteLibraryItem, destroyVm } from '../support/vcsim-admin';

/**
 * getImage on VMware, by the id the listing gave: a content library item id over REST, a template
 * VM's moid over vim25 SOAP (PropertyCollector on that one object, climbing to its datacenter).
 * Against the /api stand-in (removal, conversions, faults, permissions) and govmomi's vcsim.
 */
const vcsim = await startVcsim();
if ('skipReason' in vcsim) console.log(`vmware getImage against vcsim skipped: ${vcsim.skipReason}`);

const libraries = { location: '127.0.0.1', owner: 'content-libraries' };
const templates = { location: '127.0.0.1', owner: 'templates' };
let sandbox: VmwareSandbox;
let noRights: VmwareSandbox;

beforeAll(async () => {
  sandbox = await startVmwareSandbox({ tls: false, referenceDate: new Date('2025-06-01T00:00:00Z') });
  noRights = await startVmwareSandbox({
    tls: false,
    users: [{ username: 'auditor@vsphere.local', password: 'auditor-password', permitted: false }],
  });
});
afterAll(async () => {
  await Promise.all([sandbox?.stop(), noRights?.stop(), 'skipReason' in vcsim ? null : vcsim.stop()]);
});

const getImage = (driver: CloudDriver, id: string, signal?: AbortSignal): Promise<StoredImage | null> =>
  (driver.getImage as NonNullable<CloudDriver['getImage']>)('127.0.0.1', id, signal);
const failureOf = async (promise: Promise<unknown>): Promise<CloudError['appError']> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  return (error as CloudError).appError;
};
const listed = async (driver: CloudDriver, scope: typeof libraries, id: string) =>
  (await driver.listImages(scope, () => undefined)).find((image) => image.cloudId === id);

describe('VMware getImage against the /api stand-in', () => {
  const driver = () => vmwareProvider.createDriver(sandbox.connection, sandbox.secret);

  it('finds library items exactly as the listing maps them', async () => {
    const template = sandbox.seed.items.find((item) => item.type === 'vm-template');
    const replica = sandbox.seed.items.find((item) => item.source_id !== undefined && !item.cached);
    for (const item of [template, replica]) {
      const fromList = await listed(driver(), libraries, String(item?.id));
      expect(fromList).toBeDefined();
      expect(await getImage(driver(), String(item?.id))).toEqual(fromList);
    }
    expect((await getImage(driver(), String(replica?.id)))?.state).toBe('not-cached');
  });

  it('finds a VM template by moid with its datacenter, cluster and host, as the listing has them', async () => {
    const vm = sandbox.seed.vms.find(
      (candidate) => candidate.template && candidate.datacenterMoid === 'datacenter-1003',
    );
    const fromList = await listed(driver(), templates, String(vm?.moid));
    expect(fromList?.ownerAlias).toBe('DC-Frankfurt');
    sandbox.requestLog.clear();
    expect(await getImage(driver(), String(vm?.moid))).toEqual(fromList);
    // One object and what it reaches, never a container view over the inventory.
    const actions = sandbox.requestLog.entries().map((r) => r.action);
    expect(actions.filter((a) => a === 'SOAP RetrievePropertiesEx')).toHaveLength(2);
    expect(actions).not.toContain('SOAP CreateContainerView');
  });

  it('says a VM that is no longer a template is not one', async () => {
    const vm = sandbox.seed.vms.find((candidate) => !candidate.template);
    expect(await getImage(driver(), String(vm?.moid))).toMatchObject({
      cloudId: vm?.moid,
      name: vm?.name,
      state: 'not-a-template',
    });
  });

  it('refuses a library item that is not a template, and an id that is neither kind', async () => {
    const base = sandbox.seed.items[0]!;
    const iso = { ...base, id: '1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a', name: 'ubuntu-24.04-live-server.iso' };
    sandbox.seed.items.push({ ...iso, type: 'iso' as 'ovf', template: null });
    try {
      const error = await failureOf(getImage(driver(), iso.id));
      expect(error.code).toBe('invalid-request');
      expect(error.message).toContain('ubuntu-24.04-live-server.iso');
    } finally {
      expect(sandbox.removeImage(iso.id)).toBe(true);
    }
    expect((await failureOf(getImage(driver(), 'golden image!'))).code).toBe('invalid-request');
  });

  it('answers null once an image is removed; a vm-template item takes its VM with it', async () => {
    const item = sandbox.seed.items.find(
      (candidate) => candidate.type === 'vm-template' && candidate.template,
    );
    const backing = String(item?.template?.vm_template);
    expect(await getImage(driver(), backing)).not.toBeNull();
    expect(sandbox.removeImage(String(item?.id))).toBe(true);
    expect(await getImage(driver(), String(item?.id))).toBeNull();
    expect(await getImage(driver(), backing)).toBeNull();
    expect(await listed(driver(), libraries, String(item?.id))).toBeUndefined();
    expect(await listed(driver(), templates, backing)).toBeUndefined();
    expect(sandbox.removeImage(String(item?.id))).toBe(false);

    const standalone = sandbox.seed.vms.find((vm) => vm.template && vm.name.startsWith('tmpl-'));
    expect(sandbox.removeImage(String(standalone?.moid))).toBe(true);
    expect(await getImage(driver(), String(standalone?.moid))).toBeNull();
    expect(await getImage(driver(), 'vm-999999')).toBeNull();
  });

  it('retries a busy vCenter on both paths', async () => {
    const item = String(sandbox.seed.items[0]?.id);
    const vm = String(sandbox.seed.vms.find((candidate) => candidate.template)?.moid);
    sandbox.faults.add({ kind: 'unavailable-503', target: 'detail', times: 2 });
    expect((await getImage(driver(), item))?.cloudId).toBe(item);
    sandbox.faults.add({ kind: 'throttle-429', target: 'detail', times: 2 });
    expect((await getImage(driver(), vm))?.cloudId).toBe(vm);
    expect(sandbox.faults.pending()).toBe(0);
  });

  it('says the user may not read, on both paths', async () => {
    const restricted = vmwareProvider.createDriver(noRights.connection, { password: 'auditor-password' });
    for (const id of [String(noRights.seed.items[0]?.id), String(noRights.seed.vms[0]?.moid)])
      expect((await failureOf(getImage(restricted, id))).code).toBe('cloud-permission');
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await failureOf(getImage(driver(), 'vm-2001', controller.signal))).code).toBe('cancelled');
  });
});

describe('VMware template list for the registration wizard', () => {
  it('offers every library template and VM template, sorted, with ids getImage takes', async () => {
    const driver = vmwareProvider.createDriver(noRights.connection, { password: 'auditor-password' });
    expect((await failureOf(listVmwareTemplates(driver, '127.0.0.1'))).code).toBe('cloud-permission');

    const own = vmwareProvider.createDriver(sandbox.connection, sandbox.secret);
    const choices = await listVmwareTemplates(own, '127.0.0.1');
    const { items, vms } = sandbox.seed;
    expect(choices).toHaveLength(items.length + vms.filter((vm) => vm.template).length);
    expect(new Set(choices.map((c) => c.kind))).toEqual(
      new Set(['VM template', 'Content library VM template', 'Content library OVF template']),
    );
    const names = choices.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    const rhel = choices.find((c) => c.name.startsWith('tmpl-rhel-9.3'));
    expect(rhel).toMatchObject({ kind: 'VM template', osFamily: 'rhel', osVersion: '9.3' });
    expect((await getImage(own, String(rhel?.id)))?.name).toBe(rhel?.name);
  });

  it('keeps the templates of the source the user may read when the other is refused', async () => {
    const refusing = (owner: string) =>
      Promise.reject(
        new CloudError({ code: owner === 'templates' ? 'cloud-permission' : 'cloud-error', message: owner }),
      );
    const stub = (refuse: string[]): CloudDriver => ({
      capabilities: { listImages: true, testConnection: true, getImage: false },
      testConnection: () => Promise.resolve({ ok: true, code: 'ok', message: '' }),
      listImages: async (scope) => {
        if (refuse.includes(scope.owner)) return refusing(scope.owner);
        return vmwareProvider
          .createDriver(sandbox.connection, sandbox.secret)
          .listImages(scope, () => undefined);
      },
    });
    const onlyLibraries = await listVmwareTemplates(stub(['templates']), '127.0.0.1');
    expect(onlyLibraries.length).toBe(sandbox.seed.items.length);
    // Anything but a permission refusal is an error the caller must see, not a shorter list.
    expect((await failureOf(listVmwareTemplates(stub(['content-libraries']), '127.0.0.1'))).code).toBe(
      'cloud-error',
    );
  });
});

describe.skipIf('skipReason' in vcsim)('VMware getImage against vcsim', () => {
  const sim = vcsim as Exclude<typeof vcsim, { skipReason: string }>;
  const connection: VmwareConnection = { url: sim.url, username: sim.username };
  const driver = () => vmwareProvider.createDriver(connection, { password: sim.password });
  const location = 'url' in vcsim ? new URL(vcsim.url).host : '';
  const byName = async (owner: string, name: string): Promise<StoredImage> => {
    const image = (await driver().listImages({ location, owner }, () => undefined)).find(
      (i) => i.name === name,
    );
    if (!image) throw new Error(`vcsim lists no ${name}`);
    return image;
  };

  it('lists every template for the wizard', async () => {
    const choices = await listVmwareTemplates(driver(), location);
    expect(choices).toHaveLength(sim.items + sim.templates);
    expect(choices.map((c) => c.name)).toContain('win2022-dc-tmpl');
  });

  it('finds a VM template by moid, and a library item by id, as the listing maps them', async () => {
    const template = await byName('templates', 'debian-11-tmpl');
    expect(await getImage(driver(), template.cloudId)).toEqual(template);
    expect(template.fields).toContainEqual({ label: 'Cluster', value: 'DC1_C0' });
    const item = await byName('content-libraries', 'freebsd-13-ovf');
    expect(await getImage(driver(), item.cloudId)).toEqual(item);
  });

  it('answers null for ids vcsim never had', async () => {
    expect(await getImage(driver(), 'vm-987654')).toBeNull();
    expect(await getImage(driver(), '6c1f0e2d-3b4a-4c5d-8e9f-0a1b2c3d4e5f')).toBeNull();
  });

  it('answers null once an administrator deletes the template or the library item', async () => {
    const template = await byName('templates', 'photon-appliance-tmpl');
    await destroyVm(sim, template.cloudId);
    expect(await getImage(driver(), template.cloudId)).toBeNull();
    const item = await byName('content-libraries', 'rhel-8.9-golden');
    await deleteLibraryItem(sim, item.cloudId);
    expect(await getImage(driver(), item.cloudId)).toBeNull();
  });
});
