/**
 * What only a real Keystone + Glance can prove: the driver sees exactly what Glance's own
 * visibility rules allow, maps fields Glance itself computed (size, checksum, hashes, statuses),
 * signs in with an application credential Keystone minted, and the stand-in's wire shapes match
 * the real ones.
 */
import { describe, expect, it } from 'vitest';
import type { OpenStackConnection, OpenStackSecret } from '@contract/index';
import type { StoredImage } from '../../../main/catalog/stored-image';
import { CloudError } from '../../../main/providers/driver';
import { openstackProvider } from '../../../main/providers/openstack/openstack-provider';
import type { OpenStackSandbox } from '../../../main/sandbox/openstack';
import type { DriverSuiteTarget } from '../../integration/shared/driver-contract-suite';
import type { OpenStackServers } from '../openstack-servers';
import { passwordToken } from './admin-api';
import type { SeededCloud } from './seed-glance';

interface RealContext {
  servers: OpenStackServers;
  seeded: SeededCloud;
  target: DriverSuiteTarget<OpenStackConnection, OpenStackSecret>;
  sandbox: OpenStackSandbox;
}

const list = (
  target: RealContext['target'],
  connection = target.connection,
  secret = target.secret,
): Promise<StoredImage[]> =>
  openstackProvider
    .createDriver(connection, secret, { pageSize: target.pageSize })
    .listImages(target.scope, () => undefined);

const byName = (images: StoredImage[], name: string): StoredImage => {
  const image = images.find((candidate) => candidate.name === name);
  if (!image) throw new Error(`no image named ${name}`);
  return image;
};

const field = (image: StoredImage, label: string): string | undefined =>
  image.fields.find((row) => row.label === label)?.value;

