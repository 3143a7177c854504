import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComputeDriver, LaunchSpec } from '../../main/providers/compute-driver';
import { CloudError } from '../../main/providers/driver';
import { startTask } from '../../main/providers/vmware/compute/vim-tasks';
import { DEFAULT_RETRY } from '../../main/providers/vmware/retry';
import { VimSession } from '../../main/providers/vmware/vim-session';
import { vmwareProvider } from '../../main/providers/vmware/vmware-provider';
import { createTransport } from '../../main/providers/vmware/vsphere-transport';
import { childOf } from '../../main/providers/vmware/xml-reader';
import { startVmwareSandbox, type VmwareSandbox } from '../../main/sandbox/vmware';

/**
 * The `/api` stand-in's compute side, over real HTTP: tasks that take time (queued → running →
 * success), guests that report an address a while after power-on, a quota fault on a task and on
 * the REST deploy, the library deploy's wire shape, deletion of a library item, cancellation, and
 * a user without the privileges.
 */
let sandbox: VmwareSandbox;
let slow: VmwareSandbox;
let noRights: VmwareSandbox;
let compute: ComputeDriver;
const LOCATION = '127.0.0.1';

beforeAll(async () => {
  const referenceDate = new Date('2025-06-01T00:00:00Z');
  [sandbox, slow, noRights] = await Promise.all([
    startVmwareSandbox({ tls: false, referenceDate, compute: { taskMs: 60, bootMs: 1_000 } }),
    startVmwareSandbox({ tls: false, referenceDate, compute: { taskMs: 1_000, bootMs: 300 } }),
    startVmwareSandbox({
      tls: false,
      referenceDate,
      users: [{ username: 'auditor@vsphere.local', password: 'auditor-password', permitted: false }],
    }),
  ]);
  compute = vmwareProvider.createComputeDriver!(sandbox.connection, sandbox.secret, { pollIntervalMs: 15 });
});
afterAll(async () => {
  await Promise.all([sandbox?.stop(), slow?.stop(), noRights?.stop()]);
});

const templateOf = (s: VmwareSandbox) =>
  s.seed.vms.find((vm) => vm.template && vm.name.startsWith('tmpl-rocky-9.4'))!;
