import type { AppError } from '@contract/index';
import { clip, failedCheck } from '../shared/error-facts';
import type { Attempt } from './gcp-attempts';
import { RpcCode } from './gcp-images-client';
import { redactSecrets } from '../shared/redact';

/** What a message may mention: where and what, never a key or token. */
export interface GcpErrorContext {
  /** What the user was doing: "list the images of debian-cloud", "test the connection". */
  activity: string;
  project?: string;
  /** The IAM permission the call needs, e.g. compute.images.list. */
  permission?: string;
  /** A predefined role that grants it; Compute Image User or Compute Viewer when absent. */
  role?: string;
  /** The OAuth scope the call needs; compute.readonly (or cloud-platform) when absent. */
  scope?: string;
  endpoint?: string;
}

interface Facts {
  code: number | undefined;
  httpStatus: number | undefined;
  reason: string | undefined;
  message: string;
  /** An OAuth error from the token endpoint (invalid_grant …), wherever it sits in the chain. */
  oauthError: string | undefined;
  oauthDescription: string | undefined;
  networkCode: string | undefined;
}

const NETWORK_CODE =
  /^(E[A-Z_]+|UND_ERR_[A-Z_]+|CERT_[A-Z_]+|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN)$/;

function factsOf(error: unknown): Facts {
  const facts: Facts = {
    code: undefined,
    httpStatus: undefined,
    reason: undefined,
    message: '',
    oauthError: undefined,
    oauthDescription: undefined,
    networkCode: undefined,
  };
  let current: unknown = error;
  for (let depth = 0; current !== null && current !== undefined && depth < 6; depth += 1) {
    const e = current as Record<string, unknown> & { response?: { status?: unknown; data?: unknown } };
    if (depth === 0) {
      facts.message = typeof e.message === 'string' ? e.message : String(current);
      if (typeof e.code === 'number') facts.code = e.code;
      if (typeof e.reason === 'string') facts.reason = e.reason;
    }
    facts.httpStatus ??= typeof e.httpStatusCode === 'number' ? e.httpStatusCode : undefined;
    facts.httpStatus ??= typeof e.response?.status === 'number' ? e.response.status : undefined;
    const data = e.response?.data as { error?: unknown; error_description?: unknown } | undefined;
    if (data && typeof data === 'object' && typeof data.error === 'string') {
      facts.oauthError ??= data.error;
      facts.oauthDescription ??=
        typeof data.error_description === 'string' ? data.error_description : undefined;
    }
    if (typeof e.code === 'string' && NETWORK_CODE.test(e.code)) facts.networkCode ??= e.code;
    current = e.cause;
  }
  return facts;
}

const hostOf = (endpoint: string | undefined): string =>
  endpoint ? new URL(endpoint).host : 'compute.googleapis.com';

function unreachable(context: GcpErrorContext, what: string, token: boolean): AppError {
  const target = token ? 'the OAuth token endpoint' : hostOf(context.endpoint);
  return {
    code: 'cloud-unreachable',
    message: `Could not reach ${target} (${what}). Check the network connection, proxy or endpoint URL, then try again.`,
  };
}

const throttled = (context: GcpErrorContext, what: string): AppError => ({
  code: 'cloud-throttled',
  message: `Google Cloud kept refusing to ${context.activity} (${what}) and Hangar's retries ran out. Wait a minute, then try again.`,
});

/** After the client gave up retrying, the last attempt says what kept failing. */
function fromLastAttempt(attempt: Attempt, context: GcpErrorContext): AppError | null {
  if (attempt.networkCode) return unreachable(context, attempt.networkCode, attempt.token);
  if (attempt.status === 429) return throttled(context, 'HTTP 429, rate limit exceeded');
  if (attempt.status !== null && attempt.status >= 500)
    return throttled(context, `HTTP ${attempt.status}, service unavailable`);
  if (attempt.status !== null && attempt.status < 300) {
    return {
      code: 'cloud-error',
      message: `Google Cloud's answer could not be read while trying to ${context.activity} (not JSON, or cut off). A proxy or captive portal may be answering in Google's place; check the network, then try again.`,
    };
  }
  return null;
}

/**
 * Classifies anything the compute client, the auth library or the network threw into the
 * contract's codes, with a sentence that says what to do next. `last` is the final HTTP attempt,
 * which tells retried failures apart. Messages never quote a key or token.
 */
