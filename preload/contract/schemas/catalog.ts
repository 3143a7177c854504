import { z } from 'zod';
import { AppErrorSchema, CloudSchema, IdSchema, IsoDateSchema } from './common';

/** One image as the catalog table shows it; the same shape for every cloud. */
export const ImageSummarySchema = z.object({
  /** Unique across the catalog: `${sourceId}/${cloudId}`. */
  key: z.string(),
  sourceId: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  cloud: CloudSchema,
  location: z.string(),
  cloudId: z.string(),
  name: z.string(),
  description: z.string(),
  ownerId: z.string(),
  ownerAlias: z.string().nullable(),
  /** Normalised to the os_distro vocabulary (ubuntu, amzn, windows, rhel …) or "unknown". */
  osFamily: z.string(),
  osVersion: z.string().nullable(),
  architecture: z.string(),
  createdAt: IsoDateSchema.nullable(),
  deprecatesAt: IsoDateSchema.nullable(),
  deprecated: z.boolean(),
  state: z.string(),
  public: z.boolean(),
});
export type ImageSummary = z.infer<typeof ImageSummarySchema>;

export const ImageDetailSchema = ImageSummarySchema.extend({
  /** Every further field the cloud reports, as label → text, for the details pane. */
  fields: z.array(z.object({ label: z.string(), value: z.string() })),
  /** The cloud's own object, as the SDK returned it. */
  raw: z.unknown(),
  sourceSyncedAt: IsoDateSchema.nullable(),
  sourceStale: z.boolean(),
});
export type ImageDetail = z.infer<typeof ImageDetailSchema>;

export const SortColumnSchema = z.enum([
  'name',
  'cloudId',
  'ownerId',
  'location',
  'osFamily',
  'architecture',
  'createdAt',
  'deprecatesAt',
  'state',
]);
export type SortColumn = z.infer<typeof SortColumnSchema>;

const FilterListSchema = z.array(z.string().max(200)).max(200).default([]);

export const CatalogFiltersSchema = z
  .object({
    accountIds: FilterListSchema,
    regions: FilterListSchema,
    owners: FilterListSchema,
    architectures: FilterListSchema,
    deprecated: z.enum(['any', 'only', 'exclude']).default('any'),
  })
  .strict();
export type CatalogFilters = z.infer<typeof CatalogFiltersSchema>;

export const CatalogQuerySchema = z
  .object({
    search: z.string().max(200).default(''),
    filters: CatalogFiltersSchema.default({
      accountIds: [],
      regions: [],
      owners: [],
      architectures: [],
      deprecated: 'any',
    }),
    sort: z
      .object({ column: SortColumnSchema, direction: z.enum(['asc', 'desc']) })
      .strict()
      .default({ column: 'createdAt', direction: 'desc' }),
    offset: z.number().int().min(0).default(0),
    /** The renderer asks only for the rows it shows. */
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type CatalogQuery = z.input<typeof CatalogQuerySchema>;
export type CatalogQueryParsed = z.infer<typeof CatalogQuerySchema>;

export const CatalogPageSchema = z.object({
  rows: z.array(ImageSummarySchema),
  offset: z.number().int(),
  total: z.number().int(),
  /** Images in the whole cache, before search and filters. */
  catalogSize: z.number().int(),
});
export type CatalogPage = z.infer<typeof CatalogPageSchema>;

export const CatalogFacetsSchema = z.object({
  accounts: z.array(z.object({ id: z.string(), name: z.string() })),
  regions: z.array(z.string()),
  owners: z.array(z.object({ id: z.string(), alias: z.string().nullable() })),
  architectures: z.array(z.string()),
});
export type CatalogFacets = z.infer<typeof CatalogFacetsSchema>;

export const ImageKeyRequestSchema = z.object({ key: z.string().min(1).max(400) }).strict();

/** A cached slice of the catalog: one account × region × owner. */
export const SourceSchema = z.object({
  id: IdSchema,
  accountId: z.string(),
  accountName: z.string(),
  cloud: CloudSchema,
  location: z.string(),
  owner: z.string(),
  imageCount: z.number().int(),
  lastSyncedAt: IsoDateSchema.nullable(),
  lastAttemptAt: IsoDateSchema.nullable(),
  lastError: AppErrorSchema.nullable(),
  /** True when the last sync failed or is older than the stale threshold. */
  stale: z.boolean(),
  staleReason: z.string().nullable(),
});
export type Source = z.infer<typeof SourceSchema>;
