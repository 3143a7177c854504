import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const tokenCookieName = 'hangar_token';

export type GuardVerdict =
  { ok: true; tokenFromQuery: boolean } | { ok: false; status: 401 | 403; reason: string };

/**
 * The browser host answers only its own page: the Host header must name the loopback address it
 * listens on (defeats DNS rebinding), a cross-site Origin is refused (defeats drive-by requests),
 * and every request must carry the per-run token (query on first load, then an HttpOnly cookie).
 */
export class RequestGuard {
  private readonly allowedHosts: Set<string>;
  private readonly allowedOrigins: Set<string>;
  private readonly token: Buffer;

  constructor(port: number, token: string) {
    this.allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.allowedOrigins = new Set([...this.allowedHosts].map((host) => `http://${host}`));
    this.token = Buffer.from(token);
  }

  check(request: IncomingMessage): GuardVerdict {
    const host = request.headers.host ?? '';
    if (!this.allowedHosts.has(host.toLowerCase())) {
      return { ok: false, status: 403, reason: 'This address is not served here.' };
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !this.allowedOrigins.has(origin.toLowerCase())) {
      return { ok: false, status: 403, reason: 'Requests from other sites are refused.' };
    }
    const fromQuery = new URL(request.url ?? '/', 'http://localhost').searchParams.get('token');
    const presented = fromQuery ?? headerToken(request) ?? cookieToken(request.headers.cookie);
    if (!presented || !this.matches(presented)) {
      return {
        ok: false,
        status: 401,
        reason: "Open the address Hangar printed when it started; it carries this run's token.",
      };
    }
    return { ok: true, tokenFromQuery: fromQuery !== null };
  }

  private matches(candidate: string): boolean {
    const presented = Buffer.from(candidate);
    return presented.length === this.token.length && timingSafeEqual(presented, this.token);
  }
}

function headerToken(request: IncomingMessage): string | null {
  const value = request.headers['x-hangar-token'];
  return typeof value === 'string' ? value : null;
}

function cookieToken(cookieHeader: string | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === tokenCookieName) return rest.join('=');
  }
  return null;
}
