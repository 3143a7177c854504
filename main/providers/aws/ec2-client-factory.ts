import { EC2Client } from '@aws-sdk/client-ec2';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';

/** One account's way in: its key, and optionally another endpoint (the sandbox, a VPC endpoint). */
export interface AwsConnection {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  endpoint?: string;
}

export interface Ec2ClientTuning {
  /** Attempts per request including the first, for the SDK's standard retry strategy. Default 4. */
  maxAttempts?: number;
  /**
   * Base of the SDK's exponential back-off, in ms. Left unset, the SDK's own defaults apply
   * (longer for throttling); tests set a few ms to stay fast.
   */
  retryBaseDelayMs?: number;
  /** Time allowed to open a TCP connection. Default 5 s, so an unreachable endpoint fails fast. */
  connectionTimeoutMs?: number;
  /** Socket idle time allowed for one response. Default 60 s. */
  requestTimeoutMs?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 4;

/**
 * Builds an EC2 client for one region. Credentials and region are explicit so the SDK never
 * falls back to the environment, shared config files or instance metadata: a consultant's
 * other profiles must not leak into this account.
 */
export function createEc2Client(
  connection: AwsConnection,
  region: string,
  tuning: Ec2ClientTuning = {},
): EC2Client {
  const maxAttempts = tuning.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const baseDelay = tuning.retryBaseDelayMs;
  return new EC2Client({
    region,
    endpoint: connection.endpoint,
    // A fresh object each time: the SDK annotates the credentials object it is given.
    credentials: {
      accessKeyId: connection.accessKeyId,
      secretAccessKey: connection.secretAccessKey,
      sessionToken: connection.sessionToken,
    },
    maxAttempts,
    retryStrategy:
      baseDelay === undefined
        ? undefined
        : new ConfiguredRetryStrategy(
            maxAttempts,
            (attempt: number) => baseDelay * 2 ** Math.max(0, attempt - 1),
          ),
    requestHandler: {
      connectionTimeout: tuning.connectionTimeoutMs ?? 5_000,
      requestTimeout: tuning.requestTimeoutMs ?? 60_000,
    },
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    ignoreConfiguredEndpointUrls: true,
  });
}
