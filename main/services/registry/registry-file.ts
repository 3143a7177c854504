import { z } from 'zod';
import { CloudSchema } from '@contract/index';

/** A registry as a file: records with their mappings, accounts named (never their connections or secrets). */
export const RegistryFileSchema = z.object({
  format: z.literal('hangar-registry'),
  version: z.literal(1),
  exportedAt: z.string(),
  workspaceName: z.string(),
  records: z.array(
    z.object({
      fields: z.record(z.string(), z.unknown()),
      environment: z.string().nullable(),
      shared: z.boolean(),
      mappings: z.array(
        z.object({
          cloud: CloudSchema,
          account: z.string(),
          location: z.string().min(1).max(200),
          cloudImageId: z.string().min(1).max(400),
          computeResource: z.string().max(200).nullable(),
          imageName: z.string().max(1000),
          imageCreatedAt: z.iso.datetime({ offset: true }).nullable(),
          imageArchitecture: z.string().max(40).nullable(),
          imageFamily: z.string().max(400).nullable(),
          ownerId: z.string().max(400),
          ownedByAccount: z.boolean(),
        }),
      ),
    }),
  ),
});
export type RegistryFile = z.infer<typeof RegistryFileSchema>;
export type RegistryFileRecord = RegistryFile['records'][number];