export function classifyGcpError(
  error: unknown,
  last: Attempt | undefined,
  context: GcpErrorContext,
): AppError {
  const f = factsOf(error);
  if (f.code === RpcCode.CANCELLED || (error as { name?: unknown })?.name === 'AbortError') {
    return { code: 'cancelled', message: `Cancelled: Hangar stopped trying to ${context.activity}.` };
  }
  if (
    f.oauthError &&
    /^(invalid_grant|invalid_client|unauthorized_client|invalid_scope)$/.test(f.oauthError)
  ) {
    return {
      code: 'cloud-auth',
      message:
        `Google did not accept the service account key (${f.oauthError}: ${clip(f.oauthDescription ?? '', 120)}). ` +
        'The key may have been deleted or disabled, or belong to another service account: create a new JSON key in IAM → Service accounts → Keys, then try again.',
    };
  }
  if (f.code === RpcCode.UNAUTHENTICATED || f.httpStatus === 401) {
    return {
      code: 'cloud-auth',
      message:
        'Google did not accept the credentials (401 UNAUTHENTICATED). An access token lasts about an hour: ' +
        'paste a fresh one from gcloud or the Cloud console, or use a service account key, then try again.',
    };
  }
  if (f.code === RpcCode.PERMISSION_DENIED || f.httpStatus === 403) {
    if (
      f.reason === 'ACCESS_TOKEN_SCOPE_INSUFFICIENT' ||
      /insufficient authentication scopes/i.test(f.message)
    ) {
      return {
        code: 'cloud-permission',
        message: `The access token lacks a Compute scope, so it may not ${context.activity}. Create a token with the ${context.scope ?? 'compute.readonly'} or cloud-platform scope, then try again.`,
      };
    }
    const where = context.project ? ` in project ${context.project}` : '';
    return {
      code: 'cloud-permission',
      message:
        `The credentials are valid but lack the permission ${context.permission ?? 'compute.images.list'}${where} (${clip(f.message, 160)}). ` +
        `Grant the service account a role that includes it (for example ${context.role ?? 'Compute Image User or Compute Viewer'})${where}, then try again.`,
    };
  }
  if (f.code === RpcCode.NOT_FOUND || f.httpStatus === 404) {
    return {
      code: 'not-found',
      message: `Compute Engine could not ${context.activity}: ${clip(f.message, 240)}. Check the project id and names, then try again.`,
    };
  }
  if (f.code === RpcCode.ALREADY_EXISTS || f.httpStatus === 409) {
    return {
      code: 'conflict',
      message: `Compute Engine could not ${context.activity}: ${clip(f.message, 240)}. Choose another name, or use the existing one.`,
    };
  }
  const retryable = [RpcCode.UNAVAILABLE, RpcCode.RESOURCE_EXHAUSTED, RpcCode.DEADLINE_EXCEEDED] as number[];
  if (f.code !== undefined && retryable.includes(f.code) && last) {
    const fromAttempt = fromLastAttempt(last, context);
    if (fromAttempt) return fromAttempt;
  }
  if (f.networkCode) return unreachable(context, f.networkCode, false);
  if (f.code === RpcCode.RESOURCE_EXHAUSTED || f.httpStatus === 429)
    return throttled(context, 'rate limit exceeded');
  if (f.code === RpcCode.UNAVAILABLE) return unreachable(context, clip(f.message, 120), false);
  if (f.code === RpcCode.DEADLINE_EXCEEDED) {
    return {
      code: 'cloud-unreachable',
      message: `Compute Engine did not answer in time while Hangar tried to ${context.activity}. Check the network or endpoint, then try again.`,
    };
  }
  const server =
    f.httpStatus !== undefined && f.httpStatus >= 500
      ? ' Google reported a server-side problem; try again in a few minutes.'
      : '';
  return {
    code: 'cloud-error',
    message: `Compute Engine could not ${context.activity}: ${clip(f.message, 240)}.${server}`,
  };
}

/** A failed check in the contract's vocabulary; the message is the classifier's sentence. */
export const gcpConnectionCheck = failedCheck;

/** Removes secrets a cloud or proxy might echo back, before a message leaves the driver. */
export function redactGcpSecrets(appError: AppError, secrets: readonly (string | undefined)[]): AppError {
  return redactSecrets(appError, secrets, 8);
}
