import { z } from 'zod';
import { SyncSnapshotSchema } from './schemas/sync';
import { NoticeSchema } from './schemas/app';
import { OperationSnapshotSchema } from './schemas/lifecycle';

/** Main → renderer events. */
export const events = {
  'sync:progress': SyncSnapshotSchema,
  /** The cached catalog changed (a sync finished, an account was removed): refetch queries. */
  'catalog:changed': z.object({ sourceIds: z.array(z.string()) }),
  'app:notice': NoticeSchema,
  /** A workspace's registry changed (registered, edited, drift checked): refetch its views. */
  'registry:changed': z.object({ workspaceId: z.string() }),
  /** A launch, capture, copy or import moved on. */
  'operation:update': OperationSnapshotSchema,
  /** The launch history of a workspace changed. */
  'launch:changed': z.object({ workspaceId: z.string() }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

export const eventNames = Object.keys(events) as EventName[];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}
