import { ComputeManagementClient } from '@azure/arm-compute';
import type { Pipeline } from '@azure/core-rest-pipeline';
import { ClientSecretCredential } from '@azure/identity';
import type { AzureConnection, AzureSecret } from '@contract/index';
import { trustedCaFor } from './azure-trust';

export interface AzureClientTuning {
  /** Retries after the first attempt, for the SDK's own retry policy. Default 3 (the SDK's). */
  maxRetries?: number;
  /** Base delay of the SDK's exponential back-off. Default 800 ms; tests set a few ms. */
  retryDelayInMs?: number;
  /** Cap on any one back-off, including a server's Retry-After. Default 30 s. */
  maxRetryDelayInMs?: number;
  /**
   * A CA to trust for this account's endpoints, given explicitly (tests). Otherwise the CA a local
   * stand-in registered for the endpoint's origin, if any (see azure-trust.ts); otherwise the
   * system's CAs alone.
   */
  trustedCaPem?: string;
}

/** Microsoft's own sign-in hosts, which MSAL's instance discovery knows; any other host skips it. */
const MICROSOFT_AUTHORITIES = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
]);

export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
export const DEFAULT_ARM_ENDPOINT = 'https://management.azure.com';

/** Sovereign clouds' Resource Manager hosts ask tokens for their own audience. */
const SOVEREIGN_ARM_HOSTS = new Set(['management.usgovcloudapi.net', 'management.chinacloudapi.cn']);

/** The token scope for an ARM endpoint: its own for Microsoft's clouds, Azure public's for anything else (a stand-in). */
export function armScopeFor(endpoint: string): string {
  const url = new URL(endpoint);
  return SOVEREIGN_ARM_HOSTS.has(url.hostname)
    ? `${url.origin}/.default`
    : 'https://management.azure.com/.default';
}

/** ARM's own `{ error: { code, message } }`, which the SDK's pager drops from its RestError. */
export interface ArmErrorBody {
  code?: string;
  message?: string;
}

export interface AzureClients {
  credential: ClientSecretCredential;
  compute: ComputeManagementClient;
  /** The ARM error body behind an SDK error, when the SDK kept only the status. */
  armErrorOf(error: unknown): ArmErrorBody | undefined;
}

/** Retries and trust for one endpoint, shared by every client an account builds (Compute, Network). */
export function pipelineOptions(url: string, tuning: AzureClientTuning) {
  const ca = tuning.trustedCaPem ?? trustedCaFor(url);
  return {
    retryOptions: {
      maxRetries: tuning.maxRetries ?? 3,
      retryDelayInMs: tuning.retryDelayInMs ?? 800,
      maxRetryDelayInMs: tuning.maxRetryDelayInMs ?? 30_000,
    },
    // The CA replaces the default list for this client's requests only: a stand-in's origin
    // trusts its own CA and nothing else; every other endpoint keeps the system's trust.
    ...(ca ? { tlsOptions: { ca } } : {}),
  };
}

/**
 * The credential and Compute client for one account. Everything is explicit (tenant, client id,
 * secret, authority, endpoint), so the SDK never falls back to environment variables, the Azure
 * CLI's login or managed identity: a consultant's other tenants must not leak into this account.
 */
export function createAzureClients(
  connection: AzureConnection,
  secret: AzureSecret,
  tuning: AzureClientTuning = {},
): AzureClients {
  const authorityHost = connection.authorityHost ?? DEFAULT_AUTHORITY_HOST;
  const endpoint = connection.endpoint ?? DEFAULT_ARM_ENDPOINT;
  const credential = new ClientSecretCredential(
    connection.tenantId,
    connection.clientId,
    secret.clientSecret,
    {
      authorityHost,
      // Instance discovery asks login.microsoftonline.com about the authority; a sovereign or local
      // authority answers for itself through its own OpenID metadata instead.
      disableInstanceDiscovery: !MICROSOFT_AUTHORITIES.has(new URL(authorityHost).hostname),
      additionallyAllowedTenants: [],
      ...pipelineOptions(authorityHost, tuning),
    },
  );
  const compute = new ComputeManagementClient(credential, connection.subscriptionId, {
    endpoint,
    credentials: { scopes: [armScopeFor(endpoint)] },
    ...pipelineOptions(endpoint, tuning),
  });
  const armErrorOf = keepArmErrorBodies([compute.pipeline]);
  return { credential, compute, armErrorOf };
}

/**
 * A failed page ("Pagination failed with unexpected statusCode 403") loses ARM's message, which
 * names the missing permission; this policy keeps each failed response's error body, keyed by
 * the request the SDK's RestError points back to. One lookup serves all the given pipelines.
 */
export function keepArmErrorBodies(
  pipelines: readonly Pipeline[],
): (error: unknown) => ArmErrorBody | undefined {
  const errorBodies = new WeakMap<object, ArmErrorBody>();
  for (const pipeline of pipelines) {
    pipeline.addPolicy({
      name: 'hangarKeepArmErrorBodies',
      async sendRequest(request, next) {
        const response = await next(request);
        if (response.status >= 400 && response.bodyAsText) {
          try {
            const body = JSON.parse(response.bodyAsText) as { error?: ArmErrorBody };
            if (body.error && typeof body.error === 'object') errorBodies.set(request, body.error);
          } catch {
            // not ARM's envelope: the SDK's own error says enough
          }
        }
        return response;
      },
    });
  }
  return (error: unknown): ArmErrorBody | undefined => {
    const request = (error as { request?: unknown } | null)?.request;
    return request && typeof request === 'object' ? errorBodies.get(request) : undefined;
  };
}
