import { z } from 'zod';
import { CloudSchema, IdSchema, IsoDateSchema } from './common';

/** AWS regions, commercial and GovCloud/China style: us-east-1, us-gov-west-1, cn-north-1. */
export const AwsRegionSchema = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'must be an AWS region such as us-east-1');

/** An owner to cache: a 12-digit account id or one of EC2's owner aliases. "self" is always cached. */
export const AwsOwnerSchema = z
  .string()
  .regex(
    /^(self|amazon|aws-marketplace|\d{12})$/,
    'must be self, amazon, aws-marketplace or a 12-digit account id',
  );

export const AccessKeyIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{16,128}$/, 'must be 16 to 128 capital letters or digits (it starts with AKIA or ASIA)');

export const SecretAccessKeySchema = z
  .string()
  .min(16, 'looks too short for a secret access key (AWS issues 40 characters)')
  .max(256);

export const EndpointUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .max(2048);

export const CredentialStorageSchema = z.enum(['keychain', 'session']);

/** What the renderer may know about an account: never a secret, only whether one is held. */
export const AccountSchema = z.object({
  id: IdSchema,
  cloud: CloudSchema,
  name: z.string(),
  kind: z.enum(['sandbox', 'user']),
  regions: z.array(z.string()),
  owners: z.array(z.string()),
  endpoint: z.string().nullable(),
  /** Last four characters of the access key id, enough to tell keys apart. */
  accessKeyHint: z.string().nullable(),
  credentials: z.enum(['keychain', 'session', 'sandbox', 'missing']),
  createdAt: IsoDateSchema,
});
export type Account = z.infer<typeof AccountSchema>;

export const AwsCredentialsInputSchema = z.object({
  accessKeyId: AccessKeyIdSchema,
  secretAccessKey: SecretAccessKeySchema,
  sessionToken: z.string().max(4096).optional(),
});

export const AddAwsAccountRequestSchema = AwsCredentialsInputSchema.extend({
  name: z.string().trim().min(1, 'give the account a name').max(64),
  regions: z.array(AwsRegionSchema).min(1, 'choose at least one region').max(40),
  owners: z.array(AwsOwnerSchema).max(20),
  endpoint: EndpointUrlSchema.optional(),
  storage: CredentialStorageSchema,
}).strict();
export type AddAwsAccountRequest = z.infer<typeof AddAwsAccountRequestSchema>;

export const AccountIdRequestSchema = z.object({ accountId: IdSchema }).strict();

/** Test either a saved account, or a draft from the form before it is saved. */
export const TestConnectionRequestSchema = z.union([
  AccountIdRequestSchema,
  AwsCredentialsInputSchema.extend({
    region: AwsRegionSchema,
    endpoint: EndpointUrlSchema.optional(),
  }).strict(),
]);
export type TestConnectionRequest = z.infer<typeof TestConnectionRequestSchema>;

export const ConnectionCheckSchema = z.object({
  ok: z.boolean(),
  code: z.enum(['ok', 'bad-credentials', 'no-permission', 'unreachable', 'throttled', 'error']),
  message: z.string(),
});
export type ConnectionCheck = z.infer<typeof ConnectionCheckSchema>;

export const RemoveAccountResponseSchema = z.object({
  removed: z.boolean(),
  keychainEntryRemoved: z.boolean(),
});
