import { z } from 'zod';
import { CloudSchema, IdSchema, IsoDateSchema } from './common';
import { LabelColorSchema, RegistryTagsSchema } from '../registry/labels';
import { OsFamilySchema, OsVersionSchema } from '../registry/os-families';

/** public: offered to everyone in scope; private: only its owner's launches; deleted: hidden from new launches, kept for what already uses it. */
export const RegistryAccessSchema = z.enum(['public', 'private', 'deleted']);
export type RegistryAccess = z.infer<typeof RegistryAccessSchema>;

/**
 * Where a record lives: a workspace (a client), or one of its environments. A workspace-level
 * record marked shared is offered in every environment below it.
 */
export const RegistryScopeSchema = z
  .object({ environmentId: IdSchema.nullable().default(null), shared: z.boolean().default(true) })
  .strict();

export const DriftStateSchema = z.enum([
  'ok',
  /** Never checked yet. */
  'unchecked',
  /** The cloud says no such image. */
  'missing',
  /** The cloud still reports it, as deregistered / deleted / killed. */
  'deregistered',
  'deprecated',
  /** Deprecation or end of life within the drift window. */
  'deprecating-soon',
  /** Name, creation date, architecture or size differ from what was registered. */
  'changed',
  /** The last check could not reach the cloud: the state is unknown since the last good check. */
  'unknown',
]);
export type DriftState = z.infer<typeof DriftStateSchema>;

export const MappingDriftSchema = z.object({
  state: DriftStateSchema,
  checkedAt: IsoDateSchema.nullable(),
  /** The last check that reached the cloud. */
  lastConfirmedAt: IsoDateSchema.nullable(),
  detail: z.string().nullable(),
});
export type MappingDrift = z.infer<typeof MappingDriftSchema>;

/** One cloud image a record maps to: one per account × location. */
export const RegistryMappingSchema = z.object({
  id: IdSchema,
  cloud: CloudSchema,
  accountId: IdSchema,
  accountName: z.string(),
  location: z.string(),
  cloudImageId: z.string(),
  /** VMware: the cluster or resource pool launches are placed on. */
  computeResource: z.string().nullable(),
  /** The image as registered: what drift compares against. */
  imageName: z.string(),
  imageCreatedAt: IsoDateSchema.nullable(),
  ownerId: z.string(),
  /** False for a vendor's or another account's image: it can vanish without notice. */
  ownedByAccount: z.boolean(),
  registeredAt: IsoDateSchema,
  drift: MappingDriftSchema,
});
export type RegistryMapping = z.infer<typeof RegistryMappingSchema>;

/** Each field's rules, without defaults: an edit names only what changes. */
const fieldRules = {
  name: z
    .string()
    .trim()
    .min(1, 'give the image a name')
    .max(128)
    .regex(/^[\w.:/ -]+$/, 'use letters, digits, spaces, dots, colons, slashes, dashes or underscores'),
  alias: z.string().trim().max(128),
  version: z.string().trim().max(64),
  description: z.string().trim().max(2000),
  osFamily: OsFamilySchema,
  osVersion: OsVersionSchema,
  architecture: z.enum(['x86_64', 'arm64', 'i386', 'unknown']),
  sizeGb: z.number().int().min(1).max(65_536).nullable(),
  agentInstalled: z.boolean(),
  labelColor: LabelColorSchema,
  tags: RegistryTagsSchema,
  access: RegistryAccessSchema,
};

const recordFields = {
  ...fieldRules,
  alias: fieldRules.alias.default(''),
  version: fieldRules.version.default(''),
  description: fieldRules.description.default(''),
  architecture: fieldRules.architecture.default('x86_64'),
  sizeGb: fieldRules.sizeGb.default(null),
  agentInstalled: fieldRules.agentInstalled.default(false),
  labelColor: fieldRules.labelColor.default('gray'),
  tags: fieldRules.tags.default({}),
  access: fieldRules.access.default('private'),
};

/** What a user fills in for a record (the wizard's details page, the edit dialog). */
export const RegistryRecordFieldsSchema = z.object(recordFields).strict();
export type RegistryRecordFields = z.infer<typeof RegistryRecordFieldsSchema>;
export type RegistryRecordFieldsInput = z.input<typeof RegistryRecordFieldsSchema>;

