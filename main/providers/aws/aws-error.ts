import type { AppError } from '@contract/index';
import { clip, failedCheck, SOCKET_ERROR_CODES } from '../shared/error-facts';
import { redactSecrets as redactAll } from '../shared/redact';

/** What the classifier may mention: never a key, only where and what. */
export interface ErrorContext {
  region?: string;
  endpoint?: string;
  /** What the user was doing, e.g. "list images", "test the connection". */
  activity?: string;
  /** The IAM action the call needs, when it is not ec2:DescribeImages (launch, capture …). */
  permission?: string;
}

const AUTH_CODES = new Set([
  'AuthFailure',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'UnrecognizedClientException',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'InvalidAccessKeyId',
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
]);
const PERMISSION_CODES = new Set([
  'UnauthorizedOperation',
  'AccessDenied',
  'AccessDeniedException',
  'OptInRequired',
  'Blocked',
]);
const THROTTLE_CODES = new Set([
  'RequestLimitExceeded',
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'BandwidthLimitExceeded',
]);
const NETWORK_CODES = new Set([
  ...SOCKET_ERROR_CODES,
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
]);
const NETWORK_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'NetworkingError']);

interface ErrorFacts {
  name: string;
  code: string | undefined;
  message: string;
  status: number | undefined;
}

function factsOf(error: unknown): ErrorFacts {
  const e = (error ?? {}) as {
    name?: unknown;
    code?: unknown;
    Code?: unknown;
    message?: unknown;
    $metadata?: { httpStatusCode?: unknown };
  };
  const status = e.$metadata?.httpStatusCode;
  return {
    name: typeof e.name === 'string' ? e.name : 'Error',
    code: typeof e.Code === 'string' ? e.Code : typeof e.code === 'string' ? e.code : undefined,
    message: typeof e.message === 'string' ? e.message : String(error),
    status: typeof status === 'number' ? status : undefined,
  };
}

/** Walks `cause` links: fetch and some handlers wrap the socket error ("fetch failed" ← ECONNREFUSED). */
function causes(error: unknown): ErrorFacts[] {
  const chain: ErrorFacts[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth += 1) {
    chain.push(factsOf(current));
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/**
 * Classifies anything the SDK (or the network under it) threw into the contract's error codes,
 * with a sentence that says what to do next. Messages name the region and endpoint, never a key.
 */
export function classifyAwsError(error: unknown, context: ErrorContext = {}): AppError {
  const chain = causes(error);
  const top = chain[0] ?? factsOf(error);
  const where = context.region ? ` in ${context.region}` : '';
  const activity = context.activity ?? 'reach EC2';
  const names = new Set(chain.flatMap((f) => [f.name, f.code].filter((v): v is string => v !== undefined)));
  const has = (set: Set<string>): string | undefined => [...names].find((n) => set.has(n));

  if (names.has('AbortError') || chain.some((f) => f.message === 'This operation was aborted')) {
    return { code: 'cancelled', message: `Cancelled: Hangar stopped trying to ${activity}${where}.` };
  }
  const auth = has(AUTH_CODES);
  if (auth && /scoped to a valid region/.test(top.message)) {
    // The key may be fine: the region is disabled for the account, or the endpoint does not serve it.
    return {
      code: 'cloud-error',
      message:
        `EC2 refused the region${where || ''} (${auth}: ${clip(top.message, 160)}). ` +
        'Enable the region for this account, or choose a region this endpoint serves.',
    };
  }
  if (auth) {
    return {
      code: 'cloud-auth',
      message:
        `AWS did not accept the access key${where} (${auth}: ${clip(top.message, 160)}). ` +
        'Check the access key id and secret access key (or create a new key in IAM), then try again.',
    };
  }
  const permission = has(PERMISSION_CODES);
  if (permission && context.permission) {
    return {
      code: 'cloud-permission',
      message:
        `The access key is valid but not allowed to ${activity}${where} (${permission}). ` +
        `Grant the IAM permission ${context.permission} to this user or role, then try again.`,
    };
  }
  if (permission) {
    return {
      code: 'cloud-permission',
      message:
        `The access key is valid but not allowed to list images${where} (${permission}). ` +
        'Grant the IAM permission ec2:DescribeImages to this user or role, then try again.',
    };
  }
  const throttle = has(THROTTLE_CODES) ?? (top.status === 429 ? 'HTTP 429' : undefined);
  if (throttle) {
    return {
      code: 'cloud-throttled',
      message: `AWS is throttling requests${where} (${throttle}) and Hangar's retries ran out. Wait a minute, then try again.`,
    };
  }
  const network =
    has(NETWORK_CODES) ??
    has(NETWORK_NAMES) ??
    (chain.some((f) => /fetch failed|socket hang up/i.test(f.message)) ? 'network error' : undefined);
  if (network) {
    const target =
      context.endpoint ?? (context.region ? `ec2.${context.region}.amazonaws.com` : 'the EC2 endpoint');
    return {
      code: 'cloud-unreachable',
      message: `Could not reach ${target} (${network}). Check the network connection, proxy or endpoint URL, then try again.`,
    };
  }
  const cloudCode = top.code ?? top.name;
  const server =
    top.status !== undefined && top.status >= 500
      ? ' AWS reported a server-side problem; try again in a few minutes.'
      : '';
  return {
    code: 'cloud-error',
    message: `EC2 could not ${activity}${where}: ${cloudCode}: ${clip(top.message, 300)}.${server}`,
  };
}

/** A failed check in the contract's vocabulary; the message is the classifier's sentence. */
export const connectionCheckFor = failedCheck;

/** Removes secrets a cloud or proxy might echo back, before a message leaves the driver. */
export function redactSecrets(appError: AppError, secrets: readonly (string | undefined)[]): AppError {
  return redactAll(appError, secrets, 8);
}
