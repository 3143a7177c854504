import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { CloudError } from '../../driver';
import { GLANCE_CORE_FIELDS, isGlanceImage } from '../glance-image';
import { errorDetail, HttpStatusError, NetworkError } from '../openstack-http';
import type { ComputeCall } from './compute-context';
import { invalid } from './compute-errors';

export interface ImportMeta {
  name: string;
  diskFormat: string;
  containerFormat: string;
  visibility: string;
  properties: Record<string, string>;
}

/** Glance's defaults for image_property… `disk_formats` / `container_formats` (glance-api.conf). */
const DISK_FORMATS = ['ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop'];
const CONTAINER_FORMATS = ['ami', 'ari', 'aki', 'bare', 'ovf', 'ova', 'docker', 'compressed'];
const VISIBILITIES = ['public', 'private', 'shared', 'community'];

function createBody(meta: ImportMeta): Record<string, unknown> {
  const name = meta.name.trim();
  if (name === '' || name.length > 255) throw invalid('An image needs a name of 1 to 255 characters.');
  if (!DISK_FORMATS.includes(meta.diskFormat))
    throw invalid(`Disk format "${meta.diskFormat}" is not one Glance takes (${DISK_FORMATS.join(', ')}).`);
  if (!CONTAINER_FORMATS.includes(meta.containerFormat))
    throw invalid(
      `Container format "${meta.containerFormat}" is not one Glance takes (${CONTAINER_FORMATS.join(', ')}).`,
    );
  if (!VISIBILITIES.includes(meta.visibility))
    throw invalid(`Visibility "${meta.visibility}" is not one of ${VISIBILITIES.join(', ')}.`);
  const reserved = Object.keys(meta.properties).find((key) => GLANCE_CORE_FIELDS.has(key));
  if (reserved) throw invalid(`"${reserved}" is one of Glance's own fields, not a property Hangar may set.`);
  return {
    ...meta.properties,
    name,
    disk_format: meta.diskFormat,
    container_format: meta.containerFormat,
    visibility: meta.visibility,
  };
}

/** Counts and hashes the bytes on their way to Glance. */
function meter(onProgress: (bytes: number) => void): {
  transform: Transform;
  md5: () => string;
  sha512: () => string;
  bytes: () => number;
} {
  const md5 = createHash('md5');
  const sha512 = createHash('sha512');
  let bytes = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      md5.update(chunk);
      sha512.update(chunk);
      bytes += chunk.length;
      onProgress(bytes);
      done(null, chunk);
    },
  });
  return { transform, md5: () => md5.digest('hex'), sha512: () => sha512.digest('hex'), bytes: () => bytes };
}

/**
 * PUT /v2/images/{id}/file, streamed from the file (chunked, as glanceclient sends it). A
 * streamed body cannot be replayed, so there is no retry here: the caller cleans up instead.
 */
async function upload(
  call: ComputeCall,
  imageId: string,
  path: string,
  onProgress: (bytes: number) => void,
  signal?: AbortSignal,
): Promise<{ md5: string; sha512: string; bytes: number }> {
  const session = await call.sessions.session(signal);
  const url = `${await call.sessions.base('image', call.region, signal)}/v2/images/${imageId}/file`;
  const counted = meter(onProgress);
  const file = createReadStream(path);
  // pipe() does not pass a read error on: without this the upload would wait forever.
  file.on('error', (error) => counted.transform.destroy(error));
  const source = file.pipe(counted.transform);
  const release = (): void => {
    file.destroy();
    source.destroy();
  };
  const doFetch = call.http?.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'PUT',
      headers: { 'x-auth-token': session.token, 'content-type': 'application/octet-stream' },
      body: Readable.toWeb(source) as ReadableStream<Uint8Array>,
      duplex: 'half',
      signal,
    } as RequestInit);
  } catch (error) {
    release();
    if (signal?.aborted) throw signal.reason;
    throw new NetworkError('Glance', url, error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
  const text = await response.text().catch(() => '');
  // Glance may answer before reading everything (a refusal): let go of the file either way.
  release();
  if (!response.ok) throw new HttpStatusError('Glance', response.status, url, errorDetail(text));
  return { md5: counted.md5(), sha512: counted.sha512(), bytes: counted.bytes() };
}

/** Glance's answer for the finished image must match what was read from the file. */
async function verify(
  call: ComputeCall,
  imageId: string,
  sent: { md5: string; sha512: string; bytes: number },
): Promise<void> {
  const { body } = await call.sessions.call('image', call.region, `/v2/images/${imageId}`, {
    signal: call.signal,
  });
  if (!isGlanceImage(body)) throw new Error(`Glance answered image ${imageId} without its id`);
  const sameHash =
    body.os_hash_algo === 'sha512' && typeof body.os_hash_value === 'string'
      ? body.os_hash_value === sent.sha512
      : body.checksum === sent.md5;
  if (body.status !== 'active' || body.size !== sent.bytes || !sameHash) {
    throw new CloudError({
      code: 'cloud-error',
      message: `Glance did not store the image as sent (status ${String(body.status)}, ${String(body.size)} of ${sent.bytes} bytes${sameHash ? '' : ', checksum differs'}). Hangar removed it; try the import again.`,
    });
  }
}

/**
 * An imported image is named `<name>-<version>`, which must be unique in the destination (IMGAPI's
 * rule): Glance itself would take a second image of the same name without a word.
 */
async function refuseTakenName(call: ComputeCall, name: string): Promise<void> {
  const { body } = await call.sessions.call(
    'image',
    call.region,
    `/v2/images?name=${encodeURIComponent(name)}&visibility=all`,
    { signal: call.signal },
  );
  const images = (body as { images?: unknown[] } | null)?.images ?? [];
  const taken = images.find(isGlanceImage);
  if (taken)
    throw new CloudError({
      code: 'conflict',
      message: `Glance already has an image named "${name}" (${taken.id}): it was imported before. Use that one, or delete it first to import again.`,
    });
}

/**
 * Glance create (POST /v2/images, queued) and upload (PUT …/file, streamed with progress), then a
 * check that Glance holds the same bytes. If anything fails or is cancelled after the image was
 * created, the half-made image is deleted before the error is rethrown: nothing is left behind.
 */
export async function importImage(
  call: ComputeCall,
  meta: ImportMeta,
  file: { path: string; size: number },
  onProgress: (bytes: number) => void,
): Promise<{ imageId: string }> {
  const body = createBody(meta);
  const info = await stat(file.path).catch(() => null);
  if (!info?.isFile()) throw invalid(`${file.path} is not a file Hangar can read.`);
  if (info.size !== file.size)
    throw invalid(`${file.path} has ${info.size} bytes, not the ${file.size} expected: download it again.`);
  if (call.signal?.aborted) throw call.signal.reason;
  await refuseTakenName(call, meta.name);
  const created = await call.sessions.call('image', call.region, '/v2/images', {
    method: 'POST',
    body,
    idempotent: false,
    signal: call.signal,
  });
  if (!isGlanceImage(created.body)) throw new Error('Glance answered the new image without its id');
  const imageId = created.body.id;
  try {
    const sent = await upload(call, imageId, file.path, onProgress, call.signal);
    await verify(call, imageId, sent);
    return { imageId };
  } catch (error) {
    // Not under the caller's signal: a cancelled import must still clean up.
    await call.sessions
      .call('image', call.region, `/v2/images/${imageId}`, { method: 'DELETE' })
      .catch(() => undefined);
    throw error;
  }
}
