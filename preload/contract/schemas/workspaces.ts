import { z } from 'zod';
import { IdSchema } from './common';

export const WorkspaceColorSchema = z.enum([
  'slate',
  'blue',
  'green',
  'amber',
  'red',
  'purple',
  'teal',
  'pink',
]);

const EnvironmentNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[\w .-]+$/, 'use letters, digits, spaces, dots, dashes or underscores');

/** A client (for a consultant) or a team: every account, cached catalog and launch belongs to one. */
export const WorkspaceSchema = z.object({
  id: IdSchema,
  name: z.string(),
  color: WorkspaceColorSchema,
  environments: z.array(z.object({ id: IdSchema, name: z.string() })),
  kind: z.enum(['sandbox', 'user']),
  accountCount: z.number().int(),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

/** Every request that reads or changes a workspace's data names it: a window never borrows another's context. */
export const WorkspaceRefSchema = z.object({ workspaceId: IdSchema }).strict();

export const CreateWorkspaceRequestSchema = z
  .object({
    name: z.string().trim().min(1, 'give the workspace a name').max(64),
    color: WorkspaceColorSchema,
    environments: z.array(EnvironmentNameSchema).max(20).default([]),
  })
  .strict();

export const UpdateWorkspaceRequestSchema = z
  .object({
    workspaceId: IdSchema,
    name: z.string().trim().min(1, 'give the workspace a name').max(64).optional(),
    color: WorkspaceColorSchema.optional(),
    environments: z.array(EnvironmentNameSchema).max(20).optional(),
  })
  .strict();

export const RemoveWorkspaceRequestSchema = z
  .object({
    workspaceId: IdSchema,
    /** Removing a workspace with accounts removes them and their keychain entries: the UI asks first. */
    removeAccounts: z.boolean().default(false),
  })
  .strict();

/** A workspace's definition as a file: accounts without secrets, settings. */
export const WorkspaceFileSchema = z.object({
  format: z.literal('hangar-workspace'),
  version: z.literal(1),
  exportedAt: z.string(),
  workspace: z.object({ name: z.string(), color: WorkspaceColorSchema, environments: z.array(z.string()) }),
  accounts: z.array(
    z.object({
      name: z.string(),
      cloud: z.string(),
      environment: z.string().nullable(),
      connection: z.unknown(),
    }),
  ),
});
export type WorkspaceFile = z.infer<typeof WorkspaceFileSchema>;

export const WorkspaceExportSchema = z.object({ fileName: z.string(), content: z.string() });

export const ImportWorkspaceRequestSchema = z.object({ content: z.string().min(2).max(2_000_000) }).strict();

export const ImportWorkspaceResultSchema = z.object({
  workspace: WorkspaceSchema,
  /** Imported accounts have no secret yet: the UI asks for each (accounts:set-secret). */
  accountsAwaitingCredential: z.array(z.object({ accountId: IdSchema, name: z.string(), cloud: z.string() })),
  /** Entries left out, in plain words. */
  skipped: z.array(z.string()),
});
