import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import tls, { type ConnectionOptions } from 'node:tls';
import type { Duplex } from 'node:stream';

/**
 * HTTP(S) to one vCenter over node:http(s), because fetch cannot pin a self-signed certificate.
 * TLS sockets are verified before a request is written on them: a certificate a public CA vouches
 * for passes; otherwise only the SHA-256 fingerprint the user pinned does. So a password is
 * never sent to a server the user has not trusted.
 */
export interface TransportRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: URL;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface VsphereTransport {
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Closes kept-alive sockets; call when the operation is over. */
  close(): void;
}

/** The server's certificate is neither CA-signed for this host nor the pinned one. */
export class UntrustedCertificateError extends Error {
  constructor(
    readonly fingerprint: string,
    readonly reason: string,
    readonly pinned: string | undefined,
  ) {
    super(`untrusted certificate (${reason}), SHA-256 fingerprint ${fingerprint}`);
    this.name = 'UntrustedCertificateError';
  }
}

/** The connection closed before the body Content-Length announced had arrived. */
export class IncompleteBodyError extends Error {
  constructor(received: number, expected: number) {
    super(`the answer was cut off after ${received} of ${expected} bytes`);
    this.name = 'IncompleteBodyError';
  }
}

export interface TransportOptions {
  trustedCertFingerprint?: string;
  /** Per request, socket idle included. Default 60 s. */
  timeoutMs?: number;
}

type Oncreate = (error: Error | null, socket?: Duplex) => void;

/** An https agent whose sockets are handed to requests only once the certificate is trusted. */
class PinningAgent extends https.Agent {
  constructor(private readonly pinned: string | undefined) {
    super({ keepAlive: true, maxSockets: 6 });
  }

  override createConnection(options: ConnectionOptions, oncreate: Oncreate): Duplex | undefined {
    const socket = tls.connect({ ...options, rejectUnauthorized: false });
    const fail = (error: Error): void => {
      socket.destroy();
      oncreate(error);
    };
    socket.once('error', fail);
    socket.once('secureConnect', () => {
      socket.off('error', fail);
      if (socket.authorized) return oncreate(null, socket);
      const fingerprint = socket.getPeerCertificate().fingerprint256 ?? '';
      const reason = String(socket.authorizationError ?? 'not trusted');
      if (this.pinned && fingerprint.toUpperCase() === this.pinned.toUpperCase())
        return oncreate(null, socket);
      fail(new UntrustedCertificateError(fingerprint, reason, this.pinned));
    });
    return undefined;
  }
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const error = new Error('This operation was aborted');
  error.name = 'AbortError';
  return error;
}

export function createTransport(options: TransportOptions = {}): VsphereTransport {
  const httpsAgent = new PinningAgent(options.trustedCertFingerprint);
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 6 });
  const timeoutMs = options.timeoutMs ?? 60_000;

  const send = (request: TransportRequest): Promise<TransportResponse> =>
    new Promise((resolve, reject) => {
      const { signal } = request;
      if (signal?.aborted) return reject(abortError(signal));
      const secure = request.url.protocol === 'https:';
      const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
      if (request.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(request.body));
      const req = (secure ? https : http).request(request.url, {
        method: request.method,
        headers,
        agent: secure ? httpsAgent : httpAgent,
        timeout: timeoutMs,
      });
      const onAbort = (): void => {
        req.destroy(abortError(signal as AbortSignal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = (): void => signal?.removeEventListener('abort', onAbort);
      req.on('timeout', () => {
        const error = new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`);
        error.name = 'TimeoutError';
        req.destroy(error);
      });
      req.on('error', (error) => {
        settle();
        reject(error);
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => {
          settle();
          reject(error);
        });
        res.on('end', () => {
          settle();
          const body = Buffer.concat(chunks);
          const expected = Number(res.headers['content-length'] ?? NaN);
          // Node ends a response whose socket closed early without an error: catch it here.
          if (!res.complete || (Number.isFinite(expected) && body.length < expected)) {
            reject(
              new IncompleteBodyError(body.length, Number.isFinite(expected) ? expected : body.length + 1),
            );
            return;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: body.toString('utf8') });
        });
      });
      req.end(request.body);
    });

  return {
    send,
    close: () => {
      httpsAgent.destroy();
      httpAgent.destroy();
    },
  };
}
