import type { AppError, ConnectionCheck } from '@contract/index';
import { clip, failedCheck, SOCKET_ERROR_CODES } from '../shared/error-facts';
import { isTlsTrustCode, type AuthorityDiagnosis } from './authority-diagnosis';
import { redactSecrets } from '../shared/redact';

/** What the classifier may mention: never a secret, only where and what. */
export interface AzureErrorContext {
  /** What the user was doing, e.g. "list the Canonical images", "test the connection". */
  activity: string;
  location?: string;
  clientId?: string;
  tenantId?: string;
  subscriptionId?: string;
  endpoint?: string;
  authorityHost?: string;
  /** The sign-in endpoint's own answer, when MSAL hid the cause (see authority-diagnosis.ts). */
  diagnosis?: AuthorityDiagnosis;
  /** ARM's error body, when the SDK's error kept only the status (failed pages). */
  armError?: { code?: string; message?: string };
}

/** The contract's error plus the one distinction a connection check makes beyond it. */
export interface ClassifiedAzureError {
  appError: AppError;
  untrustedCertificate: boolean;
}

interface Facts {
  name: string;
  code: string | undefined;
  status: number | undefined;
  text: string;
}

/** Name, code, status and text of an error and its causes (SDK errors wrap socket errors). */
function factsOf(error: unknown): Facts {
  const names: string[] = [];
  const texts: string[] = [];
  let code: string | undefined;
  let status: number | undefined;
  let current: unknown = error;
  for (let depth = 0; current !== null && current !== undefined && depth < 5; depth += 1) {
    const e = current as {
      name?: unknown;
      code?: unknown;
      statusCode?: unknown;
      message?: unknown;
      errorResponse?: unknown;
    };
    if (typeof e.name === 'string') names.push(e.name);
    if (code === undefined && typeof e.code === 'string') code = e.code;
    if (status === undefined && typeof e.statusCode === 'number') status = e.statusCode;
    texts.push(typeof e.message === 'string' ? e.message : String(current));
    if (e.errorResponse) texts.push(JSON.stringify(e.errorResponse));
    current = (current as { cause?: unknown }).cause;
  }
  return { name: names.join(' '), code, status, text: texts.join(' | ') };
}

const NETWORK_CODES = new Set([...SOCKET_ERROR_CODES, 'ESOCKETTIMEDOUT', 'REQUEST_SEND_ERROR']);

const auth = (message: string): ClassifiedAzureError => ({
  appError: { code: 'cloud-auth', message },
  untrustedCertificate: false,
});
const plain = (code: AppError['code'], message: string): ClassifiedAzureError => ({
  appError: { code, message },
  untrustedCertificate: false,
});

function signInFailure(facts: Facts, ctx: AzureErrorContext): ClassifiedAzureError | null {
  const app = ctx.clientId ? ` ${ctx.clientId}` : '';
  const tenant = ctx.tenantId ? ` ${ctx.tenantId}` : '';
  if (/AADSTS7000215|AADSTS7000222|invalid_client/.test(facts.text)) {
    const expired = facts.text.includes('AADSTS7000222');
    return auth(
      `Microsoft Entra ID did not accept the client secret of app${app} (${expired ? 'AADSTS7000222: the secret has expired' : 'AADSTS7000215: invalid client secret'}). ` +
        'Paste the secret’s Value (not its Secret ID) from Certificates & secrets, or create a new secret, then try again.',
    );
  }
  if (/AADSTS700016|unauthorized_client/.test(facts.text)) {
    return auth(
      `Microsoft Entra ID has no app${app} in tenant${tenant} (AADSTS700016). Check the application (client) id and the tenant id.`,
    );
  }
  if (/AADSTS90002|invalid_tenant/.test(facts.text) || ctx.diagnosis?.kind === 'tenant-not-found') {
    return auth(
      `Microsoft Entra ID does not know tenant${tenant} (AADSTS90002). Check the directory (tenant) id, and that it belongs to this cloud.`,
    );
  }
  const aadsts = /AADSTS\d+/.exec(facts.text)?.[0];
  if (aadsts)
    return auth(
      `Microsoft Entra ID refused to sign in app${app} (${aadsts}: ${clip(facts.text, 160)}). Check the tenant, client id and secret.`,
    );
  return null;
}

