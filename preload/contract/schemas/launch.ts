import { z } from 'zod';
import { AppErrorSchema, CloudSchema, IdSchema, IsoDateSchema } from './common';

/** Where a launch or lifecycle action happens: an account of the workspace and one of its locations. */
const placeFields = {
  workspaceId: IdSchema,
  accountId: IdSchema,
  location: z.string().trim().min(1).max(200),
};

export const FlavorSchema = z.object({
  id: z.string(),
  name: z.string(),
  vcpus: z.number().int(),
  memoryMiB: z.number().int(),
  diskGb: z.number().nullable(),
  architecture: z.string().nullable(),
  /** Why this flavor cannot take the image (architecture, too little disk or memory), or null. */
  unfitReason: z.string().nullable(),
});
export type Flavor = z.infer<typeof FlavorSchema>;

export const NetworkSchema = z.object({
  id: z.string(),
  name: z.string(),
  subnets: z.array(z.object({ id: z.string(), name: z.string(), cidr: z.string().nullable() })),
});

export const SecurityGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  networkId: z.string().nullable(),
});

export const KeyPairSchema = z.object({
  name: z.string(),
  fingerprint: z.string().nullable(),
  type: z.string().nullable(),
});

const capability = z.object({ supported: z.boolean(), reason: z.string().nullable() });

export const ComputeCapabilitiesSchema = z.object({
  launch: capability,
  keyPairs: z.enum(['create-or-import', 'public-key-only', 'none']),
  securityGroups: z.boolean(),
  publicIp: z.boolean(),
  volumes: z.boolean(),
  capture: capability,
  copy: capability,
  deprecate: capability,
  delete: capability,
});
export type ComputeCapabilities = z.infer<typeof ComputeCapabilitiesSchema>;

export const LaunchOptionsRequestSchema = z
  .object({ ...placeFields, imageId: z.string().trim().min(1).max(400) })
  .strict();

/** What the launch dialog offers for one account, location and image, listed from the cloud. */
export const LaunchOptionsSchema = z.object({
  cloud: CloudSchema,
  capabilities: ComputeCapabilitiesSchema,
  image: z.object({
    id: z.string(),
    name: z.string(),
    architecture: z.string(),
    minDiskGb: z.number().nullable(),
    minRamMiB: z.number().nullable(),
    /** The cloud's state word: only an available image launches. */
    state: z.string(),
  }),
  flavors: z.array(FlavorSchema),
  networks: z.array(NetworkSchema),
  keyPairs: z.array(KeyPairSchema),
});
export type LaunchOptions = z.infer<typeof LaunchOptionsSchema>;

export const SecurityGroupsRequestSchema = z
  .object({ ...placeFields, networkId: z.string().max(200).nullable() })
  .strict();

export const FirewallRuleSchema = z
  .object({
    protocol: z.enum(['tcp', 'udp', 'icmp']),
    fromPort: z.number().int().min(-1).max(65_535),
    toPort: z.number().int().min(-1).max(65_535),
    cidr: z
      .string()
      .trim()
      .regex(
        /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$|^[0-9a-fA-F:]+\/\d{1,3}$/,
        'a source range such as 203.0.113.0/24',
      ),
  })
  .strict()
  .refine((r) => r.protocol === 'icmp' || (r.fromPort >= 0 && r.fromPort <= r.toPort), {
    message: 'the first port must not be above the last',
  });
export type FirewallRule = z.infer<typeof FirewallRuleSchema>;

const CloudNameSchema = z
  .string()
  .trim()
  .min(1, 'give it a name')
  .max(63)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'letters, digits, dots, dashes or underscores, starting with a letter or digit',
  );

export const CreateSecurityGroupRequestSchema = z
  .object({
    ...placeFields,
    networkId: z.string().max(200).nullable(),
    name: CloudNameSchema,
    description: z.string().trim().max(255).default('Created by Hangar'),
    rules: z.array(FirewallRuleSchema).max(50),
  })
  .strict();

export const CreateKeyPairRequestSchema = z
  .object({
    ...placeFields,
    name: CloudNameSchema,
    type: z.enum(['rsa', 'ed25519']).default('ed25519'),
    /** Where the user chose to save the new private key; written once, mode 0600, never overwritten. */
    savePath: z.string().trim().min(1).max(1024),
  })
  .strict();

