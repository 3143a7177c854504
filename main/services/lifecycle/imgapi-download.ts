import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { ServiceError } from '../../ipc/app-error';
import {
  cancelledError,
  imgapiGet,
  networkReason,
  parseRepositoryUrl,
  statusError,
  type ImgapiClientOptions,
} from './imgapi-http';
import { assertWithinLimit, formatBytes, type ImgapiFileSource } from './imgapi-manifest';

/**
 * Downloads an IMGAPI image file so that the destination only ever holds a verified file: bytes go
 * to a `.part` file beside it while their sha1 is computed, an interrupted transfer keeps the part
 * and the next run resumes it with a Range request (re-hashing what is already there), and only a
 * file whose size and sha1 match the manifest is renamed into place. A checksum mismatch or a
 * cancel deletes the part, so nothing half-made is left behind.
 */

export interface DownloadedImageFile {
  path: string;
  sizeBytes: number;
  sha1: string;
  /** Bytes that were already on disk from an interrupted run (0 for a fresh download). */
  resumedFromBytes: number;
}

/** Where the part of a download lives: beside the destination, named by the sha1 it must reach. */
export function partialPathFor(destinationPath: string, manifest: ImgapiFileSource): string {
  const sha1 = manifest.files[0]?.sha1.toLowerCase() ?? 'unknown';
  return `${destinationPath}.${sha1.slice(0, 16)}.part`;
}

const PROGRESS_INTERVAL_MS = 100;

async function sizeOnDisk(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

/** Feeds the first `length` bytes already on disk into the hash, so a resumed file is verified whole. */
async function hashExisting(path: string, length: number, hash: Hash, signal?: AbortSignal): Promise<void> {
  const stream = createReadStream(path, { start: 0, end: length - 1, signal });
  for await (const chunk of stream) hash.update(chunk as Buffer);
}

/** `bytes 100-199/200` → { start: 100, total: 200 }; null when absent or unreadable. */
function parseContentRange(header: string | null): { start: number; total: number | null } | null {
  const match = header ? /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header.trim()) : null;
  if (!match) return null;
  return { start: Number(match[1]), total: match[3] === '*' ? null : Number(match[3]) };
}

/** Disk problems, which the user can fix, in words; anything else passes through unchanged. */
function diskError(error: unknown, partPath: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reasons: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'Hangar may not write there',
    EPERM: 'Hangar may not write there',
    EROFS: 'the disk is read-only',
  };
  const reason = code ? reasons[code] : undefined;
  if (!reason) return error;
  return new ServiceError(
    'invalid-request',
    `Could not write the image file to ${partPath}: ${reason}. Free some space or choose another folder, then start the import again.`,
  );
}

