import { z } from 'zod';
import { AppErrorSchema, CloudSchema, IdSchema, IsoDateSchema, MappingDriftSchema } from '@contract/index';

/** One cloud image a registry record maps to, as stored (account names are looked up when shown). */
export const StoredMappingSchema = z.object({
  id: IdSchema,
  cloud: CloudSchema,
  accountId: IdSchema,
  location: z.string(),
  cloudImageId: z.string(),
  computeResource: z.string().nullable().default(null),
  /** The image as registered: drift compares the cloud's answer with these. */
  imageName: z.string(),
  imageCreatedAt: IsoDateSchema.nullable().default(null),
  imageArchitecture: z.string().nullable().default(null),
  /** What "find a replacement" searches by first. */
  imageFamily: z.string().nullable().default(null),
  ownerId: z.string().default(''),
  ownedByAccount: z.boolean().default(true),
  registeredAt: IsoDateSchema,
  drift: MappingDriftSchema.default({
    state: 'unchecked',
    checkedAt: null,
    lastConfirmedAt: null,
    detail: null,
  }),
});
export type StoredMapping = z.infer<typeof StoredMappingSchema>;

export const StoredHistoryEntrySchema = z.object({
  at: IsoDateSchema,
  by: z.string(),
  action: z.string(),
  summary: z.string(),
});
export type StoredHistoryEntry = z.infer<typeof StoredHistoryEntrySchema>;

/** A registry record as lowdb keeps it. Free-form strings stay lenient here: the contract validates input. */
export const StoredRegistryRecordSchema = z.object({
  id: IdSchema,
  workspaceId: IdSchema,
  environmentId: IdSchema.nullable(),
  shared: z.boolean(),
  owner: z.string(),
  name: z.string(),
  alias: z.string(),
  version: z.string(),
  description: z.string(),
  osFamily: z.string(),
  osVersion: z.string(),
  architecture: z.string(),
  sizeGb: z.number().nullable(),
  agentInstalled: z.boolean(),
  labelColor: z.string(),
  tags: z.record(z.string(), z.string()),
  access: z.enum(['public', 'private', 'deleted']),
  mappings: z.array(StoredMappingSchema),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
  history: z.array(StoredHistoryEntrySchema),
});
export type StoredRegistryRecord = z.infer<typeof StoredRegistryRecordSchema>;

export const LaunchServerRecordSchema = z.object({
  serverId: z.string().nullable(),
  name: z.string(),
  state: z.enum(['pending', 'building', 'running', 'stopping', 'stopped', 'terminated', 'failed']),
  addresses: z.array(z.string()),
  reason: z.string().nullable(),
});

/**
 * A launch as the launch history keeps it: who, when, which image, what spec, what came of it.
 * The registry reads it to refuse deleting an image something still runs from, offline too.
 */
export const LaunchRecordSchema = z.object({
  id: IdSchema,
  workspaceId: IdSchema,
  by: z.string(),
  at: IsoDateSchema,
  cloud: CloudSchema,
  accountId: IdSchema,
  location: z.string(),
  imageId: z.string(),
  recordId: IdSchema.nullable(),
  /** The spec as label → value, for the history view (never a secret: keys are named, not held). */
  spec: z.record(z.string(), z.string()),
  state: z.enum(['launching', 'running', 'failed', 'cancelled', 'terminated']),
  error: AppErrorSchema.nullable(),
  servers: z.array(LaunchServerRecordSchema),
  operationId: z.string().nullable(),
});
export type LaunchRecord = z.infer<typeof LaunchRecordSchema>;

/** The last drift check of a workspace: when, and which accounts it could not reach. */
export const DriftCheckRecordSchema = z.object({
  workspaceId: IdSchema,
  checkedAt: IsoDateSchema,
  errors: z.array(z.object({ accountName: z.string(), error: AppErrorSchema })),
});
export type DriftCheckRecord = z.infer<typeof DriftCheckRecordSchema>;
