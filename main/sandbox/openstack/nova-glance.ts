import { KeystoneTokenCheck, type CallerToken } from './keystone-token-check';

/**
 * How the Nova stand-in reaches Glance, as Nova does: over HTTP, with the caller's own token, at
 * the image endpoint of the caller's catalog. So a snapshot lands in whichever Glance that is —
 * the sandbox's, or a real one in tests.
 */

export class GlanceUnavailable extends Error {}

export type GlanceImageRecord = Record<string, unknown> & { id: string; status?: string };

export class NovaGlanceClient {
  constructor(private readonly region: string) {}

  /** The image endpoint's root, as Nova writes it into a Location header before 2.45. */
  rootFor(caller: CallerToken): string {
    return this.base(caller);
  }

  private base(caller: CallerToken): string {
    const url = KeystoneTokenCheck.endpoint(caller, 'image', this.region);
    if (!url) throw new GlanceUnavailable(`no image endpoint in region ${this.region}`);
    return url.replace(/\/v2(\.\d+)?$/, '');
  }

  private async send(
    caller: CallerToken,
    method: string,
    path: string,
    init: { body?: string | ReadableStream<Uint8Array>; type?: string } = {},
  ): Promise<Response> {
    return fetch(`${this.base(caller)}${path}`, {
      method,
      headers: {
        'x-auth-token': caller.token,
        accept: 'application/json',
        ...(init.type ? { 'content-type': init.type } : {}),
      },
      body: init.body,
      ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
  }

  /** GET /v2/images/{id}; null when Glance has no such image for this caller. */
  async get(caller: CallerToken, imageId: string): Promise<GlanceImageRecord | null> {
    const response = await this.send(caller, 'GET', `/v2/images/${encodeURIComponent(imageId)}`);
    const text = await response.text();
    if (response.status === 404) return null;
    if (!response.ok) throw new GlanceUnavailable(`Glance answered HTTP ${response.status}`);
    return JSON.parse(text) as GlanceImageRecord;
  }

  async create(caller: CallerToken, properties: Record<string, unknown>): Promise<GlanceImageRecord> {
    const response = await this.send(caller, 'POST', '/v2/images', {
      body: JSON.stringify(properties),
      type: 'application/json',
    });
    const text = await response.text();
    if (response.status !== 201)
      throw new GlanceUnavailable(
        `Glance refused the snapshot (HTTP ${response.status}): ${text.slice(0, 200)}`,
      );
    return JSON.parse(text) as GlanceImageRecord;
  }

  /**
   * PUT /v2/images/{id}/file in `chunks` pieces spread over `spreadMs`, so Glance shows the image
   * "saving" for a while, as it does while a compute host streams a real snapshot.
   */
  async upload(
    caller: CallerToken,
    imageId: string,
    data: Buffer,
    chunks: number,
    spreadMs: number,
  ): Promise<void> {
    const size = Math.ceil(data.length / chunks);
    let index = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (index * size >= data.length) return controller.close();
        if (index > 0) await new Promise((resolve) => setTimeout(resolve, spreadMs / chunks));
        controller.enqueue(new Uint8Array(data.subarray(index * size, (index + 1) * size)));
        index += 1;
      },
    });
    const response = await this.send(caller, 'PUT', `/v2/images/${imageId}/file`, {
      body,
      type: 'application/octet-stream',
    });
    const text = await response.text();
    if (response.status !== 204)
      throw new GlanceUnavailable(
        `Glance refused the snapshot data (HTTP ${response.status}): ${text.slice(0, 200)}`,
      );
  }

  async remove(caller: CallerToken, imageId: string): Promise<void> {
    const response = await this.send(caller, 'DELETE', `/v2/images/${imageId}`);
    await response.arrayBuffer();
  }
}
