import { randomBytes, randomUUID } from 'node:crypto';
import { json, type Reply } from './sandbox-http';
import { NeutronFault, type NeutronNetwork, type NeutronPort } from './neutron-state';
import type { NovaContext } from './nova-context';
import type { GlanceImageRecord } from './nova-glance';
import { VOLUME_TYPES, type SeedFlavor } from './nova-seed';
import type { NovaServer, ServerPort } from './nova-state';
import { NovaFault } from './nova-wire';

/**
 * POST /servers as Nova handles it: the request schema for the microversion, then the checks
 * against the other services in Nova's order (flavor, image from Glance with the caller's token,
 * key pair, networks and groups from Neutron, quota), then the servers, their ports and volumes.
 * Refusals are Nova's exact messages.
 */

type Dict = Record<string, unknown>;
const GIB = 1024 ** 3;

const schemaError = (field: string, value: unknown, reason: string): NovaFault =>
  new NovaFault(
    400,
    `Invalid input for field/attribute ${field}. Value: ${JSON.stringify(value)}. ${reason}`,
  );

const count = (value: unknown, field: string): number => {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (value === undefined) return 1;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1)
    throw schemaError(field, value, `${JSON.stringify(value)} is not a valid value`);
  return number;
};

interface NetworkRequest {
  network: NeutronNetwork;
  port: NeutronPort | null;
}

function readNetworks(context: NovaContext, server: Dict): NetworkRequest[] {
  const { neutron, caller } = context;
  neutron.ensureProject(caller.projectId);
  const requested = server.networks;
  if (requested === undefined && context.minor >= 37)
    throw schemaError('server', '…', "'networks' is a required property");
  if (requested === 'none') return [];
  if (requested === undefined || requested === 'auto') {
    const usable = [...neutron.networks.values()].filter(
      (network) => !network.external && (network.project_id === caller.projectId || network.shared),
    );
    const own = usable.filter((network) => network.project_id === caller.projectId);
    const candidates = own.length > 0 ? own : usable;
    if (candidates.length === 0)
      throw new NovaFault(400, `Unable to automatically allocate a network for project ${caller.projectId}`);
    if (candidates.length > 1)
      throw new NovaFault(409, 'Multiple possible networks found, use a Network ID to be more specific.');
    return [{ network: candidates[0] as NeutronNetwork, port: null }];
  }
  if (!Array.isArray(requested))
    throw schemaError('networks', requested, `${JSON.stringify(requested)} is not of type 'array'`);
  return requested.map((entry: Dict) => {
    if (typeof entry?.port === 'string') {
      const port = neutron.ports.get(entry.port);
      if (!port || port.project_id !== caller.projectId)
        throw new NovaFault(400, `Port ${entry.port} could not be found.`);
      if (port.device_id) throw new NovaFault(409, `Port ${port.id} is still in use.`);
      return { network: neutron.networks.get(port.network_id) as NeutronNetwork, port };
    }
    const id = String(entry?.uuid ?? '');
    const network = neutron.networks.get(id);
    if (!network || !neutron.canSeeNetwork(network, caller.projectId) || network.external)
      throw new NovaFault(400, `Network ${id} could not be found.`);
    return { network, port: null };
  });
}

function readMetadata(context: NovaContext, value: unknown): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw schemaError('metadata', value, `${JSON.stringify(value)} is not of type 'object'`);
  const entries = Object.entries(value as Dict);
  for (const [key, item] of entries) {
    if (key.length < 1 || key.length > 255)
      throw schemaError(
        'metadata',
        value,
        `'${key.slice(0, 40)}' does not match any of the regexes: '^[a-zA-Z0-9-_:. ]{1,255}$'`,
      );
    if (typeof item !== 'string' || item.length > 255)
      throw schemaError(`metadata/${key}`, item, `${JSON.stringify(item).slice(0, 40)} is too long`);
  }
  if (entries.length > context.state.quota.metadata_items)
    throw new NovaFault(
      403,
      `Quota exceeded for metadata_items: Requested ${entries.length}, but already used 0 of ${context.state.quota.metadata_items} metadata_items`,
    );
  return value as Record<string, string>;
}

