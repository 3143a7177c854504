import type { AzureConnection, AzureSecret } from '@contract/index';
import type { ProviderModule } from '../provider-module';
import { createAzureDriver, GALLERIES_SCOPE, MANAGED_IMAGES_SCOPE } from './azure-driver';
import { createAzureComputeDriver } from './compute/azure-compute-driver';

/** The scopes one location caches: each chosen publisher, then the subscription's own images. */
export function azureScopesToCache(connection: AzureConnection): string[] {
  const scopes = [...new Set(connection.publishers)];
  if (connection.includeManagedImages) scopes.push(MANAGED_IMAGES_SCOPE);
  if (connection.includeGalleries) scopes.push(GALLERIES_SCOPE);
  return scopes;
}

export const azureProvider: ProviderModule<AzureConnection, AzureSecret> = {
  cloud: 'azure',
  label: 'Microsoft Azure',
  capabilities: {
    listImages: { supported: true, reason: null },
    testConnection: { supported: true, reason: null },
    getImage: { supported: true, reason: null },
  },
  sourcesFor: (connection) =>
    connection.locations.flatMap((location) =>
      azureScopesToCache(connection).map((owner) => ({ location, owner })),
    ),
  identityOf: (connection) => `app ${connection.clientId} in tenant ${connection.tenantId}`,
  endpointOf: (connection) => connection.endpoint ?? null,
  // DriverTuning.pageSize has no Azure counterpart: ARM picks its own page size for images,
  // galleries and gallery versions, and the Marketplace lists are not paged at all.
  createDriver: (connection, secret) => createAzureDriver(connection, secret),
  createComputeDriver: (connection, secret, tuning) =>
    createAzureComputeDriver(connection, secret, { pollIntervalMs: tuning?.pollIntervalMs }),
};