export const RegistryRecordSchema = z.object({
  id: IdSchema,
  workspaceId: IdSchema,
  environmentId: IdSchema.nullable(),
  environmentName: z.string().nullable(),
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
  labelColor: LabelColorSchema,
  tags: z.record(z.string(), z.string()),
  access: RegistryAccessSchema,
  mappings: z.array(RegistryMappingSchema),
  /** The worst drift over the mappings (what the registry's badge shows). */
  drift: DriftStateSchema,
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type RegistryRecord = z.infer<typeof RegistryRecordSchema>;

export const RegistryHistoryEntrySchema = z.object({
  at: IsoDateSchema,
  by: z.string(),
  action: z.string(),
  summary: z.string(),
});
export type RegistryHistoryEntry = z.infer<typeof RegistryHistoryEntrySchema>;

export const RegistryRecordDetailSchema = RegistryRecordSchema.extend({
  history: z.array(RegistryHistoryEntrySchema),
});
export type RegistryRecordDetail = z.infer<typeof RegistryRecordDetailSchema>;

export const RegistryListRequestSchema = z
  .object({
    workspaceId: IdSchema,
    /** null: the workspace level; an id: what that environment sees (its own plus shared from above). */
    environmentId: IdSchema.nullable().default(null),
    search: z.string().max(200).default(''),
    includeDeleted: z.boolean().default(true),
  })
  .strict();

export const RecordRefSchema = z.object({ workspaceId: IdSchema, recordId: IdSchema }).strict();

/** Which cloud image a wizard step names. */
export const ImageTargetSchema = z
  .object({
    accountId: IdSchema,
    location: z.string().trim().min(1).max(200),
    cloudImageId: z.string().trim().min(1).max(400),
  })
  .strict();
export type ImageTarget = z.infer<typeof ImageTargetSchema>;

export const LookupRequestSchema = z
  .object({
    workspaceId: IdSchema,
    target: ImageTargetSchema,
    /** Skip the cloud and answer from the cache (the user chose to work offline). */
    offline: z.boolean().default(false),
  })
  .strict();

export const LookupProblemSchema = z.enum(['not-found', 'deregistered', 'deprecated', 'deprecating-soon']);

/** What "Next" finds: the pre-filled details, where they came from, and what is wrong with the image. */
export const LookupResultSchema = z.object({
  cloudImageId: z.string(),
  found: z.boolean(),
  /** cloud: asked just now; cache: the cloud could not be asked (or offline was chosen). */
  from: z.enum(['cloud', 'cache']),
  /** Why the cloud was not asked, when from = cache. */
  offlineReason: z.string().nullable(),
  cachedAt: IsoDateSchema.nullable(),
  image: z
    .object({
      name: z.string(),
      description: z.string(),
      osFamily: z.string().nullable(),
      osVersion: z.string().nullable(),
      architecture: z.string(),
      sizeGb: z.number().nullable(),
      state: z.string(),
      ownerId: z.string(),
      ownedByAccount: z.boolean(),
      createdAt: IsoDateSchema.nullable(),
      deprecatesAt: IsoDateSchema.nullable(),
      family: z.string().nullable(),
    })
    .nullable(),
  problems: z.array(z.object({ kind: LookupProblemSchema, message: z.string() })),
  /**
   * The record this image already belongs to. sameLocation: this very mapping exists (open it);
   * otherwise the record maps the same image elsewhere (add this location to it).
   */
  existing: z.object({ recordId: IdSchema, name: z.string(), sameLocation: z.boolean() }).nullable(),
});
export type LookupResult = z.infer<typeof LookupResultSchema>;

export const RegisterRequestSchema = z
  .object({
    workspaceId: IdSchema,
    target: ImageTargetSchema.extend({
      computeResource: z.string().trim().max(200).nullable().default(null),
    }),
    /** Register as a new record… */
    record: RegistryRecordFieldsSchema.optional(),
    scope: RegistryScopeSchema.default({ environmentId: null, shared: true }),
    /** …or add this location as another mapping of an existing record. */
    addToRecordId: IdSchema.optional(),
    /**
     * With addToRecordId: when the record already maps an image for this account and location,
     * map the new one in its place (a captured private copy replacing a vendor image).
     */
    replaceExisting: z.boolean().default(false),
    /** Register even when the lookup said deprecated or could only use the cache. */
    acknowledgeProblems: z.boolean().default(false),
    /** The user chose to work offline: take the image's details from the cache, do not ask the cloud. */
    offline: z.boolean().default(false),
  })
  .strict()
  .refine((r) => (r.record === undefined) !== (r.addToRecordId === undefined), {
    message: 'give either the record details or the record to add this mapping to',
  });

export const UpdateRecordRequestSchema = z
  .object({
    workspaceId: IdSchema,
    recordId: IdSchema,
    // Built from the rules without defaults: a partial edit must not reset the fields it leaves out.
    changes: z.object(fieldRules).partial().extend({ shared: z.boolean().optional() }).strict(),
  })
  .strict();

export const BulkTagRequestSchema = z
  .object({
    workspaceId: IdSchema,
    recordIds: z.array(IdSchema).min(1).max(1000),
    set: RegistryTagsSchema.default({}),
    remove: z.array(z.string().min(1).max(128)).max(50).default([]),
  })
  .strict();

export const RemoveMappingRequestSchema = z
  .object({ workspaceId: IdSchema, recordId: IdSchema, mappingId: IdSchema })
  .strict();

/** Something that still uses an image: a launch or a server started from it. */
export const ImageUserSchema = z.object({
  kind: z.enum(['launch', 'server']),
  id: z.string(),
  name: z.string(),
  cloudImageId: z.string(),
  location: z.string(),
  since: IsoDateSchema,
});
export type ImageUser = z.infer<typeof ImageUserSchema>;

export const DeleteRecordResultSchema = z.object({
  deleted: z.boolean(),
  /** When not deleted: who still uses it. Set access to "deleted" instead to hide it from new launches. */
  usedBy: z.array(ImageUserSchema),
});
