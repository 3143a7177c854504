import type { CallerToken } from './keystone-token-check';
import { json, type Reply } from './sandbox-http';
import { NeutronFault, type NeutronGroup, type NeutronRule, type NeutronState } from './neutron-state';
import { groupView, networkView, portView, ruleView, subnetView } from './neutron-views';

/**
 * Neutron v2.0 below its mount, for a validated caller: networks and subnets (read), security
 * groups and rules, ports; equality filters on any field, limit/marker paging with
 * `<collection>_links`, and Neutron's error body {"NeutronError": {type, message, detail}}.
 */

export interface NeutronRequest {
  method: string;
  /** Below the mount, e.g. /v2.0/networks */
  path: string;
  query: URLSearchParams;
  body: string;
  caller: CallerToken;
  /** Absolute URL of the mount, for links. */
  mountUrl: string;
}

export const neutronError = (status: number, type: string, message: string): Reply =>
  json(status, { NeutronError: { type, message, detail: '' } });

const CONTROL = new Set(['limit', 'marker', 'fields', 'sort_key', 'sort_dir', 'page_reverse']);

function listReply(request: NeutronRequest, collection: string, views: Record<string, unknown>[]): Reply {
  const filters = [...request.query].filter(([key]) => !CONTROL.has(key));
  const matching = views
    .filter((view) =>
      filters.every(([key, value]) => {
        const actual = view[key];
        return typeof actual === 'boolean'
          ? String(actual) === value.toLowerCase()
          : String(actual ?? '') === value;
      }),
    )
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const limit = Number(request.query.get('limit') ?? '0');
  const marker = request.query.get('marker');
  const start = marker ? matching.findIndex((view) => view.id === marker) + 1 : 0;
  if (marker && start === 0) return neutronError(404, 'NotFound', `Marker ${marker} could not be found.`);
  const page = limit > 0 ? matching.slice(start, start + limit) : matching.slice(start);
  const body: Record<string, unknown> = { [collection]: page };
  if (limit > 0) {
    const links: { rel: string; href: string }[] = [];
    const last = page[page.length - 1];
    const params = new URLSearchParams([...request.query].filter(([key]) => key !== 'marker'));
    if (last && start + page.length < matching.length) {
      params.set('marker', String(last.id));
      links.push({
        rel: 'next',
        href: `${request.mountUrl}/v2.0/${collection.replace(/_/g, '-')}?${params.toString()}`,
      });
    }
    body[`${collection}_links`] = links;
  }
  return json(200, body);
}

function parse(request: NeutronRequest, key: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(request.body);
  } catch {
    throw new NeutronFault(400, 'HTTPBadRequest', 'Malformed request body');
  }
  const inner = (value as Record<string, unknown> | null)?.[key];
  if (typeof inner !== 'object' || inner === null)
    throw new NeutronFault(400, 'HTTPBadRequest', `Resource body required`);
  return inner as Record<string, unknown>;
}

const isAdmin = (caller: CallerToken): boolean => caller.roles.includes('admin');
const owned = (projectId: string, caller: CallerToken): boolean =>
  isAdmin(caller) || projectId === caller.projectId;

function ownGroup(state: NeutronState, id: string, caller: CallerToken): NeutronGroup {
  const group = state.groups.get(id);
  if (!group || !owned(group.project_id, caller))
    throw new NeutronFault(404, 'SecurityGroupNotFound', `Security group ${id} does not exist`);
  return group;
}

