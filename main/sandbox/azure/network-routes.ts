import { armErrors } from './arm-error';
import { requireLocation, tagsOf } from './compute-context';
import { json, RG, route, type ComputeRoute, type ComputeRouteContext } from './compute-route';

const NETWORK = '/providers/Microsoft\\.Network';
const VNET = `${RG}${NETWORK}/virtualNetworks/([^/]+)`;

type Kind = 'nsg' | 'pip' | 'nic';
const KINDS: {
  kind: Kind;
  type: string;
  sdk: 'networkSecurityGroups' | 'publicIPAddresses' | 'networkInterfaces';
}[] = [
  { kind: 'nsg', type: 'networkSecurityGroups', sdk: 'networkSecurityGroups' },
  { kind: 'pip', type: 'publicIPAddresses', sdk: 'publicIPAddresses' },
  { kind: 'nic', type: 'networkInterfaces', sdk: 'networkInterfaces' },
];

function put(
  kind: Kind,
  { captures: [group = '', name = ''], body, apiVersion, world }: ComputeRouteContext,
) {
  if (kind === 'nsg') return world.network.putSecurityGroup(group, name, body, apiVersion);
  if (kind === 'pip') return world.network.putPublicIp(group, name, body, apiVersion);
  return world.network.putNetworkInterface(group, name, body, apiVersion);
}

/** list-all, list, get, PUT and DELETE for each of the three resources a launch writes. */
const RESOURCE_ROUTES: ComputeRoute[] = KINDS.flatMap(({ kind, type, sdk }): ComputeRoute[] => {
  const action = (verb: string) => `Microsoft.Network/${type}/${verb}`;
  const one = route(`${RG}${NETWORK}/${type}/([^/]+)`);
  return [
    {
      operation: `${sdk}.listAll`,
      action: action('read'),
      method: 'GET',
      pattern: route(`${NETWORK}/${type}`),
      handle: ({ world, page }) => page(world.network.list(kind)),
    },
    {
      operation: `${sdk}.list`,
      action: action('read'),
      method: 'GET',
      pattern: route(`${RG}${NETWORK}/${type}`),
      handle: ({ captures: [group = ''], world, page }) => page(world.network.list(kind, group)),
    },
    {
      operation: `${sdk}.get`,
      action: action('read'),
      method: 'GET',
      pattern: one,
      handle: ({ captures: [group = '', name = ''], world }) => json(world.network.get(kind, group, name)),
    },
    {
      operation: `${sdk}.createOrUpdate`,
      action: action('write'),
      method: 'PUT',
      pattern: one,
      handle: (ctx) => put(kind, ctx),
    },
    {
      operation: `${sdk}.delete`,
      action: action('delete'),
      method: 'DELETE',
      pattern: one,
      handle: ({ captures: [group = '', name = ''], apiVersion, world }) =>
        world.network.delete(kind, group, name, apiVersion),
    },
  ];
});

/** Network RP (and the resource groups everything lives in): what a launch reads and writes. */
export const NETWORK_ROUTES: readonly ComputeRoute[] = [
  {
    operation: 'resourceGroups.get',
    action: 'Microsoft.Resources/subscriptions/resourceGroups/read',
    method: 'GET',
    pattern: route('/resourcegroups/([^/]+)'),
    handle: ({ captures: [name = ''], world }) => {
      const group = world.network.resourceGroup(name);
      if (!group) throw armErrors.resourceGroupNotFound(name);
      return json(group);
    },
  },
  {
    operation: 'resourceGroups.createOrUpdate',
    action: 'Microsoft.Resources/subscriptions/resourceGroups/write',
    method: 'PUT',
    pattern: route('/resourcegroups/([^/]+)'),
    handle: ({ captures: [name = ''], body, world }) => {
      const location = requireLocation(world.network.context, body, 'Microsoft.Resources/resourceGroups');
      const created = world.network.putResourceGroup(name, location, tagsOf(body));
      return { status: created ? 201 : 200, body: world.network.resourceGroup(name) };
    },
  },
  {
    operation: 'networkOperations.get',
    action: 'Microsoft.Network/locations/operations/read',
    method: 'GET',
    pattern: route(`${NETWORK}/locations/([^/]+)/operations/([^/]+)`),
    locationGroup: 0,
    handle: ({ captures: [, id = ''], world }) => world.operations.status(id),
  },
  {
    operation: 'networkOperations.get',
    action: 'Microsoft.Network/locations/operationResults/read',
    method: 'GET',
    pattern: route(`${NETWORK}/locations/([^/]+)/operationResults/([^/]+)`),
    locationGroup: 0,
    handle: ({ captures: [, id = ''], world }) => world.operations.result(id),
  },
  {
    operation: 'virtualNetworks.listAll',
    action: 'Microsoft.Network/virtualNetworks/read',
    method: 'GET',
    pattern: route(`${NETWORK}/virtualNetworks`),
    handle: ({ world, page }) => page(world.network.virtualNetworks()),
  },
  {
    operation: 'virtualNetworks.list',
    action: 'Microsoft.Network/virtualNetworks/read',
    method: 'GET',
    pattern: route(`${RG}${NETWORK}/virtualNetworks`),
    handle: ({ captures: [group = ''], world, page }) => page(world.network.virtualNetworks(group)),
  },
  {
    operation: 'virtualNetworks.get',
    action: 'Microsoft.Network/virtualNetworks/read',
    method: 'GET',
    pattern: route(VNET),
    handle: ({ captures: [group = '', name = ''], world }) => json(world.network.virtualNetwork(group, name)),
  },
  {
    operation: 'subnets.list',
    action: 'Microsoft.Network/virtualNetworks/subnets/read',
    method: 'GET',
    pattern: route(`${VNET}/subnets`),
    handle: ({ captures: [group = '', vnet = ''], world, page }) => page(world.network.subnets(group, vnet)),
  },
  {
    operation: 'subnets.get',
    action: 'Microsoft.Network/virtualNetworks/subnets/read',
    method: 'GET',
    pattern: route(`${VNET}/subnets/([^/]+)`),
    handle: ({ captures: [group = '', vnet = '', name = ''], world }) => {
      const subnet = world.network
        .subnets(group, vnet)
        .find((s) => String(s.name).toLowerCase() === name.toLowerCase());
      if (!subnet)
        throw armErrors.resourceNotFound(
          'Microsoft.Network/virtualNetworks/subnets',
          `${vnet}/${name}`,
          group,
        );
      return json(subnet);
    },
  },
  ...RESOURCE_ROUTES,
];
