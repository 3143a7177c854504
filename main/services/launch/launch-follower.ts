import type { AppStateStore } from '../../stores/app-state';
import type { LaunchRecord } from '../../stores/registry-schema';
import type { ComputeDriver, LaunchSpec, ServerStatus } from '../../providers/compute-driver';
import type { EventBus } from '../../app/event-bus';
import { ServiceError, toAppError } from '../../ipc/app-error';
import type { OperationContext } from './operation-tracker';

export interface FollowTuning {
  pollIntervalMs: number;
  /** A build still not running after this long is reported as failed (its servers are left to the user). */
  timeoutMs: number;
}

export const DEFAULT_FOLLOW: FollowTuning = { pollIntervalMs: 2_000, timeoutMs: 20 * 60_000 };

const SETTLED = new Set(['running', 'failed', 'terminated']);

const wait = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Runs a launch and follows its servers until each is running or failed, writing every change to
 * the launch history (so it survives a restart and reads offline). Cancelling terminates what started.
 */
export class LaunchFollower {
  constructor(
    private readonly state: AppStateStore,
    private readonly bus: EventBus,
    private readonly tuning: FollowTuning = DEFAULT_FOLLOW,
  ) {}

  async run(
    launchId: string,
    compute: ComputeDriver,
    context: OperationContext,
    spec: Omit<LaunchSpec, never>,
  ): Promise<{ launchId: string }> {
    context.step('Asking the cloud to start the servers…', 0.05);
    let serverIds: string[];
    try {
      ({ serverIds } = await compute.launch(spec, context.signal));
    } catch (error) {
      await this.patch(launchId, (l) => {
        l.state = context.signal.aborted ? 'cancelled' : 'failed';
        l.error = context.signal.aborted ? null : toAppError(error);
      });
      throw error;
    }
    await this.patch(launchId, (l) => {
      l.servers = serverIds.map((serverId, i) => ({
        serverId,
        name: serverIds.length > 1 ? `${spec.name}-${i + 1}` : spec.name,
        state: 'pending',
        addresses: [],
        reason: null,
      }));
    });
    return this.follow(launchId, compute, context, spec.location, serverIds);
  }

  /** Polls the servers until each settles; also picks up a launch Hangar was closed during. */
  async follow(
    launchId: string,
    compute: ComputeDriver,
    context: OperationContext,
    location: string,
    serverIds: string[],
  ): Promise<{ launchId: string }> {
    const spec = { location };
    const deadline = Date.now() + this.tuning.timeoutMs;
    for (;;) {
      if (context.detached.aborted) return { launchId };
      if (context.signal.aborted) {
        context.step('Cancelling: terminating the servers that started…');
        await this.terminateAll(launchId, compute, spec.location, serverIds);
        await this.patch(launchId, (l) => {
          l.state = 'cancelled';
        });
        throw new Error('cancelled');
      }
      // undefined: the cloud could not be asked this time (keep polling); null: the server is gone.
      const statuses = await Promise.all(
        serverIds.map((id) => compute.getServer(spec.location, id).catch(() => undefined)),
      );
      if (context.detached.aborted) return { launchId };
      await this.recordStatuses(launchId, serverIds, statuses);
      const settled = statuses.filter((s) => s === null || (s && SETTLED.has(s.state))).length;
      context.step(
        `${settled} of ${serverIds.length} servers ready…`,
        0.1 + (0.9 * settled) / serverIds.length,
      );
      if (settled === serverIds.length) break;
      if (Date.now() > deadline) {
        await this.patch(launchId, (l) => {
          l.state = 'failed';
          l.error = {
            code: 'cloud-error',
            message: 'The servers did not become ready in time; check them in the cloud console.',
          };
        });
        throw new ServiceError(
          'cloud-error',
          'The servers did not become ready in time; check them in the cloud console.',
        );
      }
      await wait(this.tuning.pollIntervalMs, AbortSignal.any([context.signal, context.detached]));
    }
    const failed = this.launchOf(launchId)?.servers.filter((s) => s.state === 'failed') ?? [];
    await this.patch(launchId, (l) => {
      l.state = failed.length === l.servers.length ? 'failed' : 'running';
      l.error = failed.length
        ? {
            code: 'cloud-error',
            message: `${failed.length} of ${l.servers.length} servers failed: ${failed.map((s) => s.reason ?? 'no reason given').join('; ')}`,
          }
        : null;
    });
    if (failed.length === serverIds.length)
      throw new ServiceError(
        'cloud-error',
        `The cloud could not build the server: ${failed.map((s) => s.reason ?? 'no reason given').join('; ')}`,
      );
    return { launchId };
  }

