import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { Dispatcher } from '../ipc/dispatcher';
import type { EventBus } from '../app/event-bus';
import { RequestGuard, tokenCookieName } from './request-guard';
import { readRendererFile } from './static-files';
import { securityHeaders } from './security-headers';

export interface BrowserHostOptions {
  port: number;
  rendererDir: string;
  dispatcher: Dispatcher;
  bus: EventBus;
  /** Fixed only in tests; otherwise random per run. */
  token?: string;
}

export interface BrowserHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;

/**
 * Serves the built renderer and answers the contract's channels over HTTP (`POST /api/<channel>`)
 * and its events over a WebSocket (`/events`), on 127.0.0.1 only, for a browser instead of Electron.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const guard = new RequestGuard(port, token);

  server.on('request', (request, response) => {
    void handleRequest(request, response).catch(() => {
      if (!response.headersSent)
        sendJson(response, 500, { ok: false, error: { code: 'internal', message: 'Internal error.' } });
      else response.destroy();
    });
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const verdict = guard.check(request);
    if (!verdict.ok) return sendText(response, verdict.status, verdict.reason);
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/api/')) {
      if (request.method !== 'POST') return sendText(response, 405, 'Use POST.');
      const body = await readBody(request);
      if (body === null) return sendJson(response, 413, invalid('The request is too large.'));
      let payload: unknown;
      try {
        payload = body.length ? JSON.parse(body) : {};
      } catch {
        return sendJson(response, 400, invalid('The request body is not JSON.'));
      }
      return sendJson(response, 200, await options.dispatcher.dispatch(path.slice('/api/'.length), payload));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendText(response, 405, 'Method not allowed.');
    const file = await readRendererFile(options.rendererDir, path);
    if (!file) return sendText(response, 404, 'Not found.');
    const headers: Record<string, string> = { ...securityHeaders, 'content-type': file.contentType };
    if (verdict.tokenFromQuery) {
      // The page itself and every asset it loads authenticate with this cookie from now on.
      headers['set-cookie'] = `${tokenCookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    headers['cache-control'] = path === '/' || path.endsWith('.html') ? 'no-store' : 'private, max-age=3600';
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  server.on('upgrade', (request, socket, head) => {
    const verdict = guard.check(request);
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (!verdict.ok || path !== '/events') {
      socket.end(`HTTP/1.1 ${verdict.ok ? 404 : verdict.status} Refused\r\nConnection: close\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => {
      const unsubscribe = options.bus.subscribe((event, payload) => {
        client.send(JSON.stringify({ event, payload }));
      });
      client.on('close', unsubscribe);
      client.on('error', unsubscribe);
    });
  });

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const invalid = (message: string) => ({ ok: false, error: { code: 'invalid-request', message } });

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    ...securityHeaders,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}
