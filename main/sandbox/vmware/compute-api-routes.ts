import { apiError, type Answer, type ApiRoute } from './vsphere-api-routes';
import type { VimCompute } from './vim-compute';
import { TaskFaultError } from './vim-task-store';
import { vmFolderOf } from './vim-inventory';
import { copyVm, powerOn } from './vim-vm-ops';
import type { VsphereSeed } from './vsphere-seed';

/**
 * The `/api` calls that change things: deploying a VM from a content library vm-template item
 * (POST /api/vcenter/vm-template/library-items/{id}?action=deploy, which vCenter answers once the
 * VM exists, with its id) and deleting a library item (DELETE /api/content/library/item/{id},
 * which also deletes a vm-template item's backing template). Errors are vAPI's, in the `/api`
 * shape: `{ error_type, messages: [{ id, default_message, args }] }`.
 */
interface DeploySpec {
  name?: unknown;
  placement?: { folder?: unknown; resource_pool?: unknown; cluster?: unknown; host?: unknown };
  powered_on?: unknown;
  hardware_customization?: {
    cpu_update?: { num_cpus?: unknown };
    memory_update?: { memory?: unknown };
  };
}

const json = (status: number, value: unknown): Answer => ({
  status,
  body: JSON.stringify(value),
  contentType: 'application/json',
});

const invalid = (message: string): Answer =>
  apiError(400, 'INVALID_ARGUMENT', 'com.vmware.vapi.std.errors.invalid_argument', message);
const notFound = (message: string): Answer =>
  apiError(404, 'NOT_FOUND', 'com.vmware.vapi.std.errors.not_found', message);

function deploy(seed: VsphereSeed, compute: VimCompute, itemId: string, body: string): Answer {
  const item = seed.items.find((candidate) => candidate.id === itemId);
  if (!item) return notFound(`Library item ${itemId} was not found.`);
  const source = seed.vms.find((vm) => vm.moid === item.template?.vm_template);
  if (!item.template || !source) return invalid(`Library item ${itemId} is not a VM template.`);
  let spec: DeploySpec;
  try {
    spec = JSON.parse(body) as DeploySpec;
  } catch {
    return invalid('The request body is not valid JSON.');
  }
  const { placement } = spec;
  if (typeof spec.name !== 'string' || spec.name.trim() === '') return invalid('name: a value is required.');
  if (!placement || typeof placement.folder !== 'string')
    return invalid('placement.folder: a value is required when deploying from a library item.');
  const datacenter = seed.datacenters.find((dc) => vmFolderOf(dc.moid) === placement.folder);
  if (!datacenter) return notFound(`Folder with identifier '${String(placement.folder)}' does not exist.`);
  const clusterPool = seed.placement.pools.find(
    (p) => p.clusterMoid === placement.cluster && p.parent.endsWith(`=${String(placement.cluster)}`),
  );
  const poolId = typeof placement.resource_pool === 'string' ? placement.resource_pool : clusterPool?.moid;
  if (poolId === undefined) return invalid('placement: give a resource_pool, cluster or host.');
  const pool = seed.placement.pools.find((p) => p.moid === poolId);
  if (!pool || pool.datacenterMoid !== datacenter.moid)
    return notFound(`Resource pool with identifier '${poolId}' does not exist.`);
  try {
    compute.takeFault('deploy');
    const vm = copyVm(seed, source, {
      moid: compute.newVmMoid(),
      name: spec.name,
      datacenterMoid: datacenter.moid,
      poolMoid: pool.moid,
      hostMoid: typeof placement.host === 'string' ? placement.host : null,
      template: false,
    });
    const cpus = Number(spec.hardware_customization?.cpu_update?.num_cpus);
    const memory = Number(spec.hardware_customization?.memory_update?.memory);
    if (Number.isInteger(cpus) && cpus > 0) vm.numCpu = cpus;
    if (Number.isInteger(memory) && memory > 0) vm.memoryMb = memory;
    if (spec.powered_on === true) powerOn(seed, vm, Date.now(), compute.timings.bootMs);
    return json(200, vm.moid);
  } catch (error) {
    if (!(error instanceof TaskFaultError)) throw error;
    const { type, localizedMessage } = error.fault;
    return type === 'DuplicateName'
      ? apiError(400, 'ALREADY_EXISTS', 'com.vmware.vapi.std.errors.already_exists', localizedMessage)
      : apiError(
          500,
          'UNABLE_TO_ALLOCATE_RESOURCE',
          'com.vmware.vapi.std.errors.unable_to_allocate_resource',
          localizedMessage,
        );
  }
}

/** Routes POST / DELETE under /api; null when no route matches. */
export function computeApiRoute(
  seed: VsphereSeed,
  compute: VimCompute,
  method: string,
  url: URL,
  body: string,
  removeItem: (itemId: string) => boolean,
): ApiRoute | null {
  const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [, area, kind, sub, id] = segments;
  const forbidden = () =>
    apiError(403, 'UNAUTHORIZED', 'vapi.security.authorization.invalid', 'Unable to authorize user');
  if (
    method === 'POST' &&
    area === 'vcenter' &&
    kind === 'vm-template' &&
    sub === 'library-items' &&
    id &&
    segments.length === 5
  ) {
    if (url.searchParams.get('action') !== 'deploy') return null;
    return {
      action: 'POST /api/vcenter/vm-template/library-items/{id}?action=deploy',
      target: 'detail',
      answer: ({ permitted }) => (permitted ? deploy(seed, compute, id, body) : forbidden()),
    };
  }
  if (
    method === 'DELETE' &&
    area === 'content' &&
    kind === 'library' &&
    sub === 'item' &&
    id &&
    segments.length === 5
  )
    return {
      action: 'DELETE /api/content/library/item/{id}',
      target: 'detail',
      answer: ({ permitted }) => {
        if (!permitted) return forbidden();
        return removeItem(id)
          ? { status: 204, body: '', contentType: 'application/json' }
          : notFound(`Library item ${id} was not found.`);
      },
    };
  return null;
}