const spec = (s: VmwareSandbox, name: string, overrides: Partial<LaunchSpec> = {}): LaunchSpec => ({
  location: LOCATION,
  imageId: templateOf(s).moid,
  flavorId: 'cpu2-mem4096',
  networkId: 'dvportgroup-34', // pg-app-vlan110 in DC-Amsterdam
  subnetId: null,
  publicIp: false,
  securityGroupIds: [],
  keyName: null,
  publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAISandboxKey sandbox@hangar',
  volumes: [],
  userData: null,
  tags: {},
  name,
  count: 1,
  computeResource: null,
  ...overrides,
});
const failureOf = async (promise: Promise<unknown>): Promise<CloudError['appError']> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  return (error as CloudError).appError;
};
async function until<T>(probe: () => Promise<T | null>): Promise<T> {
  for (const deadline = Date.now() + 10_000; ;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('VMware compute on the /api stand-in', () => {
  it('lists the port groups of both datacenters, leaving uplink port groups out', async () => {
    const networks = await compute.listNetworks(LOCATION);
    expect(networks.map((n) => n.name)).toEqual(
      expect.arrayContaining([
        'VM Network (DC-Amsterdam)',
        'pg-app-vlan110 (DC-Amsterdam)',
        'pg-db-vlan220 (DC-Frankfurt)',
      ]),
    );
    expect(networks.some((n) => /DVUplinks/.test(n.name))).toBe(false);
    expect(networks.find((n) => n.id === 'dvportgroup-34')).toEqual({
      id: 'dvportgroup-34',
      name: 'pg-app-vlan110 (DC-Amsterdam)',
      subnets: [],
    });
    expect((await compute.listFlavors(LOCATION)).map((f) => f.id)).toEqual([
      'cpu1-mem1024',
      'cpu2-mem4096',
      'cpu4-mem8192',
      'cpu8-mem16384',
      'cpu16-mem65536',
    ]);
  });

  it('clones, reconfigures and powers on through tasks, then the guest reports an address on its VLAN', async () => {
    sandbox.requestLog.clear();
    const { serverIds } = await compute.launch(spec(sandbox, 'sbx-boot', { flavorId: 'cpu4-mem8192' }));
    const actions = sandbox.requestLog.entries().map((r) => r.action);
    expect(actions.filter((a) => /_Task$/.test(a ?? ''))).toEqual([
      'SOAP CloneVM_Task',
      'SOAP ReconfigVM_Task', // the template's NIC moves from VM Network to the chosen port group
      'SOAP PowerOnVM_Task',
    ]);
    const first = await compute.getServer(LOCATION, serverIds[0]!);
    expect(first).toMatchObject({ name: 'sbx-boot', state: 'building', addresses: [] });
    const running = await until(async () => {
      const status = await compute.getServer(LOCATION, serverIds[0]!);
      return status?.state === 'running' ? status : null;
    });
    expect(running.addresses).toHaveLength(1);
    expect(running.addresses[0]).toMatch(/^10\.1\.110\.\d+$/);
    const vm = sandbox.seed.vms.find((candidate) => candidate.moid === serverIds[0]);
    expect([vm?.numCpu, vm?.memoryMb, vm?.compute?.nics[0]?.networkMoid]).toEqual([
      4,
      8192,
      'dvportgroup-34',
    ]);
    await compute.terminate(LOCATION, serverIds[0]!);
    expect(await compute.getServer(LOCATION, serverIds[0]!)).toBeNull();
  });

  it('shows a task queued, then running with progress, then done with its result', async () => {
    const transport = createTransport();
    const vim = await VimSession.open({
      transport,
      base: new URL(slow.endpoint),
      username: slow.connection.username,
      password: slow.secret.password,
      retry: DEFAULT_RETRY,
    });
    try {
      const template = templateOf(slow);
      const task = await startTask(
        vim,
        'CloneVM_Task',
        `<_this type="VirtualMachine">${template.moid}</_this><folder type="Folder">group-v4</folder>` +
          '<name>sbx-observed</name><spec><location><pool type="ResourcePool">resgroup-31</pool></location>' +
          '<template>false</template><powerOn>false</powerOn></spec>',
      );
      const info = async () =>
        (await vim.retrieveObject(task, [{ type: 'Task', paths: ['info'] }], false))[0]?.props.get('info');
      const state = async () => childOf(await info(), 'state')?.text;
      // Queued for the first tenth of its time (200 ms here), then running with progress.
      expect(['queued', 'running']).toContain(await state());
      const running = await until(async () => ((await state()) === 'running' ? info() : null));
      expect(Number(childOf(running, 'progress')?.text)).toBeGreaterThanOrEqual(0);
      expect(Date.parse(childOf(running, 'startTime')?.text ?? '')).toBeGreaterThan(
        Date.parse(childOf(running, 'queueTime')?.text ?? ''),
      );
      const done = await until(async () => ((await state()) === 'success' ? info() : null));
      const result = childOf(done, 'result');
      expect(result?.attrs.type).toBe('VirtualMachine');
      expect(slow.seed.vms.find((vm) => vm.moid === result?.text)?.name).toBe('sbx-observed');
    } finally {
      await vim.close();
      transport.close();
    }
  });

  it("reports a quota fault on the clone task in vCenter's words, leaving nothing behind", async () => {
    const message =
      'The available Memory resources in the parent resource pool are insufficient for the operation';
    sandbox.compute.armFault({
      method: 'CloneVM_Task',
      type: 'InsufficientResourcesFault',
      message: `${message}.`,
    });
    const failure = await failureOf(compute.launch(spec(sandbox, 'sbx-quota')));
    expect(failure.code).toBe('cloud-error');
    expect(failure.message).toContain(message);
    expect(failure.message).toContain('(InsufficientResourcesFault)');
    expect(failure.message).toMatch(/Free capacity in the cluster/);
    expect(sandbox.seed.vms.some((vm) => vm.name === 'sbx-quota')).toBe(false);
  });

  it('names the servers already made when a later VM of a launch fails', async () => {
    const existing = await compute.launch(spec(sandbox, 'sbx-pair-2'));
    const failure = await failureOf(compute.launch(spec(sandbox, 'sbx-pair', { count: 2 })));
    const made = sandbox.seed.vms.find((vm) => vm.name === 'sbx-pair-1');
    expect(failure.code).toBe('cloud-error');
    expect(failure.message).toContain("The name 'sbx-pair-2' already exists");
    expect(failure.message).toContain('(DuplicateName)');
    expect(failure.message).toContain(`still exist: ${made?.moid}.`);
    for (const id of [made?.moid, existing.serverIds[0]]) await compute.terminate(LOCATION, String(id));
  });

  it('deploys a library item over POST …?action=deploy with the size as hardware_customization', async () => {
    const item = sandbox.seed.items.find(
      (i) => i.type === 'vm-template' && i.name.startsWith('ubuntu-24.04'),
    )!;
    sandbox.requestLog.clear();
    const { serverIds } = await compute.launch(
      spec(sandbox, 'sbx-library', {
        imageId: item.id,
        flavorId: 'cpu8-mem16384',
        computeResource: 'AMS-Dev',
      }),
    );
    const actions = sandbox.requestLog.entries().map((r) => r.action);
    expect(actions).toContain('POST /api/vcenter/vm-template/library-items/{id}?action=deploy');
    const vm = sandbox.seed.vms.find((candidate) => candidate.moid === serverIds[0])!;
    expect([vm.numCpu, vm.memoryMb, vm.template, vm.compute?.poolMoid]).toEqual([
      8,
      16384,
      false,
      'resgroup-32',
    ]);
    expect(vm.compute?.extraConfig).toEqual(expect.arrayContaining([['hangar.sourceImage', item.id]]));
    expect((await compute.serversUsingImage(LOCATION, item.id)).map((s) => s.id)).toEqual(serverIds);
    await compute.terminate(LOCATION, serverIds[0]!);
  });

  it('reports a refused REST deploy with its vAPI error', async () => {
    const item = sandbox.seed.items.find((i) => i.type === 'vm-template')!;
    sandbox.compute.armFault({
      method: 'deploy',
      type: 'InsufficientResourcesFault',
      message: 'Insufficient licenses to power on.',
    });
    const failure = await failureOf(
      compute.launch(spec(sandbox, 'sbx-deploy-refused', { imageId: item.id })),
    );
    expect(failure.code).toBe('cloud-error');
    expect(failure.message).toMatch(
      /UNABLE_TO_ALLOCATE_RESOURCE: Insufficient licenses to power on\. Free capacity/,
    );
  });

  it('deletes a library item, and the catalog no longer finds it or its backing template', async () => {
    const item = sandbox.seed.items.find((i) => i.type === 'vm-template' && i.name.startsWith('sles'))!;
    const backing = item.template?.vm_template;
    await compute.deleteImage!(LOCATION, item.id);
    const catalog = vmwareProvider.createDriver(sandbox.connection, sandbox.secret);
    expect(await catalog.getImage!(LOCATION, item.id)).toBeNull();
    expect(await catalog.getImage!(LOCATION, String(backing))).toBeNull();
    await compute.deleteImage!(LOCATION, item.id); // gone already: nothing to do
  });

  it('cancels the clone task when the launch is aborted', async () => {
    const slowCompute = vmwareProvider.createComputeDriver!(slow.connection, slow.secret, {
      pollIntervalMs: 15,
    });
    const controller = new AbortController();
    slow.requestLog.clear();
    const launching = failureOf(slowCompute.launch(spec(slow, 'sbx-cancelled'), controller.signal));
    await until(async () =>
      slow.requestLog.entries().some((r) => r.action === 'SOAP CloneVM_Task' && r.status === 200)
        ? true
        : null,
    );
    controller.abort();
    expect((await launching).code).toBe('cancelled');
    await until(async () =>
      slow.requestLog.entries().some((r) => r.action === 'SOAP CancelTask') ? true : null,
    );
  });

  it('names the privileges a launch needs when the user lacks them', async () => {
    const denied = vmwareProvider.createComputeDriver!(noRights.connection, noRights.secret);
    const failure = await failureOf(denied.launch(spec(noRights, 'sbx-denied')));
    expect(failure.code).toBe('cloud-permission');
    expect(failure.message).toMatch(/Provisioning \(Clone, Deploy template/);
  });
});
