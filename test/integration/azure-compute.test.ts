import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComputeDriver, ServerState, ServerStatus } from '../../main/providers/compute-driver';
import { azureProvider } from '../../main/providers/azure/azure-provider';
import type { AzureSandbox } from '../../main/sandbox/azure';
import {
  launchSpecFor,
  networkIds,
  refusal,
  startComputeSandbox,
  TEST_POLL_MS,
  TEST_PUBLIC_KEY,
  until,
} from '../support/azure-compute-fixture';

let sandbox: AzureSandbox;
let compute: ComputeDriver;
const GROUP = 'hangar-westeurope';

beforeAll(async () => {
  sandbox = await startComputeSandbox();
  compute = azureProvider.createComputeDriver!(sandbox.connection, sandbox.secret, {
    pollIntervalMs: TEST_POLL_MS,
  });
});

afterAll(async () => {
  await sandbox.stop();
});

/** Follows a server, recording every state it was seen in, until it reaches one of `states`. */
async function follow(
  id: string,
  states: ServerState[],
): Promise<{ seen: ServerState[]; last: ServerStatus }> {
  const seen: ServerState[] = [];
  const last = await until(`server ${id} to be ${states.join('/')}`, async () => {
    const status = await compute.getServer('westeurope', id);
    if (status && seen.at(-1) !== status.state) seen.push(status.state);
    return status && states.includes(status.state) ? status : null;
  });
  return { seen, last };
}

const actionsSince = (mark: number) =>
  sandbox.requestLog
    .entries()
    .slice(mark)
    .map((entry) => entry.action ?? '');
const stored = (kind: 'nsg' | 'pip' | 'nic', name: string) => {
  try {
    return sandbox.compute.network.get(kind, GROUP, name);
  } catch {
    return null;
  }
};

