import type { z } from 'zod';
import type { ImgapiImageSchema } from '@contract/index';
import { ServiceError } from '../../ipc/app-error';
import {
  imgapiGet,
  parseRepositoryUrl,
  readJson,
  statusError,
  type ImgapiClientOptions,
} from './imgapi-http';
import {
  assertWithinLimit,
  describeIssue,
  ImgapiListEntrySchema,
  ImgapiManifestSchema,
  type ImgapiManifest,
} from './imgapi-manifest';

/**
 * A client for Joyent IMGAPI image repositories (images.joyent.com, a Triton datacenter's IMGAPI,
 * or a self-hosted one): list a repository, read one image's manifest, download its file.
 * Only the public, unauthenticated read API is used.
 */

export { downloadImageFile, partialPathFor, type DownloadedImageFile } from './imgapi-download';
export type { ImgapiClientOptions } from './imgapi-http';
export type { ImgapiFileSource, ImgapiManifest } from './imgapi-manifest';

/** One image as the import picker lists it (the contract's ImgapiImageSchema). */
export type ImgapiImageSummary = z.infer<typeof ImgapiImageSchema>;

const MAX_LIST_PAGE_BYTES = 32 * 1024 * 1024;
const MAX_MANIFEST_BYTES = 1024 * 1024;
const MAX_PAGES = 10_000;

/**
 * The repository's API root: the URL without a trailing `/images` (people paste either) and with
 * its query kept, since IMGAPI selects a channel with `?channel=`.
 */
function repositoryRoot(repositoryUrl: string): URL {
  const root = parseRepositoryUrl(repositoryUrl, 'repository URL');
  root.pathname = root.pathname.replace(/\/+$/, '').replace(/\/images$/, '');
  root.hash = '';
  return root;
}

/** `<root>/<subpath>` keeping the root's query (the channel). */
function under(root: URL, subpath: string): URL {
  const url = new URL(root.href);
  url.pathname = `${root.pathname.replace(/\/+$/, '')}/${subpath}`;
  return url;
}

/** Where an image's file is by default: the manifest URL + `/file`, query kept. */
export function defaultFileUrl(manifestUrl: string): string {
  const url = parseRepositoryUrl(manifestUrl, 'manifest URL');
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/file`;
  url.hash = '';
  return url.href;
}

/**
 * Every image the repository lists (state active), following IMGAPI's paging: `limit` + `marker`
 * where the marker image comes back first on the next page. Stops when a page is short or brings
 * nothing new, so a server that ignores `marker` cannot make it loop.
 */
export async function listImgapiImages(
  repositoryUrl: string,
  signal?: AbortSignal,
  options: ImgapiClientOptions = {},
): Promise<ImgapiImageSummary[]> {
  const root = repositoryRoot(repositoryUrl);
  const pageSize = Math.min(1000, Math.max(2, Math.floor(options.pageSize ?? 1000)));
  const seen = new Set<string>();
  const images: ImgapiImageSummary[] = [];
  let marker: string | null = null;

  for (let page = 0; page < MAX_PAGES; page += 1) {
    const url = under(root, 'images');
    url.searchParams.set('limit', String(pageSize));
    if (marker) url.searchParams.set('marker', marker);
    const { response, url: answered } = await imgapiGet(
      url,
      { signal, headers: { accept: 'application/json' } },
      options,
    );
    if (!response.ok) throw await statusError(response, answered, 'image list');
    const body = await readJson(response, answered, 'image list', MAX_LIST_PAGE_BYTES, signal);
    if (!Array.isArray(body)) {
      const looksLikeManifest = typeof body === 'object' && body !== null && 'files' in body;
      throw new ServiceError(
        'invalid-request',
        looksLikeManifest
          ? `${repositoryUrl} is one image's manifest, not a repository. Use it as a manifest URL, or enter the repository's address.`
          : `${answered.host} did not answer with an image list, so it is not an IMGAPI repository. Check the address.`,
      );
    }

    let fresh = 0;
    let last: string | null = null;
    for (const item of body) {
      const entry = ImgapiListEntrySchema.safeParse(item);
      // An entry without uuid/name/version cannot be imported; the rest of the page still can.
      if (!entry.success) continue;
      last = entry.data.uuid;
      if (seen.has(entry.data.uuid)) continue;
      seen.add(entry.data.uuid);
      fresh += 1;
      images.push({
        uuid: entry.data.uuid,
        name: entry.data.name,
        version: entry.data.version,
        os: entry.data.os ?? 'other',
        type: entry.data.type ?? 'other',
        publishedAt: entry.data.published_at ?? null,
        sizeBytes: entry.data.files?.[0]?.size ?? null,
        manifestUrl: under(root, `images/${entry.data.uuid}`).href,
      });
    }
    if (body.length < pageSize || fresh === 0 || last === null || last === marker) return images;
    marker = last;
  }
  throw new ServiceError(
    'cloud-error',
    `The image repository at ${root.host} kept returning pages after ${MAX_PAGES}; Hangar stopped listing. Try a more specific repository URL.`,
  );
}

/**
 * One image's manifest, checked for what an import needs (v 2, uuid, name, version, files[0] with
 * sha1 and size) and for a file size within `maxFileBytes`.
 */
export async function fetchManifest(
  manifestUrl: string,
  signal?: AbortSignal,
  options: ImgapiClientOptions = {},
): Promise<ImgapiManifest> {
  const url = parseRepositoryUrl(manifestUrl, 'manifest URL');
  const { response, url: answered } = await imgapiGet(
    url,
    { signal, headers: { accept: 'application/json' } },
    options,
  );
  if (!response.ok) throw await statusError(response, answered, 'image manifest');
  const body = await readJson(response, answered, 'manifest', MAX_MANIFEST_BYTES, signal);
  if (Array.isArray(body)) {
    throw new ServiceError(
      'invalid-request',
      `${manifestUrl} is a list of images, not one image's manifest. Pick an image from the list, or use a URL ending in /images/<uuid>.`,
    );
  }
  const parsed = ImgapiManifestSchema.safeParse(body);
  if (!parsed.success) {
    throw new ServiceError(
      'invalid-request',
      `${manifestUrl} is not an IMGAPI image manifest: ${describeIssue(parsed.error, body)}. Use a URL ending in /images/<uuid> of an IMGAPI repository.`,
    );
  }
  const manifest = parsed.data;
  const expectedUuid = /\/images\/([0-9a-f-]{36})\/?$/i.exec(url.pathname)?.[1];
  if (expectedUuid && expectedUuid.toLowerCase() !== manifest.uuid.toLowerCase()) {
    throw new ServiceError(
      'invalid-request',
      `The manifest at ${manifestUrl} describes image ${manifest.uuid}, not ${expectedUuid}. Check the URL.`,
    );
  }
  assertWithinLimit(manifest, options.maxFileBytes);
  return manifest;
}
