import { z } from 'zod';
import { CloudSchema, IdSchema } from './common';
import { CredentialStorageSchema } from './accounts';
import {
  AwsSecretSchema,
  AzureSecretSchema,
  GcpSecretSchema,
  OpenStackSecretSchema,
  VmwareSecretSchema,
} from './connections';

/**
 * Accounts found in credentials the user already has (AWS profiles, a Google key file, Azure and
 * GOVC variables, clouds.yaml). Main keeps what it found, secrets included; the renderer only
 * learns that a secret was found, and picks candidates by id.
 */
export const ImportCandidateSchema = z.object({
  id: IdSchema,
  source: z.string(),
  name: z.string(),
  cloud: CloudSchema.nullable(),
  importable: z.boolean(),
  /** The source holds no secret for it: the user types one when importing. */
  promptForCredential: z.boolean(),
  /** Regions / project / endpoint: what the account would cover. */
  summary: z.string().nullable(),
  note: z.string().nullable(),
  problems: z.array(z.string()),
});
export type ImportCandidateView = z.infer<typeof ImportCandidateSchema>;

export const DiscoverRequestSchema = z
  .object({
    /** A Google service-account key file the user picked, by its contents. */
    googleKeyFile: z
      .object({ name: z.string().max(255), text: z.string().max(20_000) })
      .strict()
      .optional(),
  })
  .strict();

export const DiscoverResultSchema = z.object({
  candidates: z.array(ImportCandidateSchema),
  /** Sources that could not be read at all, in plain words. */
  errors: z.array(z.string()),
});

export const ImportRequestSchema = z
  .object({
    workspaceId: IdSchema,
    candidateId: IdSchema,
    name: z.string().trim().min(1).max(64).optional(),
    storage: CredentialStorageSchema,
    /** Only when the candidate needs one: the secret typed by the user. */
    secret: z
      .union([AwsSecretSchema, GcpSecretSchema, AzureSecretSchema, OpenStackSecretSchema, VmwareSecretSchema])
      .optional(),
  })
  .strict();
export type ImportRequest = z.infer<typeof ImportRequestSchema>;
