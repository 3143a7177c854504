import { describe, expect, it } from 'vitest';
import { glanceBase, resolveNext } from '../../main/providers/openstack/glance-images';
import {
  authRequestBody,
  endpointFor,
  keystoneV3Url,
  type CatalogService,
} from '../../main/providers/openstack/keystone-auth';
import {
  errorDetail,
  HttpStatusError,
  NetworkError,
  parseRetryAfter,
  ProtocolError,
  requestJson,
  type HttpTuning,
} from '../../main/providers/openstack/openstack-http';

/** A fetch that answers from a script, one entry per call, and counts the calls. */
function scripted(...steps: (() => Response | Promise<Response>)[]): {
  fetch: typeof fetch;
  calls: () => number;
} {
  let calls = 0;
  const fake = (async () => {
    const step = steps[Math.min(calls, steps.length - 1)];
    calls += 1;
    if (!step) throw new Error('no step');
    return step();
  }) as unknown as typeof fetch;
  return { fetch: fake, calls: () => calls };
}

const ok = (body: unknown): Response =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const status = (code: number, headers: Record<string, string> = {}): Response =>
  new Response('<html><body><h1>x</h1>busy</body></html>', { status: code, headers });

describe('requestJson retries', () => {
  const fast: HttpTuning = { baseDelayMs: 1, maxDelayMs: 2 };

  it('retries 429 and 503 a bounded number of times, honouring Retry-After', async () => {
    const delays: number[] = [];
    const { fetch, calls } = scripted(
      () => status(429, { 'retry-after': '0.02' }),
      () => status(503),
      () => ok({ fine: true }),
    );
    const response = await requestJson(
      'Glance',
      'http://g/v2/images',
      {},
      { ...fast, fetch, onRetry: (r) => delays.push(r.delayMs) },
    );
    expect(response.body).toEqual({ fine: true });
    expect(calls()).toBe(3);
    expect(delays[0]).toBe(20);
    expect(delays[1]).toBeLessThanOrEqual(2);
  });

  it('gives up after maxRetries with the last status', async () => {
    const { fetch, calls } = scripted(() => status(503));
    const error = await requestJson(
      'Glance',
      'http://g/v2/images',
      {},
      { ...fast, fetch, maxRetries: 3 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as HttpStatusError).status).toBe(503);
    expect(calls()).toBe(4);
  });

  it('does not wait out a Retry-After longer than it may', async () => {
    const { fetch, calls } = scripted(() => status(429, { 'retry-after': '3600' }));
    const error = (await requestJson('Glance', 'http://g', {}, { ...fast, fetch }).catch(
      (e: unknown) => e,
    )) as HttpStatusError;
    expect(error.status).toBe(429);
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(calls()).toBe(1);
  });

  it('never retries other client errors', async () => {
    const { fetch, calls } = scripted(
      () =>
        new Response(
          '{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}',
          { status: 401 },
        ),
    );
    const error = (await requestJson(
      'Keystone',
      'http://k/v3/auth/tokens',
      { method: 'POST', body: {} },
      { ...fast, fetch },
    ).catch((e: unknown) => e)) as HttpStatusError;
    expect(error).toMatchObject({
      status: 401,
      service: 'Keystone',
      detail: 'The request you have made requires authentication.',
    });
    expect(calls()).toBe(1);
  });

  it('retries a body that breaks off, then reports it as a protocol error', async () => {
    const broken = (): Response =>
      new Response(new ReadableStream({ start: (c) => c.error(new Error('other side closed')) }), {
        status: 200,
      });
    const recovered = scripted(broken, () => ok({ images: [] }));
    expect((await requestJson('Glance', 'http://g', {}, { ...fast, fetch: recovered.fetch })).body).toEqual({
      images: [],
    });
    const never = scripted(broken);
    const error = await requestJson(
      'Glance',
      'http://g',
      {},
      { ...fast, fetch: never.fetch, maxRetries: 1 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(never.calls()).toBe(2);
  });

  it('reports a refused connection at once, as a network error', async () => {
    const { fetch, calls } = scripted(() => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    });
    const error = await requestJson('Keystone', 'http://k', {}, { ...fast, fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).reason).toBe('ECONNREFUSED');
    expect(calls()).toBe(1);
  });

  it('tries again when a kept-alive connection was dropped before the answer', async () => {
    const { fetch, calls } = scripted(
      () => {
        throw Object.assign(new TypeError('fetch failed'), {
          cause: { code: 'UND_ERR_SOCKET', message: 'other side closed' },
        });
      },
      () => ok({ token: {} }),
    );
    expect(
      (await requestJson('Keystone', 'http://k', { method: 'POST', body: {} }, { ...fast, fetch })).body,
    ).toEqual({ token: {} });
    expect(calls()).toBe(2);
  });

  it('answers not-JSON with a protocol error', async () => {
    const { fetch } = scripted(() => new Response('{"images": [', { status: 200 }));
    await expect(requestJson('Glance', 'http://g', {}, { fetch })).rejects.toBeInstanceOf(ProtocolError);
  });

  it('stops waiting between retries when cancelled', async () => {
    const controller = new AbortController();
    const { fetch } = scripted(() => status(503, { 'retry-after': '20' }));
    const pending = requestJson(
      'Glance',
      'http://g',
      {},
      { fetch, onRetry: () => controller.abort(new Error('stop')) },
      controller.signal,
    );
    await expect(pending).rejects.toThrow('stop');
  });
});

describe('wire helpers', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(10_000);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('extracts the message of Keystone JSON, Glance JSON and Glance HTML errors', () => {
    expect(
      errorDetail('{"error":{"code":404,"message":"Could not find project.","title":"Not Found"}}'),
    ).toBe('Could not find project.');
    expect(
      errorDetail(
        '{"message": "limit param must be an integer<br /><br />\\n\\n\\n", "code": "400 Bad Request"}',
      ),
    ).toBe('limit param must be an integer');
    expect(
      errorDetail(
        '<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  No image found with ID abc<br /><br />\n </body>\n</html>',
      ),
    ).toBe('No image found with ID abc');
  });

  it('builds Keystone v3 URLs and bodies with the Default domain for blanks', () => {
    expect(keystoneV3Url('https://k.example.com:5000')).toBe('https://k.example.com:5000/v3');
    expect(keystoneV3Url('https://k.example.com/identity/v3/')).toBe('https://k.example.com/identity/v3');
    expect(
      authRequestBody({
        kind: 'password',
        username: 'u',
        password: 'p',
        projectName: 'pr',
        userDomainName: ' ',
        projectDomainName: 'Corp',
      }),
    ).toEqual({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'u', domain: { name: 'Default' }, password: 'p' } },
        },
        scope: { project: { name: 'pr', domain: { name: 'Corp' } } },
      },
    });
    expect(authRequestBody({ kind: 'application-credential', id: 'i', secret: 's' })).toEqual({
      auth: {
        identity: { methods: ['application_credential'], application_credential: { id: 'i', secret: 's' } },
      },
    });
  });

  it('finds the endpoint for a service, region and interface, or says what exists', () => {
    const catalog: CatalogService[] = [
      {
        type: 'image',
        endpoints: [
          { interface: 'public', region_id: 'RegionOne', url: 'https://img.example.com' },
          { interface: 'internal', region: 'RegionOne', url: 'http://glance.internal:9292' },
        ],
      },
    ];
    expect(endpointFor(catalog, 'image', 'RegionOne', 'internal')).toBe('http://glance.internal:9292');
    expect(() => endpointFor(catalog, 'image', 'RegionTwo', 'public')).toThrow(
      'no public image endpoint in region RegionTwo (it offers: public in RegionOne, internal in RegionOne)',
    );
    expect(() => endpointFor([], 'image', 'RegionOne', 'public')).toThrow('(it lists none at all)');
  });

  it('follows Glance next links under a path prefix, refusing other servers', () => {
    expect(glanceBase('http://h:9292/')).toBe('http://h:9292');
    expect(glanceBase('https://h/image/v2/')).toBe('https://h/image');
    expect(resolveNext('https://h/image', '/v2/images?limit=2&marker=m')).toBe(
      'https://h/image/v2/images?limit=2&marker=m',
    );
    expect(resolveNext('https://h/image', '/image/v2/images?marker=m')).toBe(
      'https://h/image/v2/images?marker=m',
    );
    expect(resolveNext('http://h:9292', '/v2/images?marker=m')).toBe('http://h:9292/v2/images?marker=m');
    expect(resolveNext('https://h/image', 'https://h/image/v2/images?marker=m')).toBe(
      'https://h/image/v2/images?marker=m',
    );
    expect(() => resolveNext('https://h/image', 'https://evil.example/v2/images?marker=m')).toThrow(
      ProtocolError,
    );
  });
});
