import type { ImagesClient } from '@google-cloud/compute';
import type { GcpAuthClient } from './gcp-auth';

/** gRPC status codes the client's retry loop matches on (google.rpc.Code). */
export const RpcCode = {
  CANCELLED: 1,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

export interface GcpCallTuning {
  /** Attempts in all, for 429, 503, timeouts and dropped connections. Default 4. */
  maxAttempts?: number;
  /** First back-off in ms (the client sleeps a random share of it, growing 2× per retry). Default 250. */
  initialRetryDelayMs?: number;
  /** Time allowed for one attempt. Default 60 s. */
  attemptTimeoutMs?: number;
}

/** The call options Hangar passes to every images call: the client's own retry loop, bounded. */
export interface GcpCallOptions {
  timeout: number;
  retry: {
    retryCodes: number[];
    backoffSettings: {
      maxRetries: number;
      initialRetryDelayMillis: number;
      retryDelayMultiplier: number;
      maxRetryDelayMillis: number;
      initialRpcTimeoutMillis: number;
      rpcTimeoutMultiplier: number;
      maxRpcTimeoutMillis: number;
    };
  };
  autoPaginate?: false;
  signal?: AbortSignal;
}

export function callOptions(tuning: GcpCallTuning = {}, signal?: AbortSignal): GcpCallOptions {
  const attemptTimeout = tuning.attemptTimeoutMs ?? 60_000;
  return {
    timeout: attemptTimeout,
    retry: {
      // Compute's own config retries UNAVAILABLE and DEADLINE_EXCEEDED; Google's guidance adds 429.
      retryCodes: [RpcCode.UNAVAILABLE, RpcCode.RESOURCE_EXHAUSTED, RpcCode.DEADLINE_EXCEEDED],
      backoffSettings: {
        // The client's `maxRetries` counts every attempt, the first included.
        maxRetries: tuning.maxAttempts ?? 4,
        initialRetryDelayMillis: tuning.initialRetryDelayMs ?? 250,
        retryDelayMultiplier: 2,
        maxRetryDelayMillis: 8_000,
        initialRpcTimeoutMillis: attemptTimeout,
        rpcTimeoutMultiplier: 1,
        maxRpcTimeoutMillis: attemptTimeout,
      },
    },
    ...(signal ? { signal } : {}),
  };
}

/** Where the REST transport connects: Google's default, or a private endpoint / the stand-in. */
export function endpointOptions(endpoint: string | undefined): {
  apiEndpoint?: string;
  port?: number;
  protocol?: 'http' | 'https';
} {
  if (!endpoint) return {};
  const url = new URL(endpoint);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return {
    apiEndpoint: url.hostname,
    port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443,
    protocol,
  };
}

/**
 * A Compute images client over REST with an explicit auth client, so it never looks for
 * Application Default Credentials. Loaded lazily: the library is large and only syncs need it.
 */
export async function createImagesClient(
  authClient: GcpAuthClient,
  endpoint: string | undefined,
): Promise<ImagesClient> {
  const { ImagesClient: Client } = await import('@google-cloud/compute');
  return new Client({ fallback: true, authClient, ...endpointOptions(endpoint) });
}
