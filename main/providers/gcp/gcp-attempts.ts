import type { GcpAuthClient } from './gcp-auth';

/** One HTTP exchange under a call: its status, or the socket error that stood in for one. */
export interface Attempt {
  /** The OAuth token endpoint rather than Compute. */
  token: boolean;
  status: number | null;
  networkCode: string | null;
}

function networkCodeOf(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$|^UND_ERR/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

const isTokenUrl = (url: unknown): boolean => /\/token$/.test(new URL(String(url)).pathname);

/**
 * What each attempt of one call came to. The compute client retries on its own and, when it
 * gives up, reports only "exceeded maximum number of retries"; the trail says whether the
 * last attempts were throttled, unavailable or never connected, so the user is told which.
 */
export class AttemptTrail {
  readonly attempts: Attempt[] = [];

  /** Observes every request the auth client makes (token exchanges and API calls alike). */
  watch(client: GcpAuthClient): void {
    client.transporter.interceptors.response.add({
      resolved: async (response) => {
        this.attempts.push({
          token: isTokenUrl(response.config.url),
          status: response.status,
          networkCode: null,
        });
        return response;
      },
      rejected: (error) => {
        this.attempts.push({
          token: error.config?.url ? isTokenUrl(error.config.url) : false,
          status: error.response?.status ?? null,
          networkCode: networkCodeOf(error),
        });
        throw error;
      },
    });
  }

  last(): Attempt | undefined {
    return this.attempts.at(-1);
  }
}
