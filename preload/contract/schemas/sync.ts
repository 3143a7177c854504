import { z } from 'zod';
import { AppErrorSchema, IdSchema, IsoDateSchema } from './common';

export const SyncStartRequestSchema = z
  .object({
    workspaceId: IdSchema,
    /** Sync one account; omit for every account. */
    accountId: IdSchema.optional(),
    /** Sync these accounts. */
    accountIds: z.array(IdSchema).max(200).optional(),
    /** Sync only these sources; omit for all of the chosen accounts. */
    sourceIds: z.array(IdSchema).max(500).optional(),
  })
  .strict();
export type SyncStartRequest = z.infer<typeof SyncStartRequestSchema>;

export const OperationRefSchema = z.object({ operationId: IdSchema });
export const OperationIdRequestSchema = z.object({ operationId: IdSchema }).strict();

export const SourceProgressSchema = z.object({
  sourceId: z.string(),
  accountName: z.string(),
  location: z.string(),
  owner: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  pages: z.number().int(),
  imageCount: z.number().int(),
  durationMs: z.number().int().nullable(),
  error: AppErrorSchema.nullable(),
});
export type SourceProgress = z.infer<typeof SourceProgressSchema>;

export const SyncSnapshotSchema = z.object({
  operationId: z.string(),
  workspaceId: z.string(),
  state: z.enum(['running', 'done', 'cancelled']),
  startedAt: IsoDateSchema,
  finishedAt: IsoDateSchema.nullable(),
  sources: z.array(SourceProgressSchema),
});
export type SyncSnapshot = z.infer<typeof SyncSnapshotSchema>;

export const SyncStatusSchema = z.object({ current: SyncSnapshotSchema.nullable() });
export const CancelResponseSchema = z.object({ cancelled: z.boolean() });
