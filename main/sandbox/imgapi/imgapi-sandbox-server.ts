import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stopServer } from '../shared/stand-in-http';
import { serveImageFile, type FileFaults } from './imgapi-file';
import { listImages, UUID_RE } from './imgapi-list';
import {
  DEFAULT_IMGAPI_SEEDS,
  seedImage,
  type ImgapiManifest,
  type SeedImage,
  type SeededImage,
} from './imgapi-seed';

/**
 * A stand-in for a Joyent IMGAPI image repository (images.joyent.com and the like): the public,
 * unauthenticated read API — Ping, ListImages, GetImage, GetImageFile — with restify's JSON
 * error bodies, on 127.0.0.1. Tests can corrupt a file or cut a download short to exercise a
 * client's checksum and resume logic for real.
 */

export interface ImgapiSandboxOptions {
  /** The catalog to serve; the default is a handful of small Triton-like images. */
  images?: readonly SeedImage[];
  /** 0 (the default) picks a free port. */
  port?: number;
}

/** One request the stand-in answered. */
export interface ImgapiRequest {
  method: string;
  path: string;
  query: string;
  /** The Range header, when the client sent one. */
  range: string | null;
  status: number;
}

export interface ImgapiSandbox {
  /** Base URL of the repository, without a trailing slash, e.g. http://127.0.0.1:40123 */
  url: string;
  stop(): Promise<void>;
  /** The manifests served, oldest published first. */
  images: ImgapiManifest[];
  /** Serve bytes whose sha1 no longer matches the manifest (same length, one byte changed). */
  corruptFile(uuid: string): void;
  /** Drop the connection after `n` body bytes of the next download of this image (once). */
  failAfterBytes(uuid: string, n: number): void;
  /** How many requests were made to this exact path (no query string), e.g. '/images'. */
  requestCount(path: string): number;
  /** Every request received, in arrival order (bounded); `status` is filled in once answered. */
  requests(): ImgapiRequest[];
}

const SERVER_HEADER = 'IMGAPI/4.12.0';
const MAX_LOGGED = 2000;

function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string>,
): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** restify's error body: `{ code, message }` (plus `errors` for validation failures). */
function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string>,
  extra: Record<string, unknown> = {},
): void {
  sendJson(res, status, { code, message, ...extra }, headers);
}

function seedAll(seeds: readonly SeedImage[]): Map<string, SeededImage> {
  const byUuid = new Map<string, SeededImage>();
  for (const seed of seeds) {
    const image = seedImage(seed);
    if (byUuid.has(image.manifest.uuid)) {
      throw new Error(`two seed images share uuid ${image.manifest.uuid}; give one an explicit uuid`);
    }
    byUuid.set(image.manifest.uuid, image);
  }
  return byUuid;
}

export async function startImgapiSandbox(options: ImgapiSandboxOptions = {}): Promise<ImgapiSandbox> {
  const store = seedAll(options.images ?? DEFAULT_IMGAPI_SEEDS);
  const manifests = [...store.values()]
    .map((image) => image.manifest)
    .sort((a, b) => a.published_at.localeCompare(b.published_at) || a.uuid.localeCompare(b.uuid));
  const faults = new Map<string, FileFaults>();
  const faultsOf = (uuid: string): FileFaults => {
    if (!store.has(uuid)) throw new Error(`the IMGAPI sandbox has no image ${uuid}`);
    let entry = faults.get(uuid);
    if (!entry) {
      entry = { corrupted: false, failAfterBytes: null };
      faults.set(uuid, entry);
    }
    return entry;
  };
  const log: ImgapiRequest[] = [];
  let requestSeq = 0;

  function route(req: IncomingMessage, res: ServerResponse, url: URL, headers: Record<string, string>): void {
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, 'BadMethod', `${req.method ?? ''} is not allowed`, headers);
      return;
    }
    if (path === '/ping') {
      sendJson(res, 200, { ping: 'pong', pid: process.pid, version: '4.12.0', imgapi: true }, headers);
      return;
    }
    if (path === '/images') {
      const outcome = listImages(manifests, url.searchParams);
      if (outcome.ok) sendJson(res, 200, outcome.images, headers);
      else {
        const extra = outcome.errors ? { errors: outcome.errors } : {};
        sendError(res, outcome.status, outcome.code, outcome.message, headers, extra);
      }
      return;
    }
    const match = /^\/images\/([^/]+)(\/file)?$/.exec(path);
    if (!match) {
      sendError(res, 404, 'ResourceNotFound', `${url.pathname} does not exist`, headers);
      return;
    }
    const [, uuid = '', file] = match;
    if (!UUID_RE.test(uuid)) {
      // IMGAPI checks the uuid's shape before looking it up (reqValidUuid).
      sendError(res, 404, 'ResourceNotFound', `${url.pathname}${url.search} does not exist`, headers);
      return;
    }
    const image = store.get(uuid);
    if (!image) {
      sendError(res, 404, 'ResourceNotFound', `image ${uuid} not found`, headers);
      return;
    }
    if (file) serveImageFile(req, res, image, faultsOf(uuid), headers);
    else sendJson(res, 200, image.manifest, headers);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requestSeq += 1;
    const entry: ImgapiRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search,
      range: req.headers.range ?? null,
      status: 0,
    };
    // Logged on arrival, so a test that has its answer always finds the request counted.
    log.push(entry);
    if (log.length > MAX_LOGGED) log.splice(0, log.length - MAX_LOGGED);
    res.once('close', () => {
      entry.status = res.statusCode;
    });
    const headers = {
      server: SERVER_HEADER,
      'x-request-id': `00000000-0000-4000-8000-${requestSeq.toString(16).padStart(12, '0')}`,
      date: new Date().toUTCString(),
    };
    try {
      route(req, res, url, headers);
    } catch (error) {
      if (!res.headersSent) sendError(res, 500, 'InternalError', 'internal error', headers);
      else res.destroy(error instanceof Error ? error : undefined);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => stopServer(server),
    images: manifests,
    corruptFile: (uuid) => {
      faultsOf(uuid).corrupted = true;
    },
    failAfterBytes: (uuid, n) => {
      if (!Number.isInteger(n) || n < 0) throw new Error(`failAfterBytes needs a byte count, got ${n}`);
      faultsOf(uuid).failAfterBytes = n;
    },
    requestCount: (path) => log.filter((request) => request.path === path).length,
    requests: () => [...log],
  };
}
