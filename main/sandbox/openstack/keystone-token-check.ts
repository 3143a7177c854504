/**
 * How the Nova and Neutron stand-ins learn who is calling, as keystonemiddleware does for the
 * real services: GET /v3/auth/tokens with the service's own token in X-Auth-Token and the
 * caller's in X-Subject-Token, against whichever Keystone the stand-in trusts (its own sandbox
 * Keystone, or a real one in tests). Answers are cached briefly, as the middleware's cache does.
 */

export interface ServiceCredentials {
  user: string;
  password: string;
  project: string;
}

export interface CatalogEndpointView {
  interface?: string;
  region_id?: string;
  region?: string;
  url?: string;
}

export interface CallerToken {
  /** The caller's token itself: services call Glance on the user's behalf with it. */
  token: string;
  userId: string;
  userName: string;
  projectId: string;
  projectName: string;
  roles: string[];
  catalog: { type?: string; endpoints?: CatalogEndpointView[] }[];
  expiresAt: number;
}

export interface TokenCheckOptions {
  /** Keystone v3, e.g. http://127.0.0.1:PORT/v3 */
  keystoneUrl: string;
  /** The service user; without one, each token validates itself (Keystone's token_subject rule). */
  service?: ServiceCredentials;
  cacheMs?: number;
}

type Body = { token?: Record<string, unknown> };

export class KeystoneTokenCheck {
  private serviceToken: string | null = null;
  private readonly cache = new Map<string, { caller: CallerToken; until: number }>();

  constructor(private readonly options: TokenCheckOptions) {}

  private async signInService(): Promise<string> {
    const service = this.options.service as ServiceCredentials;
    const response = await fetch(`${this.options.keystoneUrl}/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: { user: { name: service.user, domain: { id: 'default' }, password: service.password } },
          },
          scope: { project: { name: service.project, domain: { id: 'default' } } },
        },
      }),
    });
    await response.arrayBuffer();
    const token = response.headers.get('x-subject-token');
    if (response.status !== 201 || !token)
      throw new Error(`Keystone refused the stand-in's service user (HTTP ${response.status})`);
    return token;
  }

  private async ask(subject: string, retried = false): Promise<Body | null> {
    if (this.options.service && !this.serviceToken) this.serviceToken = await this.signInService();
    const response = await fetch(`${this.options.keystoneUrl}/auth/tokens`, {
      headers: {
        accept: 'application/json',
        'x-auth-token': this.serviceToken ?? subject,
        'x-subject-token': subject,
      },
    });
    const text = await response.text();
    if (response.status === 401 && this.options.service && !retried) {
      // The service token itself expired: sign in again once.
      this.serviceToken = null;
      return this.ask(subject, true);
    }
    if (response.status === 200) return JSON.parse(text) as Body;
    if (response.status === 404 || response.status === 401 || response.status === 403) return null;
    throw new Error(`Keystone could not validate a token (HTTP ${response.status})`);
  }

  /** The caller behind a token, or null when Keystone does not accept it (or it has no project). */
  async check(token: string | undefined, now = Date.now()): Promise<CallerToken | null> {
    if (!token) return null;
    const hit = this.cache.get(token);
    if (hit && hit.until > now) return hit.caller;
    const body = await this.ask(token);
    const t = body?.token;
    const user = t?.user as { id?: string; name?: string } | undefined;
    const project = t?.project as { id?: string; name?: string } | undefined;
    if (!t || !user?.id || !project?.id) return null;
    const expiresAt = Date.parse(String(t.expires_at ?? ''));
    const caller: CallerToken = {
      token,
      userId: user.id,
      userName: user.name ?? user.id,
      projectId: project.id,
      projectName: project.name ?? project.id,
      roles: Array.isArray(t.roles) ? t.roles.map((role) => String((role as { name?: unknown }).name)) : [],
      catalog: Array.isArray(t.catalog) ? (t.catalog as CallerToken['catalog']) : [],
      expiresAt: Number.isNaN(expiresAt) ? now + 3_600_000 : expiresAt,
    };
    this.cache.set(token, {
      caller,
      until: Math.min(caller.expiresAt, now + (this.options.cacheMs ?? 60_000)),
    });
    return caller;
  }

  /** The caller's endpoint for a service type in a region (public unless told otherwise). */
  static endpoint(caller: CallerToken, type: string, region: string, iface = 'public'): string | null {
    for (const service of caller.catalog) {
      if (service.type !== type) continue;
      const found = (service.endpoints ?? []).find(
        (e) => (e.region_id ?? e.region) === region && e.interface === iface && typeof e.url === 'string',
      );
      if (found?.url) return found.url.replace(/\/+$/, '');
    }
    return null;
  }
}
