import { z } from 'zod';
import { launchChannels } from './channels-launch';
import { AppInfoSchema } from './schemas/app';
import {
  AccountIdRequestSchema,
  AccountSchema,
  AddAccountRequestSchema,
  ConnectionCheckSchema,
  RemoveAccountResponseSchema,
  SetSecretRequestSchema,
  TestConnectionRequestSchema,
} from './schemas/accounts';
import {
  CatalogFacetsSchema,
  CatalogPageSchema,
  CatalogQuerySchema,
  ExportRequestSchema,
  ExportSchema,
  FacetsRequestSchema,
  ImageDetailSchema,
  TimelineRequestSchema,
  TimelineSchema,
  ImageKeyRequestSchema,
  SourceSchema,
} from './schemas/catalog';
import { EmptyRequestSchema } from './schemas/common';
import {
  CreateWorkspaceRequestSchema,
  ImportWorkspaceRequestSchema,
  ImportWorkspaceResultSchema,
  RemoveWorkspaceRequestSchema,
  UpdateWorkspaceRequestSchema,
  WorkspaceExportSchema,
  WorkspaceRefSchema,
  WorkspaceSchema,
} from './schemas/workspaces';
import { DiscoverRequestSchema, DiscoverResultSchema, ImportRequestSchema } from './schemas/imports';
import {
  BulkTagRequestSchema,
  DeleteRecordResultSchema,
  LookupRequestSchema,
  LookupResultSchema,
  RecordRefSchema,
  RegisterRequestSchema,
  RegistryListRequestSchema,
  RegistryRecordDetailSchema,
  RegistryRecordSchema,
  RemoveMappingRequestSchema,
  UpdateRecordRequestSchema,
} from './schemas/registry';
import {
  DriftCheckRequestSchema,
  DriftReportSchema,
  RegistryExportRequestSchema,
  RegistryImportRequestSchema,
  RegistryImportResultSchema,
  ReplacementRequestSchema,
  ReplacementResultSchema,
  TemplatesRequestSchema,
  TemplatesResultSchema,
} from './schemas/registry-upkeep';
import {
  CancelResponseSchema,
  OperationIdRequestSchema,
  OperationRefSchema,
  SyncStartRequestSchema,
  SyncStatusSchema,
} from './schemas/sync';

const channel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({
  request,
  response,
});

/**
 * Every request the renderer can make, `domain:verb` → request and response schemas.
 * No response schema carries a secret: secrets flow renderer → main once and never back.
 */
export const channels = {
  'app:info': channel(EmptyRequestSchema, AppInfoSchema),
  /** Forget session-only secrets now; the keychain is asked again before the next cloud call. */
  'app:lock': channel(EmptyRequestSchema, z.object({ sessionEntriesForgotten: z.number().int() })),
  'workspaces:list': channel(EmptyRequestSchema, z.array(WorkspaceSchema)),
  'workspaces:create': channel(CreateWorkspaceRequestSchema, WorkspaceSchema),
  'workspaces:update': channel(UpdateWorkspaceRequestSchema, WorkspaceSchema),
  'workspaces:remove': channel(
    RemoveWorkspaceRequestSchema,
    z.object({ removed: z.boolean(), accountsRemoved: z.number().int() }),
  ),
  'workspaces:export': channel(WorkspaceRefSchema, WorkspaceExportSchema),
  'workspaces:import': channel(ImportWorkspaceRequestSchema, ImportWorkspaceResultSchema),
  'accounts:list': channel(WorkspaceRefSchema, z.array(AccountSchema)),
  'accounts:set-secret': channel(SetSecretRequestSchema, AccountSchema),
  'accounts:add': channel(AddAccountRequestSchema, AccountSchema),
  'accounts:remove': channel(AccountIdRequestSchema, RemoveAccountResponseSchema),
  'accounts:test': channel(TestConnectionRequestSchema, ConnectionCheckSchema),
  'accounts:discover': channel(DiscoverRequestSchema, DiscoverResultSchema),
  'accounts:import': channel(ImportRequestSchema, AccountSchema),
  'catalog:query': channel(CatalogQuerySchema, CatalogPageSchema),
  'catalog:get': channel(ImageKeyRequestSchema, ImageDetailSchema),
  'catalog:facets': channel(FacetsRequestSchema, CatalogFacetsSchema),
  'catalog:timeline': channel(TimelineRequestSchema, TimelineSchema),
  'catalog:export': channel(ExportRequestSchema, ExportSchema),
  'catalog:sources': channel(WorkspaceRefSchema, z.array(SourceSchema)),
  'sync:start': channel(SyncStartRequestSchema, OperationRefSchema),
  'sync:cancel': channel(OperationIdRequestSchema, CancelResponseSchema),
  'sync:status': channel(WorkspaceRefSchema, SyncStatusSchema),
  'registry:list': channel(RegistryListRequestSchema, z.array(RegistryRecordSchema)),
  'registry:get': channel(RecordRefSchema, RegistryRecordDetailSchema),
  /** The wizard's "Next": the image as the cloud (or, offline, the cache) reports it. */
  'registry:lookup': channel(LookupRequestSchema, LookupResultSchema),
  'registry:templates': channel(TemplatesRequestSchema, TemplatesResultSchema),
  'registry:register': channel(RegisterRequestSchema, RegistryRecordSchema),
  'registry:update': channel(UpdateRecordRequestSchema, RegistryRecordSchema),
  'registry:bulk-tag': channel(BulkTagRequestSchema, z.object({ updated: z.number().int() })),
  'registry:remove-mapping': channel(RemoveMappingRequestSchema, RegistryRecordSchema),
  /** Refused (deleted: false, with the users) while a launch or server still uses one of its images. */
  'registry:delete': channel(RecordRefSchema, DeleteRecordResultSchema),
  'registry:drift-check': channel(DriftCheckRequestSchema, DriftReportSchema),
  /** The last drift results, without asking the clouds. */
  'registry:drift-report': channel(WorkspaceRefSchema, DriftReportSchema),
  'registry:find-replacement': channel(ReplacementRequestSchema, ReplacementResultSchema),
  'registry:export': channel(RegistryExportRequestSchema, WorkspaceExportSchema),
  'registry:import': channel(RegistryImportRequestSchema, RegistryImportResultSchema),
  ...launchChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
/** What the caller passes (defaults may be omitted). */
export type ChannelRequest<C extends ChannelName> = z.input<Channels[C]['request']>;
/** What the handler receives, after parsing and defaults. */
export type ParsedRequest<C extends ChannelName> = z.infer<Channels[C]['request']>;
export type ChannelResponse<C extends ChannelName> = z.infer<Channels[C]['response']>;

export const channelNames = Object.keys(channels) as ChannelName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value);
}
