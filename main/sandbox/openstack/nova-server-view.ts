import type { NovaContext } from './nova-context';
import type { NovaServer } from './nova-state';
import { novaTime } from './nova-wire';

/** A server as GET /servers/{id} shows it at the request's microversion, for a member's token. */
export function serverView(context: NovaContext, server: NovaServer): Record<string, unknown> {
  const { minor, mountUrl } = context;
  const phase = context.state.phase(server, context.now);
  const self = `${mountUrl}/v2.1/servers/${server.id}`;
  const addresses: Record<string, unknown[]> = {};
  if (phase.networked) {
    for (const attached of server.ports) {
      const port = context.neutron.ports.get(attached.portId);
      if (!port) continue;
      addresses[attached.networkName] = [
        ...(addresses[attached.networkName] ?? []),
        ...port.fixed_ips.map((ip) => ({
          version: ip.ip_address.includes(':') ? 6 : 4,
          addr: ip.ip_address,
          'OS-EXT-IPS:type': 'fixed',
          'OS-EXT-IPS-MAC:mac_addr': port.mac_address,
        })),
      ];
    }
  }
  const flavor =
    minor >= 47
      ? {
          vcpus: server.flavor.vcpus,
          ram: server.flavor.ram,
          disk: server.flavor.disk,
          ephemeral: 0,
          swap: 0,
          original_name: server.flavor.name,
          extra_specs: { ...server.flavor.extraSpecs },
        }
      : {
          id: server.flavor.id,
          links: [{ rel: 'bookmark', href: `${mountUrl}/flavors/${server.flavor.id}` }],
        };
  const view: Record<string, unknown> = {
    id: server.id,
    name: server.name,
    status: phase.status,
    tenant_id: server.projectId,
    user_id: server.userId,
    metadata: { ...server.metadata },
    hostId: phase.status === 'BUILD' && phase.taskState === 'scheduling' ? '' : server.hostId,
    image: server.imageId
      ? { id: server.imageId, links: [{ rel: 'bookmark', href: `${mountUrl}/images/${server.imageId}` }] }
      : '',
    flavor,
    created: novaTime(server.createdAt),
    updated: novaTime(
      Math.max(server.createdAt, Math.min(context.now, server.createdAt + context.state.timing.buildMs)),
    ),
    addresses,
    accessIPv4: '',
    accessIPv6: '',
    links: [
      { rel: 'self', href: self },
      { rel: 'bookmark', href: `${mountUrl}/servers/${server.id}` },
    ],
    'OS-DCF:diskConfig': 'MANUAL',
    progress: 0,
    'OS-EXT-AZ:availability_zone': phase.status === 'BUILD' ? '' : 'nova',
    config_drive: '',
    key_name: server.keyName,
    'OS-SRV-USG:launched_at':
      phase.launchedAt === null ? null : new Date(phase.launchedAt).toISOString().replace('Z', ''),
    'OS-SRV-USG:terminated_at': null,
    'OS-EXT-STS:task_state': phase.taskState,
    'OS-EXT-STS:vm_state': phase.vmState,
    'OS-EXT-STS:power_state': phase.powerState,
    'os-extended-volumes:volumes_attached': server.volumes.map((volume) => ({
      id: volume.id,
      ...(minor >= 3 ? { delete_on_termination: true } : {}),
    })),
  };
  if (phase.networked) view.security_groups = server.securityGroups.map((name) => ({ name }));
  if (minor >= 9) view.locked = false;
  if (minor >= 19) view.description = null;
  if (minor >= 26) view.tags = [];
  if (minor >= 63) view.trusted_image_certificates = null;
  if (phase.status === 'ERROR' && server.failure) {
    view.fault = {
      code: 500,
      created: novaTime(server.createdAt + context.state.timing.buildMs / 2),
      message: server.failure,
    };
  }
  return view;
}
