import { z } from 'zod';
import { AppErrorSchema, IdSchema, IsoDateSchema } from './common';
import { ImageUserSchema, RegistryRecordFieldsSchema } from './registry';

const placeFields = {
  workspaceId: IdSchema,
  accountId: IdSchema,
  location: z.string().trim().min(1).max(200),
};

/** A long action (launch, capture, copy, import) as its progress view shows it. */
export const OperationSnapshotSchema = z.object({
  operationId: IdSchema,
  workspaceId: IdSchema,
  kind: z.enum(['launch', 'capture', 'copy', 'import']),
  title: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** What it is doing now, in plain words. */
  step: z.string(),
  /** 0..1 when known. */
  progress: z.number().min(0).max(1).nullable(),
  startedAt: IsoDateSchema,
  finishedAt: IsoDateSchema.nullable(),
  error: AppErrorSchema.nullable(),
  cancellable: z.boolean(),
  result: z
    .object({
      imageIds: z.array(z.string()).default([]),
      recordId: z.string().nullable().default(null),
      launchId: z.string().nullable().default(null),
    })
    .nullable(),
});
export type OperationSnapshot = z.infer<typeof OperationSnapshotSchema>;

/** Register what an action makes, in the same step: a new record, or another mapping of one. */
const RegisterResultSchema = z
  .object({
    record: RegistryRecordFieldsSchema.optional(),
    addToRecordId: IdSchema.optional(),
    /** Map the new image in place of the record's image for the same account and location. */
    replaceExisting: z.boolean().optional(),
  })
  .strict()
  .nullable()
  .default(null);

export const CaptureRequestSchema = z
  .object({
    ...placeFields,
    /** A server from the launch history (or the cloud's own id of one). */
    serverId: z.string().trim().min(1).max(200),
    name: z
      .string()
      .trim()
      .min(3)
      .max(63)
      .regex(/^[a-z0-9][a-z0-9.-]*$/i, 'letters, digits, dots or dashes'),
    description: z.string().trim().max(255).default(''),
    register: RegisterResultSchema,
  })
  .strict();

export const CopyRequestSchema = z
  .object({
    ...placeFields,
    imageId: z.string().trim().min(1).max(400),
    toLocations: z.array(z.string().trim().min(1).max(200)).min(1).max(30),
    name: z.string().trim().min(1).max(128),
    /** Add each copy to this record as another location. */
    addToRecordId: IdSchema.nullable().default(null),
  })
  .strict();

export const DeprecateRequestSchema = z
  .object({
    ...placeFields,
    imageId: z.string().trim().min(1).max(400),
    /** When it becomes deprecated; null takes a deprecation back. */
    at: IsoDateSchema.nullable(),
  })
  .strict();

export const DeleteImageRequestSchema = z
  .object({ ...placeFields, imageId: z.string().trim().min(1).max(400) })
  .strict();

export const DeleteImageResultSchema = z.object({
  deleted: z.boolean(),
  /** Servers launched from it that still exist: why it was refused. */
  usedBy: z.array(ImageUserSchema),
  /** How the users were found: asked of the cloud now, or read from the launch history (offline). */
  checkedIn: z.enum(['cloud', 'launch-history']),
  message: z.string(),
});

export const ImgapiListRequestSchema = z.object({ url: z.url({ protocol: /^https?$/ }).max(2048) }).strict();

export const ImgapiImageSchema = z.object({
  uuid: z.string(),
  name: z.string(),
  version: z.string(),
  os: z.string(),
  type: z.string(),
  publishedAt: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  manifestUrl: z.string(),
});

export const ImgapiImportRequestSchema = z
  .object({
    ...placeFields,
    manifestUrl: z.url({ protocol: /^https?$/ }).max(2048),
    register: RegisterResultSchema,
  })
  .strict();
