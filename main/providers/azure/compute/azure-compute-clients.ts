import type { ComputeManagementClient } from '@azure/arm-compute';
import { NetworkManagementClient } from '@azure/arm-network';
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineRequest,
  RestError,
} from '@azure/core-rest-pipeline';
import type { AzureConnection, AzureSecret } from '@contract/index';
import {
  armScopeFor,
  createAzureClients,
  DEFAULT_ARM_ENDPOINT,
  keepArmErrorBodies,
  pipelineOptions,
  type ArmErrorBody,
  type AzureClientTuning,
} from '../azure-clients';

/** The Resource Manager API version for resource groups (stable since 2021). */
const RESOURCE_GROUPS_API = '2021-04-01';

export interface AzureComputeClients {
  compute: ComputeManagementClient;
  network: NetworkManagementClient;
  /** ARM's error body behind an SDK error, from either client. */
  armErrorOf(error: unknown): ArmErrorBody | undefined;
  /**
   * Creates the resource group if it is missing (PUT is idempotent: an existing group keeps its
   * tags and location). @azure/arm-resources is not a dependency, so this one ARM call goes
   * through the Compute client's own pipeline: same token, retries, trust and error bodies.
   */
  ensureResourceGroup(name: string, location: string, signal?: AbortSignal): Promise<void>;
}

/**
 * The Compute and Network clients for one account, sharing the credential and the pipeline
 * options of the catalog's clients (see azure-clients.ts: explicit tenant, no ambient logins).
 */
export function createAzureComputeClients(
  connection: AzureConnection,
  secret: AzureSecret,
  tuning: AzureClientTuning = {},
): AzureComputeClients {
  const base = createAzureClients(connection, secret, tuning);
  const endpoint = (connection.endpoint ?? DEFAULT_ARM_ENDPOINT).replace(/\/+$/, '');
  const network = new NetworkManagementClient(base.credential, connection.subscriptionId, {
    endpoint,
    credentials: { scopes: [armScopeFor(endpoint)] },
    ...pipelineOptions(endpoint, tuning),
  });
  const networkErrorOf = keepArmErrorBodies([network.pipeline]);
  const armErrorOf = (error: unknown) => base.armErrorOf(error) ?? networkErrorOf(error);
  const httpClient = createDefaultHttpClient();

  const send = async (method: 'GET' | 'PUT', name: string, signal?: AbortSignal, body?: unknown) => {
    const request = createPipelineRequest({
      url: `${endpoint}/subscriptions/${encodeURIComponent(connection.subscriptionId)}/resourcegroups/${encodeURIComponent(name)}?api-version=${RESOURCE_GROUPS_API}`,
      method,
      headers: createHttpHeaders({ 'content-type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
      abortSignal: signal,
    });
    return { request, response: await base.compute.pipeline.sendRequest(httpClient, request) };
  };

  // A GET first: PUT replaces a group's tags, and a group the user already has keeps its own.
  const ensureResourceGroup = async (name: string, location: string, signal?: AbortSignal) => {
    let { request, response } = await send('GET', name, signal);
    if (response.status === 404) {
      ({ request, response } = await send('PUT', name, signal, {
        location,
        tags: { 'created-by': 'hangar' },
      }));
    }
    if (response.status === 200 || response.status === 201) return;
    let body: ArmErrorBody | undefined;
    try {
      body = (JSON.parse(response.bodyAsText ?? '') as { error?: ArmErrorBody }).error;
    } catch {
      // not ARM's envelope: the status says enough
    }
    throw new RestError(
      body?.message ?? `Resource group ${name} could not be created (HTTP ${response.status}).`,
      {
        code: body?.code,
        statusCode: response.status,
        request,
        response,
      },
    );
  };

  return { compute: base.compute, network, armErrorOf, ensureResourceGroup };
}
