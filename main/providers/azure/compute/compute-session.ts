import type { AzureConnection, AzureSecret } from '@contract/index';
import { DEFAULT_ARM_ENDPOINT, DEFAULT_AUTHORITY_HOST, type AzureClientTuning } from '../azure-clients';
import { createAzureComputeClients, type AzureComputeClients } from './azure-compute-clients';
import { computeCloudError } from './compute-errors';
import type { CloudError } from '../../driver';

export interface AzureComputeOptions extends AzureClientTuning {
  /** How often long-running operations are polled. Default 2 s (ARM's usual Retry-After wins). */
  pollIntervalMs?: number;
  /** Replaces the client factory (tests). */
  createClients?: (connection: AzureConnection, secret: AzureSecret) => AzureComputeClients;
}

/**
 * What every compute call shares: fresh clients per call (no token outlives an action), the
 * poll interval for long-running operations, and one way to turn a failure into a CloudError.
 */
export interface ComputeSession {
  readonly subscriptionId: string;
  open(): AzureComputeClients;
  /** Options for a begin… call: the poll interval and the caller's signal. */
  lro(signal?: AbortSignal): { updateIntervalInMs: number; abortSignal?: AbortSignal };
  fail(
    error: unknown,
    activity: string,
    location: string | undefined,
    clients?: AzureComputeClients,
  ): CloudError;
}

export function createComputeSession(
  connection: AzureConnection,
  secret: AzureSecret,
  options: AzureComputeOptions = {},
): ComputeSession {
  const pollMs = options.pollIntervalMs ?? 2000;
  return {
    subscriptionId: connection.subscriptionId,
    open: () =>
      (options.createClients ?? ((c, s) => createAzureComputeClients(c, s, options)))(connection, secret),
    lro: (signal) => ({ updateIntervalInMs: pollMs, ...(signal ? { abortSignal: signal } : {}) }),
    fail: (error, activity, location, clients) =>
      computeCloudError(
        error,
        {
          activity,
          location,
          clientId: connection.clientId,
          tenantId: connection.tenantId,
          subscriptionId: connection.subscriptionId,
          endpoint: connection.endpoint ?? DEFAULT_ARM_ENDPOINT,
          authorityHost: connection.authorityHost ?? DEFAULT_AUTHORITY_HOST,
          clientSecret: secret.clientSecret,
        },
        clients?.armErrorOf(error),
      ),
  };
}

/** True for ARM's "that resource is not there" (the caller decides what absence means). */
export function isNotFound(error: unknown, clients?: AzureComputeClients): boolean {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  const code = clients?.armErrorOf(error)?.code ?? (error as { code?: unknown } | null)?.code;
  return status === 404 && code !== 'SubscriptionNotFound' && code !== 'NoRegisteredProviderFound';
}
