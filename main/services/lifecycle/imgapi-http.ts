import { ServiceError } from '../../ipc/app-error';

/**
 * HTTP for talking to a remote IMGAPI repository: Node's fetch with redirects followed by hand
 * (http/https only, never downgrading https to http), a time limit on waiting for the answer's
 * headers, bounded JSON bodies, and every failure turned into a ServiceError that says what to do.
 */

export interface ImgapiClientOptions {
  /** Injected for tests; Node's global fetch otherwise. */
  fetch?: typeof fetch;
  /** Refuse images whose file is larger than this (default 64 GiB). */
  maxFileBytes?: number;
  /** Images asked for per ListImages request (IMGAPI's maximum and default: 1000). */
  pageSize?: number;
  /** How long to wait for a response's headers (default 30 s); a slow body is not cut. */
  headersTimeoutMs?: number;
}

export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 ** 3;
const MAX_REDIRECTS = 5;

/** The URL as a URL object, or an 'invalid-request' error naming the problem. */
export function parseRepositoryUrl(raw: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ServiceError(
      'invalid-request',
      `The ${what} "${raw}" is not a URL. Enter an http:// or https:// address.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ServiceError(
      'invalid-request',
      `The ${what} uses ${url.protocol.replace(/:$/, '')}; Hangar only fetches images over http:// or https://.`,
    );
  }
  return url;
}

export function cancelledError(): ServiceError {
  return new ServiceError('cancelled', 'The import was cancelled; nothing was imported.');
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'name lookup failed',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'connection closed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'its certificate is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate is not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its certificate is for another host',
};

/** A network-level failure in a few words: "connection refused", "host not found"… */
export function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return NETWORK_REASONS[code] ?? code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return error instanceof Error ? error.message : 'network error';
}

export function unreachableError(url: URL, error: unknown): ServiceError {
  return new ServiceError(
    'cloud-unreachable',
    `Could not reach the image repository at ${url.host} (${networkReason(error)}). ` +
      'Check the address and your network connection, then try again.',
  );
}

/** The repository's own words from a restify error body (`{ code, message }`), when it sent some. */
async function repositoryMessage(response: Response): Promise<string> {
  try {
    const text = (await response.text()).slice(0, 2000);
    const parsed = JSON.parse(text) as { message?: unknown };
    return typeof parsed.message === 'string' ? `: "${parsed.message}"` : '';
  } catch {
    return '';
  }
}

/** An error for a response that is not what was asked for, by status. */
export async function statusError(response: Response, url: URL, what: string): Promise<ServiceError> {
  const said = await repositoryMessage(response);
  const status = response.status;
  if (status === 404) {
    return new ServiceError(
      'invalid-request',
      `The image repository at ${url.host} has no ${what} at ${url.pathname}${said}. Check the URL and try again.`,
    );
  }
  if (status === 401 || status === 403) {
    return new ServiceError(
      'invalid-request',
      `The image repository at ${url.host} refused to serve the ${what} (HTTP ${status}${said}). ` +
        'Hangar imports from public repositories only; use a public repository or manifest URL.',
    );
  }
  if (status === 429 || status >= 500) {
    return new ServiceError(
      'cloud-error',
      `The image repository at ${url.host} could not serve the ${what} (HTTP ${status}${said}). Try again in a few minutes.`,
    );
  }
  return new ServiceError(
    'cloud-error',
    `The image repository at ${url.host} answered HTTP ${status} for the ${what}${said}. Check the URL and try again.`,
  );
}

/**
 * GET `url`, following at most five redirects that stay on http/https (and never go from https to
 * http). Resolves with the final response whatever its status; the caller judges it.
 */
export async function imgapiGet(
  start: URL,
  init: { headers?: Record<string, string>; signal?: AbortSignal },
  options: ImgapiClientOptions,
): Promise<{ response: Response; url: URL }> {
  const doFetch = options.fetch ?? fetch;
  let url = start;
  for (let hop = 0; ; hop += 1) {
    if (init.signal?.aborted) throw cancelledError();
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), options.headersTimeoutMs ?? 30_000);
    const signal = init.signal ? AbortSignal.any([init.signal, timer.signal]) : timer.signal;
    let response: Response;
    try {
      response = await doFetch(url, { headers: init.headers, signal, redirect: 'manual' });
    } catch (error) {
      if (init.signal?.aborted) throw cancelledError();
      if (timer.signal.aborted) {
        throw new ServiceError(
          'cloud-unreachable',
          `The image repository at ${url.host} did not answer within ${Math.round((options.headersTimeoutMs ?? 30_000) / 1000)} s. Try again later.`,
        );
      }
      throw unreachableError(url, error);
    } finally {
      clearTimeout(timeout);
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || response.status === 304 || !location) {
      return { response, url };
    }
    await response.body?.cancel();
    if (hop >= MAX_REDIRECTS) {
      throw new ServiceError(
        'cloud-error',
        `The image repository at ${start.host} redirected more than ${MAX_REDIRECTS} times. Check the URL.`,
      );
    }
    const next = new URL(location, url);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw new ServiceError(
        'invalid-request',
        `The image repository at ${url.host} redirected to a ${next.protocol.replace(/:$/, '')} address; Hangar only follows http:// and https:// redirects.`,
      );
    }
    if (url.protocol === 'https:' && next.protocol === 'http:') {
      throw new ServiceError(
        'invalid-request',
        `The image repository at ${url.host} redirected from https to plain http (${next.host}); Hangar does not follow a redirect that drops encryption.`,
      );
    }
    url = next;
  }
}

/** Reads a JSON body of at most `maxBytes`, so a hostile or mistaken URL cannot fill memory. */
export async function readJson(
  response: Response,
  url: URL,
  what: string,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<unknown> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    if (response.body) {
      for await (const chunk of response.body) {
        size += chunk.byteLength;
        if (size > maxBytes) {
          await response.body.cancel().catch(() => undefined);
          throw new ServiceError(
            'invalid-request',
            `The answer from ${url.host} is larger than any IMGAPI ${what} (over ${Math.round(maxBytes / 1024 / 1024)} MiB). Check that the URL points at an IMGAPI repository.`,
          );
        }
        chunks.push(chunk);
      }
    }
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    if (signal?.aborted) throw cancelledError();
    throw unreachableError(url, error);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ServiceError(
      'invalid-request',
      `${url.href} did not answer with JSON, so it is not an IMGAPI ${what}. Check that the URL points at an IMGAPI repository.`,
    );
  }
}
