import { z } from 'zod';
import { CaptureRequestSchema, type ChannelRequest, type RegistryRecordFieldsInput } from '@contract/index';
import { registerIssues, registerPayload, type RegisterValues } from './register-choice';
import type { CaptureSource } from './launch-history';

/** The capture dialog as inputs hold it. */
export interface CaptureValues extends RegisterValues {
  imageName: string;
  description: string;
}

/** The image name with main's own rule; the record fields only when a new record is asked for. */
export const CaptureFormSchema = z
  .object({
    imageName: CaptureRequestSchema.shape.name,
    description: z.string().trim().max(255, 'keep the description to 255 characters'),
    mode: z.enum(['none', 'new', 'add']),
    recordName: z.string(),
    osFamily: z.string(),
    osVersion: z.string(),
  })
  .superRefine((values, ctx) => {
    for (const issue of registerIssues(values))
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });

interface CaptureContext {
  workspaceId: string;
  source: CaptureSource;
  /** The record "Add to the record" means, when there is one. */
  addToRecordId: string | null;
  extra?: Partial<RegistryRecordFieldsInput>;
}

/** The 'lifecycle:capture' request the dialog sends. */
export function captureRequest(
  values: CaptureValues,
  context: CaptureContext,
): ChannelRequest<'lifecycle:capture'> {
  const { launch, server } = context.source;
  return {
    workspaceId: context.workspaceId,
    accountId: launch.accountId,
    location: launch.location,
    serverId: server.serverId,
    name: values.imageName.trim(),
    description: values.description.trim(),
    register: registerPayload(values, context.addToRecordId, context.extra),
  };
}
