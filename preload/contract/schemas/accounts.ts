import { z } from 'zod';
import { CloudSchema, IdSchema, IsoDateSchema } from './common';
import {
  AwsConnectionSchema,
  AwsSecretSchema,
  AzureConnectionSchema,
  AzureSecretSchema,
  GcpConnectionSchema,
  GcpSecretSchema,
  OpenStackConnectionSchema,
  OpenStackSecretSchema,
  VmwareConnectionSchema,
  VmwareSecretSchema,
} from './connections';

export const CredentialStorageSchema = z.enum(['keychain', 'session']);
export type CredentialStorage = z.infer<typeof CredentialStorageSchema>;

/** What the renderer may know about an account: its connection, never its secret. */
export const AccountSchema = z.object({
  id: IdSchema,
  workspaceId: IdSchema,
  environmentId: IdSchema.nullable(),
  cloud: CloudSchema,
  name: z.string(),
  kind: z.enum(['sandbox', 'user']),
  /** Regions / locations / "global" / datacenters this account's catalog covers. */
  locations: z.array(z.string()),
  /** Owners / projects / publishers / libraries cached per location. */
  scopes: z.array(z.string()),
  /** Who this is, enough to tell accounts apart: "…WXYZ", a client id, a username. */
  identity: z.string().nullable(),
  endpoint: z.string().nullable(),
  credentials: z.enum(['keychain', 'session', 'sandbox', 'missing']),
  createdAt: IsoDateSchema,
  /** When a connection test last succeeded. */
  lastVerifiedAt: IsoDateSchema.nullable(),
});
export type Account = z.infer<typeof AccountSchema>;

const Name = z.string().trim().min(1, 'give the account a name').max(64);

/** A new account with its secret: the only request that carries one, renderer → main, once. */
export const AccountDraftSchema = z.discriminatedUnion('cloud', [
  z.object({ cloud: z.literal('aws'), connection: AwsConnectionSchema, secret: AwsSecretSchema }).strict(),
  z.object({ cloud: z.literal('gcp'), connection: GcpConnectionSchema, secret: GcpSecretSchema }).strict(),
  z
    .object({ cloud: z.literal('azure'), connection: AzureConnectionSchema, secret: AzureSecretSchema })
    .strict(),
  z
    .object({
      cloud: z.literal('openstack'),
      connection: OpenStackConnectionSchema,
      secret: OpenStackSecretSchema,
    })
    .strict(),
  z
    .object({ cloud: z.literal('vmware'), connection: VmwareConnectionSchema, secret: VmwareSecretSchema })
    .strict(),
]);
export type AccountDraft = z.infer<typeof AccountDraftSchema>;

export const AddAccountRequestSchema = z
  .object({
    workspaceId: IdSchema,
    environmentId: IdSchema.optional(),
    name: Name,
    storage: CredentialStorageSchema,
    account: AccountDraftSchema,
  })
  .strict();

/** Rotate an account's secret, or give one to an account imported without it. */
export const SetSecretRequestSchema = z
  .object({
    accountId: IdSchema,
    storage: CredentialStorageSchema,
    /** Checked against the account's own cloud in main. */
    secret: z.union([
      AwsSecretSchema,
      GcpSecretSchema,
      AzureSecretSchema,
      OpenStackSecretSchema,
      VmwareSecretSchema,
    ]),
  })
  .strict();
export type AddAccountRequest = z.infer<typeof AddAccountRequestSchema>;

export const AccountIdRequestSchema = z.object({ accountId: IdSchema }).strict();

/** Test either a saved account, or a draft from the form before it is saved. */
export const TestConnectionRequestSchema = z.union([
  AccountIdRequestSchema,
  z.object({ draft: AccountDraftSchema }).strict(),
]);
export type TestConnectionRequest = z.infer<typeof TestConnectionRequestSchema>;

export const ConnectionCheckSchema = z.object({
  ok: z.boolean(),
  code: z.enum([
    'ok',
    'bad-credentials',
    'no-permission',
    'unreachable',
    'throttled',
    'untrusted-certificate',
    'error',
  ]),
  message: z.string(),
  /** For a self-signed certificate: its SHA-256 fingerprint, for the user to compare and pin. */
  certificateFingerprint: z.string().optional(),
});
export type ConnectionCheck = z.infer<typeof ConnectionCheckSchema>;

export const RemoveAccountResponseSchema = z.object({
  removed: z.boolean(),
  keychainEntryRemoved: z.boolean(),
});
