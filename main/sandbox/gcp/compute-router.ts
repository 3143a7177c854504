import type { IncomingMessage, ServerResponse } from 'node:http';
import { delay } from '../shared/stand-in-http';
import { insertInstance } from './compute-instance-insert';
import { deleteImage, deprecateImage, insertImage } from './compute-images-lifecycle-api';
import {
  aggregatedDisks,
  deleteInstance,
  getDisk,
  getInstance,
  listDisks,
  listInstances,
} from './compute-instances-api';
import { listPage } from './compute-list';
import { zoneResources } from './compute-zones';
import {
  getFirewall,
  getNetwork,
  getSubnetwork,
  insertFirewall,
  listFirewalls,
  listMachineTypes,
  listNetworks,
  listSubnetworks,
} from './compute-network-api';
import type { GcpComputeState } from './compute-state';
import { gcpErrors } from './gcp-api-error';
import type { GcpFault, GcpFaultInjector } from './gcp-fault-injector';
import { COMPUTE_READ_SCOPES, type GcpIdentities } from './gcp-identities';
import type { GcpRequestLog, GcpSandboxRequest } from './gcp-request-log';
import { readBoundedBody } from '../shared/stand-in-http';
import { GcpApiError } from './gcp-api-error';

export type GcpComputeOperation =
  | 'instances.list'
  | 'instances.insert'
  | 'instances.get'
  | 'instances.delete'
  | 'disks.list'
  | 'disks.get'
  | 'disks.aggregatedList'
  | 'machineTypes.list'
  | 'zones.list'
  | 'networks.list'
  | 'networks.get'
  | 'subnetworks.list'
  | 'subnetworks.get'
  | 'firewalls.list'
  | 'firewalls.insert'
  | 'firewalls.get'
  | 'images.insert'
  | 'images.deprecate'
  | 'images.delete'
  | 'zoneOperations.get'
  | 'zoneOperations.wait'
  | 'globalOperations.get'
  | 'globalOperations.wait';

/** Scopes that allow changes (compute.readonly does not). */
export const COMPUTE_WRITE_SCOPES = [
  'https://www.googleapis.com/auth/compute',
  'https://www.googleapis.com/auth/cloud-platform',
] as const;

const S = '([a-z][a-z0-9-]{0,62})';
const P = `^/compute/v1/projects/${S}`;
const ROUTES: [string, RegExp, GcpComputeOperation][] = [
  ['GET', new RegExp(`${P}/zones/${S}/instances$`), 'instances.list'],
  ['POST', new RegExp(`${P}/zones/${S}/instances$`), 'instances.insert'],
  ['GET', new RegExp(`${P}/zones/${S}/instances/${S}$`), 'instances.get'],
  ['DELETE', new RegExp(`${P}/zones/${S}/instances/${S}$`), 'instances.delete'],
  ['GET', new RegExp(`${P}/zones/${S}/disks$`), 'disks.list'],
  ['GET', new RegExp(`${P}/zones/${S}/disks/${S}$`), 'disks.get'],
  ['GET', new RegExp(`${P}/aggregated/disks$`), 'disks.aggregatedList'],
  ['GET', new RegExp(`${P}/zones/${S}/machineTypes$`), 'machineTypes.list'],
  ['GET', new RegExp(`${P}/zones$`), 'zones.list'],
  ['GET', new RegExp(`${P}/global/networks$`), 'networks.list'],
  ['GET', new RegExp(`${P}/global/networks/${S}$`), 'networks.get'],
  ['GET', new RegExp(`${P}/regions/${S}/subnetworks$`), 'subnetworks.list'],
  ['GET', new RegExp(`${P}/regions/${S}/subnetworks/${S}$`), 'subnetworks.get'],
  ['GET', new RegExp(`${P}/global/firewalls$`), 'firewalls.list'],
  ['POST', new RegExp(`${P}/global/firewalls$`), 'firewalls.insert'],
  ['GET', new RegExp(`${P}/global/firewalls/${S}$`), 'firewalls.get'],
  ['POST', new RegExp(`${P}/global/images$`), 'images.insert'],
  ['POST', new RegExp(`${P}/global/images/${S}/deprecate$`), 'images.deprecate'],
  ['DELETE', new RegExp(`${P}/global/images/${S}$`), 'images.delete'],
  ['GET', new RegExp(`${P}/zones/${S}/operations/${S}$`), 'zoneOperations.get'],
  ['POST', new RegExp(`${P}/zones/${S}/operations/${S}/wait$`), 'zoneOperations.wait'],
  ['GET', new RegExp(`${P}/global/operations/${S}$`), 'globalOperations.get'],
  ['POST', new RegExp(`${P}/global/operations/${S}/wait$`), 'globalOperations.wait'],
];

