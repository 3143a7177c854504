import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startImgapiSandbox, type ImgapiManifest, type ImgapiSandbox } from '../../main/sandbox/imgapi';

/**
 * The IMGAPI stand-in's wire protocol, asserted directly with fetch: truthful deterministic seeds,
 * ListImages filters and marker paging, restify error bodies, and byte ranges.
 */

let sandbox: ImgapiSandbox;

const sha1 = (bytes: Buffer): string => createHash('sha1').update(bytes).digest('hex');
const byName = (name: string): ImgapiManifest => {
  const found = sandbox.images.find((m) => m.name === name);
  if (!found) throw new Error(`no seeded image ${name}`);
  return found;
};
const manifestUrlOf = (m: { uuid: string }): string => `${sandbox.url}/images/${m.uuid}`;

beforeAll(async () => {
  sandbox = await startImgapiSandbox();
});

afterAll(async () => {
  await sandbox?.stop();
});

describe('the IMGAPI stand-in', () => {
  it('seeds deterministic images whose manifests tell the truth about their files', async () => {
    const started = performance.now();
    const again = await startImgapiSandbox();
    const elapsed = performance.now() - started;
    try {
      expect(again.images).toEqual(sandbox.images);
      expect(elapsed).toBeLessThan(500); // generation itself is well under 100 ms; this bounds startup
    } finally {
      await again.stop();
    }
    expect(sandbox.images.map((m) => `${m.name}@${m.version}:${m.type}`)).toContain(
      'ubuntu-certified-22.04@20240614:zvol',
    );
    for (const manifest of sandbox.images) {
      const response = await fetch(`${manifestUrlOf(manifest)}/file`);
      const body = Buffer.from(await response.arrayBuffer());
      const [file] = manifest.files;
      expect(manifest.v).toBe(2);
      expect(body.length).toBe(file?.size);
      expect(sha1(body)).toBe(file?.sha1);
      expect(file?.size).toBeGreaterThan(100 * 1024);
      expect(response.headers.get('content-length')).toBe(String(body.length));
      expect(response.headers.get('content-md5')).toBe(createHash('md5').update(body).digest('base64'));
      expect(response.headers.get('etag')).toBe(file?.sha1);
    }
  });

  it('filters and pages ListImages as IMGAPI does (marker included, limit capped at 1000)', async () => {
    const list = async (query: string): Promise<ImgapiManifest[]> => {
      const response = await fetch(`${sandbox.url}/images${query}`);
      expect(response.status).toBe(200);
      return (await response.json()) as ImgapiManifest[];
    };
    expect((await list('?os=smartos')).map((m) => m.name)).toEqual(['base-64-lts', 'base-64-lts']);
    expect((await list('?type=zvol')).every((m) => m.type === 'zvol')).toBe(true);
    expect((await list('?type=!zvol')).some((m) => m.type === 'zvol')).toBe(false);
    expect((await list('?name=~certified')).map((m) => m.name)).toEqual([
      'ubuntu-certified-22.04',
      'ubuntu-certified-24.04',
    ]);
    expect(await list('?state=disabled')).toEqual([]);

    const all = await list('');
    expect(all.map((m) => m.published_at)).toEqual([...all.map((m) => m.published_at)].sort());
    const page = await list(`?limit=2&marker=${all[1]?.uuid}`);
    expect(page.map((m) => m.uuid)).toEqual([all[1]?.uuid, all[2]?.uuid]);

    const badLimit = await fetch(`${sandbox.url}/images?limit=1001`);
    expect(badLimit.status).toBe(422);
    expect(await badLimit.json()).toMatchObject({ code: 'InvalidParameter', errors: [{ field: 'limit' }] });
  });

  it('answers an unknown image with restify’s ResourceNotFound body', async () => {
    const uuid = '0b9e3c52-6f1d-4a7e-8c2b-5d4f3e2a1c90';
    const response = await fetch(`${sandbox.url}/images/${uuid}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 'ResourceNotFound', message: `image ${uuid} not found` });
    const ping = await fetch(`${sandbox.url}/ping`);
    expect(await ping.json()).toMatchObject({ ping: 'pong', imgapi: true });
  });

  it('serves byte ranges for resuming (206 with Content-Range, 416 past the end)', async () => {
    const manifest = byName('debian-12');
    const size = manifest.files[0]?.size ?? 0;
    const whole = Buffer.from(await (await fetch(`${manifestUrlOf(manifest)}/file`)).arrayBuffer());
    const part = await fetch(`${manifestUrlOf(manifest)}/file`, { headers: { range: 'bytes=1000-' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 1000-${size - 1}/${size}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(whole.subarray(1000))).toBe(true);
    const past = await fetch(`${manifestUrlOf(manifest)}/file`, { headers: { range: `bytes=${size}-` } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${size}`);
  });
});
