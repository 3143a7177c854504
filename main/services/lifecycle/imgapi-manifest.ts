import { z } from 'zod';
import { ServiceError } from '../../ipc/app-error';
import { DEFAULT_MAX_FILE_BYTES } from './imgapi-http';

/**
 * The parts of an IMGAPI image manifest (v 2) Hangar relies on. Everything else the repository
 * sends is kept (loose object), so the raw manifest can be stored with the imported image.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ImgapiFileSchema = z.looseObject({
  sha1: z.string().regex(/^[0-9a-f]{40}$/i, 'a 40-digit hex sha1'),
  size: z.number().int().nonnegative(),
  compression: z.string().optional(),
});

export const ImgapiManifestSchema = z.looseObject({
  v: z.literal(2),
  uuid: z.string().regex(UUID, 'a UUID'),
  name: z.string().min(1),
  version: z.string().min(1),
  owner: z.string().optional(),
  state: z.string().optional(),
  disabled: z.boolean().optional(),
  public: z.boolean().optional(),
  published_at: z.string().optional(),
  type: z.string().optional(),
  os: z.string().optional(),
  files: z.array(ImgapiFileSchema).min(1, 'at least one file'),
  description: z.string().optional(),
  homepage: z.string().optional(),
  requirements: z.record(z.string(), z.unknown()).optional(),
  tags: z.record(z.string(), z.unknown()).optional(),
});
export type ImgapiManifest = z.infer<typeof ImgapiManifestSchema>;

/** A ListImages entry: only what the picker shows; entries without these are not importable. */
export const ImgapiListEntrySchema = z.looseObject({
  uuid: z.string().regex(UUID),
  name: z.string(),
  version: z.string(),
  os: z.string().optional(),
  type: z.string().optional(),
  published_at: z.string().optional(),
  files: z.array(z.looseObject({ size: z.number().optional() })).optional(),
});

/** The value at `path` in `body`, to tell a missing field from a wrong one. */
function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** `"files[0].sha1" is missing` — the first problem, named by its path in the manifest. */
export function describeIssue(error: z.ZodError, body: unknown): string {
  const issue = error.issues[0];
  if (!issue) return 'it is not a manifest';
  const where =
    issue.path
      .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
      .join('') || 'the body';
  return valueAt(body, issue.path) === undefined && issue.path.length > 0
    ? `"${where}" is missing`
    : `"${where}" is not valid (${issue.message})`;
}

/** Sizes in the unit people read them in. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
}

/** What a download needs of a manifest; any manifest-shaped object will do. */
export interface ImgapiFileSource {
  uuid: string;
  name: string;
  version: string;
  files: readonly { sha1: string; size: number }[];
}

/** Refuses an image larger than the configured limit before a byte of it is downloaded. */
export function assertWithinLimit(manifest: ImgapiFileSource, maxFileBytes = DEFAULT_MAX_FILE_BYTES): void {
  const size = manifest.files[0]?.size ?? 0;
  if (size <= maxFileBytes) return;
  throw new ServiceError(
    'invalid-request',
    `Image ${manifest.name} ${manifest.version} is ${formatBytes(size)}, more than the ${formatBytes(maxFileBytes)} Hangar is set to import. ` +
      'Raise the import size limit or choose a smaller image.',
  );
}
