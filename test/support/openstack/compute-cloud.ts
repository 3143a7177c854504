/**
 * A real Keystone + Glance with the Nova/Neutron stand-in beside them, for the compute tests:
 * the stand-in is registered in Keystone's catalog ("compute", "network"), validates tokens
 * against that Keystone with the admin as its service user, and puts snapshots into that Glance.
 * A "demo" member project and user, and one active image they may boot, are created through the APIs.
 */
import type { OpenStackConnection, OpenStackSecret } from '@contract/index';
import { startComputeServer, type ComputeServer } from '../../../main/sandbox/openstack/nova-neutron-server';
import type { NovaTiming } from '../../../main/sandbox/openstack/nova-state';
import { registerCatalogService, startOpenStack, type OpenStackServers } from '../openstack-servers';
import { GlanceAdmin, KeystoneAdmin, passwordToken, type Token } from './admin-api';

export interface ComputeCloud {
  servers: OpenStackServers;
  compute: ComputeServer;
  connection: OpenStackConnection;
  secret: OpenStackSecret;
  demoToken: Token;
  adminToken: Token;
  /** An active public image with real bytes. */
  imageId: string;
  stop(): Promise<void>;
}

export async function startComputeCloud(timing: Partial<NovaTiming>): Promise<ComputeCloud> {
  const started = await startOpenStack();
  if ('skipReason' in started) throw new Error(started.skipReason);
  const servers = started;
  let compute: ComputeServer | null = null;
  try {
    compute = await startComputeServer({
      keystoneUrl: servers.authUrl,
      service: { user: servers.adminUser, password: servers.adminPassword, project: servers.adminProject },
      region: servers.region,
      timing,
    });
    await registerCatalogService(servers, 'compute', 'nova', compute.computeUrl);
    await registerCatalogService(servers, 'network', 'neutron', compute.networkUrl);

    const adminToken = await passwordToken(
      servers.authUrl,
      servers.adminUser,
      servers.adminPassword,
      servers.adminProject,
    );
    const keystone = new KeystoneAdmin(servers.authUrl, adminToken);
    const demo = { user: 'compute-demo', password: 'compute-demo-password-3', project: 'compute-demo' };
    const projectId = await keystone.createProject(demo.project);
    const userId = await keystone.createUser(demo.user, demo.password);
    await keystone.grantRole(projectId, userId, 'member');
    const demoToken = await passwordToken(servers.authUrl, demo.user, demo.password, demo.project);

    const glance = new GlanceAdmin(servers.glanceUrl, adminToken);
    const image = await glance.createImage({
      name: 'debian-12-genericcloud-amd64-20250110',
      disk_format: 'raw',
      container_format: 'bare',
      visibility: 'public',
      min_disk: 2,
      min_ram: 256,
      os_distro: 'debian',
      os_version: '12',
      architecture: 'x86_64',
    });
    await glance.upload(image.id, new TextEncoder().encode('debian 12 root disk '.repeat(4096)));
    const connection: OpenStackConnection = {
      authUrl: servers.authUrl,
      region: servers.region,
      interface: 'public',
      authType: 'password',
      username: demo.user,
      userDomainName: 'Default',
      projectName: demo.project,
      projectDomainName: 'Default',
    };
    const running = compute;
    return {
      servers,
      compute: running,
      connection,
      secret: { kind: 'password', password: demo.password },
      demoToken,
      adminToken,
      imageId: image.id,
      stop: async () => {
        await running.stop();
        await servers.stop();
      },
    };
  } catch (error) {
    await compute?.stop();
    await servers.stop();
    throw error;
  }
}
