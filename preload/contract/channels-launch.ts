import { z } from 'zod';
import { IdSchema } from './schemas/common';
import {
  ComputeCapabilitiesSchema,
  CreatedKeyPairSchema,
  CreateKeyPairRequestSchema,
  CreateSecurityGroupRequestSchema,
  ImportKeyPairRequestSchema,
  KeyPairSchema,
  LaunchEntrySchema,
  LaunchOptionsRequestSchema,
  LaunchOptionsSchema,
  LaunchPreviewSchema,
  LaunchSpecRequestSchema,
  LaunchStartedSchema,
  SecurityGroupSchema,
  SecurityGroupsRequestSchema,
  TerminateRequestSchema,
} from './schemas/launch';
import {
  CaptureRequestSchema,
  CopyRequestSchema,
  DeleteImageRequestSchema,
  DeleteImageResultSchema,
  DeprecateRequestSchema,
  ImgapiImageSchema,
  ImgapiImportRequestSchema,
  ImgapiListRequestSchema,
  OperationSnapshotSchema,
} from './schemas/lifecycle';
import { OperationIdRequestSchema, OperationRefSchema, CancelResponseSchema } from './schemas/sync';
import { WorkspaceRefSchema } from './schemas/workspaces';

const channel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({
  request,
  response,
});

/** Launching servers and an image's life: channels of the launch dialog, operations and lifecycle actions. */
export const launchChannels = {
  /** Flavors, networks and key pairs for one account × location × image, from the cloud. */
  'launch:options': channel(LaunchOptionsRequestSchema, LaunchOptionsSchema),
  /** Where servers can go when the location does not say (Compute Engine zones); empty elsewhere. */
  'launch:placements': channel(
    z.object({ workspaceId: IdSchema, accountId: IdSchema }).strict(),
    z.array(z.string()),
  ),
  'launch:security-groups': channel(SecurityGroupsRequestSchema, z.array(SecurityGroupSchema)),
  'launch:create-security-group': channel(CreateSecurityGroupRequestSchema, SecurityGroupSchema),
  'launch:create-key-pair': channel(CreateKeyPairRequestSchema, CreatedKeyPairSchema),
  'launch:import-key-pair': channel(ImportKeyPairRequestSchema, KeyPairSchema),
  /** Checks a spec against what the cloud allows and shows what will be sent, without launching. */
  'launch:preview': channel(LaunchSpecRequestSchema, LaunchPreviewSchema),
  'launch:start': channel(LaunchSpecRequestSchema, LaunchStartedSchema),
  'launch:history': channel(WorkspaceRefSchema, z.array(LaunchEntrySchema)),
  'launch:terminate': channel(TerminateRequestSchema, LaunchEntrySchema),
  'operations:list': channel(WorkspaceRefSchema, z.array(OperationSnapshotSchema)),
  'operations:cancel': channel(OperationIdRequestSchema, CancelResponseSchema),
  /** What the account's cloud can do with images, without listing anything (the image actions menu). */
  'lifecycle:capabilities': channel(
    z.object({ workspaceId: IdSchema, accountId: IdSchema }).strict(),
    ComputeCapabilitiesSchema,
  ),
  'lifecycle:capture': channel(CaptureRequestSchema, OperationRefSchema),
  'lifecycle:copy': channel(CopyRequestSchema, OperationRefSchema),
  'lifecycle:deprecate': channel(DeprecateRequestSchema, z.object({ deprecatesAt: z.string().nullable() })),
  /** Refused while servers launched from the image still exist (asked live, or the launch history offline). */
  'lifecycle:delete': channel(DeleteImageRequestSchema, DeleteImageResultSchema),
  'imgapi:list': channel(ImgapiListRequestSchema, z.array(ImgapiImageSchema)),
  'imgapi:import': channel(ImgapiImportRequestSchema, OperationRefSchema),
} as const;
