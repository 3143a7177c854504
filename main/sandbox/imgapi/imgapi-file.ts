import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SeededImage } from './imgapi-seed';

/**
 * GetImageFile (GET /images/:uuid/file): the bytes with the headers IMGAPI sets before streaming
 * (Etag = sha1, Last-Modified, Content-Length, Content-Type, base64 Content-MD5). Real IMGAPI
 * streams the whole file; the stand-in also honours a single `Range: bytes=N-` / `bytes=N-M`
 * (206 + Content-Range, 416 when unsatisfiable), which the client uses to resume.
 */

/** What the test asked the stand-in to do to one image's file. */
export interface FileFaults {
  corrupted: boolean;
  /** Drop the connection after this many body bytes, once; null when not armed. */
  failAfterBytes: number | null;
}

type Range = { start: number; end: number } | 'unsatisfiable' | null;

/** One `bytes=` range; anything else (several ranges, other units) is ignored as RFC 9110 allows. */
function parseRange(header: string | undefined, size: number): Range {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    // A suffix range: the last N bytes.
    const length = Number(last);
    if (length === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** The stored bytes, or (when corrupted) the same length with one byte changed, as a rotten disk would. */
function servedBytes(image: SeededImage, faults: FileFaults): Buffer {
  if (!faults.corrupted || image.bytes.length === 0) return image.bytes;
  const copy = Buffer.from(image.bytes);
  const at = Math.floor(copy.length / 2);
  copy[at] = (copy[at] ?? 0) ^ 0xff;
  return copy;
}

export function serveImageFile(
  req: IncomingMessage,
  res: ServerResponse,
  image: SeededImage,
  faults: FileFaults,
  publishedHeaders: Record<string, string>,
): void {
  const bytes = servedBytes(image, faults);
  const size = bytes.length;
  const common = {
    ...publishedHeaders,
    etag: image.manifest.files[0]?.sha1 ?? '',
    'last-modified': new Date(image.manifest.published_at).toUTCString(),
    'content-type': 'application/octet-stream',
    'accept-ranges': 'bytes',
  };
  const range = parseRange(req.headers.range, size);
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...common, 'content-range': `bytes */${size}`, 'content-length': '0' });
    res.end();
    return;
  }
  const body = range ? bytes.subarray(range.start, range.end + 1) : bytes;
  const headers: Record<string, string> = { ...common, 'content-length': String(body.length) };
  if (range) {
    // Content-MD5 describes the whole stored file, so it would be wrong on a part: left out.
    headers['content-range'] = `bytes ${range.start}-${range.end}/${size}`;
  } else {
    // Stored at upload, so a corrupted file still carries the original digest.
    headers['content-md5'] = image.contentMd5;
  }
  res.writeHead(range ? 206 : 200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }

  const cut = faults.failAfterBytes;
  if (cut === null || cut >= body.length) {
    res.end(body);
    return;
  }
  faults.failAfterBytes = null; // once
  // Send the first `cut` bytes, and once they are flushed, close the socket mid-body.
  res.write(body.subarray(0, cut), () => res.socket?.end());
}