function readVolumes(context: NovaContext, value: unknown): { size: number; type: string }[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw schemaError('block_device_mapping_v2', value, "is not of type 'array'");
  return value.map((entry: Dict) => {
    if (entry.volume_type !== undefined && context.minor < 67)
      throw schemaError(
        'block_device_mapping_v2',
        value,
        "Additional properties are not allowed ('volume_type' was unexpected)",
      );
    if (entry.source_type !== 'blank' || entry.destination_type !== 'volume')
      throw new NovaFault(
        400,
        'Block Device Mapping is Invalid: the stand-in boots from the image and attaches blank volumes only.',
      );
    const size = Number(entry.volume_size);
    if (!Number.isInteger(size) || size < 1)
      throw new NovaFault(
        400,
        'Block Device Mapping is Invalid: You specified more local devices than the limit allows',
      );
    const type =
      entry.volume_type === undefined || entry.volume_type === null
        ? '__DEFAULT__'
        : String(entry.volume_type);
    if (!VOLUME_TYPES.includes(type)) throw new NovaFault(400, `Volume type ${type} could not be found.`);
    return { size, type };
  });
}

function checkImage(image: GlanceImageRecord | null, imageId: string, flavor: SeedFlavor): void {
  if (!image) throw new NovaFault(400, `Image ${imageId} could not be found.`);
  if (image.status !== 'active') throw new NovaFault(400, `Image ${imageId} is not active.`);
  const minDisk = Number(image.min_disk ?? 0);
  const size = Number(image.virtual_size ?? image.size ?? 0);
  if (flavor.disk > 0 && size > flavor.disk * GIB)
    throw new NovaFault(
      400,
      `Flavor's disk is too small for requested image. Flavor disk is ${flavor.disk * GIB} bytes, image is ${size} bytes.`,
    );
  if (flavor.disk > 0 && minDisk > flavor.disk)
    throw new NovaFault(
      400,
      `Flavor's disk is smaller than the minimum size specified in image metadata. Flavor disk is ${flavor.disk * GIB} bytes, minimum size is ${minDisk * GIB} bytes.`,
    );
  if (Number(image.min_ram ?? 0) > flavor.ram)
    throw new NovaFault(400, "Flavor's memory is too small for requested image.");
}

function checkQuota(context: NovaContext, flavor: SeedFlavor, wanted: number): void {
  const used = context.state.usage(context.caller.projectId);
  const { quota } = context.state;
  const asks: [string, number, number, number][] = [
    ['instances', wanted, used.instances, quota.instances],
    ['cores', wanted * flavor.vcpus, used.cores, quota.cores],
    ['ram', wanted * flavor.ram, used.ram, quota.ram],
  ];
  for (const [resource, requested, inUse, allowed] of asks) {
    if (inUse + requested > allowed)
      throw new NovaFault(
        403,
        `Quota exceeded for ${resource}: Requested ${requested}, but already used ${inUse} of ${allowed} ${resource}`,
      );
  }
}

function portGroups(context: NovaContext, networks: NetworkRequest[]): string[] | null {
  const port = networks.find((n) => n.port)?.port;
  if (!port) return null;
  return port.security_groups.map((id) => context.neutron.groups.get(id)?.name ?? id);
}