export async function downloadImageFile(
  manifest: ImgapiFileSource,
  fileUrl: string,
  destinationPath: string,
  onProgress: (receivedBytes: number, totalBytes: number) => void,
  signal?: AbortSignal,
  options: ImgapiClientOptions = {},
): Promise<DownloadedImageFile> {
  const file = manifest.files[0];
  if (!file) {
    throw new ServiceError(
      'invalid-request',
      `Image ${manifest.uuid} has no file to download; nothing was imported.`,
    );
  }
  assertWithinLimit(manifest, options.maxFileBytes);
  const url = parseRepositoryUrl(fileUrl, 'image file URL');
  if (signal?.aborted) throw cancelledError();

  const expected = file.sha1.toLowerCase();
  const total = file.size;
  const partPath = partialPathFor(destinationPath, manifest);
  const label = `${manifest.name} ${manifest.version}`;
  const discard = (): Promise<void> => rm(partPath, { force: true });

  let hash = createHash('sha1');
  let have = 0;
  let lastReport = 0;
  let lastReported = -1;
  // At most every 100 ms (a large image arrives in a million chunks), always the first and last.
  const report = (received: number, force = false): void => {
    const now = Date.now();
    if (received === lastReported || (!force && now - lastReport < PROGRESS_INTERVAL_MS)) return;
    lastReport = now;
    lastReported = received;
    onProgress(received, total);
  };
  const restart = async (): Promise<void> => {
    await discard();
    hash = createHash('sha1');
    have = 0;
  };
  const sizeMismatch = async (got: string): Promise<ServiceError> => {
    await discard();
    return new ServiceError(
      'cloud-error',
      `size mismatch: expected ${total} bytes got ${got}; nothing was imported. ` +
        `The repository serves a different file than its manifest for ${label} describes; try again later or choose another image.`,
    );
  };

  /** GETs the rest of the file (all of it when `have` is 0) and appends it to the part. */
  async function fetchRest(): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      const headers: Record<string, string> = { accept: 'application/octet-stream' };
      if (have > 0) headers.range = `bytes=${have}-`;
      const { response, url: answered } = await imgapiGet(url, { signal, headers }, options);
      if (response.status === 206) {
        const range = parseContentRange(response.headers.get('content-range'));
        if (range?.total !== null && range?.total !== undefined && range.total !== total) {
          await response.body?.cancel();
          throw await sizeMismatch(`${range.total} (from Content-Range)`);
        }
        if (!range || range.start !== have) {
          // A part we did not ask for: start over rather than stitch a wrong file together.
          await response.body?.cancel();
          if (attempt > 0) throw await statusError(response, answered, 'image file');
          await restart();
          continue;
        }
      } else if (response.status === 416 && have > 0 && attempt === 0) {
        await response.body?.cancel();
        await restart();
        continue;
      } else if (response.status === 200) {
        // The server ignored Range (or this is a fresh download): the body is the whole file.
        if (have > 0) await restart();
        const length = response.headers.get('content-length');
        if (length !== null && Number(length) !== total) {
          await response.body?.cancel();
          throw await sizeMismatch(`${length} (from Content-Length)`);
        }
      } else {
        throw await statusError(response, answered, 'image file');
      }
      await appendBody(response, answered);
      return;
    }
  }

  async function appendBody(response: Response, answered: URL): Promise<void> {
    const handle = await open(partPath, have > 0 ? 'a' : 'w').catch((error: unknown) => {
      throw diskError(error, partPath);
    });
    let received = have;
    let complete = false;
    try {
      if (response.body) {
        for await (const chunk of response.body) {
          received += chunk.byteLength;
          if (received > total) {
            await response.body.cancel().catch(() => undefined);
            throw await sizeMismatch(`more than that`);
          }
          hash.update(chunk);
          await handle.write(chunk);
          report(received);
        }
      }
      complete = received === total;
      if (complete) await handle.datasync();
    } catch (error) {
      if (error instanceof ServiceError) throw error;
      if (signal?.aborted) throw cancelledError();
      const disk = diskError(error, partPath);
      if (disk !== error) throw disk;
      throw interrupted(received, answered, networkReason(error));
    } finally {
      await handle.close();
    }
    if (!complete) throw interrupted(received, answered, 'the connection closed early');
  }

  const interrupted = (received: number, answered: URL, reason: string): ServiceError =>
    new ServiceError(
      'cloud-unreachable',
      `The download of ${label} from ${answered.host} was interrupted after ${formatBytes(received)} of ${formatBytes(total)} (${reason}). ` +
        'The part already downloaded was kept; start the import again to resume.',
    );

  try {
    have = await sizeOnDisk(partPath);
    if (have > total) await restart();
    if (have > 0) await hashExisting(partPath, have, hash, signal);
    const resumedFromBytes = have;
    report(have, true);
    if (have < total) await fetchRest();
    report(total, true);

    const actual = hash.digest('hex');
    if (actual !== expected) {
      await discard();
      throw new ServiceError(
        'cloud-error',
        `checksum mismatch: expected ${expected} got ${actual}; nothing was imported. ` +
          `The file the repository served for ${label} is not the one its manifest describes; try again later or choose another image.`,
      );
    }
    await rename(partPath, destinationPath).catch((error: unknown) => {
      throw diskError(error, destinationPath);
    });
    return { path: destinationPath, sizeBytes: total, sha1: actual, resumedFromBytes };
  } catch (error) {
    // A cancel is the user's decision, not an accident: keep nothing, not even the part.
    if (signal?.aborted || (error instanceof ServiceError && error.code === 'cancelled')) {
      await discard();
      throw cancelledError();
    }
    throw error;
  }
}