const int = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** A rule as Neutron checks it: protocol and ports consistent, the prefix in the rule's family. */
function ruleInput(
  body: Record<string, unknown>,
): Partial<NeutronRule> & Pick<NeutronRule, 'direction' | 'ethertype'> {
  const direction = body.direction;
  if (direction !== 'ingress' && direction !== 'egress')
    throw new NeutronFault(
      400,
      'InvalidInput',
      `Invalid input for direction. Reason: '${String(direction)}' is not in ['ingress', 'egress'].`,
    );
  const ethertype = body.ethertype ?? 'IPv4';
  if (ethertype !== 'IPv4' && ethertype !== 'IPv6')
    throw new NeutronFault(
      400,
      'SecurityGroupRuleInvalidEtherType',
      `Security group rule for ethertype '${String(ethertype)}' not supported. Allowed values are ['IPv4', 'IPv6'].`,
    );
  const protocol = typeof body.protocol === 'string' ? body.protocol.toLowerCase() : null;
  if (protocol !== null && !['tcp', 'udp', 'icmp', 'ipv6-icmp', 'icmpv6'].includes(protocol))
    throw new NeutronFault(
      400,
      'SecurityGroupRuleInvalidProtocol',
      `Security group rule protocol ${protocol} not supported. Only protocol values [None, 'tcp', 'udp', 'icmp', 'ipv6-icmp'] and integer representations [0 to 255] are supported.`,
    );
  const min = int(body.port_range_min);
  const max = int(body.port_range_max);
  if ((min !== null || max !== null) && protocol === null)
    throw new NeutronFault(
      400,
      'SecurityGroupProtocolRequiredWithPorts',
      'Must also specify protocol if port range is given.',
    );
  if (protocol === 'tcp' || protocol === 'udp') {
    for (const port of [min, max])
      if (port !== null && (port < 1 || port > 65535 || !Number.isInteger(port)))
        throw new NeutronFault(400, 'SecurityGroupInvalidPortValue', `Invalid value for port ${port}.`);
    if (min !== null && max !== null && min > max)
      throw new NeutronFault(
        400,
        'SecurityGroupInvalidPortRange',
        'For TCP/UDP protocols, port_range_min must be <= port_range_max',
      );
  } else if (protocol !== null && max !== null && min === null) {
    throw new NeutronFault(
      400,
      'SecurityGroupMissingIcmpType',
      `ICMP code (port-range-max) ${max} is provided but ICMP type (port-range-min) is missing.`,
    );
  }
  const prefix = typeof body.remote_ip_prefix === 'string' ? body.remote_ip_prefix : null;
  if (prefix !== null && prefix.includes(':') !== (ethertype === 'IPv6'))
    throw new NeutronFault(
      400,
      'SecurityGroupRuleParameterConflict',
      `Conflicting value ethertype ${ethertype} for CIDR ${prefix}`,
    );
  return {
    direction,
    ethertype,
    protocol,
    port_range_min: min,
    port_range_max: protocol === 'tcp' || protocol === 'udp' ? (max ?? min) : max,
    remote_ip_prefix: prefix,
    remote_group_id: typeof body.remote_group_id === 'string' ? body.remote_group_id : null,
    description: typeof body.description === 'string' ? body.description : '',
  };
}