export async function createServers(context: NovaContext, body: Dict): Promise<Reply> {
  const server = body.server as Dict | undefined;
  if (typeof server !== 'object' || server === null)
    throw schemaError('', body, "'server' is a required property");
  const { state, neutron, caller } = context;
  const name = server.name;
  if (typeof name !== 'string' || name.trim().length < 1 || name.length > 255)
    throw schemaError('name', name, `${JSON.stringify(name)} is not a valid name`);
  const minCount = count(server.min_count, 'min_count');
  const maxCount = count(server.max_count, 'max_count');
  if (minCount > maxCount) throw new NovaFault(400, 'min_count must be <= max_count');
  const metadata = readMetadata(context, server.metadata);
  const volumes = readVolumes(context, server.block_device_mapping_v2);
  if (server.user_data !== undefined) {
    const text = String(server.user_data);
    if (text.length > 65535 || !/^[A-Za-z0-9+/\r\n]*={0,2}$/.test(text))
      throw schemaError('user_data', `${text.slice(0, 20)}…`, "is not a 'base64'");
  }
  const flavor = state.flavors.find((candidate) => candidate.id === String(server.flavorRef ?? ''));
  if (!flavor) throw new NovaFault(400, `Flavor ${String(server.flavorRef)} could not be found.`);
  const imageId = typeof server.imageRef === 'string' ? server.imageRef : '';
  const image = /^[0-9a-f-]{36}$/i.test(imageId) ? await context.glance.get(caller, imageId) : null;
  checkImage(image, imageId, flavor);
  const keyName = typeof server.key_name === 'string' ? server.key_name : null;
  if (keyName !== null && !state.keyPairsOf(caller.userId).has(keyName))
    throw new NovaFault(400, 'Invalid key_name provided.');
  const networks = readNetworks(context, server);
  if (maxCount > 1 && networks.some((n) => n.port))
    throw new NovaFault(
      400,
      'Unable to launch multiple instances with a single configured port ID. Please launch your instance one by one with different ports.',
    );
  const requestedGroups = Array.isArray(server.security_groups)
    ? (server.security_groups as Dict[])
    : [{ name: 'default' }];
  const own = [...neutron.groups.values()].filter((group) => group.project_id === caller.projectId);
  const groups = requestedGroups.map((entry) => {
    const wanted = String(entry?.name ?? '');
    const group =
      own.find((candidate) => candidate.id === wanted) ?? own.find((candidate) => candidate.name === wanted);
    if (!group)
      throw new NovaFault(400, `Security group ${wanted} is not found for project ${caller.projectId}`);
    return group;
  });
  checkQuota(context, flavor, maxCount);

  const reservationId = `r-${randomBytes(4).toString('hex').slice(0, 8)}`;
  const created: NovaServer[] = [];
  for (let index = 1; index <= maxCount; index += 1) {
    const id = randomUUID();
    const ports: ServerPort[] = [];
    try {
      for (const { network, port } of networks) {
        if (port) {
          Object.assign(port, { device_id: id, device_owner: 'compute:nova' });
          ports.push({ portId: port.id, networkName: network.name, ownedByNova: false });
        } else {
          const made = neutron.createPort({
            projectId: caller.projectId,
            networkId: network.id,
            securityGroups: groups.map((group) => group.id),
            deviceId: id,
            deviceOwner: 'compute:nova',
          });
          ports.push({ portId: made.id, networkName: network.name, ownedByNova: true });
        }
      }
    } catch (error) {
      for (const port of ports) if (port.ownedByNova) neutron.deletePort(port.portId);
      if (error instanceof NeutronFault) throw new NovaFault(error.status === 409 ? 409 : 400, error.message);
      throw error;
    }
    const record: NovaServer = {
      id,
      name: maxCount > 1 ? `${name}-${index}` : name,
      projectId: caller.projectId,
      userId: caller.userId,
      imageId,
      imageProperties: { ...(image as GlanceImageRecord) },
      flavor,
      keyName,
      // A port brings its own groups; the request's apply to the ports Nova makes.
      securityGroups: portGroups(context, networks) ?? groups.map((group) => group.name),
      metadata: { ...metadata },
      ports,
      volumes: volumes.map((volume) => ({ id: randomUUID(), ...volume })),
      reservationId,
      hostId: randomBytes(28).toString('hex'),
      createdAt: context.now,
      failure: state.buildFailures.shift() ?? null,
      deletingSince: null,
      snapshotUntil: null,
    };
    state.servers.set(id, record);
    created.push(record);
  }
  if (server.return_reservation_id === true) return json(202, { reservation_id: reservationId });
  const first = created[0] as NovaServer;
  return json(
    202,
    {
      server: {
        id: first.id,
        links: [
          { rel: 'self', href: `${context.mountUrl}/v2.1/servers/${first.id}` },
          { rel: 'bookmark', href: `${context.mountUrl}/servers/${first.id}` },
        ],
        'OS-DCF:diskConfig': 'MANUAL',
        security_groups: first.securityGroups.map((group) => ({ name: group })),
        adminPass: randomBytes(9).toString('base64url'),
      },
    },
    { location: `${context.mountUrl}/v2.1/servers/${first.id}` },
  );
}
