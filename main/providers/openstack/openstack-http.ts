/**
 * The one place OpenStack HTTP happens: fetch with a per-request timeout, bounded retries with
 * backoff for 429/502/503/504 (honouring Retry-After) and for bodies that break off mid-way, and
 * typed errors the classifier turns into words. There is no SDK for Keystone/Glance in Node, so
 * this is the thin layer an SDK would otherwise own. Request bodies (passwords) never reach an error.
 */

export type OpenStackService = 'Keystone' | 'Glance' | 'Nova' | 'Neutron';

export interface HttpTuning {
  /** Injected for tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  /** Retries after the first attempt. Default 4. */
  maxRetries?: number;
  /** First backoff step; doubles per retry, with jitter. Default 250 ms. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the caller hears "throttled" at once. */
  maxRetryAfterMs?: number;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number;
  onRetry?: (info: {
    service: OpenStackService;
    url: string;
    attempt: number;
    delayMs: number;
    reason: string;
  }) => void;
}

/** The server answered with an error status (after any retries). */
export class HttpStatusError extends Error {
  constructor(
    readonly service: OpenStackService,
    readonly status: number,
    readonly url: string,
    readonly detail: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(`${service} answered HTTP ${status}${detail ? `: ${detail}` : ''}`);
    this.name = 'HttpStatusError';
  }
}

/** No answer at all: refused, unresolvable, reset before the headers, or timed out. */
export class NetworkError extends Error {
  constructor(
    readonly service: OpenStackService,
    readonly url: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${service} at ${url} could not be reached (${reason})`, options);
    this.name = 'NetworkError';
  }
}

/** An answer Hangar cannot use: not JSON, the wrong shape, a body that broke off, a paging loop. */
export class ProtocolError extends Error {
  constructor(
    readonly service: OpenStackService,
    readonly url: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ProtocolError';
  }
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface JsonRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  body?: unknown;
  /** Default application/json; Glance's PATCH wants its JSON-patch media type. */
  contentType?: string;
  /**
   * False for a request that creates something (a server, a group): once it may have reached the
   * server, a dropped connection or a body that broke off is not retried, since repeating it could
   * create a second one. 429/502/503/504 answers are still retried (the server did not act).
   */
  idempotent?: boolean;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
/**
 * A connection that was open and then dropped before the answer: typically a kept-alive socket the
 * server (uwsgi's http-socket, a proxy) had already closed. Worth one more try; a refused or
 * unresolvable host is not.
 */
const DROPPED_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);

/** Retry-After as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * Nova wraps its errors in one key named after the fault (`{"badRequest": {"code", "message"}}`,
 * `itemNotFound`, `forbidden`, `conflictingRequest` …) and Neutron in `{"NeutronError": {type, message}}`.
 */
function wrappedMessage(parsed: unknown): unknown {
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const values = Object.values(parsed as Record<string, unknown>);
  const inner = values.length === 1 ? values[0] : undefined;
  return typeof inner === 'object' && inner !== null ? (inner as { message?: unknown }).message : undefined;
}

/**
 * The human part of an error body: Keystone `{error:{message}}`, Glance JSON `{message}` or Glance's
 * HTML page, Nova's `{<fault>:{message}}` and Neutron's `{NeutronError:{message}}`.
 */
export function errorDetail(text: string): string {
  let detail = text;
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown }; message?: unknown };
    const message = parsed.error?.message ?? parsed.message ?? wrappedMessage(parsed);
    if (typeof message === 'string') detail = message;
  } catch {
    detail = text.replace(/<title>[\s\S]*?<\/title>|<h1>[\s\S]*?<\/h1>/gi, ' ');
  }
  detail = detail
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return detail.length > 200 ? `${detail.slice(0, 199)}…` : detail;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function reasonOf(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth += 1) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') return code;
    current = cause;
  }
  return error instanceof Error ? error.message : String(error);
}

/** One JSON request with the retry policy above. Throws the caller's abort reason when cancelled. */
export async function requestJson(
  service: OpenStackService,
  url: string,
  request: JsonRequest,
  tuning: HttpTuning = {},
  signal?: AbortSignal,
): Promise<JsonResponse> {
  const doFetch = tuning.fetch ?? fetch;
  const maxRetries = tuning.maxRetries ?? 4;
  const backoff = (attempt: number): number => {
    const ceiling = Math.min(tuning.maxDelayMs ?? 8000, (tuning.baseDelayMs ?? 250) * 2 ** attempt);
    return Math.round(ceiling * (0.5 + Math.random() * 0.5));
  };
  const retry = async (attempt: number, delayMs: number, reason: string): Promise<void> => {
    tuning.onRetry?.({ service, url, attempt: attempt + 1, delayMs, reason });
    await sleep(delayMs, signal);
  };

  for (let attempt = 0; ; attempt += 1) {
    if (signal?.aborted) throw signal.reason;
    const timeout = AbortSignal.timeout(tuning.timeoutMs ?? 30_000);
    let response: Response;
    try {
      response = await doFetch(url, {
        method: request.method ?? 'GET',
        headers: {
          accept: 'application/json',
          ...(request.body === undefined
            ? {}
            : { 'content-type': request.contentType ?? 'application/json' }),
          ...request.headers,
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const reason = timeout.aborted
        ? `no answer within ${Math.round((tuning.timeoutMs ?? 30_000) / 1000)} s`
        : reasonOf(error);
      const repeatable = request.idempotent !== false;
      if (!timeout.aborted && repeatable && DROPPED_CODES.has(reason) && attempt < maxRetries) {
        await retry(attempt, backoff(attempt), `connection dropped (${reason})`);
        continue;
      }
      throw new NetworkError(service, url, reason, { cause: error });
    }

    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      // The headers came but the body broke off: a GET (or token request) is safe to repeat.
      if (attempt < maxRetries && request.idempotent !== false) {
        await retry(attempt, backoff(attempt), `body broke off (${reasonOf(error)})`);
        continue;
      }
      throw new ProtocolError(
        service,
        url,
        `${service}'s answer broke off before it was complete (${reasonOf(error)})`,
        {
          cause: error,
        },
      );
    }

    if (RETRY_STATUSES.has(response.status)) {
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      const tooLong = retryAfter !== null && retryAfter > (tuning.maxRetryAfterMs ?? 30_000);
      if (attempt < maxRetries && !tooLong) {
        await retry(attempt, retryAfter ?? backoff(attempt), `HTTP ${response.status}`);
        continue;
      }
      throw new HttpStatusError(service, response.status, url, errorDetail(text), retryAfter);
    }
    if (!response.ok) throw new HttpStatusError(service, response.status, url, errorDetail(text));

    try {
      return {
        status: response.status,
        headers: response.headers,
        body: text === '' ? null : JSON.parse(text),
      };
    } catch (error) {
      throw new ProtocolError(service, url, `${service} answered with something that is not JSON`, {
        cause: error,
      });
    }
  }
}