function route(state: NeutronState, request: NeutronRequest): Reply {
  const { method, caller } = request;
  state.ensureProject(caller.projectId);
  const [, version, collection, id, extra] = request.path.split('/');
  if (version !== 'v2.0' || extra !== undefined)
    return neutronError(404, 'HTTPNotFound', 'The resource could not be found.');
  const one = (view: Record<string, unknown> | null, key: string, kind: string): Reply =>
    view
      ? json(200, { [key]: view })
      : neutronError(404, `${kind}NotFound`, `${kind} ${id} could not be found.`);

  if (collection === 'networks' && method === 'GET') {
    const visible = [...state.networks.values()].filter(
      (n) => isAdmin(caller) || state.canSeeNetwork(n, caller.projectId),
    );
    if (id === undefined) return listReply(request, 'networks', visible.map(networkView));
    const network = visible.find((n) => n.id === id);
    return one(network ? networkView(network) : null, 'network', 'Network');
  }
  if (collection === 'subnets' && method === 'GET') {
    const visible = [...state.subnets.values()].filter((s) => {
      const network = state.networks.get(s.network_id);
      return network && (isAdmin(caller) || state.canSeeNetwork(network, caller.projectId));
    });
    if (id === undefined) return listReply(request, 'subnets', visible.map(subnetView));
    const subnet = visible.find((s) => s.id === id);
    return one(subnet ? subnetView(subnet) : null, 'subnet', 'Subnet');
  }
  if (collection === 'security-groups') {
    if (method === 'GET' && id === undefined)
      return listReply(
        request,
        'security_groups',
        [...state.groups.values()].filter((g) => owned(g.project_id, caller)).map(groupView),
      );
    if (method === 'GET') return json(200, { security_group: groupView(ownGroup(state, id ?? '', caller)) });
    if (method === 'POST' && id === undefined) {
      const body = parse(request, 'security_group');
      const name = typeof body.name === 'string' ? body.name : '';
      if (name === 'default')
        throw new NeutronFault(
          409,
          'SecurityGroupDefaultAlreadyExists',
          'Default security group already exists.',
        );
      if (name.length > 255)
        throw new NeutronFault(
          400,
          'InvalidInput',
          `Invalid input for name. Reason: '${name.slice(0, 20)}…' exceeds maximum length of 255.`,
        );
      const count = [...state.groups.values()].filter((g) => g.project_id === caller.projectId).length;
      if (count >= state.groupQuota)
        throw new NeutronFault(409, 'OverQuota', "Quota exceeded for resources: ['security_group'].");
      const group = state.createGroup(
        caller.projectId,
        name,
        typeof body.description === 'string' ? body.description : '',
      );
      return json(201, { security_group: groupView(group) });
    }
    if (method === 'DELETE' && id !== undefined) {
      const group = ownGroup(state, id, caller);
      if (group.name === 'default')
        throw new NeutronFault(
          409,
          'SecurityGroupCannotRemoveDefault',
          'Removing default security group not allowed.',
        );
      if ([...state.ports.values()].some((p) => p.security_groups.includes(group.id)))
        throw new NeutronFault(409, 'SecurityGroupInUse', `Security Group ${group.id} in use.`);
      state.groups.delete(group.id);
      return { status: 204, headers: {}, body: '' };
    }
  }
  if (collection === 'security-group-rules') {
    if (method === 'POST' && id === undefined) {
      const body = parse(request, 'security_group_rule');
      const group = ownGroup(state, String(body.security_group_id ?? ''), caller);
      return json(201, { security_group_rule: ruleView(state.addRule(group, ruleInput(body))) });
    }
    if (method === 'DELETE' && id !== undefined) {
      for (const group of state.groups.values()) {
        const index = group.rules.findIndex((r) => r.id === id && owned(group.project_id, caller));
        if (index < 0) continue;
        group.rules.splice(index, 1);
        return { status: 204, headers: {}, body: '' };
      }
      return neutronError(404, 'SecurityGroupRuleNotFound', `Security group rule ${id} does not exist`);
    }
  }
  if (collection === 'ports') {
    const visible = [...state.ports.values()].filter((p) => owned(p.project_id, caller));
    if (method === 'GET' && id === undefined) return listReply(request, 'ports', visible.map(portView));
    const port = visible.find((p) => p.id === id);
    if (method === 'GET') return one(port ? portView(port) : null, 'port', 'Port');
    if (method === 'DELETE' && id !== undefined) {
      if (!port) return neutronError(404, 'PortNotFound', `Port ${id} could not be found.`);
      state.deletePort(port.id);
      return { status: 204, headers: {}, body: '' };
    }
    if (method === 'POST' && id === undefined) {
      const body = parse(request, 'port');
      const fixed = Array.isArray(body.fixed_ips) ? (body.fixed_ips as { subnet_id?: unknown }[]) : [];
      const created = state.createPort({
        projectId: caller.projectId,
        networkId: String(body.network_id ?? ''),
        subnetIds: fixed.map((f) => String(f.subnet_id ?? '')),
        securityGroups: Array.isArray(body.security_groups) ? body.security_groups.map(String) : undefined,
        name: typeof body.name === 'string' ? body.name : '',
        description: typeof body.description === 'string' ? body.description : '',
      });
      return json(201, { port: portView(created) });
    }
  }
  return neutronError(405, 'HTTPMethodNotAllowed', 'The method is not allowed for this resource.');
}

export function handleNeutron(state: NeutronState, request: NeutronRequest): Reply {
  try {
    return route(state, request);
  } catch (error) {
    if (error instanceof NeutronFault) return neutronError(error.status, error.type, error.message);
    throw error;
  }
}

/** GET on the mount's root: Neutron's version list (no token needed). */
export const neutronVersions = (mountUrl: string): Reply =>
  json(200, {
    versions: [{ status: 'CURRENT', id: 'v2.0', links: [{ href: `${mountUrl}/v2.0/`, rel: 'self' }] }],
  });
