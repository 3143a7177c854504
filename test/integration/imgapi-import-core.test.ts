import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationSnapshot } from '@contract/index';
import { startImgapiSandbox, type ImgapiSandbox } from '../../main/sandbox/imgapi';
import { startCore, type CoreHarness } from '../support/core-harness';

// The import service end to end in the core: a local IMGAPI repository, the Sandbox's OpenStack
// (Keystone + Glance stand-in with its Nova), the OpenStack driver's Glance upload.
let repository: ImgapiSandbox;
let hangar: CoreHarness;
let accountId: string;
let location: string;

async function finished(operationId: string): Promise<OperationSnapshot> {
  const current = (await hangar.call('operations:list', {})).find((o) => o.operationId === operationId);
  if (current && current.state !== 'running') return current;
  return hangar.nextEvent('operation:update', (o) => o.operationId === operationId && o.state !== 'running');
}

beforeAll(async () => {
  repository = await startImgapiSandbox();
  hangar = await startCore({ sandbox: true, follow: { pollIntervalMs: 50, timeoutMs: 30_000 } });
  const accounts = await hangar.call('accounts:list', {});
  const openstack = accounts.find((a) => a.cloud === 'openstack')!;
  accountId = openstack.id;
  const sources = await hangar.call('catalog:sources', {});
  location = sources.find((s) => s.accountId === accountId)!.location;
});

afterAll(async () => {
  await hangar?.close();
  await repository?.stop();
});

describe('importing from an IMGAPI repository into Glance', () => {
  it('lists the repository, imports a zvol image verified by sha1, and registers it', async () => {
    const images = await hangar.call('imgapi:list', { url: repository.url });
    expect(images.length).toBe(repository.images.length);
    const zvol = images.find((i) => i.type === 'zvol')!;
    const started = await hangar.call('imgapi:import', {
      accountId,
      location,
      manifestUrl: zvol.manifestUrl,
      register: { record: { name: `${zvol.name}-${zvol.version}`, osFamily: 'debian', osVersion: '12' } },
    });
    const done = await finished(started.operationId);
    expect(done.error).toBeNull();
    expect(done.state).toBe('done');
    const [imageId] = done.result!.imageIds;
    const record = await hangar.call('registry:get', { recordId: done.result!.recordId! });
    expect(record.mappings[0]).toMatchObject({
      cloudImageId: imageId,
      location,
      imageName: `${zvol.name}-${zvol.version}`,
    });
    const lookup = await hangar.call('registry:lookup', {
      target: { accountId, location, cloudImageId: imageId! },
    });
    expect(lookup).toMatchObject({ found: true, from: 'cloud' });
  });

  it('refuses a file whose checksum does not match before anything reaches Glance, keeping no part of it', async () => {
    const zvol = repository.images.find((i) => i.type === 'zvol' && !i.name.includes('debian'))!;
    repository.corruptFile(zvol.uuid);
    const before = await hangar.call('registry:list', {});
    const started = await hangar.call('imgapi:import', {
      accountId,
      location,
      manifestUrl: `${repository.url}/images/${zvol.uuid}`,
    });
    const failed = await finished(started.operationId);
    expect(failed.state).toBe('failed');
    expect(failed.error?.message).toMatch(
      /checksum mismatch: expected [0-9a-f]{40} got [0-9a-f]{40}; nothing was imported/,
    );
    expect(failed.result).toBeNull();
    expect(await hangar.call('registry:list', {})).toHaveLength(before.length);
    // Neither the download nor a part of it, nor its folder, stays in the data folder.
    await expect(readdir(join(hangar.dataDir, 'imports', zvol.uuid))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('refuses what cannot boot on OpenStack, before downloading', async () => {
    const dataset = repository.images.find((i) => i.type !== 'zvol')!;
    await expect(
      hangar.call('imgapi:import', {
        accountId,
        location,
        manifestUrl: `${repository.url}/images/${dataset.uuid}`,
      }),
    ).rejects.toThrow(/only zvol/);
    expect(repository.requestCount(`/images/${dataset.uuid}/file`)).toBe(0);
  });
});
