import type { GcpDiskResource, GcpInstanceResource, GcpOperationResource } from './compute-resources';
import { GCE_ZONES, zoneExists } from './compute-seed';
import { urls } from './compute-resources';
import { compileListFilter } from './gcp-list-filter';
import type { GcpComputeState, InstanceRecord } from './compute-state';
import { gcpErrors } from './gcp-api-error';

function zoneOrThrow(state: GcpComputeState, zone: string): void {
  if (!zoneExists(zone)) throw gcpErrors.notFound(`projects/${state.project}/zones/${zone}`);
}

function record(state: GcpComputeState, zone: string, name: string): InstanceRecord {
  zoneOrThrow(state, zone);
  const found = state.instances.get(`${zone}/${name}`);
  if (!found) throw gcpErrors.notFound(`projects/${state.project}/zones/${zone}/instances/${name}`);
  return found;
}

export function getInstance(state: GcpComputeState, zone: string, name: string): GcpInstanceResource {
  return record(state, zone, name).resource;
}

export function listInstances(state: GcpComputeState, zone: string): GcpInstanceResource[] {
  zoneOrThrow(state, zone);
  return [...state.instances.entries()]
    .filter(([key]) => key.startsWith(`${zone}/`))
    .map(([, r]) => r.resource)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * `instances.delete`: the instance is STOPPING at once and disappears when the operation is DONE,
 * taking its auto-delete disks with it and detaching the others.
 */
export function deleteInstance(
  state: GcpComputeState,
  zone: string,
  name: string,
  requestId: string | null,
): GcpOperationResource {
  const found = record(state, zone, name);
  found.deleting = true;
  found.resource.status = 'STOPPING';
  return state.operations.start(
    { project: state.project, zone },
    {
      operationType: 'delete',
      targetLink: found.resource.selfLink,
      targetId: found.resource.id,
      durationMs: state.timing.operationMs,
      onDone: () => {
        state.instances.delete(`${zone}/${name}`);
        for (const attached of found.resource.disks) {
          const key = `${zone}/${attached.source.split('/').pop() ?? ''}`;
          const disk = state.disks.get(key);
          if (!disk) continue;
          if (attached.autoDelete) state.disks.delete(key);
          else disk.users = (disk.users ?? []).filter((u) => u !== found.resource.selfLink);
        }
      },
    },
    requestId,
  );
}

export function getDisk(state: GcpComputeState, zone: string, name: string): GcpDiskResource {
  zoneOrThrow(state, zone);
  const disk = state.disks.get(`${zone}/${name}`);
  if (!disk) throw gcpErrors.notFound(`projects/${state.project}/zones/${zone}/disks/${name}`);
  return disk;
}

export function listDisks(state: GcpComputeState, zone: string): GcpDiskResource[] {
  zoneOrThrow(state, zone);
  return [...state.disks.entries()]
    .filter(([key]) => key.startsWith(`${zone}/`))
    .map(([, d]) => d)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * `disks.aggregatedList`: every zone's disks in one answer, keyed `zones/Z`; a zone without any
 * carries Compute's NO_RESULTS_ON_PAGE warning instead. One page (the stand-in's projects are small).
 */
export function aggregatedDisks(state: GcpComputeState, filter: string | null): unknown {
  const matches = compileListFilter(filter);
  const items: Record<string, unknown> = {};
  for (const zone of GCE_ZONES) {
    const disks = listDisks(state, zone).filter(matches);
    const scope = `zones/${zone}`;
    items[scope] =
      disks.length > 0
        ? { disks }
        : {
            warning: {
              code: 'NO_RESULTS_ON_PAGE',
              message: `There are no results for scope '${scope}' on this page.`,
              data: [{ key: 'scope', value: scope }],
            },
          };
  }
  return {
    kind: 'compute#diskAggregatedList',
    id: `projects/${state.project}/aggregated/disks`,
    items,
    selfLink: `${urls.project(state.project)}/aggregated/disks`,
  };
}
