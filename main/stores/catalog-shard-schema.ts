import { z } from 'zod';
import { IsoDateSchema } from '@contract/index';
import type { StoredImage } from '../catalog/stored-image';
import { versionedSchemaValidator } from './versioned-schema';
import type { JsonValidator } from './atomic-file';

export const CATALOG_SHARD_SCHEMA_VERSION = 1;

/** Source ids become file names, so only characters that are safe on every file system. */
const SOURCE_ID_PATTERN = /^[A-Za-z0-9._-]+$/;

export function isValidSourceId(sourceId: string): boolean {
  // "." and ".." would name directories; the length keeps `<id>.json.corrupt-<stamp>` under 255.
  return SOURCE_ID_PATTERN.test(sourceId) && sourceId !== '.' && sourceId !== '..' && sourceId.length <= 180;
}

export const StoredImageSchema = z.object({
  cloudId: z.string(),
  name: z.string(),
  description: z.string(),
  ownerId: z.string(),
  ownerAlias: z.string().nullable(),
  osFamily: z.string(),
  osVersion: z.string().nullable(),
  architecture: z.string(),
  createdAt: z.string().nullable(),
  deprecatesAt: z.string().nullable(),
  state: z.string(),
  public: z.boolean(),
  fields: z.array(z.object({ label: z.string(), value: z.string() })),
  raw: z.unknown(),
}) satisfies z.ZodType<StoredImage>;

export const CatalogShardSchema = z.object({
  schemaVersion: z.literal(CATALOG_SHARD_SCHEMA_VERSION),
  sourceId: z.string(),
  syncedAt: IsoDateSchema,
  images: z.array(StoredImageSchema),
});

/** One source's cached images, exactly as a restart would read them back. */
export interface CatalogShard {
  schemaVersion: typeof CATALOG_SHARD_SCHEMA_VERSION;
  sourceId: string;
  syncedAt: string;
  images: StoredImage[];
}

/** Also rejects a shard whose recorded source is not the one its file name says. */
export function catalogShardValidator(expectedSourceId: string): JsonValidator<CatalogShard> {
  const validate = versionedSchemaValidator(CatalogShardSchema, CATALOG_SHARD_SCHEMA_VERSION);
  return (raw) => {
    const verdict = validate(raw);
    if (verdict.ok && verdict.value.sourceId !== expectedSourceId) {
      return { ok: false, reason: 'the shard belongs to another source than its file name says' };
    }
    return verdict;
  };
}