function armFailure(facts: Facts, ctx: AzureErrorContext): ClassifiedAzureError | null {
  const where = ctx.location ? ` in ${ctx.location}` : '';
  const code = facts.code ?? '';
  if (
    facts.status === 401 ||
    /^(InvalidAuthenticationToken|ExpiredAuthenticationToken|AuthenticationFailed)/.test(code)
  ) {
    return auth(
      `Azure Resource Manager did not accept the token for app ${ctx.clientId ?? ''} (${code || 'HTTP 401'}). Check the tenant and client id, then try again.`,
    );
  }
  if (facts.status === 403 || /AuthorizationFailed/.test(code)) {
    const action = /perform action '([^']+)'/.exec(facts.text)?.[1];
    return plain(
      'cloud-permission',
      `The app signed in but may not ${ctx.activity}${where} (${code || 'HTTP 403'}${action ? `: missing ${action}` : ''}). ` +
        `Give it a role with ${action ?? 'the read permission'} on subscription ${ctx.subscriptionId ?? ''} (Reader is enough), then try again; new roles can take a few minutes to apply.`,
    );
  }
  if (facts.status === 429) {
    return plain(
      'cloud-throttled',
      `Azure is throttling requests${where} (HTTP 429${code ? ` ${code}` : ''}) and Hangar's retries ran out. Wait a minute, then try again.`,
    );
  }
  if (code === 'SubscriptionNotFound') {
    return plain(
      'cloud-error',
      `Azure does not know subscription ${ctx.subscriptionId ?? ''} (SubscriptionNotFound). Check the subscription id, and that it belongs to tenant ${ctx.tenantId ?? ''}.`,
    );
  }
  if (/^(LocationNotAvailableForResourceType|InvalidLocation|NoRegisteredProviderFound)$/.test(code)) {
    return plain(
      'cloud-error',
      `Azure does not serve this request${where} (${code}: ${clip(facts.text, 160)}). Choose another location.`,
    );
  }
  if (facts.status === 404) {
    return plain(
      'cloud-error',
      `Azure found nothing to ${ctx.activity}${where} (${code || 'HTTP 404'}: ${clip(facts.text, 120)}). Check the name (publishers are spelled like Canonical or MicrosoftWindowsServer).`,
    );
  }
  return null;
}

/**
 * Classifies whatever the Azure SDK, MSAL or the network threw into the contract's error codes,
 * with a sentence saying what to do next. Messages name tenant, app, subscription and location,
 * never the secret.
 */
export function classifyAzureError(error: unknown, ctx: AzureErrorContext): ClassifiedAzureError {
  const facts = factsOf(error);
  if (ctx.armError) {
    facts.code = ctx.armError.code ?? facts.code;
    facts.text = [ctx.armError.message, facts.text].filter(Boolean).join(' | ');
  }
  const where = ctx.location ? ` in ${ctx.location}` : '';
  if (
    /AbortError/.test(facts.name) ||
    /The operation was aborted|This operation was aborted/.test(facts.text)
  ) {
    return plain('cancelled', `Cancelled: Hangar stopped trying to ${ctx.activity}${where}.`);
  }
  const signIn = signInFailure(facts, ctx);
  if (signIn) return signIn;
  const diagnosis = ctx.diagnosis;
  if (isTlsTrustCode(facts.code) || diagnosis?.kind === 'untrusted-certificate') {
    const host = diagnosis?.kind === 'untrusted-certificate' ? ctx.authorityHost : ctx.endpoint;
    return {
      appError: {
        code: 'cloud-unreachable',
        message: `The certificate of ${host ?? 'the Azure endpoint'} is not trusted (${diagnosis?.kind === 'untrusted-certificate' ? diagnosis.code : facts.code}). Check the endpoint URL; a private endpoint needs its CA in the system's trust store.`,
      },
      untrustedCertificate: true,
    };
  }
  const arm = armFailure(facts, ctx);
  if (arm) return arm;
  const signInUnresolved = /endpoints_resolution_error|CredentialUnavailableError/.test(
    `${facts.name} ${facts.text}`,
  );
  if (signInUnresolved || NETWORK_CODES.has(facts.code ?? '') || diagnosis?.kind === 'network') {
    const target = signInUnresolved
      ? (ctx.authorityHost ?? 'the Microsoft Entra sign-in endpoint')
      : (ctx.endpoint ?? 'Azure Resource Manager');
    const detail =
      diagnosis?.kind === 'network'
        ? diagnosis.code
        : signInUnresolved
          ? 'sign-in endpoint not resolved'
          : facts.code;
    return plain(
      'cloud-unreachable',
      `Could not reach ${target} (${detail}). Check the network connection, proxy or endpoint URL, then try again.`,
    );
  }
  if (/reading response as text|premature close|socket hang up/i.test(facts.text)) {
    return plain(
      'cloud-unreachable',
      `The connection to ${ctx.endpoint ?? 'Azure Resource Manager'} was cut before Azure's answer was complete, while trying to ${ctx.activity}${where}. Check the network or proxy, then try again.`,
    );
  }
  // A body of the wrong shape surfaces as a TypeError inside the SDK's deserializers.
  if (
    facts.code === 'PARSE_ERROR' ||
    /TypeError/.test(facts.name) ||
    /Couldn't paginate response|Unexpected token|JSON/.test(facts.text)
  ) {
    return plain(
      'cloud-error',
      `Azure sent a response Hangar could not read while trying to ${ctx.activity}${where} (${clip(facts.text, 120)}). Try again; if it persists, the endpoint may not be Azure Resource Manager.`,
    );
  }
  const server =
    facts.status !== undefined && facts.status >= 500
      ? ' Azure reported a server-side problem; try again in a few minutes.'
      : '';
  return plain(
    'cloud-error',
    `Azure could not ${ctx.activity}${where}: ${facts.code ?? facts.name}: ${clip(facts.text, 240)}.${server}`,
  );
}

/** A failed check in the contract's vocabulary; the message is the classifier's sentence. */
export function connectionCheckFor(classified: ClassifiedAzureError): ConnectionCheck {
  if (classified.untrustedCertificate)
    return { ok: false, code: 'untrusted-certificate', message: classified.appError.message };
  return failedCheck(classified.appError);
}

/** Removes a secret a cloud or proxy might echo back, before a message leaves the driver. */
export function redactSecret(appError: AppError, secret: string): AppError {
  return redactSecrets(appError, [secret], 8);
}
