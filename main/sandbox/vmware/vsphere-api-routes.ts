import type { FaultTarget } from './vsphere-faults';
import type { SeedItem, VsphereSeed } from './vsphere-seed';

/**
 * The `/api` flavour of the vSphere Automation REST API (vCenter 7.0 U2+), as far as Hangar
 * reads it: bare JSON bodies, ids in paths, errors as `{ error_type, messages }`. Sessions are
 * the server's business; these routes get the signed-in user's permission and answer.
 */
export interface Answer {
  status: number;
  body: string;
  contentType: string;
  headers?: Record<string, string>;
}

export interface ApiRoute {
  /** For the request log and fault targeting, e.g. "GET /api/content/library/item". */
  action: string;
  target: Exclude<FaultTarget, 'any'>;
  /** Answers; `repeat` asks for the repeated-listing fault on a list. */
  answer(options: { permitted: boolean; repeat: boolean }): Answer;
}

const json = (status: number, value: unknown, headers?: Record<string, string>): Answer => ({
  status,
  body: JSON.stringify(value),
  contentType: 'application/json',
  headers,
});

export function apiError(status: number, type: string, id: string, message: string): Answer {
  return json(status, { error_type: type, messages: [{ args: [], default_message: message, id }] });
}

const notFound = (what: string): Answer =>
  apiError(404, 'NOT_FOUND', 'com.vmware.vapi.rest.httpNotFound', `${what} was not found.`);
const forbidden = (): Answer =>
  apiError(403, 'UNAUTHORIZED', 'vapi.security.authorization.invalid', 'Unable to authorize user');

function itemModel(item: SeedItem) {
  const { template: _template, ...model } = item;
  return { ...model, metadata_version: item.metadata_version, security_compliance: true };
}

/** Routes one GET under /api (the session endpoint is the server's); null when no route matches. */
export function apiRoute(seed: VsphereSeed, path: string, query: URLSearchParams): ApiRoute | null {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const route = (action: string, target: ApiRoute['target'], answer: ApiRoute['answer']): ApiRoute => ({
    action: `GET ${action}`,
    target,
    answer: (options) => (options.permitted ? answer(options) : forbidden()),
  });
  const [, area, kind, sub, id] = segments;

  if (area === 'content' && kind === 'library' && segments.length === 3)
    return route('/api/content/library', 'list', ({ repeat }) => {
      const ids = seed.libraries.map((library) => library.id);
      return json(200, repeat ? [...ids, ids[0]] : ids);
    });
  if (area === 'content' && kind === 'library' && sub === 'item' && segments.length === 4)
    return route('/api/content/library/item', 'list', ({ repeat }) => {
      const libraryId = query.get('library_id');
      if (!libraryId)
        return apiError(400, 'INVALID_ARGUMENT', 'vapi.method.input.invalid', 'library_id is required.');
      if (!seed.libraries.some((library) => library.id === libraryId))
        return notFound(`Library ${libraryId}`);
      const ids = seed.items.filter((item) => item.library_id === libraryId).map((item) => item.id);
      return json(200, repeat ? [...ids, ...ids] : ids);
    });
  if (area === 'content' && kind === 'library' && sub === 'item' && id !== undefined && segments.length === 5)
    return route('/api/content/library/item/{id}', 'detail', () => {
      const item = seed.items.find((candidate) => candidate.id === id);
      return item ? json(200, itemModel(item)) : notFound(`Library item ${id}`);
    });
  if (area === 'content' && kind === 'library' && sub !== undefined && segments.length === 4)
    return route('/api/content/library/{id}', 'detail', () => {
      const library = seed.libraries.find((candidate) => candidate.id === sub);
      if (!library) return notFound(`Library ${sub}`);
      const { datastore, ...model } = library;
      return json(200, {
        ...model,
        storage_backings: [{ type: 'DATASTORE', datastore_id: datastore }],
        version: '2',
        server_guid: 'b4c5e1d2-7f3a-4e8b-9c21-3d5e6f7a8b9c',
        ...(library.type === 'SUBSCRIBED'
          ? {
              subscription_info: {
                automatic_sync_enabled: true,
                on_demand: true,
                authentication_method: 'NONE',
              },
            }
          : { publish_info: { published: true, authentication_method: 'NONE' } }),
      });
    });
  if (area === 'vcenter' && kind === 'vm-template' && sub === 'library-items' && id !== undefined)
    return route('/api/vcenter/vm-template/library-items/{id}', 'detail', () => {
      const item = seed.items.find((candidate) => candidate.id === id);
      if (!item) return notFound(`Library item ${id}`);
      // Real vCenter refuses this call for an item that is not a vm-template.
      if (!item.template)
        return apiError(
          400,
          'INVALID_ARGUMENT',
          'com.vmware.vdcs.vmtx-main.invalid_item_type',
          `Library item ${id} is not a VM template.`,
        );
      return json(200, item.template);
    });
  if (area === 'vcenter' && kind === 'datacenter' && segments.length === 3)
    return route('/api/vcenter/datacenter', 'list', () =>
      json(
        200,
        seed.datacenters.map((dc) => ({ datacenter: dc.moid, name: dc.name })),
      ),
    );
  if (area === 'vcenter' && kind === 'vm' && segments.length === 3)
    // As on vCenter: the VM list leaves templates out (it has no filter that would include them).
    return route('/api/vcenter/vm', 'list', () =>
      json(
        200,
        seed.vms
          .filter((vm) => !vm.template)
          .map((vm) => ({
            vm: vm.moid,
            name: vm.name,
            power_state: vm.powerState,
            cpu_count: vm.numCpu,
            memory_size_MiB: vm.memoryMb,
          })),
      ),
    );
  return null;
}
