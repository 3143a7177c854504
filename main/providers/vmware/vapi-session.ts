import { isRefusedAsBusy, withRetry, type RetryPolicy } from './retry';
import { MalformedAnswerError, VsphereApiError } from './vsphere-errors';
import type { TransportRequest, TransportResponse, VsphereTransport } from './vsphere-transport';

/**
 * The vSphere Automation REST API in its two flavours: `/api` (vCenter 7.0 U2 and later: bare JSON,
 * `POST /api/session` answers 201 with the id as a JSON string) and the older `/rest` (every
 * answer wrapped in `{ value }`, ids in paths prefixed `id:`). vcsim serves only `/rest`.
 */
export type VapiFlavour = 'api' | 'rest';

const enc = encodeURIComponent;

export const VAPI_PATHS = {
  api: {
    session: '/api/session',
    libraries: '/api/content/library',
    library: (id: string) => `/api/content/library/${enc(id)}`,
    items: (libraryId: string) => `/api/content/library/item?library_id=${enc(libraryId)}`,
    item: (id: string) => `/api/content/library/item/${enc(id)}`,
    vmTemplate: (id: string) => `/api/vcenter/vm-template/library-items/${enc(id)}`,
    deploy: (id: string) => `/api/vcenter/vm-template/library-items/${enc(id)}?action=deploy`,
  },
  rest: {
    session: '/rest/com/vmware/cis/session',
    libraries: '/rest/com/vmware/content/library',
    library: (id: string) => `/rest/com/vmware/content/library/id:${enc(id)}`,
    items: (libraryId: string) => `/rest/com/vmware/content/library/item?library_id=${enc(libraryId)}`,
    item: (id: string) => `/rest/com/vmware/content/library/item/id:${enc(id)}`,
    vmTemplate: (id: string) => `/rest/vcenter/vm-template/library-items/${enc(id)}`,
    deploy: (id: string) => `/rest/vcenter/vm-template/library-items/${enc(id)}?action=deploy`,
  },
} as const;

export type VapiPaths = (typeof VAPI_PATHS)[VapiFlavour];

export const SESSION_HEADER = 'vmware-api-session-id';

interface ErrorBody {
  error_type?: unknown;
  type?: unknown;
  messages?: { default_message?: unknown }[];
  value?: { messages?: { default_message?: unknown }[] };
}

/** Reads either flavour's error body; vcsim often sends none at all. */
function apiErrorOf(response: TransportResponse): VsphereApiError {
  let type: string | null = null;
  let message = response.body.trim().slice(0, 300) || `HTTP ${response.status}`;
  try {
    const body = JSON.parse(response.body) as ErrorBody;
    const messages = body.messages ?? body.value?.messages ?? [];
    type =
      typeof body.error_type === 'string'
        ? body.error_type
        : typeof body.type === 'string'
          ? body.type
          : null;
    const first = messages[0]?.default_message;
    if (typeof first === 'string') message = first;
  } catch {
    // not JSON: keep the text
  }
  const retryAfter = Number(response.headers['retry-after']);
  return new VsphereApiError(
    response.status,
    type,
    message,
    Number.isFinite(retryAfter) ? retryAfter * 1000 : null,
  );
}

const BUSY = new Set([429, 502, 503, 504]);

/** Sends once; a busy answer becomes an error so `withRetry` tries again. */
async function sendOnce(transport: VsphereTransport, request: TransportRequest): Promise<TransportResponse> {
  const response = await transport.send(request);
  if (BUSY.has(response.status)) throw apiErrorOf(response);
  return response;
}

function parseJson(response: TransportResponse, what: string): unknown {
  try {
    return JSON.parse(response.body) as unknown;
  } catch (error) {
    throw new MalformedAnswerError(`${what} was not valid JSON`, { cause: error });
  }
}

export interface VapiLogin {
  transport: VsphereTransport;
  /** Origin of the vCenter, e.g. https://vcenter.example.com */
  base: URL;
  username: string;
  password: string;
  retry: RetryPolicy;
}

/** One signed-in REST session; `close()` signs out (best effort) so sessions never pile up. */
export class VapiSession {
  /** REST requests sent, sign-in and sign-out included. */
  requests = 0;

  private constructor(
    private readonly login: VapiLogin,
    readonly flavour: VapiFlavour,
    private readonly sessionId: string,
  ) {}

  get paths(): VapiPaths {
    return VAPI_PATHS[this.flavour];
  }

  /** A request body as this flavour takes it: `/rest` wraps operation input in `{ spec }`. */
  specBody(spec: unknown): unknown {
    return this.flavour === 'rest' ? { spec } : spec;
  }

