import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../main/ipc/app-error';
import { startImgapiSandbox, type ImgapiManifest, type ImgapiSandbox } from '../../main/sandbox/imgapi';
import {
  defaultFileUrl,
  downloadImageFile,
  fetchManifest,
  listImgapiImages,
  partialPathFor,
} from '../../main/services/lifecycle/imgapi-client';

/**
 * The IMGAPI import path end to end over HTTP: the client against the IMGAPI stand-in — listing
 * with IMGAPI's marker paging, manifests and their errors, and downloads that verify, refuse a
 * corrupted file, resume after a dropped connection and clean up after a cancel.
 */

let sandbox: ImgapiSandbox;
let dir: string;

const sha1 = (bytes: Buffer): string => createHash('sha1').update(bytes).digest('hex');
const byName = (name: string, version?: string): ImgapiManifest => {
  const found = sandbox.images.find(
    (m) => m.name === name && (version === undefined || m.version === version),
  );
  if (!found) throw new Error(`no seeded image ${name}`);
  return found;
};
const manifestUrlOf = (m: { uuid: string }): string => `${sandbox.url}/images/${m.uuid}`;
const failureOf = async (promise: Promise<unknown>): Promise<ServiceError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
};
const noProgress = (): void => undefined;

beforeAll(async () => {
  sandbox = await startImgapiSandbox();
  dir = await mkdtemp(join(tmpdir(), 'hangar-imgapi-'));
});

