import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { SandboxGlanceImage, Viewer } from './glance-query';
import { noContent } from './glance-writes';
import { webobError, type Reply } from './sandbox-http';
import { glanceTime } from './seed-image-factory';

/**
 * PUT /v2/images/{id}/file, streamed: the image is "saving" while bytes arrive; at the end it is
 * active with size, checksum (md5) and os_hash_value (sha512). A client that goes away leaves it
 * queued again; an image deleted meanwhile answers 410, as Glance does.
 */
export function receiveUpload(
  req: IncomingMessage,
  images: SandboxGlanceImage[],
  imageId: string,
  viewer: Viewer,
  now: () => Date,
): Promise<Reply> {
  const accept = req.headers.accept ?? null;
  const image = images.find((candidate) => candidate.wire.id === imageId);
  const answer = (status: number, title: string, message: string): Promise<Reply> => {
    req.resume();
    return Promise.resolve(webobError(status, title, message, accept));
  };
  if (!image || !(viewer.isAdmin || image.wire.owner === viewer.projectId))
    return answer(404, 'Not Found', `No image found with ID ${imageId}`);
  if ((req.headers['content-type'] ?? '').split(';')[0]?.trim() !== 'application/octet-stream')
    return answer(415, 'Unsupported Media Type', 'Unsupported Content-Type');
  if (image.wire.status !== 'queued')
    return answer(
      409,
      'Conflict',
      `Image status transition from ${String(image.wire.status)} to saving is not allowed`,
    );
  const missing = ['disk_format', 'container_format'].filter((key) => !image.wire[key]);
  if (missing.length > 0)
    return answer(
      400,
      'Bad Request',
      `Propert${missing.length > 1 ? 'ies' : 'y'} ${missing.join(', ')} must be set prior to saving data.`,
    );
  image.wire.status = 'saving';
  const md5 = createHash('md5');
  const sha512 = createHash('sha512');
  let size = 0;
  return new Promise<Reply>((resolve) => {
    let done = false;
    req.on('data', (chunk: Buffer) => {
      md5.update(chunk);
      sha512.update(chunk);
      size += chunk.length;
    });
    req.on('end', () => {
      done = true;
      if (!images.includes(image))
        return resolve(
          webobError(
            410,
            'Gone',
            `Image ${imageId} could not be found after upload. The image may have been deleted during the upload, cleaning up the chunks uploaded.`,
            accept,
          ),
        );
      Object.assign(image.wire, {
        status: 'active',
        size,
        virtual_size: image.wire.disk_format === 'raw' ? size : null,
        checksum: md5.digest('hex'),
        os_hash_algo: 'sha512',
        os_hash_value: sha512.digest('hex'),
        updated_at: glanceTime(now()),
      });
      resolve(noContent);
    });
    req.on('close', () => {
      if (done) return;
      // The client went away mid-upload: Glance restores queued so the upload can be retried.
      Object.assign(image.wire, { status: 'queued', size: null, virtual_size: null });
      resolve(
        webobError(400, 'Bad Request', 'Client disconnected before sending all data to backend', accept),
      );
    });
  });
}
