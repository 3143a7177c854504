import type { AppError, ConnectionCheck } from '@contract/index';
import { clip, failedCheck, SOCKET_ERROR_CODES } from '../shared/error-facts';
import { IncompleteBodyError, UntrustedCertificateError } from './vsphere-transport';
import { redactSecrets } from '../shared/redact';

/** vCenter answered with an error status (REST) or a SOAP fault. */
export class VsphereApiError extends Error {
  constructor(
    readonly status: number,
    /** vAPI error type (UNAUTHENTICATED, com.vmware.vapi.std.errors.unauthorized …) or SOAP fault type (InvalidLogin …). */
    readonly errorType: string | null,
    readonly serverMessage: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(`HTTP ${status}${errorType ? ` ${errorType}` : ''}: ${serverMessage}`);
    this.name = 'VsphereApiError';
  }
}

/** The answer arrived whole but is not what the API documents (bad JSON or XML, wrong shape). */
export class MalformedAnswerError extends Error {
  constructor(what: string, options?: { cause?: unknown }) {
    super(what, options);
    this.name = 'MalformedAnswerError';
  }
}

/** A listing repeated itself (a paging token seen before, items of another library): stop, never loop. */
export class RepeatedListingError extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'RepeatedListingError';
  }
}

export interface ErrorContext {
  /** The vCenter URL, never with credentials. */
  endpoint: string;
  /** "list the content libraries", "test the connection" … */
  activity: string;
}

const AUTH_TYPES = /unauthenticated|InvalidLogin|NotAuthenticated|InvalidLocale|authentication/i;
const PERMISSION_TYPES = /unauthorized|NoPermission|RestrictedVersion|forbidden/i;
const NETWORK_CODES = new Set([...SOCKET_ERROR_CODES, 'EPROTO', 'ERR_SSL_WRONG_VERSION_NUMBER']);

function isAbort(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown } | null;
  return e?.name === 'AbortError' || e?.code === 'ABORT_ERR';
}

/** Turns anything the vSphere client threw into the contract's codes, with a next step. */
export function classifyVsphereError(error: unknown, context: ErrorContext): AppError {
  const where = context.endpoint;
  if (isAbort(error))
    return { code: 'cancelled', message: `Cancelled: Hangar stopped trying to ${context.activity}.` };
  if (error instanceof UntrustedCertificateError) {
    const changed = error.pinned ? ` It does not match the fingerprint you pinned (${error.pinned}).` : '';
    return {
      code: 'cloud-unreachable',
      message:
        `${where} presented a certificate Hangar does not trust (${error.reason}); SHA-256 fingerprint ` +
        `${error.fingerprint}.${changed} Compare it with the certificate in the vCenter appliance's ` +
        'management interface and pin it in the account settings if it matches.',
    };
  }
  if (error instanceof VsphereApiError) {
    const said = clip(error.serverMessage, 200);
    if (error.status === 401 || (error.errorType !== null && AUTH_TYPES.test(error.errorType)))
      return {
        code: 'cloud-auth',
        message: `vCenter at ${where} did not accept the user name and password (${error.errorType ?? `HTTP ${error.status}`}). Check them (user names usually look like administrator@vsphere.local), then try again.`,
      };
    if (error.status === 403 || (error.errorType !== null && PERMISSION_TYPES.test(error.errorType)))
      return {
        code: 'cloud-permission',
        message: `The vCenter user may sign in but not ${context.activity} (${error.errorType ?? 'HTTP 403'}: ${said}). Give it a role with the Content Library and Virtual Machine read privileges, then try again.`,
      };
    if (error.status === 429 || error.status === 503)
      return {
        code: 'cloud-throttled',
        message: `vCenter at ${where} kept answering "${error.status === 429 ? 'too many requests' : 'service unavailable'}" and Hangar's retries ran out. Wait a minute, then try again.`,
      };
    const server =
      error.status >= 500 ? ' vCenter reported a problem on its side; try again in a few minutes.' : '';
    return {
      code: 'cloud-error',
      message: `vCenter could not ${context.activity}: ${error.errorType ?? `HTTP ${error.status}`}: ${said}.${server}`,
    };
  }
  if (error instanceof MalformedAnswerError || error instanceof RepeatedListingError) {
    return {
      code: 'cloud-error',
      message: `vCenter at ${where} sent an answer Hangar cannot use while trying to ${context.activity} (${clip(error.message, 200)}). Try again; if it persists, check any proxy between Hangar and vCenter.`,
    };
  }
  if (error instanceof IncompleteBodyError) {
    return {
      code: 'cloud-unreachable',
      message: `The connection to ${where} broke while Hangar tried to ${context.activity} (${error.message}). Check the network, then try again.`,
    };
  }
  const chain: { code?: unknown; name?: unknown; message?: unknown; cause?: unknown }[] = [];
  for (let e = error as (typeof chain)[number] | undefined, depth = 0; e && depth < 5; depth += 1) {
    chain.push(e);
    e = e.cause as (typeof chain)[number] | undefined;
  }
  const network = chain.find(
    (e) => (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) || e.name === 'TimeoutError',
  );
  if (network) {
    const code = typeof network.code === 'string' ? network.code : String(network.name);
    return {
      code: 'cloud-unreachable',
      message: `Could not reach vCenter at ${where} (${code}). Check the address, the network or VPN, then try again.`,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'cloud-error',
    message: `Hangar could not ${context.activity} at ${where}: ${clip(message, 200)}.`,
  };
}

/** A failed connection check; an untrusted certificate carries its fingerprint for the user to pin. */
export function connectionCheckFor(appError: AppError, error: unknown): ConnectionCheck {
  if (error instanceof UntrustedCertificateError)
    return {
      ok: false,
      code: 'untrusted-certificate',
      message: appError.message,
      certificateFingerprint: error.fingerprint,
    };
  return failedCheck(appError);
}

/** Removes the password if a server or proxy echoed it. */
export function redactSecret(appError: AppError, secret: string): AppError {
  return redactSecrets(appError, [secret], 4);
}