/** The private key went to `savedTo` and nowhere else: Hangar keeps no copy. */
export const CreatedKeyPairSchema = z.object({ keyPair: KeyPairSchema, savedTo: z.string() });

export const ImportKeyPairRequestSchema = z
  .object({
    ...placeFields,
    name: CloudNameSchema,
    publicKey: z
      .string()
      .trim()
      .regex(
        /^(ssh-(rsa|ed25519)|ecdsa-sha2-nistp\d+) [A-Za-z0-9+/=]+( .*)?$/,
        'an OpenSSH public key (ssh-ed25519 AAAA… or ssh-rsa AAAA…)',
      ),
  })
  .strict();

export const VolumeRequestSchema = z
  .object({
    sizeGb: z.number().int().min(1).max(16_384),
    type: z.string().trim().max(64).nullable().default(null),
    encrypted: z.boolean().default(false),
    kmsKeyId: z.string().trim().max(2048).nullable().default(null),
  })
  .strict();

/** Several data volumes assembled as one RAID array at first boot (cloud-init). */
export const RaidRequestSchema = z
  .object({
    level: z.enum(['0', '1']),
    mountPoint: z
      .string()
      .trim()
      .regex(/^\/[A-Za-z0-9._/-]*$/, 'an absolute path such as /data'),
    filesystem: z.enum(['ext4', 'xfs']).default('ext4'),
  })
  .strict();

export const LaunchSpecRequestSchema = z
  .object({
    ...placeFields,
    imageId: z.string().trim().min(1).max(400),
    /** The registry record it launches from, when it does. */
    recordId: IdSchema.nullable().default(null),
    flavorId: z.string().trim().min(1, 'choose a hardware flavor').max(200),
    networkId: z.string().max(200).nullable().default(null),
    subnetId: z.string().max(200).nullable().default(null),
    publicIp: z.boolean().default(false),
    securityGroupIds: z.array(z.string().max(200)).max(10).default([]),
    keyName: z.string().max(255).nullable().default(null),
    publicKey: z.string().max(16_384).nullable().default(null),
    volumes: z.array(VolumeRequestSchema).max(16).default([]),
    raid: RaidRequestSchema.nullable().default(null),
    userData: z.string().max(16_384).nullable().default(null),
    name: CloudNameSchema,
    count: z.number().int().min(1).max(20).default(1),
    tags: z.record(z.string(), z.string()).default({}),
    billingCode: z.string().trim().max(128).default(''),
    group: z.string().trim().max(128).default(''),
    computeResource: z.string().trim().max(200).nullable().default(null),
  })
  .strict();
export type LaunchSpecRequest = z.input<typeof LaunchSpecRequestSchema>;

export const LaunchProblemSchema = z.object({ field: z.string(), message: z.string() });

/** The summary page: problems per field, the tags as the cloud will get them, the first-boot script. */
export const LaunchPreviewSchema = z.object({
  problems: z.array(LaunchProblemSchema),
  cloudTags: z.record(z.string(), z.string()),
  cloudInit: z.string().nullable(),
});
export type LaunchPreview = z.infer<typeof LaunchPreviewSchema>;

export const ServerStateSchema = z.enum([
  'pending',
  'building',
  'running',
  'stopping',
  'stopped',
  'terminated',
  'failed',
]);

export const LaunchServerSchema = z.object({
  serverId: z.string().nullable(),
  name: z.string(),
  state: ServerStateSchema,
  addresses: z.array(z.string()),
  reason: z.string().nullable(),
});

/** One launch as the history keeps it: who, when, which image, what spec, and what came of it. */
export const LaunchEntrySchema = z.object({
  id: IdSchema,
  workspaceId: IdSchema,
  by: z.string(),
  at: IsoDateSchema,
  cloud: CloudSchema,
  accountId: z.string(),
  accountName: z.string(),
  location: z.string(),
  imageId: z.string(),
  recordId: z.string().nullable(),
  spec: z.record(z.string(), z.string()),
  state: z.enum(['launching', 'running', 'failed', 'cancelled', 'terminated']),
  error: AppErrorSchema.nullable(),
  servers: z.array(LaunchServerSchema),
  operationId: z.string().nullable(),
});
export type LaunchEntry = z.infer<typeof LaunchEntrySchema>;

export const LaunchStartedSchema = z.object({ launchId: IdSchema, operationId: IdSchema });

export const TerminateRequestSchema = z.object({ workspaceId: IdSchema, launchId: IdSchema }).strict();
