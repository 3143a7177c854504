import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { channelNames } from '@contract/index';
import { startBrowserHost, type BrowserHost } from '../../main/host/browser-host';
import { Dispatcher, type ChannelHandlers } from '../../main/ipc/dispatcher';
import { EventBus } from '../../main/app/event-bus';
import { rawRequest } from '../support/http-request';

const token = 'test-token-0123456789abcdef';
let host: BrowserHost;
let base: string;
let rendererDir: string;
const bus = new EventBus();

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'hangar-host-'));
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Hangar</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(tmpdir(), 'hangar-outside.txt'), 'outside');
  const handlers = Object.fromEntries(
    channelNames.map((name) => [name, () => Promise.reject(new Error('unused'))]),
  );
  const dispatcher = new Dispatcher({
    ...(handlers as unknown as ChannelHandlers),
    'catalog:facets': async () => ({
      facets: { location: [{ value: 'us-east-1', label: 'us-east-1', count: 3 }] },
    }),
  });
  host = await startBrowserHost({ port: 0, rendererDir, dispatcher, bus, token });
  base = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close();
  await rm(rendererDir, { recursive: true, force: true });
});

const api = (headers: Record<string, string>, body = '{"workspaceId":"default"}') =>
  rawRequest(`${base}/api/catalog:facets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('browser host', () => {
  it('prints a loopback URL that carries the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${token}`);
  });

  it('refuses requests without the token (401)', async () => {
    expect((await rawRequest(`${base}/`)).status).toBe(401);
    expect((await api({})).status).toBe(401);
    expect((await api({ 'x-hangar-token': 'wrong-token-0123456789abcd' })).status).toBe(401);
  });

  it('refuses a foreign Host header even with the token (403, DNS rebinding)', async () => {
    const response = await rawRequest(`${base}/?token=${token}`, {
      headers: { host: `evil.example:${host.port}` },
    });
    expect(response.status).toBe(403);
  });

  it('refuses a foreign Origin even with the token (403)', async () => {
    const response = await api({ 'x-hangar-token': token, origin: 'http://evil.example' });
    expect(response.status).toBe(403);
  });

  it('serves the page with the token, sets an HttpOnly cookie, and a strict CSP', async () => {
    const response = await rawRequest(`${base}/?token=${token}`);
    expect(response.status).toBe(200);
    expect(String(response.headers['set-cookie'])).toMatch(/hangar_token=.+; HttpOnly; SameSite=Strict/);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    const asset = await rawRequest(`${base}/assets/app.js`, { headers: { cookie: `hangar_token=${token}` } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('text/javascript');
  });

  it('answers contract channels with the Result envelope', async () => {
    const ok = await api({ 'x-hangar-token': token, origin: base });
    expect(JSON.parse(ok.body)).toEqual({
      ok: true,
      data: { facets: { location: [{ value: 'us-east-1', label: 'us-east-1', count: 3 }] } },
    });
    const bad = await api({ 'x-hangar-token': token }, '{not json');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('invalid-request');
    const unknown = await rawRequest(`${base}/api/shell:exec`, {
      method: 'POST',
      headers: { 'x-hangar-token': token },
      body: '{}',
    });
    expect(JSON.parse(unknown.body).error.code).toBe('invalid-request');
  });

  it('does not serve files outside the renderer folder', async () => {
    const response = await rawRequest(`${base}/..%2Fhangar-outside.txt`, {
      headers: { 'x-hangar-token': token },
    });
    expect(response.status).toBe(404);
  });

  it('streams events over an authenticated WebSocket and refuses one without the token', async () => {
    const refused = new WebSocket(`ws://127.0.0.1:${host.port}/events`);
    const refusal = await new Promise<string>((resolve) => {
      refused.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      refused.on('error', (error) => resolve(error.message));
    });
    expect(refusal).toMatch(/401/);

    const client = new WebSocket(`ws://127.0.0.1:${host.port}/events`, {
      headers: { cookie: `hangar_token=${token}` },
    });
    await new Promise((resolve) => client.on('open', resolve));
    const message = new Promise<string>((resolve) => client.on('message', (data) => resolve(String(data))));
    bus.emit('catalog:changed', { sourceIds: ['a.us-east-1.self'] });
    expect(JSON.parse(await message)).toEqual({
      event: 'catalog:changed',
      payload: { sourceIds: ['a.us-east-1.self'] },
    });
    client.close();
  });
});
