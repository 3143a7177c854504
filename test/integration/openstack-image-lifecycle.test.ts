import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenStackConnection, OpenStackSecret } from '@contract/index';
import type { OpenStackComputeDriver } from '../../main/providers/openstack/compute/openstack-compute-driver';
import { openstackProvider } from '../../main/providers/openstack/openstack-provider';
import { startOpenStackSandbox, type OpenStackSandbox } from '../../main/sandbox/openstack';
import { startComputeCloud, type ComputeCloud } from '../support/openstack/compute-cloud';
import { until } from '../support/openstack/compute-fixtures';
import { openStackUnavailable } from '../support/openstack-servers';

/**
 * Hangar's deprecation rule on Glance, against the stand-in and a real Glance: a future date hides
 * the image and records the date, a date now or past also deactivates it, and taking it back
 * undoes all three; a snapshot of a server booted from a deprecated image does not inherit the date.
 */
const unavailable = openStackUnavailable();
if (unavailable) console.log(`openstack deprecation against real Glance skipped: ${unavailable}`);
const TIMING = { buildMs: 150, deleteMs: 50, snapshotMs: 200 };

let sandbox: OpenStackSandbox;
let cloud: ComputeCloud | null = null;
let dir: string;
let file: { path: string; size: number };

interface Account {
  connection: OpenStackConnection;
  secret: OpenStackSecret;
}

beforeAll(async () => {
  sandbox = await startOpenStackSandbox({ computeTiming: TIMING });
  dir = await mkdtemp(join(tmpdir(), 'hangar-lifecycle-'));
  const data = randomBytes(256 * 1024);
  file = { path: join(dir, 'disk.raw'), size: data.length };
  await writeFile(file.path, data);
  if (!unavailable) cloud = await startComputeCloud(TIMING);
}, 180_000);

afterAll(async () => {
  await sandbox?.stop();
  await cloud?.stop();
  await rm(dir, { recursive: true, force: true });
});

function lifecycle(name: string, account: () => Account | null): void {
  describe.skipIf(name !== 'stand-in' && unavailable !== null)(`deprecation on ${name}`, () => {
    const drivers = () => {
      const { connection, secret } = account() as Account;
      return {
        compute: openstackProvider.createComputeDriver!(connection, secret) as OpenStackComputeDriver,
        images: openstackProvider.createDriver(connection, secret),
        location: connection.region,
      };
    };
    const importOne = (label: string) =>
      drivers().compute.importImage(
        drivers().location,
        {
          name: label,
          diskFormat: 'raw',
          containerFormat: 'bare',
          visibility: 'private',
          properties: { os_distro: 'ubuntu', os_version: '24.04' },
        },
        file,
        () => undefined,
      );

    it('hides with a future date, deactivates when the date has come, and takes both back', async () => {
      const { compute, images, location } = drivers();
      const { imageId } = await importOne(`${name}-rule`);
      const soon = new Date(Date.now() + 7 * 86_400_000);
      await compute.deprecateImage!(location, imageId, soon);
      let image = await images.getImage!(location, imageId);
      expect(image).toMatchObject({
        state: 'active',
        deprecatesAt: soon.toISOString(),
        deprecationState: 'deprecated',
      });
      expect((image?.raw as { os_hidden?: boolean }).os_hidden).toBe(true);

      const past = new Date(Date.now() - 60_000);
      await compute.deprecateImage!(location, imageId, past);
      image = await images.getImage!(location, imageId);
      expect(image).toMatchObject({
        state: 'deactivated',
        deprecatesAt: past.toISOString(),
        deprecationState: 'deprecated',
      });

      await compute.deprecateImage!(location, imageId, null);
      image = await images.getImage!(location, imageId);
      expect(image).toMatchObject({ state: 'active', deprecatesAt: null, deprecationState: 'active' });
      expect(image?.raw).not.toHaveProperty('hangar_deprecates_at');
      await compute.deleteImage!(location, imageId);
      expect(await images.getImage!(location, imageId)).toBeNull();
    });

    it('captures a server booted from a deprecated image without inheriting its date', async () => {
      const { compute, images, location } = drivers();
      const { imageId } = await importOne(`${name}-source`);
      await compute.deprecateImage!(location, imageId, new Date(Date.now() + 86_400_000));
      const network = (await compute.listNetworks(location)).find((n) => n.name === 'private');
      const { serverIds } = await compute.launch({
        location,
        imageId,
        flavorId: '2',
        networkId: network?.id ?? null,
        subnetId: null,
        publicIp: false,
        securityGroupIds: [],
        keyName: null,
        publicKey: null,
        volumes: [],
        userData: null,
        tags: {},
        computeResource: null,
        name: `${name}-from-deprecated`,
        count: 1,
      });
      const serverId = serverIds[0] as string;
      await until('running', 5_000, async () =>
        (await compute.getServer(location, serverId))?.state === 'running' ? true : null,
      );
      const { imageId: copyId } = await compute.captureImage!(location, serverId, `${name}-pinned`, 'pinned');
      const copy = await until('the copy', 15_000, async () => {
        const found = await images.getImage!(location, copyId);
        return found?.state === 'active' ? found : null;
      });
      expect(copy).toMatchObject({
        osFamily: 'ubuntu',
        osVersion: '24.04',
        deprecatesAt: null,
        deprecationState: 'active',
      });
      await compute.terminate(location, serverId);
      await until('gone', 5_000, async () =>
        (await compute.getServer(location, serverId)) === null ? true : null,
      );
      for (const id of [copyId, imageId]) await compute.deleteImage!(location, id);
    });
  });
}

lifecycle('stand-in', () => ({ connection: sandbox.connection, secret: sandbox.secret }));
lifecycle('real Glance', () => (cloud ? { connection: cloud.connection, secret: cloud.secret } : null));
