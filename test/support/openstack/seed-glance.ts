/**
 * Seeds a real Keystone + Glance with a small private cloud through their APIs: a "demo" project
 * and member user (the account under test), platform images the admin publishes, community and
 * shared images, the demo project's own snapshots, hidden and deactivated images, and images the
 * demo user must NOT see (admin-private, share offers pending or rejected). Returns what the demo
 * user should see, so tests compare against the cloud's real answer.
 */
import type { OpenStackServers } from '../openstack-servers';
import {
  createApplicationCredential,
  GlanceAdmin,
  KeystoneAdmin,
  passwordToken,
  type Token,
} from './admin-api';
import { communityImages, demoImages, linux, platformImages, type Props } from './seed-glance-images';

export interface SeededImage {
  id: string;
  name: string;
  props: Props;
}

export interface SeededCloud {
  demo: { user: string; password: string; project: string; projectId: string };
  appCredential: { id: string; secret: string };
  /** Every image the demo user may list (both passes: visible and os_hidden). */
  visible: SeededImage[];
  /** Images that exist but that the demo user must not see. */
  invisible: SeededImage[];
  deactivated: string[];
  withData: string[];
}

/** Runs `work` over `items` with at most `width` requests in flight: quick, without flooding one eventlet. */
async function pooled<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

export async function seedGlance(servers: OpenStackServers): Promise<SeededCloud> {
  const adminToken = await passwordToken(
    servers.authUrl,
    servers.adminUser,
    servers.adminPassword,
    servers.adminProject,
  );
  const keystone = new KeystoneAdmin(servers.authUrl, adminToken);
  const demo = { user: 'demo', password: 'demo-user-password-7', project: 'demo', projectId: '' };
  demo.projectId = await keystone.createProject(demo.project);
  const demoUserId = await keystone.createUser(demo.user, demo.password);
  await keystone.grantRole(demo.projectId, demoUserId, 'member');
  const demoToken: Token = await passwordToken(servers.authUrl, demo.user, demo.password, demo.project);
  const appCredential = await createApplicationCredential(
    servers.authUrl,
    demoToken,
    'hangar-contract-suite',
  );

  const asAdmin = new GlanceAdmin(servers.glanceUrl, adminToken);
  const asDemo = new GlanceAdmin(servers.glanceUrl, demoToken);
  const create =
    (glance: GlanceAdmin) =>
    async (props: Props): Promise<SeededImage> => {
      const image = await glance.createImage(props);
      return { id: image.id, name: String(props.name), props };
    };
  const visible = [
    ...(await pooled(platformImages(), 4, create(asAdmin))),
    ...(await pooled(communityImages, 4, create(asAdmin))),
    ...(await pooled(demoImages(demo.projectId), 4, create(asDemo))),
  ];
  const [accepted, pending, rejected, adminPrivate] = await pooled(
    [
      {
        ...linux,
        name: 'rhel-9.4-golden-20240820',
        visibility: 'shared',
        os_distro: 'rhel',
        os_version: '9.4',
      },
      {
        ...linux,
        name: 'rhel-8.10-golden-20240820',
        visibility: 'shared',
        os_distro: 'rhel',
        os_version: '8.10',
      },
      {
        ...linux,
        name: 'sles-15-sp6-golden-20240820',
        visibility: 'shared',
        os_distro: 'sles',
        os_version: '15.6',
      },
      { ...linux, name: 'admin-scratch-build', visibility: 'private', os_distro: 'debian', os_version: '12' },
    ],
    4,
    create(asAdmin),
  );
  if (!accepted || !pending || !rejected || !adminPrivate) throw new Error('seeding lost an image');
  for (const share of [accepted, pending, rejected]) await asAdmin.addMember(share.id, demo.projectId);
  await GlanceAdmin.setMemberStatus(servers.glanceUrl, demoToken, accepted.id, 'accepted');
  await GlanceAdmin.setMemberStatus(servers.glanceUrl, demoToken, rejected.id, 'rejected');
  visible.push(accepted);

  // Real bytes for a few: Glance fills size, checksum and os_hash_*, and the images go active.
  const withData = visible.filter((image) =>
    /cirros|FreeBSD-14|debian-12-genericcloud-amd64-20241004|web-01-snapshot-2024-09/.test(image.name),
  );
  await pooled(withData, 2, (image) => {
    const glance = image.name.startsWith('web-01') ? asDemo : asAdmin;
    return glance.upload(image.id, new TextEncoder().encode(`${image.name} image bytes `.repeat(512)));
  });
  const deactivated = visible
    .filter((image) => /cirros|FreeBSD-14/.test(image.name))
    .map((image) => image.id);
  for (const id of deactivated) await asAdmin.deactivate(id);

  return {
    demo,
    appCredential,
    visible,
    invisible: [pending, rejected, adminPrivate],
    deactivated,
    withData: withData.map((image) => image.id),
  };
}