  /** Signs in on `/api`, falling back to `/rest` when this vCenter has no `/api` (404). */
  static async open(login: VapiLogin, signal?: AbortSignal): Promise<VapiSession> {
    const authorization = `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}`;
    const create = (flavour: VapiFlavour) =>
      withRetry(
        () =>
          sendOnce(login.transport, {
            method: 'POST',
            url: new URL(VAPI_PATHS[flavour].session, login.base),
            headers: { Authorization: authorization, 'vmware-use-header-authn': 'true' },
            signal,
          }),
        login.retry,
        signal,
      );
    let flavour: VapiFlavour = 'api';
    let response = await create('api');
    if (response.status === 404) {
      flavour = 'rest';
      response = await create('rest');
    }
    if (response.status !== 200 && response.status !== 201) throw apiErrorOf(response);
    const body = parseJson(response, 'the new session');
    const id = flavour === 'rest' ? (body as { value?: unknown } | null)?.value : body;
    if (typeof id !== 'string' || id === '')
      throw new MalformedAnswerError('the new session carried no session id');
    const session = new VapiSession(login, flavour, id);
    session.requests = flavour === 'api' ? 1 : 2;
    return session;
  }

  private async send(
    method: 'GET' | 'DELETE',
    path: string,
    signal?: AbortSignal,
  ): Promise<TransportResponse> {
    return withRetry(
      () => {
        this.requests += 1;
        return sendOnce(this.login.transport, {
          method,
          url: new URL(path, this.login.base),
          headers: { [SESSION_HEADER]: this.sessionId },
          signal,
        });
      },
      this.login.retry,
      signal,
    );
  }

  /**
   * Sends a change (deploy, delete) with a JSON body. Retried only when vCenter refused it as
   * busy: a cut-off answer may hide a deploy that happened, and repeating it would make two VMs.
   */
  private async change(
    method: 'POST' | 'DELETE',
    path: string,
    body: unknown,
    signal?: AbortSignal,
  ): Promise<TransportResponse> {
    return withRetry(
      () => {
        this.requests += 1;
        return sendOnce(this.login.transport, {
          method,
          url: new URL(path, this.login.base),
          headers: {
            [SESSION_HEADER]: this.sessionId,
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal,
        });
      },
      this.login.retry,
      signal,
      isRefusedAsBusy,
    );
  }

  /** POSTs a JSON body; 200/201 answers are unwrapped, 204 is null, anything else throws. */
  async post(path: string, body: unknown, what: string, signal?: AbortSignal): Promise<unknown> {
    const response = await this.change('POST', path, body, signal);
    if (response.status === 204) return null;
    if (response.status !== 200 && response.status !== 201) throw apiErrorOf(response);
    if (response.body.trim() === '') return null;
    return this.unwrap(parseJson(response, what), what);
  }

  /** DELETEs a resource; false when it was already gone (404). */
  async delete(path: string, signal?: AbortSignal): Promise<boolean> {
    const response = await this.change('DELETE', path, undefined, signal);
    if (response.status === 404) return false;
    if (response.status !== 200 && response.status !== 204) throw apiErrorOf(response);
    return true;
  }

  private unwrap(body: unknown, what: string): unknown {
    if (this.flavour === 'api') return body;
    if (body === null || typeof body !== 'object' || !('value' in body))
      throw new MalformedAnswerError(`${what} lacked the "value" envelope of the /rest API`);
    return (body as { value: unknown }).value;
  }

  /** GETs a JSON resource; any status but 200 throws a VsphereApiError. */
  async get(path: string, what: string, signal?: AbortSignal): Promise<unknown> {
    const response = await this.send('GET', path, signal);
    if (response.status !== 200) throw apiErrorOf(response);
    return this.unwrap(parseJson(response, what), what);
  }

  /** Like `get`, but a resource this vCenter cannot describe (400, 404) is `null`. */
  async getOptional(path: string, what: string, signal?: AbortSignal): Promise<unknown> {
    const response = await this.send('GET', path, signal);
    if (response.status === 400 || response.status === 404) return null;
    if (response.status !== 200) throw apiErrorOf(response);
    return this.unwrap(parseJson(response, what), what);
  }

  /**
   * Like `get`, but 404 (the resource does not exist, or no longer does) is `null`. Only 404:
   * the session was opened on this same API, so the path exists and a 404 is about the object.
   */
  async getOrNull(path: string, what: string, signal?: AbortSignal): Promise<unknown> {
    const response = await this.send('GET', path, signal);
    if (response.status === 404) return null;
    if (response.status !== 200) throw apiErrorOf(response);
    return this.unwrap(parseJson(response, what), what);
  }

  /** Signs out; never throws (an orphaned session times out on its own). */
  async close(): Promise<void> {
    try {
      this.requests += 1;
      await this.login.transport.send({
        method: 'DELETE',
        url: new URL(this.paths.session, this.login.base),
        headers: { [SESSION_HEADER]: this.sessionId },
      });
    } catch {
      // best effort
    }
  }
}

/** A list of ids, as both flavours return them for libraries and items. */
export function idList(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.some((id) => typeof id !== 'string'))
    throw new MalformedAnswerError(`${what} was not a list of ids`);
  return value as string[];
}
