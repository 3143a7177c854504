import { z } from 'zod';
import { AppErrorSchema, IdSchema, IsoDateSchema } from './common';
import { RegistryMappingSchema } from './registry';

/* Keeping the registry true and moving it: drift checks, replacements, VMware templates, files. */

export const DriftCheckRequestSchema = z
  .object({
    workspaceId: IdSchema,
    /** Omitted: every record of the workspace. */
    recordIds: z.array(IdSchema).max(1000).optional(),
    /** Deprecation within this many days counts as drift. */
    withinDays: z.number().int().min(1).max(730).default(90),
  })
  .strict();

export const DriftRowSchema = z.object({
  recordId: IdSchema,
  recordName: z.string(),
  mapping: RegistryMappingSchema,
});
export type DriftRow = z.infer<typeof DriftRowSchema>;

export const DriftReportSchema = z.object({
  checkedAt: IsoDateSchema.nullable(),
  rows: z.array(DriftRowSchema),
  /** Mappings the check could not reach, per account, in plain words. */
  errors: z.array(z.object({ accountName: z.string(), error: AppErrorSchema })),
});
export type DriftReport = z.infer<typeof DriftReportSchema>;

export const ReplacementRequestSchema = z
  .object({ workspaceId: IdSchema, recordId: IdSchema, mappingId: IdSchema })
  .strict();

export const ReplacementCandidateSchema = z.object({
  key: z.string(),
  cloudId: z.string(),
  name: z.string(),
  createdAt: IsoDateSchema.nullable(),
  ownerId: z.string(),
  deprecated: z.boolean(),
  /** How it matched: same family, or the same name with another date/serial. */
  matchedBy: z.enum(['family', 'name-pattern']),
});

export const ReplacementResultSchema = z.object({
  /** Newest first; the first is the suggestion. */
  candidates: z.array(ReplacementCandidateSchema),
  /** When nothing matched, why (e.g. the source is not cached). */
  note: z.string().nullable(),
});

export const TemplatesRequestSchema = z
  .object({ workspaceId: IdSchema, accountId: IdSchema, location: z.string().min(1).max(200) })
  .strict();

/** VMware templates the account can see: the wizard's list (a template is chosen, never typed). */
export const TemplatesResultSchema = z.object({
  templates: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      osFamily: z.string(),
      osVersion: z.string().nullable(),
    }),
  ),
  from: z.enum(['cloud', 'cache']),
  offlineReason: z.string().nullable(),
});

export const RegistryExportRequestSchema = z
  .object({ workspaceId: IdSchema, recordIds: z.array(IdSchema).max(10_000).optional() })
  .strict();

export const RegistryImportRequestSchema = z
  .object({
    workspaceId: IdSchema,
    content: z.string().min(2).max(10_000_000),
    /** A record whose name (or a mapped image) already exists here: skip it, replace ours, or keep both. */
    onConflict: z.enum(['skip', 'replace', 'keep-both']).default('skip'),
    /** Parse and report only. */
    dryRun: z.boolean().default(false),
  })
  .strict();

export const RegistryImportResultSchema = z.object({
  imported: z.number().int(),
  replaced: z.number().int(),
  skipped: z.number().int(),
  conflicts: z.array(z.object({ name: z.string(), reason: z.string() })),
  /** Mappings whose account is not in this workspace: kept, marked for the user to re-point. */
  unmatchedAccounts: z.array(z.string()),
  problems: z.array(z.string()),
});
export type RegistryImportResult = z.infer<typeof RegistryImportResultSchema>;
