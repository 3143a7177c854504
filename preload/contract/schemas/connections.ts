import { z } from 'zod';
import {
  AccessKeyIdSchema,
  AwsOwnerSchema,
  AwsRegionSchema,
  EndpointUrlSchema,
  SecretAccessKeySchema,
} from './aws';

/**
 * Per cloud: the connection (what identifies the account and what to cache; kept in app state,
 * shown to the renderer) and the secret (kept only in the keychain, never sent back).
 */

export const AwsConnectionSchema = z
  .object({
    accessKeyId: AccessKeyIdSchema,
    regions: z.array(AwsRegionSchema).min(1, 'choose at least one region').max(40),
    owners: z.array(AwsOwnerSchema).max(20),
    endpoint: EndpointUrlSchema.optional(),
  })
  .strict();
export const AwsSecretSchema = z
  .object({ secretAccessKey: SecretAccessKeySchema, sessionToken: z.string().max(4096).optional() })
  .strict();

/** GCE project ids: 6–30 chars, lowercase letters, digits, hyphens, starting with a letter. */
export const GcpProjectSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, 'must be a project id such as debian-cloud or my-project-123');

export const GcpConnectionSchema = z
  .object({
    projectId: GcpProjectSchema,
    /** Public image projects to cache besides the account's own project. */
    imageProjects: z.array(GcpProjectSchema).max(40),
    /** For a stand-in or private endpoint; omit for Google itself. */
    endpoint: EndpointUrlSchema.optional(),
  })
  .strict();
export const GcpSecretSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('service-account'), keyJson: z.string().min(20).max(20_000) }).strict(),
  z.object({ kind: z.literal('access-token'), accessToken: z.string().min(10).max(4096) }).strict(),
]);

const UuidSchema = z
  .string()
  .regex(/^[0-9a-fA-F-]{36}$/, 'must be a GUID such as 00000000-0000-0000-0000-000000000000');
export const AzureLocationSchema = z
  .string()
  .regex(/^[a-z0-9]{3,40}$/, 'must be an Azure location such as westeurope');

export const AzureConnectionSchema = z
  .object({
    tenantId: UuidSchema,
    clientId: UuidSchema,
    subscriptionId: UuidSchema,
    locations: z.array(AzureLocationSchema).min(1, 'choose at least one location').max(40),
    /** Marketplace publishers to cache, e.g. Canonical, MicrosoftWindowsServer, RedHat. */
    publishers: z
      .array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,89}$/, 'must be a publisher name'))
      .max(40),
    includeManagedImages: z.boolean().default(true),
    includeGalleries: z.boolean().default(true),
    /** Resource Manager endpoint, for sovereign clouds or a stand-in; omit for Azure public. */
    endpoint: EndpointUrlSchema.optional(),
    authorityHost: EndpointUrlSchema.optional(),
  })
  .strict();
export const AzureSecretSchema = z.object({ clientSecret: z.string().min(8).max(1024) }).strict();

export const OpenStackConnectionSchema = z
  .object({
    /** Keystone v3, e.g. https://keystone.example.com:5000/v3 */
    authUrl: EndpointUrlSchema,
    region: z.string().min(1).max(64).default('RegionOne'),
    interface: z.enum(['public', 'internal', 'admin']).default('public'),
    authType: z.enum(['password', 'application-credential']),
    username: z.string().max(255).optional(),
    userDomainName: z.string().max(255).optional(),
    projectName: z.string().max(255).optional(),
    projectDomainName: z.string().max(255).optional(),
    applicationCredentialId: z.string().max(255).optional(),
  })
  .strict()
  .refine((c) => c.authType !== 'password' || (c.username && c.projectName), {
    message: 'password authentication needs a username and a project',
    path: ['username'],
  })
  .refine((c) => c.authType !== 'application-credential' || c.applicationCredentialId, {
    message: 'application credentials need their id',
    path: ['applicationCredentialId'],
  });
export const OpenStackSecretSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('password'), password: z.string().min(1).max(1024) }).strict(),
  z
    .object({
      kind: z.literal('application-credential'),
      applicationCredentialSecret: z.string().min(1).max(1024),
    })
    .strict(),
]);

export const VmwareConnectionSchema = z
  .object({
    /** vCenter, e.g. https://vcenter.example.com */
    url: EndpointUrlSchema,
    username: z.string().min(1).max(255),
    /** SHA-256 fingerprint of a self-signed certificate the user chose to trust (AA:BB:…). */
    trustedCertFingerprint: z
      .string()
      .regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'must be a SHA-256 fingerprint like AB:CD:… (32 pairs)')
      .optional(),
  })
  .strict();
export const VmwareSecretSchema = z.object({ password: z.string().min(1).max(1024) }).strict();

export const AccountConnectionSchema = z.discriminatedUnion('cloud', [
  z.object({ cloud: z.literal('aws'), connection: AwsConnectionSchema }),
  z.object({ cloud: z.literal('gcp'), connection: GcpConnectionSchema }),
  z.object({ cloud: z.literal('azure'), connection: AzureConnectionSchema }),
  z.object({ cloud: z.literal('openstack'), connection: OpenStackConnectionSchema }),
  z.object({ cloud: z.literal('vmware'), connection: VmwareConnectionSchema }),
]);
export type AccountConnection = z.infer<typeof AccountConnectionSchema>;

export type AwsConnection = z.infer<typeof AwsConnectionSchema>;
export type AwsSecret = z.infer<typeof AwsSecretSchema>;
export type GcpConnection = z.infer<typeof GcpConnectionSchema>;
export type GcpSecret = z.infer<typeof GcpSecretSchema>;
export type AzureConnection = z.infer<typeof AzureConnectionSchema>;
export type AzureSecret = z.infer<typeof AzureSecretSchema>;
export type OpenStackConnection = z.infer<typeof OpenStackConnectionSchema>;
export type OpenStackSecret = z.infer<typeof OpenStackSecretSchema>;
export type VmwareConnection = z.infer<typeof VmwareConnectionSchema>;
export type VmwareSecret = z.infer<typeof VmwareSecretSchema>;
