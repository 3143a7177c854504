import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComputeDriver, LaunchSpec } from '../../main/providers/compute-driver';
import { CloudError, type CloudDriver } from '../../main/providers/driver';
import { vmwareProvider } from '../../main/providers/vmware/vmware-provider';
import { startVcsim, type Vcsim } from '../support/vcsim';
import { extraConfigOf, readVm, reportGuestAddress } from '../support/vcsim-guest';

/**
 * The VMware compute driver against govmomi's vcsim, read back over plain SOAP: what a launch
 * writes (size, port group, guestinfo for cloud-init), how a failed task reaches the user, how a
 * server is followed to running, and clone to template.
 */
const vcsim = await startVcsim();
if ('skipReason' in vcsim) console.log(`vmware compute against vcsim skipped: ${vcsim.skipReason}`);

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFocusedTestKeyForHangarOnly focused@hangar';
const USER_DATA = '#cloud-config\nruncmd:\n  - echo hello > /etc/motd\n';

describe.skipIf('skipReason' in vcsim)('vmware compute driver against vcsim', () => {
  const sim = vcsim as Vcsim;
  const location = 'url' in vcsim ? new URL(vcsim.url).host : '';
  let compute: ComputeDriver;
  let catalog: CloudDriver;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const connection = { url: sim.url, username: sim.username };
    compute = vmwareProvider.createComputeDriver!(
      connection,
      { password: sim.password },
      { pollIntervalMs: 20 },
    );
    catalog = vmwareProvider.createDriver(connection, { password: sim.password });
    const templates = await catalog.listImages({ location, owner: 'templates' }, () => undefined);
    const items = await catalog.listImages({ location, owner: 'content-libraries' }, () => undefined);
    const networks = await compute.listNetworks(location);
    for (const [key, name] of [
      ['ubuntu', 'ubuntu-22.04-server-tmpl'],
      ['debian', 'debian-11-tmpl'],
    ] as const)
      ids[key] = String(templates.find((i) => i.name === name)?.cloudId);
    ids.golden = String(items.find((i) => i.name === 'ubuntu-24.04-golden')?.cloudId);
    ids.rhelItem = String(items.find((i) => i.name === 'rhel-8.9-golden')?.cloudId);
    ids.dc0 = String(networks.find((n) => n.name === 'DC0_DVPG0 (DC0)')?.id);
    ids.dc1 = String(networks.find((n) => n.name === 'DC1_DVPG0 (DC1)')?.id);
  });
  afterAll(async () => {
    await sim.stop();
  });

  const spec = (name: string, overrides: Partial<LaunchSpec> = {}): LaunchSpec => ({
    location,
    imageId: ids.ubuntu ?? '',
    flavorId: 'cpu4-mem8192',
    networkId: ids.dc0 ?? null,
    subnetId: null,
    publicIp: false,
    securityGroupIds: [],
    keyName: null,
    publicKey: KEY,
    volumes: [],
    userData: USER_DATA,
    tags: { team: 'platform', 'billing-code': 'cc-1234' },
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

  it('clones with the chosen size and port group, and writes guestinfo for cloud-init', async () => {
    const { serverIds } = await compute.launch(spec('focused-guestinfo'));
    const vm = await readVm(sim, serverIds[0]!, [
      'config.hardware.numCPU',
      'config.hardware.memoryMB',
      'runtime.powerState',
      'network',
      'config.extraConfig',
    ]);
    // The template has 2 vCPU / 4 GiB: the size was applied, not copied.
    expect(vm.get('config.hardware.numCPU')).toBe('4');
    expect(vm.get('config.hardware.memoryMB')).toBe('8192');
    expect(vm.get('runtime.powerState')).toBe('poweredOn');
    expect(vm.get('network')).toContain(`>${ids.dc0}<`);
    const extra = extraConfigOf(vm.get('config.extraConfig'));
    const metadata = JSON.parse(
      Buffer.from(extra.get('guestinfo.metadata') ?? '', 'base64').toString(),
    ) as Record<string, unknown>;
    expect(metadata).toMatchObject({ 'local-hostname': 'focused-guestinfo', 'public-keys': [KEY] });
    expect(String(metadata['instance-id'])).toMatch(/^hangar-[0-9a-f-]{36}$/);
    expect(extra.get('guestinfo.metadata.encoding')).toBe('base64');
    expect(Buffer.from(extra.get('guestinfo.userdata') ?? '', 'base64').toString()).toBe(USER_DATA);
    expect(extra.get('guestinfo.userdata.encoding')).toBe('base64');
    expect(extra.get('hangar.sourceImage')).toBe(ids.ubuntu);
    expect(JSON.parse(extra.get('hangar.tags') ?? '{}')).toEqual({
      team: 'platform',
      'billing-code': 'cc-1234',
    });
    await compute.terminate(location, serverIds[0]!);
  });

  it('turns vcsim’s template result of a library deploy into a sized, powered-on VM', async () => {
    const { serverIds } = await compute.launch(
      spec('focused-library', { imageId: ids.golden, flavorId: 'cpu8-mem16384' }),
    );
    const vm = await readVm(sim, serverIds[0]!, [
      'config.template',
      'runtime.powerState',
      'config.hardware.numCPU',
      'config.hardware.memoryMB',
      'resourcePool',
      'config.extraConfig',
    ]);
    expect(vm.get('config.template')).toBe('false');
    expect(vm.get('runtime.powerState')).toBe('poweredOn');
    expect([vm.get('config.hardware.numCPU'), vm.get('config.hardware.memoryMB')]).toEqual(['8', '16384']);
    expect(vm.get('resourcePool')).toMatch(/^resgroup-\d+$/);
    expect(extraConfigOf(vm.get('config.extraConfig')).get('hangar.sourceImage')).toBe(ids.golden);
    await compute.terminate(location, serverIds[0]!);
  });

  it('follows a server from building (no address yet) to running once its guest reports one', async () => {
    const { serverIds } = await compute.launch(spec('focused-boot'));
    const id = serverIds[0]!;
    expect(await compute.getServer(location, id)).toMatchObject({
      state: 'building',
      addresses: [],
      imageId: ids.ubuntu,
    });
    await reportGuestAddress(sim, id, '10.20.30.40');
    expect(await compute.getServer(location, id)).toMatchObject({
      id,
      name: 'focused-boot',
      state: 'running',
      addresses: ['10.20.30.40'],
    });
    await compute.terminate(location, id);
    expect(await compute.getServer(location, id)).toBeNull();
    await compute.terminate(location, id); // already gone: nothing to do
  });

  it("surfaces a failed task with vCenter's localized message and fault type", async () => {
    // A template captured from a server on DC0's distributed switch keeps that NIC; cloned into
    // DC1, whose hosts are not members of that switch, the CloneVM_Task ends in error.
    const { serverIds } = await compute.launch(spec('focused-nic-source'));
    const { imageId } = await compute.captureImage!(location, serverIds[0]!, 'focused-nic-template', '');
    await compute.terminate(location, serverIds[0]!);
    const failure = await failureOf(
      compute.launch(
        spec('focused-cross-dc', { imageId, computeResource: 'DC1/DC1_C0', networkId: ids.dc1 ?? null }),
      ),
    );
    expect(failure.code).toBe('cloud-error');
    expect(failure.message).toContain(`vCenter could not deploy ${imageId}`);
    expect(failure.message).toContain('*types.InvalidArgument'); // vcsim's localizedMessage, verbatim
    expect(failure.message).toContain('(InvalidArgument)');
    expect(await compute.serversUsingImage(location, imageId)).toEqual([]);
    await compute.deleteImage!(location, imageId);
  });

  it('places on a named compute resource and refuses a port group of another datacenter', async () => {
    const { serverIds } = await compute.launch(
      spec('focused-dc1', { imageId: ids.debian, computeResource: 'DC1/DC1_C0', networkId: ids.dc1 ?? null }),
    );
    const vm = await readVm(sim, serverIds[0]!, ['resourcePool', 'network']);
    expect(vm.get('network')).toContain(`>${ids.dc1}<`);
    expect(vm.get('resourcePool')).not.toBe('');
    const refused = await failureOf(compute.launch(spec('focused-cross', { computeResource: 'DC1_C0' })));
    expect(refused.code).toBe('invalid-request');
    expect(refused.message).toMatch(/in datacenter DC0, but the server goes to DC1/);
    const unknown = await failureOf(compute.launch(spec('focused-nowhere', { computeResource: 'DC9_C7' })));
    expect(unknown.message).toMatch(/Compute resource "DC9_C7" was not found.*DC0_C0/);
    await compute.terminate(location, serverIds[0]!);
  });

  it('finds only the servers Hangar deployed from an image', async () => {
    const a = await compute.launch(spec('focused-user-a'));
    const b = await compute.launch(spec('focused-user-b', { imageId: ids.golden }));
    const users = await compute.serversUsingImage(location, ids.ubuntu!);
    expect(users.map((s) => s.name)).toEqual(['focused-user-a']);
    expect((await compute.serversUsingImage(location, ids.golden!)).map((s) => s.id)).toEqual(b.serverIds);
    for (const id of [...a.serverIds, ...b.serverIds]) await compute.terminate(location, id);
    expect(await compute.serversUsingImage(location, ids.ubuntu!)).toEqual([]);
  });

  it('clones a server to a template that the catalog finds, and deletes it', async () => {
    const { serverIds } = await compute.launch(spec('focused-capture-src'));
    const { imageId } = await compute.captureImage!(
      location,
      serverIds[0]!,
      'focused-captured',
      'Captured by the focused test',
    );
    const vm = await readVm(sim, imageId, [
      'config.template',
      'runtime.powerState',
      'config.annotation',
      'config.extraConfig',
    ]);
    expect(vm.get('config.template')).toBe('true');
    // The server's user data and identity stay with the server, not with every launch of the template.
    const extra = extraConfigOf(vm.get('config.extraConfig'));
    for (const key of ['guestinfo.userdata', 'guestinfo.metadata', 'hangar.sourceImage'])
      expect(extra.get(key) ?? '').toBe('');
    expect(vm.get('config.annotation')).toBe('Captured by the focused test');
    const image = await catalog.getImage!(location, imageId);
    expect(image).toMatchObject({ cloudId: imageId, name: 'focused-captured', state: 'available' });
    expect(image?.description).toBe('Captured by the focused test');
    // Terminate refuses a template; deleteImage refuses an ordinary VM.
    expect((await failureOf(compute.terminate(location, imageId))).message).toMatch(/is a template/);
    expect((await failureOf(compute.deleteImage!(location, serverIds[0]!))).message).toMatch(
      /not a template/,
    );
    await compute.terminate(location, serverIds[0]!);
    await compute.deleteImage!(location, imageId);
    expect(await catalog.getImage!(location, imageId)).toBeNull();
  });

  it('deletes a content library item over the /rest API', async () => {
    expect(await catalog.getImage!(location, ids.rhelItem!)).not.toBeNull();
    await compute.deleteImage!(location, ids.rhelItem!);
    expect(await catalog.getImage!(location, ids.rhelItem!)).toBeNull();
  });

  it('refuses what vSphere has no place for before making anything', async () => {
    const cases: [Partial<LaunchSpec>, RegExp][] = [
      [{ securityGroupIds: ['sg-1'] }, /no security groups/],
      [{ keyName: 'my-key' }, /paste your SSH public key/],
      [{ flavorId: 't3.micro' }, /not a VMware size/],
      [{ publicIp: true }, /no public IP/],
      [{ imageId: 'not a template id!' }, /not a VMware template id/],
      [{ imageId: 'vm-999999' }, /was not found/],
    ];
    for (const [overrides, reason] of cases) {
      const failure = await failureOf(compute.launch(spec('focused-refused', overrides)));
      expect(failure.code).toBe('invalid-request');
      expect(failure.message).toMatch(reason);
    }
    const users = await compute.serversUsingImage(location, ids.ubuntu!);
    expect(users.some((server) => server.name === 'focused-refused')).toBe(false);
  });
});