  /** Asks the cloud to terminate every live server of a launch; resolves with their ids once accepted. */
  async requestTermination(launch: LaunchRecord, compute: ComputeDriver): Promise<string[]> {
    const live = launch.servers.filter((s) => s.serverId && s.state !== 'terminated').map((s) => s.serverId!);
    await Promise.all(live.map((id) => compute.terminate(launch.location, id)));
    await this.patch(launch.id, (l) => {
      for (const server of l.servers)
        if (server.serverId && live.includes(server.serverId)) server.state = 'stopping';
    });
    return live;
  }

  /** Follows terminated servers until the cloud reports each gone. */
  async followTermination(
    launch: LaunchRecord,
    compute: ComputeDriver,
    live: string[],
    context: OperationContext,
  ): Promise<void> {
    const deadline = Date.now() + this.tuning.timeoutMs;
    while (!context.detached.aborted && Date.now() < deadline) {
      const statuses = await Promise.all(
        live.map((id) => compute.getServer(launch.location, id).catch(() => undefined)),
      );
      const gone = statuses.map((s) => s === null || s?.state === 'terminated');
      context.step(
        `${gone.filter(Boolean).length} of ${live.length} servers terminated…`,
        gone.filter(Boolean).length / Math.max(1, live.length),
      );
      if (gone.every(Boolean)) break;
      await wait(this.tuning.pollIntervalMs, context.detached);
    }
    if (context.detached.aborted) return;
    await this.patch(launch.id, (l) => {
      for (const server of l.servers)
        if (server.serverId && live.includes(server.serverId)) server.state = 'terminated';
      if (l.servers.every((s) => s.state === 'terminated' || s.state === 'failed')) l.state = 'terminated';
    });
  }

  async patch(launchId: string, edit: (launch: LaunchRecord) => void): Promise<void> {
    let workspaceId: string | null = null;
    await this.state.update((draft) => {
      const launch = draft.launches.find((l) => l.id === launchId);
      if (!launch) return;
      edit(launch);
      workspaceId = launch.workspaceId;
    });
    if (workspaceId) this.bus.emit('launch:changed', { workspaceId });
  }

  private async terminateAll(
    launchId: string,
    compute: ComputeDriver,
    location: string,
    serverIds: string[],
  ): Promise<void> {
    await Promise.all(serverIds.map((id) => compute.terminate(location, id)));
    await this.patch(launchId, (l) => {
      for (const server of l.servers)
        if (server.serverId && serverIds.includes(server.serverId)) server.state = 'terminated';
      if (l.servers.every((s) => s.state === 'terminated' || s.state === 'failed') && l.state === 'running')
        l.state = 'terminated';
    });
  }

  private async recordStatuses(
    launchId: string,
    ids: string[],
    statuses: (ServerStatus | null | undefined)[],
  ): Promise<void> {
    const apply = (servers: LaunchRecord['servers']): void => {
      ids.forEach((id, i) => {
        const server = servers.find((s) => s.serverId === id);
        const status = statuses[i];
        if (!server || status === undefined) return;
        if (status === null) {
          server.state = 'failed';
          server.reason ??= 'The cloud no longer knows this server.';
          return;
        }
        server.state = status.state;
        server.addresses = status.addresses;
        server.reason = status.reason;
      });
    };
    // Polls mostly find nothing new: write the history (the whole state file) only on a change.
    const current = this.launchOf(launchId);
    if (!current) return;
    const next = structuredClone(current.servers);
    apply(next);
    if (JSON.stringify(next) === JSON.stringify(current.servers)) return;
    await this.patch(launchId, (l) => apply(l.servers));
  }

  private launchOf(launchId: string): LaunchRecord | undefined {
    return this.state.data.launches.find((l) => l.id === launchId);
  }
}