afterAll(async () => {
  await sandbox?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('listImgapiImages', () => {
  it('follows marker paging to the end, without duplicating the marker image', async () => {
    const before = sandbox.requests().length;
    const images = await listImgapiImages(sandbox.url, undefined, { pageSize: 2 });
    const requests = sandbox.requests().slice(before);

    expect(images.map((i) => i.uuid)).toEqual(sandbox.images.map((m) => m.uuid));
    // 6 images, 2 per page, each later page repeating its marker: 2 + 1 + 1 + 1 + 1, then a short page.
    expect(requests.map((r) => r.path)).toEqual(Array(6).fill('/images'));
    expect(requests.slice(1).every((r) => /[?&]marker=[0-9a-f-]{36}/.test(r.query))).toBe(true);
    expect(requests.every((r) => r.query.includes('limit=2'))).toBe(true);

    const ubuntu = byName('ubuntu-certified-22.04');
    expect(images.find((i) => i.uuid === ubuntu.uuid)).toEqual({
      uuid: ubuntu.uuid,
      name: 'ubuntu-certified-22.04',
      version: '20240614',
      os: 'linux',
      type: 'zvol',
      publishedAt: ubuntu.published_at,
      sizeBytes: ubuntu.files[0]?.size,
      manifestUrl: `${sandbox.url}/images/${ubuntu.uuid}`,
    });
  });

  it('takes one request with the default page size, and a pasted …/images URL as the repository', async () => {
    const before = sandbox.requestCount('/images');
    expect(await listImgapiImages(`${sandbox.url}/images/`)).toHaveLength(sandbox.images.length);
    expect(sandbox.requestCount('/images')).toBe(before + 1);
  });

  it('says what is wrong with a URL that is not a reachable IMGAPI repository', async () => {
    expect((await failureOf(listImgapiImages('ftp://images.example.org'))).code).toBe('invalid-request');
    const manifestInstead = await failureOf(listImgapiImages(manifestUrlOf(byName('debian-12'))));
    expect(manifestInstead.code).toBe('invalid-request');

    const gone = await startImgapiSandbox({ images: [] });
    await gone.stop();
    const unreachable = await failureOf(listImgapiImages(gone.url));
    expect(unreachable.code).toBe('cloud-unreachable');
    expect(unreachable.message).toMatch(/\(connection refused\)\. Check the address.*try again/);
  });
});

describe('fetchManifest', () => {
  it('returns the validated manifest, raw fields kept', async () => {
    const expected = byName('base-64-lts', '24.4.1');
    const manifest = await fetchManifest(manifestUrlOf(expected));
    expect(manifest).toEqual(expected);
  });

  it('turns a 404 into a clear invalid-request carrying IMGAPI’s message', async () => {
    const uuid = '7d0c4f5e-1b2a-4c3d-9e8f-0a1b2c3d4e5f';
    const error = await failureOf(fetchManifest(`${sandbox.url}/images/${uuid}`));
    expect(error.code).toBe('invalid-request');
    expect(error.message).toContain(`image ${uuid} not found`);
    expect(error.message).toMatch(/Check the URL/);
  });

  it('refuses what is not a manifest, naming the missing field', async () => {
    const ping = await failureOf(fetchManifest(`${sandbox.url}/ping`));
    expect(ping.code).toBe('invalid-request');
    expect(ping.message).toMatch(/not an IMGAPI image manifest: "v" is missing/);
    const list = await failureOf(fetchManifest(`${sandbox.url}/images`));
    expect(list.message).toMatch(/is a list of images/);

    // A real manifest with its file's sha1 taken out, served as JSON.
    const damaged = structuredClone(byName('debian-12')) as unknown as { files: Record<string, unknown>[] };
    delete damaged.files[0]?.sha1;
    const serveDamaged = (async () => Response.json(damaged)) as typeof fetch;
    const noSha1 = await failureOf(
      fetchManifest(manifestUrlOf(byName('debian-12')), undefined, { fetch: serveDamaged }),
    );
    expect(noSha1.code).toBe('invalid-request');
    expect(noSha1.message).toContain('not an IMGAPI image manifest: "files[0].sha1" is missing');
  });

  it('refuses an image larger than the configured limit', async () => {
    const error = await failureOf(
      fetchManifest(manifestUrlOf(byName('debian-12')), undefined, { maxFileBytes: 1000 }),
    );
    expect(error.code).toBe('invalid-request');
    expect(error.message).toMatch(/more than the .* Hangar is set to import/);
  });

  it('never follows a redirect off http/https, nor from https down to http', async () => {
    const redirectTo = (location: string): typeof fetch =>
      (async () => new Response(null, { status: 302, headers: { location } })) as typeof fetch;
    const toFile = await failureOf(
      fetchManifest('https://images.example.org/images/x', undefined, {
        fetch: redirectTo('file:///etc/passwd'),
      }),
    );
    expect(toFile.code).toBe('invalid-request');
    expect(toFile.message).toMatch(/redirected to a file address/);
    const downgrade = await failureOf(
      fetchManifest('https://images.example.org/images/x', undefined, {
        fetch: redirectTo('http://images.example.org/'),
      }),
    );
    expect(downgrade.message).toMatch(/from https to plain http/);
  });
});

describe('downloadImageFile', () => {
  beforeEach(async () => {
    await rm(dir, { recursive: true, force: true });
    dir = await mkdtemp(join(tmpdir(), 'hangar-imgapi-'));
  });

  it('downloads, verifies size and sha1, and leaves only the destination', async () => {
    const manifest = await fetchManifest(manifestUrlOf(byName('ubuntu-certified-22.04')));
    const destination = join(dir, 'ubuntu.img.gz');
    const progress: [number, number][] = [];
    const result = await downloadImageFile(
      manifest,
      defaultFileUrl(manifestUrlOf(manifest)),
      destination,
      (received, total) => progress.push([received, total]),
    );
    const size = manifest.files[0]?.size ?? 0;
    expect(result).toEqual({
      path: destination,
      sizeBytes: size,
      sha1: manifest.files[0]?.sha1,
      resumedFromBytes: 0,
    });
    expect(sha1(await readFile(destination))).toBe(manifest.files[0]?.sha1);
    expect(progress[0]).toEqual([0, size]);
    expect(progress.at(-1)).toEqual([size, size]);
    expect(await readdir(dir)).toEqual(['ubuntu.img.gz']);
  });

  it('refuses a corrupted file: checksum mismatch, and neither part nor destination is left', async () => {
    const manifest = byName('base-64-lts', '22.4.0');
    sandbox.corruptFile(manifest.uuid);
    const destination = join(dir, 'base.zfs.gz');
    const error = await failureOf(
      downloadImageFile(manifest, `${manifestUrlOf(manifest)}/file`, destination, noProgress),
    );
    expect(error.code).toBe('cloud-error');
    expect(error.message).toMatch(
      new RegExp(
        `^checksum mismatch: expected ${manifest.files[0]?.sha1} got [0-9a-f]{40}; nothing was imported`,
      ),
    );
    expect(error.message).not.toContain(`got ${manifest.files[0]?.sha1}`);
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the part of an interrupted download and resumes it with a Range request', async () => {
    const manifest = byName('ubuntu-certified-24.04');
    const fileUrl = `${manifestUrlOf(manifest)}/file`;
    const destination = join(dir, 'noble.img');
    const cut = 100_000;
    sandbox.failAfterBytes(manifest.uuid, cut);

    const first = await failureOf(downloadImageFile(manifest, fileUrl, destination, noProgress));
    expect(first.code).toBe('cloud-unreachable');
    expect(first.message).toMatch(/interrupted after .* of .*start the import again to resume/);
    const partPath = partialPathFor(destination, manifest);
    expect((await stat(partPath)).size).toBe(cut);
    expect(await readdir(dir)).toEqual([partPath.slice(dir.length + 1)]);

    const before = sandbox.requests().length;
    const progress: number[] = [];
    const second = await downloadImageFile(manifest, fileUrl, destination, (received) =>
      progress.push(received),
    );
    const fileRequests = sandbox
      .requests()
      .slice(before)
      .filter((r) => r.path === new URL(fileUrl).pathname);
    expect(fileRequests).toEqual([expect.objectContaining({ range: `bytes=${cut}-`, status: 206 })]);
    expect(second.resumedFromBytes).toBe(cut);
    expect(progress[0]).toBe(cut);
    expect(sha1(await readFile(destination))).toBe(manifest.files[0]?.sha1);
    expect(await readdir(dir)).toEqual(['noble.img']);
  });

  it('refuses a resumed part that was not a prefix of the file, then starts over cleanly', async () => {
    const manifest = byName('debian-12');
    const destination = join(dir, 'debian.img');
    await writeFile(partialPathFor(destination, manifest), Buffer.alloc(5000, 7));
    const error = await failureOf(
      downloadImageFile(manifest, `${manifestUrlOf(manifest)}/file`, destination, noProgress),
    );
    expect(error.message).toMatch(/^checksum mismatch/);
    expect(await readdir(dir)).toEqual([]);
    const retried = await downloadImageFile(
      manifest,
      `${manifestUrlOf(manifest)}/file`,
      destination,
      noProgress,
    );
    expect(retried.resumedFromBytes).toBe(0);
    expect(sha1(await readFile(destination))).toBe(manifest.files[0]?.sha1);
  });

  it('cancels through the AbortSignal mid-transfer and leaves no file behind', async () => {
    const manifest = byName('ubuntu-22.04');
    const destination = join(dir, 'lx.tar.gz');
    const controller = new AbortController();
    // Abort once the response has started, so the body is cut while it is being written.
    const abortAfterHeaders: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      controller.abort();
      return response;
    };
    const error = await failureOf(
      downloadImageFile(
        manifest,
        `${manifestUrlOf(manifest)}/file`,
        destination,
        noProgress,
        controller.signal,
        {
          fetch: abortAfterHeaders,
        },
      ),
    );
    expect(error.code).toBe('cancelled');
    expect(error.message).toMatch(/cancelled; nothing was imported/);
    expect(await readdir(dir)).toEqual([]);

    const already = new AbortController();
    already.abort();
    const early = await failureOf(
      downloadImageFile(manifest, `${manifestUrlOf(manifest)}/file`, destination, noProgress, already.signal),
    );
    expect(early.code).toBe('cancelled');
    expect(await readdir(dir)).toEqual([]);
  });
});
