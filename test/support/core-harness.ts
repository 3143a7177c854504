import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  channels,
  type ChannelName,
  type ChannelRequest,
  type ChannelResponse,
  type EventName,
  type EventPayload,
} from '@contract/index';
import { createHangarCore, type HangarCore } from '../../main/app/hangar-core';
import { MemorySecretStore } from '../../main/secrets/memory-secret-store';
import type { ImportSystem } from '../../main/importers';
import type { FollowTuning } from '../../main/services/launch/launch-follower';

type WithoutWorkspace<T> = T extends { workspaceId: string }
  ? Omit<T, 'workspaceId'> & { workspaceId?: string }
  : T;

export interface CoreHarness {
  core: HangarCore;
  dataDir: string;
  secrets: MemorySecretStore;
  /** Added to every request whose channel takes a workspace and that names none. */
  workspaceId: string;
  call<C extends ChannelName>(
    channel: C,
    request: WithoutWorkspace<ChannelRequest<C>>,
  ): Promise<ChannelResponse<C>>;
  /** Resolves with the first event of that name matching the predicate. */
  nextEvent<E extends EventName>(
    event: E,
    matches?: (payload: EventPayload<E>) => boolean,
  ): Promise<EventPayload<E>>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The real core (stores on disk, services, dispatcher) with an in-memory keychain. */
export async function startCore(
  options: { sandbox?: boolean; importSystem?: () => ImportSystem; follow?: FollowTuning } = {},
): Promise<CoreHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hangar-core-'));
  const secrets = new MemorySecretStore();
  const open = () =>
    createHangarCore({
      dataDir,
      transport: 'browser',
      sandbox: options.sandbox ?? false,
      secretStore: secrets,
      logger: silent,
      importSystem: options.importSystem,
      follow: options.follow,
    });
  const harness: CoreHarness = {
    core: await open(),
    dataDir,
    secrets,
    workspaceId: options.sandbox ? 'sandbox' : 'default',
    async call(channel, request) {
      const shape = (channels[channel].request as unknown as { shape?: Record<string, unknown> }).shape;
      const needsWorkspace = shape !== undefined && 'workspaceId' in shape;
      const payload =
        needsWorkspace && !(request as { workspaceId?: string }).workspaceId
          ? { ...(request as object), workspaceId: harness.workspaceId }
          : request;
      const result = await harness.core.dispatcher.dispatch(channel, payload);
      if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
      return result.data as never;
    },
    nextEvent(event, matches = () => true) {
      return new Promise((resolve) => {
        const unsubscribe = harness.core.bus.subscribe((name, payload) => {
          if (name === event && matches(payload as never)) {
            unsubscribe();
            resolve(payload as never);
          }
        });
      });
    },
    async restart() {
      await harness.core.dispose();
      harness.core = await open();
    },
    async close() {
      await harness.core.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

// Internal errors are printed (they are bugs); expected cloud failures never reach the logger.
const silent = { error: console.error, warn: () => undefined, info: () => undefined };
