import { glanceBase } from '../glance-images';
import { authenticate, endpointFor, type KeystoneCredentials, type KeystoneSession } from '../keystone-auth';
import {
  HttpStatusError,
  requestJson,
  type HttpTuning,
  type JsonRequest,
  type JsonResponse,
  type OpenStackService,
} from '../openstack-http';

/** The catalog types the compute driver talks to. */
export type ServiceType = 'compute' | 'network' | 'image';

export const SERVICE_NAMES: Record<ServiceType, OpenStackService> = {
  compute: 'Nova',
  network: 'Neutron',
  image: 'Glance',
};

export interface SessionConfig {
  authUrl: string;
  interface: 'public' | 'internal' | 'admin';
  credentials: KeystoneCredentials;
}

export interface CallOptions {
  method?: JsonRequest['method'];
  body?: unknown;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  contentType?: string;
  idempotent?: boolean;
  signal?: AbortSignal;
}

/** Re-authenticate this long before Keystone's expiry, so a call never carries a dying token. */
const EXPIRY_MARGIN_MS = 120_000;
/** A token whose expiry Keystone did not say is kept this long. */
const UNKNOWN_LIFETIME_MS = 600_000;

/**
 * The catalog's URL as the base the driver appends API paths to: Nova's with its /v2.1 (a bare
 * host gets it added), Neutron's without /v2.0 (paths carry it), Glance's without /v2.
 */
export function serviceBase(type: ServiceType, url: string): string {
  const trimmed = url.trim().replace(/\/+$/, '');
  if (type === 'image') return glanceBase(trimmed);
  if (type === 'network') return trimmed.replace(/\/v2\.0$/, '');
  return /\/v2(\.1)?(\/[0-9a-f-]+)?$/i.test(trimmed) ? trimmed : `${trimmed}/v2.1`;
}

/**
 * One account's Keystone session, shared by every compute call: launching and then polling a
 * build every second must not sign in each time (a small Keystone serves one request at a
 * time). The token is dropped before it expires, and once when a service answers 401 (revoked).
 */
export class ComputeSessions {
  private cached: { session: KeystoneSession; until: number } | null = null;
  private pending: Promise<KeystoneSession> | null = null;

  constructor(
    private readonly config: SessionConfig,
    private readonly http: HttpTuning = {},
    private readonly now: () => number = Date.now,
  ) {}

  async session(signal?: AbortSignal): Promise<KeystoneSession> {
    if (this.cached && this.cached.until > this.now()) return this.cached.session;
    // Concurrent callers share one sign-in; a cancelled caller does not cancel the others'.
    this.pending ??= authenticate(this.config.authUrl, this.config.credentials, this.http)
      .then((session) => {
        const expires = session.expiresAt ? Date.parse(session.expiresAt) : Number.NaN;
        const until = Number.isNaN(expires)
          ? this.now() + UNKNOWN_LIFETIME_MS
          : Math.max(this.now(), expires - EXPIRY_MARGIN_MS);
        this.cached = { session, until };
        return session;
      })
      .finally(() => {
        this.pending = null;
      });
    const pending = this.pending;
    if (!signal) return pending;
    if (signal.aborted) throw signal.reason;
    return new Promise<KeystoneSession>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason as Error);
      signal.addEventListener('abort', onAbort, { once: true });
      pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  invalidate(): void {
    this.cached = null;
  }

  /** The service's base URL in a region, from the (cached) token's catalog. */
  async base(type: ServiceType, region: string, signal?: AbortSignal): Promise<string> {
    const session = await this.session(signal);
    return serviceBase(type, endpointFor(session.catalog, type, region, this.config.interface));
  }

  /**
   * One JSON call to `<base><path>?<query>` with the token, the http layer's retries, and one
   * fresh sign-in when the service says 401 (a token revoked or expired early).
   */
  async call(
    type: ServiceType,
    region: string,
    path: string,
    options: CallOptions = {},
  ): Promise<JsonResponse> {
    for (let attempt = 0; ; attempt += 1) {
      const session = await this.session(options.signal);
      const base = serviceBase(type, endpointFor(session.catalog, type, region, this.config.interface));
      const query = options.query ? new URLSearchParams(options.query).toString() : '';
      const url = `${base}${path}${query ? `${path.includes('?') ? '&' : '?'}${query}` : ''}`;
      try {
        return await requestJson(
          SERVICE_NAMES[type],
          url,
          {
            method: options.method ?? 'GET',
            headers: { 'x-auth-token': session.token, ...options.headers },
            body: options.body,
            contentType: options.contentType,
            idempotent: options.idempotent,
          },
          this.http,
          options.signal,
        );
      } catch (error) {
        if (attempt === 0 && error instanceof HttpStatusError && error.status === 401) {
          this.invalidate();
          continue;
        }
        throw error;
      }
    }
  }
}
