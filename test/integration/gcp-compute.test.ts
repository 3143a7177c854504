import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ComputeDriver, LaunchSpec } from '../../main/providers/compute-driver';
import { CloudError } from '../../main/providers/driver';
import { gcpProvider } from '../../main/providers/gcp/gcp-provider';
import { startGcpSandbox, type GcpSandbox } from '../../main/sandbox/gcp';
import { DEFAULT_CPU_QUOTA } from '../../main/sandbox/gcp/compute-state';

const ZONE = 'us-central1-a';
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGk2cTe0m8sJ0pQ3kV3yLq6o8wTn0u2b6N1w8Rj7fQhX ana@laptop';
let sandbox: GcpSandbox;
let compute: ComputeDriver;
let spec: LaunchSpec;
let bearer: string;

/** The stand-in's own view of a resource, as Compute's REST API answers it. */
async function rest<T>(path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${sandbox.endpoint}/compute/v1/projects/${sandbox.projectId}/${path}`, {
    headers: { authorization: `Bearer ${bearer}` },
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function until<T>(what: string, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function refusal(promise: Promise<unknown>): Promise<CloudError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  return error as CloudError;
}

interface Instance {
  status: string;
  tags: { items?: string[] };
  labels?: Record<string, string>;
  metadata: { items?: { key: string; value: string }[] };
  disks: { source: string; deviceName: string; boot: boolean; diskEncryptionKey?: { kmsKeyName: string } }[];
}

beforeAll(async () => {
  sandbox = await startGcpSandbox({
    referenceDate: new Date('2026-11-23T12:00:00Z'),
    compute: { operationMs: 300, bootMs: 500, captureMs: 300, waitCapMs: 60 },
  });
  bearer = sandbox.mintAccessToken({ scopes: ['https://www.googleapis.com/auth/compute'] });
  compute = gcpProvider.createComputeDriver!(sandbox.connection, sandbox.secret, { pollIntervalMs: 10 });
  const image = sandbox.catalog.latestInFamily('debian-cloud', 'debian-12');
  spec = {
    location: ZONE,
    imageId: `projects/debian-cloud/global/images/${image?.name ?? 'none'}`,
    flavorId: 'e2-small',
    networkId: null,
    subnetId: null,
    publicIp: false,
    securityGroupIds: [],
    keyName: null,
    publicKey: null,
    volumes: [],
    userData: null,
    name: 'web',
    count: 1,
    tags: {},
    computeResource: null,
  };
});
afterAll(() => sandbox?.stop());
beforeEach(() => {
  sandbox.faults.clear();
  sandbox.compute.cpuQuota = DEFAULT_CPU_QUOTA;
});

describe('GCE launch', () => {
  it('lists the zones a server can be made in, for the launch dialog', async () => {
    const zones = await compute.listPlacements!();
    expect(zones).toContain(ZONE);
    expect(zones).toEqual([...zones].sort());
    expect(zones.every((zone) => /^[a-z]+-[a-z]+\d+-[a-z]$/.test(zone))).toBe(true);
  });

  it('waits on the insert operation rather than assuming it done', async () => {
    const before = sandbox.requestLog.entries().length;
    const { serverIds } = await compute.launch({ ...spec, name: 'waited' });
    const calls = sandbox.requestLog.entries().slice(before);
    const insert = calls.findIndex((r) => r.operation === 'instances.insert');
    const waits = calls.filter((r) => r.operation === 'zoneOperations.wait');
    expect(insert).toBeGreaterThanOrEqual(0);
    // The operation takes 300 ms and each wait returns after 60 ms: the driver had to ask again.
    expect(waits.length).toBeGreaterThan(1);
    const [operation] = sandbox.compute.operations.list({ project: sandbox.projectId, zone: ZONE }).slice(-1);
    expect(operation?.status).toBe('DONE');
    expect(serverIds).toEqual(['waited']);
  });

  it('puts the public key in ssh-keys metadata and the user data where the guest reads it', async () => {
    await compute.launch({
      ...spec,
      name: 'keyed',
      publicKey: `${KEY}\n`,
      userData: '#cloud-config\npackages: [nginx]\n',
    });
    await compute.launch({ ...spec, name: 'scripted', userData: '#!/bin/sh\necho hello\n' });
    const keyed = (await rest<Instance>(`zones/${ZONE}/instances/keyed`)).body;
    expect(keyed.metadata.items).toEqual([
      { key: 'ssh-keys', value: `hangar:${KEY}` },
      { key: 'user-data', value: '#cloud-config\npackages: [nginx]\n' },
    ]);
    const scripted = (await rest<Instance>(`zones/${ZONE}/instances/scripted`)).body;
    expect(scripted.metadata.items).toEqual([{ key: 'startup-script', value: '#!/bin/sh\necho hello\n' }]);
    const bad = await refusal(compute.launch({ ...spec, name: 'badkey', publicKey: 'not a key' }));
    expect(bad.appError).toMatchObject({ code: 'invalid-request' });
    expect(bad.appError.message).toMatch(/OpenSSH public key/);
  });

  it('creates a firewall per source range with the rules and a target tag, and tags servers that choose it', async () => {
    const group = await compute.createSecurityGroup!(ZONE, {
      name: 'Web Front',
      description: 'web servers',
      networkId: null,
      rules: [
        { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' },
        { protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '203.0.113.0/24' },
        { protocol: 'tcp', fromPort: 8000, toPort: 8100, cidr: '203.0.113.0/24' },
        { protocol: 'icmp', fromPort: -1, toPort: -1, cidr: '203.0.113.0/24' },
      ],
    });
    expect(group).toMatchObject({
      id: 'web-front',
      networkId: `projects/${sandbox.projectId}/global/networks/default`,
    });
    const first = (await rest<Record<string, unknown>>('global/firewalls/web-front')).body;
    expect(first).toMatchObject({
      kind: 'compute#firewall',
      direction: 'INGRESS',
      sourceRanges: ['0.0.0.0/0'],
      allowed: [{ IPProtocol: 'tcp', ports: ['443'] }],
      targetTags: ['web-front'],
    });
    const second = (await rest<Record<string, unknown>>('global/firewalls/web-front-2')).body;
    expect(second).toMatchObject({
      sourceRanges: ['203.0.113.0/24'],
      allowed: [{ IPProtocol: 'tcp', ports: ['22', '8000-8100'] }, { IPProtocol: 'icmp' }],
      targetTags: ['web-front'],
    });
    const listed = await compute.listSecurityGroups!(ZONE, 'default');
    expect(listed.map((g) => g.id)).toEqual(
      expect.arrayContaining(['default-allow-ssh', 'web-front', 'web-front-2']),
    );
    expect(listed.map((g) => g.id)).not.toContain('platform-allow-ssh-iap');
    expect(listed.find((g) => g.id === 'web-front-2')?.description).toContain('instances tagged web-front');

    await compute.launch({ ...spec, name: 'guarded', securityGroupIds: ['web-front', 'default-allow-ssh'] });
    const guarded = (await rest<Instance>(`zones/${ZONE}/instances/guarded`)).body;
    expect(guarded.tags.items).toEqual(['web-front']);
    const duplicate = await refusal(
      compute.createSecurityGroup!(ZONE, {
        name: 'web-front',
        description: '',
        networkId: null,
        rules: first.allowed ? [{ protocol: 'tcp', fromPort: 1, toPort: 1, cidr: '10.0.0.0/8' }] : [],
      }),
    );
    expect(duplicate.appError).toMatchObject({ code: 'conflict' });
  });

  it('writes tags as labels Compute accepts, and refuses what cannot fit before calling', async () => {
    await compute.launch({
      ...spec,
      name: 'labelled',
      tags: { 'Billing Code': 'CC-1234', Group: 'Web Team', env: 'prod' },
    });
    const labelled = (await rest<Instance>(`zones/${ZONE}/instances/labelled`)).body;
    expect(labelled.labels).toEqual({ billing_code: 'cc-1234', group: 'web_team', env: 'prod' });
    const before = sandbox.requestLog.entries('instances.insert').length;
    const badKey = await refusal(compute.launch({ ...spec, name: 'nolabel', tags: { '9lives': 'x' } }));
    expect(badKey.appError.code).toBe('invalid-request');
    expect(badKey.appError.message).toMatch(/must start with a lowercase letter/);
    const long = await refusal(compute.launch({ ...spec, name: 'nolabel', tags: { note: 'x'.repeat(64) } }));
    expect(long.appError.message).toMatch(/at most 63 characters/);
    expect(sandbox.requestLog.entries('instances.insert')).toHaveLength(before);
  });

  it('surfaces an exhausted quota in Compute words and leaves no server behind', async () => {
    sandbox.compute.armQuotaExceeded();
    const quota = await refusal(compute.launch({ ...spec, name: 'over' }));
    expect(quota.appError.code).toBe('cloud-error');
    expect(quota.appError.message).toContain(
      "Quota 'CPUS' exceeded.  Limit: 24.0 in region us-central1 (QUOTA_EXCEEDED)",
    );
    expect(quota.appError.message).toMatch(/QUOTA_EXCEEDED.*ask for more quota/);
    expect((await rest(`zones/${ZONE}/instances/over`)).status).toBe(404);

    // Three 2-vCPU servers against what is left of the region's quota: the third fails, the others are undone.
    sandbox.compute.cpuQuota = sandbox.compute.cpusInUse('us-central1') + 4;
    const partial = await refusal(compute.launch({ ...spec, name: 'batch', count: 3 }));
    expect(partial.appError.message).toMatch(/Quota 'CPUS' exceeded/);
    expect(partial.appError.message).toMatch(
      /deleted the servers this launch had already created \(batch-1, batch-2\)/,
    );
    for (const name of ['batch-1', 'batch-2', 'batch-3']) {
      expect((await rest(`zones/${ZONE}/instances/${name}`)).status).toBe(404);
    }
  });

  it('attaches data volumes with their type, a device name, and the KMS key', async () => {
    const kms = 'projects/hangar-sandbox-demo/locations/us-central1/keyRings/disks/cryptoKeys/data';
    await compute.launch({
      ...spec,
      name: 'stored',
      volumes: [
        { sizeGb: 100, type: 'pd-ssd', encrypted: true, kmsKeyId: kms },
        { sizeGb: 100, type: null, encrypted: false, kmsKeyId: null },
      ],
    });
    const stored = (await rest<Instance>(`zones/${ZONE}/instances/stored`)).body;
    expect(stored.disks.map((d) => [d.deviceName, d.boot, d.diskEncryptionKey?.kmsKeyName ?? null])).toEqual([
      ['persistent-disk-0', true, null],
      ['data-1', false, kms],
      ['data-2', false, null],
    ]);
    const disk = (await rest<{ type: string; sizeGb: string }>(`zones/${ZONE}/disks/stored-data-1`)).body;
    expect(disk.type).toMatch(/\/diskTypes\/pd-ssd$/);
    expect(disk.sizeGb).toBe('100');
    const gp3 = await refusal(
      compute.launch({
        ...spec,
        name: 'awsish',
        volumes: [{ sizeGb: 10, type: 'gp3', encrypted: false, kmsKeyId: null }],
      }),
    );
    expect(gp3.appError.message).toMatch(/not a Compute Engine disk type/);
  });

  it('follows the build through pending, building and running, with public then private address', async () => {
    const { serverIds } = await compute.launch({ ...spec, name: 'watched', publicIp: true });
    const seen = new Set<string>();
    const running = await until('running', async () => {
      const status = await compute.getServer(ZONE, serverIds[0]!);
      if (status) seen.add(status.state);
      return status?.state === 'running' ? status : null;
    });
    expect(seen.has('running')).toBe(true);
    expect(running.addresses).toHaveLength(2);
    expect(running.addresses[0]).toMatch(/^3[45]\./);
    expect(running.addresses[1]).toMatch(/^10\.128\.0\./);
    expect(running.imageId).toBe(spec.imageId);
    await compute.terminate(ZONE, serverIds[0]!);
    expect(await compute.getServer(ZONE, serverIds[0]!)).toBeNull();
  });

  it('refuses "global" as a launch location and a token without the compute scope', async () => {
    const global = await refusal(compute.launch({ ...spec, location: 'global' }));
    expect(global.appError).toMatchObject({ code: 'invalid-request' });
    expect(global.appError.message).toMatch(/zone such as us-central1-a/);
    const readOnly = gcpProvider.createComputeDriver!(sandbox.connection, {
      kind: 'access-token',
      accessToken: sandbox.mintAccessToken({ scopes: ['https://www.googleapis.com/auth/compute.readonly'] }),
    });
    expect((await readOnly.listFlavors(ZONE)).length).toBeGreaterThan(0);
    const denied = await refusal(readOnly.launch({ ...spec, name: 'readonly' }));
    expect(denied.appError.code).toBe('cloud-permission');
    expect(denied.appError.message).toMatch(/compute or cloud-platform scope/);
  });
});