export interface ComputeRoute {
  operation: GcpComputeOperation;
  project: string;
  /** The path's other names: zone / region, then the resource. */
  params: string[];
  write: boolean;
}

const pascal = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
/** `instances.insert` → compute.v1.InstancesService.Insert, as Google's errors name methods. */
const methodName = (op: GcpComputeOperation): string => {
  const [collection = '', verb = ''] = op.split('.');
  return `compute.v1.${pascal(collection)}Service.${pascal(verb)}`;
};
/** `instances.insert` → compute.instances.create, the IAM permission it needs. */
const permissionOf = (op: GcpComputeOperation): string => {
  const [collection = '', verb = ''] = op.split('.');
  const mapped = verb === 'insert' ? 'create' : verb === 'wait' ? 'get' : verb;
  return `compute.${collection}.${mapped}`;
};

export interface ComputeRouterDeps {
  state: GcpComputeState;
  identities: GcpIdentities;
  faults: GcpFaultInjector;
  requestLog: GcpRequestLog;
  /** Serves the body, or the armed fault in its place (the server's own). */
  answer: (res: ServerResponse, body: () => unknown, fault: GcpFault | undefined) => void;
}

const MAX_BODY_BYTES = 600 * 1024;

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBoundedBody(
    req,
    MAX_BODY_BYTES,
    () => new GcpApiError(413, 'INVALID_ARGUMENT', 'invalid', 'The request body is too large.'),
  );
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    // The REST client sends `""` as the body of a call that has none (wait).
    if (value === '' || value === null) return {};
    if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // refused below
  }
  throw gcpErrors.badRequest('Invalid JSON payload received.', 'parseError');
}

/**
 * Compute Engine's launch and lifecycle REST API on the stand-in: the routes the real client's
 * instances, disks, machineTypes, networks, subnetworks, firewalls, images (insert / deprecate /
 * delete) and zone / global operations calls use, with Google's auth, scope and IAM refusals.
 */
