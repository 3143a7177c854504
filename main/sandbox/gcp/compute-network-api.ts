import {
  referencePath,
  urls,
  type GcpFirewallAllowed,
  type GcpFirewallResource,
  type GcpMachineTypeResource,
  type GcpNetworkResource,
  type GcpOperationResource,
  type GcpSubnetworkResource,
} from './compute-resources';
import { regionExists, zoneExists } from './compute-seed';
import type { GcpComputeState } from './compute-state';
import { checkName } from './compute-validate';
import { gcpErrors } from './gcp-api-error';
import { pacificTimestamp } from './gcp-seed-builder';

type Json = Record<string, unknown>;

export function listMachineTypes(state: GcpComputeState, zone: string): GcpMachineTypeResource[] {
  if (!zoneExists(zone)) throw gcpErrors.notFound(`projects/${state.project}/zones/${zone}`);
  return state.machineTypes(zone);
}

export function listNetworks(state: GcpComputeState): GcpNetworkResource[] {
  return [...state.networks.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

export function getNetwork(state: GcpComputeState, name: string): GcpNetworkResource {
  const network = state.networks.get(name);
  if (!network) throw gcpErrors.notFound(`projects/${state.project}/global/networks/${name}`);
  return network;
}

export function listSubnetworks(state: GcpComputeState, region: string): GcpSubnetworkResource[] {
  if (!regionExists(region)) throw gcpErrors.notFound(`projects/${state.project}/regions/${region}`);
  return [...state.subnetworks.entries()]
    .filter(([key]) => key.startsWith(`${region}/`))
    .map(([, s]) => s)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

export function getSubnetwork(state: GcpComputeState, region: string, name: string): GcpSubnetworkResource {
  const subnet = regionExists(region) ? state.subnetworks.get(`${region}/${name}`) : undefined;
  if (!subnet) throw gcpErrors.notFound(`projects/${state.project}/regions/${region}/subnetworks/${name}`);
  return subnet;
}

export function listFirewalls(state: GcpComputeState): GcpFirewallResource[] {
  return [...state.firewalls.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

export function getFirewall(state: GcpComputeState, name: string): GcpFirewallResource {
  const firewall = state.firewalls.get(name);
  if (!firewall) throw gcpErrors.notFound(`projects/${state.project}/global/firewalls/${name}`);
  return firewall;
}

const PROTOCOLS = new Set(['tcp', 'udp', 'icmp', 'esp', 'ah', 'sctp', 'ipip', 'all']);
const PORT = /^(\d{1,5})(?:-(\d{1,5}))?$/;
const IPV4_RANGE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/;

function checkAllowed(value: unknown): GcpFirewallAllowed[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw gcpErrors.badRequest(
      "Invalid value for field 'resource.allowed': ''. Must specify at least one allowed or denied rule.",
    );
  }
  return value.map((rule: Json, i) => {
    const field = `resource.allowed[${i}]`;
    const protocol = String(rule.IPProtocol ?? '').toLowerCase();
    if (!PROTOCOLS.has(protocol) && !/^\d{1,3}$/.test(protocol)) {
      throw gcpErrors.invalidField(
        `${field}.IPProtocol`,
        String(rule.IPProtocol ?? ''),
        'Invalid IP protocol specification.',
      );
    }
    const ports = Array.isArray(rule.ports) ? rule.ports.map(String) : undefined;
    if (ports && !['tcp', 'udp', 'sctp'].includes(protocol)) {
      throw gcpErrors.invalidField(
        `${field}.ports`,
        ports.join(','),
        'Ports may only be given for tcp, udp or sctp.',
      );
    }
    for (const port of ports ?? []) {
      const m = PORT.exec(port);
      if (!m || Number(m[1]) > 65535 || Number(m[2] ?? m[1]) > 65535 || Number(m[2] ?? m[1]) < Number(m[1])) {
        throw gcpErrors.invalidField(`${field}.ports`, port, 'Invalid port specification.');
      }
    }
    return ports ? { IPProtocol: protocol, ports } : { IPProtocol: protocol };
  });
}

function checkRanges(value: unknown): string[] {
  const ranges = Array.isArray(value) ? value.map(String) : [];
  ranges.forEach((range, i) => {
    const m = IPV4_RANGE.exec(range);
    const ok = m && m.slice(1, 5).every((o) => Number(o) <= 255) && Number(m[5] ?? 32) <= 32;
    if (!ok && !/^[0-9a-fA-F:]+\/\d{1,3}$/.test(range)) {
      throw gcpErrors.invalidField(
        `resource.sourceRanges[${i}]`,
        range,
        'Must be a valid IPV4 or IPV6 CIDR address range.',
      );
    }
  });
  return ranges;
}

/** `firewalls.insert`: checked at once, visible to list and get once its global operation is DONE. */
export function insertFirewall(
  state: GcpComputeState,
  body: Json,
  requestId: string | null,
): GcpOperationResource {
  const project = state.project;
  const name = checkName('resource.name', body.name);
  if (state.firewalls.has(name))
    throw gcpErrors.alreadyExists(`projects/${project}/global/firewalls/${name}`);
  const networkPath = referencePath(
    typeof body.network === 'string' ? body.network : 'global/networks/default',
    project,
  );
  const m = /^projects\/([^/]+)\/global\/networks\/([^/]+)$/.exec(networkPath);
  const network = m && m[1] === project ? state.networks.get(m[2] ?? '') : undefined;
  if (!network) throw gcpErrors.notFound(networkPath);
  const allowed = checkAllowed(body.allowed);
  const sourceRanges = checkRanges(body.sourceRanges);
  const targetTags = Array.isArray(body.targetTags)
    ? body.targetTags.map((tag, i) => checkName(`resource.targetTags[${i}]`, tag))
    : [];
  const priority = body.priority === undefined ? 1000 : Number(body.priority);
  if (!Number.isInteger(priority) || priority < 0 || priority > 65535) {
    throw gcpErrors.invalidField('resource.priority', String(body.priority), 'Must be between 0 and 65535.');
  }
  const direction = body.direction === 'EGRESS' ? 'EGRESS' : 'INGRESS';
  const selfLink = urls.global(project, 'firewalls', name);
  const firewall: GcpFirewallResource = {
    kind: 'compute#firewall',
    id: state.newId(),
    creationTimestamp: pacificTimestamp(new Date(state.now())),
    name,
    description: typeof body.description === 'string' ? body.description : '',
    network: network.selfLink,
    priority,
    sourceRanges: sourceRanges.length > 0 || direction === 'EGRESS' ? sourceRanges : ['0.0.0.0/0'],
    allowed,
    direction,
    ...(targetTags.length > 0 ? { targetTags } : {}),
    logConfig: { enable: false },
    disabled: body.disabled === true,
    selfLink,
  };
  return state.operations.start(
    { project, zone: null },
    {
      operationType: 'insert',
      targetLink: selfLink,
      targetId: firewall.id,
      durationMs: state.timing.operationMs,
      onDone: () => state.firewalls.set(name, firewall),
    },
    requestId,
  );
}