export function describeRealGlanceChecks(get: () => RealContext): void {
  describe('openstack real Keystone + Glance specifics', () => {
    it('lists exactly the images Glance lets the demo project see, hidden ones included', async () => {
      const { target, seeded } = get();
      const images = await list(target);
      expect(new Set(images.map((i) => i.cloudId))).toEqual(new Set(seeded.visible.map((i) => i.id)));
      for (const invisible of seeded.invisible)
        expect(images.map((i) => i.cloudId)).not.toContain(invisible.id);
    });

    it('maps what Glance computed and what operators typed', async () => {
      const { target, seeded } = get();
      const images = await list(target);
      const cirros = byName(images, 'cirros-0.6.2-x86_64-disk');
      expect(cirros).toMatchObject({
        state: 'deactivated',
        osFamily: 'unknown',
        osRaw: null,
        visibility: 'public',
        public: true,
      });
      expect(field(cirros, 'Checksum (MD5)')).toMatch(/^[0-9a-f]{32}$/);
      expect(field(cirros, 'Hash')).toMatch(/^sha512: [0-9a-f]{128}$/);
      expect(byName(images, 'FreeBSD-13.3-RELEASE-amd64-ufs')).toMatchObject({
        osFamily: 'freebsd',
        osRaw: 'Freebsd',
        osVersion: '13.3',
        state: 'queued',
      });
      expect(byName(images, 'FreeBSD-14.1-RELEASE-amd64-zfs')).toMatchObject({
        osFamily: 'freebsd',
        osRaw: 'FreeBSD',
      });
      expect(byName(images, 'CentOS-Stream-GenericCloud-9-20240805.0.x86_64')).toMatchObject({
        osFamily: 'centos',
        osRaw: 'CentOS',
      });
      expect(byName(images, 'openSUSE-Leap-15.6.x86_64-NoCloud')).toMatchObject({
        osFamily: 'opensuse',
        visibility: 'community',
      });
      const hidden = byName(images, 'ubuntu-22.04-server-cloudimg-amd64-20240301');
      expect(hidden).toMatchObject({
        deprecationState: 'deprecated',
        deprecatesAt: null,
        osFamily: 'ubuntu',
        osVersion: '22.04',
      });
      expect(byName(images, 'ubuntu-22.04-server-cloudimg-amd64-20240901')).toMatchObject({
        deprecationState: 'active',
        family: 'ubuntu-22.04-server-cloudimg-amd64',
      });
      expect(byName(images, 'debian-11-genericcloud-amd64-20240211-1654')).toMatchObject({
        deprecationState: 'deprecated',
        deprecatesAt: '2024-08-14T00:00:00.000Z',
      });
      expect(byName(images, 'debian-11-genericcloud-amd64-20240812-1838')).toMatchObject({
        deprecationState: 'scheduled',
      });
      const windows = byName(images, 'Windows Server 2022 Standard (2024-09)');
      expect(windows).toMatchObject({ osFamily: 'windows', sizeGb: 40, architecture: 'x86_64' });
      expect(field(windows, 'Protected')).toBe('yes');
      expect(field(windows, 'Minimum RAM')).toBe('4096 MiB');
      expect(windows.tags).toMatchObject({ os_type: 'windows', hw_firmware_type: 'uefi' });
      const latest = byName(images, 'ubuntu-24.04-server-cloudimg-amd64-20241001');
      expect(latest.tags).toMatchObject({ official: '', latest: '', os_distro: 'ubuntu' });
      const snapshot = byName(images, 'web-01-snapshot-2024-09-01');
      expect(snapshot).toMatchObject({
        ownerId: seeded.demo.projectId,
        ownerAlias: 'demo',
        visibility: 'private',
        state: 'active',
      });
      expect(snapshot.sizeGb).toBe(1);
      expect(byName(images, 'rhel-9.4-golden-20240820')).toMatchObject({
        visibility: 'shared',
        osFamily: 'rhel',
        ownerAlias: null,
      });
      expect(byName(images, 'db-01-before-upgrade').deprecationState).toBe('deprecated');
    });

    it('signs in with an application credential Keystone issued', async () => {
      const { target, seeded } = get();
      const connection: OpenStackConnection = {
        authUrl: target.connection.authUrl.replace(/\/v3$/, ''),
        region: target.connection.region,
        interface: 'public',
        authType: 'application-credential',
        applicationCredentialId: seeded.appCredential.id,
      };
      const secret: OpenStackSecret = {
        kind: 'application-credential',
        applicationCredentialSecret: seeded.appCredential.secret,
      };
      const driver = openstackProvider.createDriver(connection, secret);
      expect(await driver.testConnection(target.scope.location)).toMatchObject({ ok: true, code: 'ok' });
      const images = await list(target, connection, secret);
      expect(new Set(images.map((i) => i.cloudId))).toEqual(new Set(seeded.visible.map((i) => i.id)));
      const wrong = openstackProvider.createDriver(connection, {
        kind: 'application-credential',
        applicationCredentialSecret: 'wrong-secret-123',
      });
      const check = await wrong.testConnection(target.scope.location);
      expect(check).toMatchObject({ ok: false, code: 'bad-credentials' });
      expect(check.message).toContain('application credential');
    });

    it('says which region and interface the catalog lacks', async () => {
      const { target } = get();
      const elsewhere = await openstackProvider
        .createDriver(target.connection, target.secret)
        .testConnection('RegionTwo');
      expect(elsewhere).toMatchObject({ ok: false, code: 'error' });
      expect(elsewhere.message).toContain('no public image endpoint in region RegionTwo');
      expect(elsewhere.message).toContain('public in RegionOne');
      const internal = openstackProvider.createDriver(
        { ...target.connection, interface: 'internal' },
        target.secret,
      );
      const error = await internal.listImages(target.scope, () => undefined).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CloudError);
      expect((error as CloudError).appError).toMatchObject({ code: 'cloud-error' });
      expect((error as CloudError).appError.message).toContain('no internal image endpoint');
    });

    it('the stand-in answers with the same envelope and image fields as the real Glance', async () => {
      const { servers, seeded, sandbox } = get();
      const realToken = await passwordToken(
        servers.authUrl,
        seeded.demo.user,
        seeded.demo.password,
        seeded.demo.project,
      );
      const realPage = (await (
        await fetch(`${servers.glanceUrl}/v2/images?limit=2`, {
          headers: { 'x-auth-token': realToken.value },
        })
      ).json()) as Record<string, unknown>;
      const auth = await fetch(`${sandbox.authUrl}/auth/tokens`, {
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
      const standInToken = auth.headers.get('x-subject-token') ?? '';
      const standInPage = (await (
        await fetch(`${sandbox.endpoint}/regionone/image/v2/images?limit=2`, {
          headers: { 'x-auth-token': standInToken },
        })
      ).json()) as Record<string, unknown>;
      expect(Object.keys(standInPage).sort()).toEqual(Object.keys(realPage).sort());
      const core = (page: Record<string, unknown>): string[] => {
        const image = (page.images as Record<string, unknown>[])[0] ?? {};
        return Object.keys(image)
          .filter(
            (key) =>
              !/^(os_distro|os_version|architecture|hw_|os_admin_user|ubuntu_codename|image_type|instance_uuid|base_image_ref|owner_|boot_roles|description|os_type|hangar_|nvidia_)/.test(
                key,
              ),
          )
          .sort();
      };
      expect(core(standInPage)).toEqual(core(realPage));
      expect(String(realPage.next)).toMatch(/^\/v2\/images\?limit=2&marker=[0-9a-f-]{36}$/);
      expect(String(standInPage.next)).toMatch(/^\/v2\/images\?limit=2&marker=[0-9a-f-]{36}$/);
    });
  });
}
