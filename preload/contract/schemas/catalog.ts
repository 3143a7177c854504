import { z } from 'zod';
import { AppErrorSchema, CloudSchema, IdSchema, IsoDateSchema } from './common';

export const DeprecationStateSchema = z.enum(['active', 'scheduled', 'deprecated', 'obsolete', 'deleted']);
export type DeprecationState = z.infer<typeof DeprecationStateSchema>;
export const VisibilitySchema = z.enum(['public', 'private', 'shared', 'community']);
export type Visibility = z.infer<typeof VisibilitySchema>;

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
  /** The cloud's own OS words before normalising (os_distro, PlatformDetails, offer …). */
  osRaw: z.string().nullable(),
  architecture: z.string(),
  createdAt: IsoDateSchema.nullable(),
  /** When the image is (or was) deprecated / reaches end of life. */
  deprecatesAt: IsoDateSchema.nullable(),
  deprecated: z.boolean(),
  deprecationState: DeprecationStateSchema.nullable(),
  /** The image the cloud names as its replacement, when it names one. */
  replacement: z.string().nullable(),
  state: z.string(),
  public: z.boolean(),
  visibility: VisibilitySchema.nullable(),
  family: z.string().nullable(),
  sizeGb: z.number().nullable(),
});
export type ImageSummary = z.infer<typeof ImageSummarySchema>;

export const ImageDetailSchema = ImageSummarySchema.extend({
  tags: z.record(z.string(), z.string()),
  /** Every further field the cloud reports, as label → text, for the details pane. */
  fields: z.array(z.object({ label: z.string(), value: z.string() })),
  /** The cloud's own object, as the SDK returned it. */
  raw: z.unknown(),
  sourceSyncedAt: IsoDateSchema.nullable(),
  sourceStale: z.boolean(),
});
export type ImageDetail = z.infer<typeof ImageDetailSchema>;

export const SortColumnSchema = z.enum([
  'cloud',
  'family',
  'visibility',
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
    clouds: z.array(CloudSchema).max(5).default([]),
    accountIds: FilterListSchema,
    regions: FilterListSchema,
    owners: FilterListSchema,
    osFamilies: FilterListSchema,
    osVersions: FilterListSchema,
    architectures: FilterListSchema,
    visibilities: FilterListSchema,
    states: FilterListSchema,
    /** "soon": reaching deprecation or end of life within the next 90 days. */
    deprecated: z.enum(['any', 'only', 'exclude', 'soon']).default('any'),
    /** Only images whose deprecation date falls in this month (YYYY-MM), from the timeline. */
    deprecatesInMonth: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .optional(),
  })
  .strict();
export type CatalogFilters = z.infer<typeof CatalogFiltersSchema>;

function emptyFilters() {
  return {
    clouds: [],
    accountIds: [],
    regions: [],
    owners: [],
    osFamilies: [],
    osVersions: [],
    architectures: [],
    visibilities: [],
    states: [],
    deprecated: 'any' as const,
  };
}

export const CatalogQuerySchema = z
  .object({
    workspaceId: IdSchema,
    search: z.string().max(200).default(''),
    filters: CatalogFiltersSchema.default(emptyFilters()),
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

export const FacetNameSchema = z.enum([
  'cloud',
  'account',
  'location',
  'owner',
  'osFamily',
  'osVersion',
  'architecture',
  'visibility',
  'state',
  'deprecation',
]);
export type FacetName = z.infer<typeof FacetNameSchema>;

export const FacetValueSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export type FacetValue = z.infer<typeof FacetValueSchema>;

/** Counts per value under the current search and the other facets' filters (a facet never narrows itself). */
export const CatalogFacetsSchema = z.object({
  facets: z.partialRecord(FacetNameSchema, z.array(FacetValueSchema)),
});
export type CatalogFacets = z.infer<typeof CatalogFacetsSchema>;

export const FacetsRequestSchema = z
  .object({
    workspaceId: IdSchema,
    search: z.string().max(200).default(''),
    filters: CatalogFiltersSchema.default(emptyFilters()),
  })
  .strict();

export const TimelineRequestSchema = z
  .object({
    workspaceId: IdSchema,
    search: z.string().max(200).default(''),
    filters: CatalogFiltersSchema.default(emptyFilters()),
    months: z.number().int().min(1).max(36).default(12),
  })
  .strict();

/** Images reaching deprecation / end of life per month, from this month on. */
export const TimelineSchema = z.object({
  months: z.array(
    z.object({
      month: z.string(),
      total: z.number().int(),
      byCloud: z.record(z.string(), z.number().int()),
    }),
  ),
  /** Already past their date, before the first month. */
  alreadyDeprecated: z.number().int(),
});
export type Timeline = z.infer<typeof TimelineSchema>;

export const ExportRequestSchema = z
  .object({
    workspaceId: IdSchema,
    search: z.string().max(200).default(''),
    filters: CatalogFiltersSchema.default(emptyFilters()),
    sort: z
      .object({ column: SortColumnSchema, direction: z.enum(['asc', 'desc']) })
      .strict()
      .optional(),
    format: z.enum(['csv', 'json']),
  })
  .strict();

export const ExportSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  content: z.string(),
  rows: z.number().int(),
  /** True when the view held more rows than one export carries; narrow the filters. */
  truncated: z.boolean(),
});
export type CatalogExport = z.infer<typeof ExportSchema>;

export const ImageKeyRequestSchema = z
  .object({ workspaceId: IdSchema, key: z.string().min(1).max(400) })
  .strict();

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