export function createComputeRouter(deps: ComputeRouterDeps) {
  const { state, identities, faults, requestLog } = deps;

  function match(method: string, pathname: string): ComputeRoute | null {
    for (const [verb, pattern, operation] of ROUTES) {
      if (verb !== method) continue;
      const m = pattern.exec(pathname);
      if (m)
        return {
          operation,
          project: m[1] ?? '',
          params: m.slice(2),
          write: verb !== 'GET' && !operation.endsWith('.wait'),
        };
    }
    return null;
  }

  function authorise(req: IncomingMessage, route: ComputeRoute, record: GcpSandboxRequest): void {
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    const grant = bearer ? identities.resolveToken(bearer) : undefined;
    if (!grant) throw gcpErrors.unauthenticated(methodName(route.operation));
    record.principal = grant.principal;
    const allowed: readonly string[] = route.write ? COMPUTE_WRITE_SCOPES : COMPUTE_READ_SCOPES;
    if (!grant.scopes.some((scope) => allowed.includes(scope))) {
      throw gcpErrors.insufficientScopes(methodName(route.operation));
    }
    if (identities.account(grant.principal)?.projectId !== route.project) {
      throw gcpErrors.forbidden(permissionOf(route.operation), `projects/${route.project}`);
    }
  }

  async function body(
    route: ComputeRoute,
    url: URL,
    payload: Record<string, unknown>,
    res: ServerResponse,
  ): Promise<unknown> {
    const { project, params } = route;
    const [a = '', b = ''] = params;
    const q = url.searchParams;
    const requestId = q.get('requestId');
    const repeated = route.write ? state.operations.forRequest(project, requestId) : undefined;
    if (repeated) return repeated;
    switch (route.operation) {
      case 'instances.list':
        return listPage(
          listInstances(state, a),
          'compute#instanceList',
          `projects/${project}/zones/${a}/instances`,
          q,
        );
      case 'instances.insert':
        return insertInstance(state, a, payload, requestId);
      case 'instances.get':
        return getInstance(state, a, b);
      case 'instances.delete':
        return deleteInstance(state, a, b, requestId);
      case 'disks.list':
        return listPage(listDisks(state, a), 'compute#diskList', `projects/${project}/zones/${a}/disks`, q);
      case 'disks.aggregatedList':
        return aggregatedDisks(state, q.get('filter'));
      case 'disks.get':
        return getDisk(state, a, b);
      case 'zones.list':
        return listPage(zoneResources(project), 'compute#zoneList', `projects/${project}/zones`, q);
      case 'machineTypes.list':
        return listPage(
          listMachineTypes(state, a),
          'compute#machineTypeList',
          `projects/${project}/zones/${a}/machineTypes`,
          q,
        );
      case 'networks.list':
        return listPage(listNetworks(state), 'compute#networkList', `projects/${project}/global/networks`, q);
      case 'networks.get':
        return getNetwork(state, a);
      case 'subnetworks.list':
        return listPage(
          listSubnetworks(state, a),
          'compute#subnetworkList',
          `projects/${project}/regions/${a}/subnetworks`,
          q,
        );
      case 'subnetworks.get':
        return getSubnetwork(state, a, b);
      case 'firewalls.list':
        return listPage(
          listFirewalls(state),
          'compute#firewallList',
          `projects/${project}/global/firewalls`,
          q,
        );
      case 'firewalls.insert':
        return insertFirewall(state, payload, requestId);
      case 'firewalls.get':
        return getFirewall(state, a);
      case 'images.insert':
        return insertImage(state, payload, q.get('forceCreate') === 'true', requestId);
      case 'images.deprecate':
        return deprecateImage(state, project, a, payload, requestId);
      case 'images.delete':
        return deleteImage(state, project, a, requestId);
      default:
        return operation(route, res);
    }
  }

  /** get answers at once; wait holds until the operation is DONE or the wait cap passes, as Compute's does. */
  async function operation(route: ComputeRoute, res: ServerResponse): Promise<unknown> {
    const zonal = route.operation.startsWith('zone');
    const scope = { project: route.project, zone: zonal ? (route.params[0] ?? '') : null };
    const name = (zonal ? route.params[1] : route.params[0]) ?? '';
    const where = zonal ? `zones/${scope.zone ?? ''}` : 'global';
    if (!state.operations.view(scope, name))
      throw gcpErrors.notFound(`projects/${route.project}/${where}/operations/${name}`);
    if (route.operation.endsWith('.wait')) {
      const hold = Math.min(state.operations.remainingMs(scope, name), state.timing.waitCapMs);
      if (hold > 0) await delay(hold, res);
      state.advance();
    }
    return state.operations.view(scope, name);
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    route: ComputeRoute,
    record: GcpSandboxRequest,
  ): Promise<number> {
    record.operation = route.operation;
    record.project = route.project;
    authorise(req, route, record);
    const payload = req.method === 'POST' ? await jsonBody(req) : {};
    const context = { operation: route.operation, hasPageToken: url.searchParams.has('pageToken') };
    requestLog.received(record);
    const latency = faults.takeLatency(context);
    if (latency > 0) await delay(latency, res);
    const fault = faults.takeFault(context);
    record.fault = fault?.kind ?? null;
    // Faults stand in for the answer: a refused call changes nothing.
    const value =
      fault && fault.kind !== 'truncated-page' && fault.kind !== 'repeated-page-token'
        ? {}
        : await body(route, url, payload, res);
    if (fault?.kind === 'repeated-page-token' && url.searchParams.has('pageToken')) {
      (value as { nextPageToken?: string }).nextPageToken = url.searchParams.get('pageToken') ?? undefined;
    }
    deps.answer(res, () => value, fault);
    return fault?.kind === 'truncated-page' ? 0 : 200;
  }

  return { match, handle };
}

export type ComputeRouter = ReturnType<typeof createComputeRouter>;
