import type { AppError } from '@contract/index';
import { CloudError } from '../driver';
import { CatalogError } from './keystone-auth';
import { HttpStatusError, NetworkError, ProtocolError } from './openstack-http';
import { failedCheck } from '../shared/error-facts';
import { redactSecrets as redactAll } from '../shared/redact';

/** What a message may mention: where and who, never a password, secret or token. */
export interface ErrorContext {
  /** "list the images", "test the connection". */
  activity: string;
  region: string;
  /** "user demo in project demo", "application credential 3f2a…": from identityOf. */
  who: string;
  authKind: 'password' | 'application-credential';
}

const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return 'the configured endpoint';
  }
};

const SERVICE_KINDS: Record<HttpStatusError['service'], string> = {
  Keystone: 'identity',
  Glance: 'image',
  Nova: 'compute',
  Neutron: 'network',
};

const withDetail = (status: number, detail: string): string =>
  detail ? `HTTP ${status}: ${detail}` : `HTTP ${status}`;

function statusError(error: HttpStatusError, context: ErrorContext): AppError {
  const said = withDetail(error.status, error.detail);
  if (error.status === 401 && error.service === 'Keystone') {
    const fix =
      context.authKind === 'password'
        ? 'Check the user name, its domain, the project and the password, then try again.'
        : 'Check the application credential id and secret (it may have expired or been deleted), then try again.';
    return {
      code: 'cloud-auth',
      message: `Keystone did not accept the credentials of ${context.who} (${said}). ${fix}`,
    };
  }
  if (error.status === 401) {
    return {
      code: 'cloud-auth',
      message: `${error.service} refused the token Keystone just issued for ${context.who} (${said}). The ${SERVICE_KINDS[error.service]} service may trust another Keystone: check the auth URL and region, then try again.`,
    };
  }
  if (error.status === 403) {
    return {
      code: 'cloud-permission',
      message: `${error.service} says ${context.who} may not ${context.activity} in ${context.region} (${said}). Ask an administrator for the member or reader role on the project, then try again.`,
    };
  }
  if (error.status === 404 && error.service === 'Keystone') {
    return {
      code: 'cloud-error',
      message: `There is no Keystone v3 identity service at ${originOf(error.url)} (${said}). Check the auth URL: it usually ends in :5000/v3 or /identity/v3.`,
    };
  }
  if (error.status === 429) {
    const wait = error.retryAfterMs ? ` It asked to wait ${Math.ceil(error.retryAfterMs / 1000)} s.` : '';
    return {
      code: 'cloud-throttled',
      message: `${error.service} is limiting requests in ${context.region} and Hangar's retries ran out.${wait} Wait a minute, then try again.`,
    };
  }
  if (error.status >= 500) {
    return {
      code: 'cloud-error',
      message: `${error.service} could not ${context.activity} in ${context.region} (${said}), even after retries. The cloud has a problem on its side: try again in a few minutes, or tell its operators.`,
    };
  }
  return {
    code: 'cloud-error',
    message: `${error.service} refused to ${context.activity} in ${context.region} (${said}).`,
  };
}

/**
 * Anything the OpenStack layer threw, in the contract's codes, with a sentence that says what to
 * do next. `signal` decides whether an abort was the caller's (cancelled) or a timeout.
 */
export function classifyOpenStackError(
  error: unknown,
  context: ErrorContext,
  signal?: AbortSignal,
): AppError {
  if (error instanceof CloudError) return error.appError;
  if (signal?.aborted || (error instanceof Error && error.name === 'AbortError')) {
    return {
      code: 'cancelled',
      message: `Cancelled: Hangar stopped trying to ${context.activity} in ${context.region}.`,
    };
  }
  if (error instanceof HttpStatusError) return statusError(error, context);
  if (error instanceof NetworkError) {
    return {
      code: 'cloud-unreachable',
      message: `Could not reach ${error.service} at ${originOf(error.url)} (${error.reason}). Check the network, VPN or proxy and the auth URL, then try again.`,
    };
  }
  if (error instanceof CatalogError) {
    return {
      code: 'cloud-error',
      message: `${error.message}. Check the region and interface in the account settings.`,
    };
  }
  if (error instanceof ProtocolError) {
    return {
      code: 'cloud-error',
      message: `Could not ${context.activity} in ${context.region}: ${error.message}. Try again; if it persists, the cloud or a proxy in between is misbehaving.`,
    };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { code: 'cloud-error', message: `Could not ${context.activity} in ${context.region}: ${text}.` };
}

/** A failed check in the contract's vocabulary; the message is the classifier's sentence. */
export const connectionCheckFor = failedCheck;

/** Removes secrets a server or proxy might echo back, before a message leaves the driver. */
export function redactSecrets(appError: AppError, secrets: readonly (string | null | undefined)[]): AppError {
  return redactAll(appError, secrets, 6);
}
