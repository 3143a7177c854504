import { Low } from 'lowdb';
import type { Adapter } from 'lowdb';
import { z } from 'zod';
import {
  AwsConnectionSchema,
  AzureConnectionSchema,
  ErrorCodeSchema,
  GcpConnectionSchema,
  IdSchema,
  IsoDateSchema,
  OpenStackConnectionSchema,
  VmwareConnectionSchema,
  WorkspaceColorSchema,
} from '@contract/index';
import { versionedSchemaValidator } from './versioned-schema';
import { DriftCheckRecordSchema, LaunchRecordSchema, StoredRegistryRecordSchema } from './registry-schema';

export const APP_STATE_SCHEMA_VERSION = 1;

const accountBase = {
  id: IdSchema,
  /** Accounts stored before workspaces existed belong to the default one. */
  workspaceId: IdSchema.default('default'),
  environmentId: IdSchema.nullable().default(null),
  name: z.string(),
  kind: z.enum(['sandbox', 'user']),
  /** 'none': imported from a workspace file, waiting for its secret. */
  credentials: z.enum(['keychain', 'session', 'sandbox', 'none']),
  createdAt: IsoDateSchema,
  lastVerifiedAt: IsoDateSchema.nullable().default(null),
};

export const WorkspaceRecordSchema = z.object({
  id: IdSchema,
  name: z.string(),
  color: WorkspaceColorSchema,
  kind: z.enum(['sandbox', 'user']),
  environments: z.array(z.object({ id: IdSchema, name: z.string() })),
  createdAt: IsoDateSchema,
});
export type WorkspaceRecord = z.infer<typeof WorkspaceRecordSchema>;

/**
 * An account as stored: its cloud's connection (what to reach and what to cache). Never a secret:
 * secrets live only in the SecretStore.
 */
export const AccountRecordSchema = z.discriminatedUnion('cloud', [
  z.object({ ...accountBase, cloud: z.literal('aws'), connection: AwsConnectionSchema }),
  z.object({ ...accountBase, cloud: z.literal('gcp'), connection: GcpConnectionSchema }),
  z.object({ ...accountBase, cloud: z.literal('azure'), connection: AzureConnectionSchema }),
  z.object({ ...accountBase, cloud: z.literal('openstack'), connection: OpenStackConnectionSchema }),
  z.object({ ...accountBase, cloud: z.literal('vmware'), connection: VmwareConnectionSchema }),
]);
export type AccountRecord = z.infer<typeof AccountRecordSchema>;

/** The sync journal: one row per account × location × owner, whether or not a sync succeeded. */
export const SourceRecordSchema = z.object({
  id: IdSchema,
  accountId: IdSchema,
  location: z.string(),
  owner: z.string(),
  imageCount: z.number().int().nonnegative(),
  lastSyncedAt: IsoDateSchema.nullable(),
  lastAttemptAt: IsoDateSchema.nullable(),
  lastError: z
    .object({
      // An error code this build does not know must not make the whole file unreadable.
      code: ErrorCodeSchema.catch('internal'),
      message: z.string(),
    })
    .nullable(),
});
export type SourceRecord = z.infer<typeof SourceRecordSchema>;

export const SettingsSchema = z.object({
  staleAfterHours: z
    .number()
    .positive()
    .max(24 * 365)
    .default(24),
  /** Forget session-only secrets after this long without use; 0 = never. */
  idleLockMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(15),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const AppStateSchema = z.object({
  schemaVersion: z.literal(APP_STATE_SCHEMA_VERSION),
  workspace: z.object({ name: z.string().min(1) }),
  workspaces: z.array(WorkspaceRecordSchema).default([]),
  accounts: z.array(AccountRecordSchema),
  sources: z.array(SourceRecordSchema),
  settings: SettingsSchema.default({ staleAfterHours: 24, idleLockMinutes: 15 }),
  registry: z.array(StoredRegistryRecordSchema).default([]),
  launches: z.array(LaunchRecordSchema).default([]),
  driftChecks: z.array(DriftCheckRecordSchema).default([]),
});
export type AppState = z.infer<typeof AppStateSchema>;

export const validateAppState = versionedSchemaValidator(AppStateSchema, APP_STATE_SCHEMA_VERSION);

/** A fresh object each time: lowdb keeps (and we replace) the object it is given. */
export function defaultAppState(): AppState {
  return {
    schemaVersion: APP_STATE_SCHEMA_VERSION,
    workspace: { name: 'My workspace' },
    workspaces: [],
    accounts: [],
    sources: [],
    settings: { staleAfterHours: 24, idleLockMinutes: 15 },
    registry: [],
    launches: [],
    driftChecks: [],
  };
}

/**
 * App state over lowdb. Changes go through update(), which works on a copy, validates it and
 * writes it before making it current; updates run one at a time, so two callers can never
 * interleave their writes or see each other's half-done changes, and a failed write leaves
 * memory matching the disk. The current state is frozen, so a stray mutation outside update()
 * (which would never be saved) throws instead of silently diverging from the file.
 */
export class AppStateStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Low<AppState>) {
    deepFreeze(db.data);
  }

  /** Loads the file (or defaults, if it is missing or was set aside as damaged). */
  read(): Promise<void> {
    return this.enqueue(async () => {
      await this.db.read();
      deepFreeze(this.db.data);
    });
  }

  /** The current state, frozen: change it with update(). */
  get data(): AppState {
    return this.db.data;
  }

  /** Applies a synchronous change to a draft, then persists it. Resolves to fn's result. */
  update<R>(fn: (draft: AppState) => R): Promise<R> {
    return this.enqueue(async () => {
      const draft = structuredClone(this.db.data);
      const result = fn(draft);
      // Validate before writing: a bad write would make the file "damaged" at the next start.
      const next = deepFreeze(AppStateSchema.parse(draft));
      const previous = this.db.data;
      this.db.data = next;
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = previous;
        throw error;
      }
      return result;
    });
  }

  private enqueue<R>(task: () => Promise<R>): Promise<R> {
    const run = this.queue.then(task);
    // The chain must survive a failed task; the failure still reaches that task's caller.
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function createAppStateStore(adapter: Adapter<AppState>): AppStateStore {
  return new AppStateStore(new Low(adapter, defaultAppState()));
}