describe('Azure compute driver against the ARM stand-in', () => {
  it('lists the sizes this subscription may use, with architecture, and networks of the location', async () => {
    const flavors = await compute.listFlavors('westeurope');
    expect(flavors.find((f) => f.id === 'Standard_B2s')).toEqual({
      id: 'Standard_B2s',
      name: 'Standard_B2s',
      vcpus: 2,
      memoryMiB: 4096,
      diskGb: null,
      architecture: 'x86_64',
    });
    expect(flavors.find((f) => f.id === 'Standard_D2ps_v5')?.architecture).toBe('arm64');
    // Offered in West Europe, but restricted for this subscription (NotAvailableForSubscription).
    expect(flavors.map((f) => f.id)).not.toContain('Standard_NC6s_v3');
    const networks = await compute.listNetworks('westeurope');
    const hub = networks.find((n) => n.id === networkIds(sandbox, 'westeurope').vnet);
    expect(hub?.subnets.map((s) => [s.name, s.cidr])).toEqual([
      ['default', '10.10.0.0/24'],
      ['snet-app', '10.10.1.0/24'],
      ['snet-data', '10.10.2.0/24'],
    ]);
    expect(networks.map((n) => n.id)).not.toContain(networkIds(sandbox, 'eastus').vnet);
  });

  it('follows long-running operations by polling them, and leaves the VM build to getServer', async () => {
    sandbox.compute.setDelays({ networkMs: 300 });
    try {
      const mark = sandbox.requestLog.entries().length;
      await compute.createSecurityGroup!('westeurope', {
        name: 'nsg-lro',
        description: 'created while polling',
        networkId: null,
        rules: [{ protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '203.0.113.0/24' }],
      });
      const actions = actionsSince(mark);
      const put = actions.indexOf('networkSecurityGroups.createOrUpdate');
      const polls = actions.filter((a) => a === 'networkOperations.get').length;
      expect(put).toBeGreaterThanOrEqual(0);
      expect(polls).toBeGreaterThanOrEqual(3); // InProgress at least twice, then Succeeded
      expect(actions.lastIndexOf('networkSecurityGroups.get')).toBeGreaterThan(
        actions.lastIndexOf('networkOperations.get'),
      );
      expect(stored('nsg', 'nsg-lro')?.properties.provisioningState).toBe('Succeeded');
    } finally {
      sandbox.compute.setDelays({ networkMs: 120 });
    }

    const mark = sandbox.requestLog.entries().length;
    const { serverIds } = await compute.launch(launchSpecFor(sandbox, 'lro-vm'));
    const afterLaunch = actionsSince(mark);
    expect(afterLaunch).toContain('virtualMachines.createOrUpdate');
    // The VM's own operation is not polled inside launch(): the build belongs to getServer.
    expect(afterLaunch.slice(afterLaunch.indexOf('virtualMachines.createOrUpdate'))).not.toContain(
      'computeOperations.get',
    );
    const { seen, last } = await follow(serverIds[0]!, ['running']);
    expect(seen[0]).toMatch(/^(pending|building)$/);
    expect(seen).toContain('running');
    expect(last.addresses[0]).toMatch(/^20\./);
    await compute.terminate('westeurope', serverIds[0]!);
  });

  it('reports a build Azure accepts and then fails, with the reason from the instance view', async () => {
    sandbox.compute.armBuildFailure();
    const { serverIds } = await compute.launch(launchSpecFor(sandbox, 'doomed-vm'));
    const { last } = await follow(serverIds[0]!, ['failed', 'running']);
    expect(last.state).toBe('failed');
    expect(last.reason).toMatch(/^AllocationFailed: Allocation failed/);
    await compute.terminate('westeurope', serverIds[0]!);
    expect(await compute.getServer('westeurope', serverIds[0]!)).toBeNull();
  });

  it("writes security rules in Network RP's wire shape and lists groups by location", async () => {
    const created = await compute.createSecurityGroup!('westeurope', {
      name: 'nsg-web-app',
      description: 'web tier',
      networkId: null,
      rules: [
        { protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '203.0.113.0/24' },
        { protocol: 'tcp', fromPort: 8000, toPort: 8080, cidr: '0.0.0.0/0' },
        { protocol: 'udp', fromPort: 53, toPort: 53, cidr: '10.0.0.0/8' },
        { protocol: 'icmp', fromPort: 0, toPort: 0, cidr: '0.0.0.0/0' },
      ],
    });
    expect(created.id).toMatch(
      /\/resourceGroups\/hangar-westeurope\/providers\/Microsoft\.Network\/networkSecurityGroups\/nsg-web-app$/,
    );
    const rules = (stored('nsg', 'nsg-web-app')?.properties.securityRules ?? []) as {
      name: string;
      properties: Record<string, unknown>;
    }[];
    expect(rules.map((r) => r.properties)).toEqual([
      expect.objectContaining({
        priority: 1000,
        direction: 'Inbound',
        access: 'Allow',
        protocol: 'Tcp',
        sourcePortRange: '*',
        destinationPortRange: '22',
        sourceAddressPrefix: '203.0.113.0/24',
        destinationAddressPrefix: '*',
      }),
      expect.objectContaining({
        priority: 1010,
        protocol: 'Tcp',
        destinationPortRange: '8000-8080',
        sourceAddressPrefix: '0.0.0.0/0',
      }),
      expect.objectContaining({
        priority: 1020,
        protocol: 'Udp',
        destinationPortRange: '53',
        sourceAddressPrefix: '10.0.0.0/8',
      }),
      expect.objectContaining({ priority: 1030, protocol: 'Icmp', destinationPortRange: '*' }),
    ]);
    expect(new Set(rules.map((r) => r.name)).size).toBe(4);
    const groups = await compute.listSecurityGroups!('westeurope', null);
    expect(groups.find((g) => g.id === created.id)).toEqual({ ...created, description: 'web tier' });
    expect(groups.map((g) => g.name)).toContain('nsg-web-westeurope');
    expect(groups.map((g) => g.name)).not.toContain('nsg-web-eastus');
    expect(groups.every((g) => g.networkId === null)).toBe(true);

    const twice = await refusal(
      compute.createSecurityGroup!('westeurope', {
        name: 'nsg-web-app',
        description: '',
        networkId: null,
        rules: [],
      }),
    );
    expect(twice.appError).toMatchObject({
      code: 'invalid-request',
      message: expect.stringMatching(/already exists/),
    });
    const badPort = await refusal(
      compute.createSecurityGroup!('westeurope', {
        name: 'nsg-bad',
        description: '',
        networkId: null,
        rules: [{ protocol: 'tcp', fromPort: 1, toPort: 70_000, cidr: '0.0.0.0/0' }],
      }),
    );
    expect(badPort.appError.code).toBe('invalid-request');
    expect(stored('nsg', 'nsg-bad')).toBeNull();
  });

  it('puts the public key in osProfile, user data in customData, and the disks, NIC and tags on the VM', async () => {
    const des = `/subscriptions/${sandbox.connection.subscriptionId}/resourceGroups/rg-security/providers/Microsoft.Compute/diskEncryptionSets/des-cmk-westeurope`;
    const spec = {
      ...launchSpecFor(sandbox, 'shape-vm'),
      volumes: [
        { sizeGb: 64, type: 'Premium_LRS', encrypted: true, kmsKeyId: null },
        { sizeGb: 128, type: 'StandardSSD_LRS', encrypted: true, kmsKeyId: des },
      ],
    };
    const { serverIds } = await compute.launch(spec);
    const id = serverIds[0]!;
    expect(id).toBe(
      `/subscriptions/${sandbox.connection.subscriptionId}/resourceGroups/${GROUP}/providers/Microsoft.Compute/virtualMachines/shape-vm`,
    );
    const vm = sandbox.compute.vms.get(GROUP, 'shape-vm', null).properties as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(vm.osProfile).toMatchObject({
      computerName: 'shape-vm',
      adminUsername: 'hangar',
      linuxConfiguration: {
        disablePasswordAuthentication: true,
        ssh: { publicKeys: [{ path: '/home/hangar/.ssh/authorized_keys', keyData: TEST_PUBLIC_KEY }] },
      },
    });
    expect(vm.osProfile.customData).toBeUndefined(); // ARM never returns it…
    const customData = sandbox.compute.vms.byId(id)?.customData ?? '';
    expect(Buffer.from(customData, 'base64').toString('utf8')).toBe(spec.userData); // …but it was sent
    const [publisher, offer, sku, version] = spec.imageId.split(':');
    expect(vm.storageProfile.imageReference).toMatchObject({
      publisher,
      offer,
      sku,
      version,
      exactVersion: version,
    });
    expect(vm.hardwareProfile).toEqual({ vmSize: 'Standard_B2s' });
    expect(vm.storageProfile.osDisk).toMatchObject({ createOption: 'FromImage', deleteOption: 'Delete' });
    expect(vm.storageProfile.dataDisks).toEqual([
      expect.objectContaining({
        lun: 0,
        diskSizeGB: 64,
        createOption: 'Empty',
        deleteOption: 'Delete',
        managedDisk: expect.objectContaining({ storageAccountType: 'Premium_LRS' }),
      }),
      expect.objectContaining({
        lun: 1,
        diskSizeGB: 128,
        managedDisk: expect.objectContaining({
          storageAccountType: 'StandardSSD_LRS',
          diskEncryptionSet: { id: des },
        }),
      }),
    ]);
    expect(vm.networkProfile.networkInterfaces).toEqual([
      {
        id: expect.stringMatching(/networkInterfaces\/shape-vm-nic$/),
        properties: { primary: true, deleteOption: 'Delete' },
      },
    ]);
    expect(sandbox.compute.vms.get(GROUP, 'shape-vm', null).tags).toEqual(spec.tags);
    const nic = stored('nic', 'shape-vm-nic')?.properties as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(nic.networkSecurityGroup).toEqual({ id: spec.securityGroupIds[0] });
    expect(nic.ipConfigurations[0].properties.subnet).toEqual({ id: spec.subnetId });
    expect(nic.ipConfigurations[0].properties.publicIPAddress.id).toMatch(/publicIPAddresses\/shape-vm-ip$/);

    const { last } = await follow(id, ['running']);
    expect(last.addresses).toEqual([
      expect.stringMatching(/^20\./),
      expect.stringMatching(/^10\.10\.1\.\d+$/),
    ]);
    expect(last.imageId).toBe(spec.imageId);
    await compute.terminate('westeurope', id);
    expect(stored('nic', 'shape-vm-nic')).toBeNull();
    expect(stored('pip', 'shape-vm-ip')).toBeNull();

    const noKey = await refusal(
      compute.launch({ ...launchSpecFor(sandbox, 'keyless'), publicKey: null, keyName: 'my-pair' }),
    );
    expect(noKey.appError).toMatchObject({
      code: 'invalid-request',
      message: expect.stringMatching(/public key/),
    });
  });

  it("reports a quota refusal in Azure's words and removes what the launch had created", async () => {
    sandbox.compute.armQuotaFault();
    const error = await refusal(compute.launch(launchSpecFor(sandbox, 'over-quota')));
    expect(error.appError.code).toBe('cloud-error');
    expect(error.appError.message).toMatch(
      /cores quota would be exceeded \(OperationNotAllowed: Operation could not be completed as it results in exceeding approved standardBSFamily Cores quota/,
    );
    expect(error.appError.message).toMatch(/Location: westeurope, Current Limit: 10/);
    expect(error.appError.message).toMatch(/removed what this launch had created/);
    expect(stored('nic', 'over-quota-nic')).toBeNull();
    expect(stored('pip', 'over-quota-ip')).toBeNull();
    expect(
      await compute.getServer(
        'westeurope',
        `/subscriptions/${sandbox.connection.subscriptionId}/resourceGroups/${GROUP}/providers/Microsoft.Compute/virtualMachines/over-quota`,
      ),
    ).toBeNull();
  });

  it('takes back the servers already accepted when a later one of the same launch is refused', async () => {
    sandbox.compute.armQuotaFault(1, 1);
    const error = await refusal(compute.launch({ ...launchSpecFor(sandbox, 'fleet'), count: 3 }));
    expect(error.appError.message).toMatch(/OperationNotAllowed/);
    expect(error.appError.message).toMatch(/removed what this launch had created/);
    for (const name of ['fleet-1', 'fleet-2', 'fleet-3']) {
      expect(sandbox.compute.vms.list(GROUP).map((vm) => vm.name)).not.toContain(name);
      expect(stored('nic', `${name}-nic`)).toBeNull();
      expect(stored('pip', `${name}-ip`)).toBeNull();
    }
    const { serverIds } = await compute.launch({ ...launchSpecFor(sandbox, 'fleet'), count: 2 });
    expect(serverIds.map((id) => id.split('/').pop())).toEqual(['fleet-1', 'fleet-2']);
    await Promise.all(serverIds.map((id) => compute.terminate('westeurope', id)));
  });

  it('refuses a subnet that does not exist with InvalidResourceReference and leaves no public IP', async () => {
    const missing = networkIds(sandbox, 'westeurope').subnet.replace(/snet-app$/, 'snet-nowhere');
    const error = await refusal(compute.launch({ ...launchSpecFor(sandbox, 'lost-vm'), subnetId: missing }));
    expect(error.appError.message).toContain('InvalidResourceReference');
    expect(error.appError.message).toContain(missing);
    expect(stored('pip', 'lost-vm-ip')).toBeNull();
  });
});
