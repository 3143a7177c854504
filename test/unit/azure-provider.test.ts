import { describe, expect, it } from 'vitest';
import type { AzureConnection } from '@contract/index';
import { AzureConnectionSchema } from '@contract/index';
import { azureProvider } from '../../main/providers/azure/azure-provider';
import { armScopeFor } from '../../main/providers/azure/azure-clients';

const connection: AzureConnection = AzureConnectionSchema.parse({
  tenantId: '5f1c7a62-3b4e-4d2a-9c1e-7a8b0d2e4f61',
  clientId: 'c0ffee00-4a1b-4c2d-8e3f-2b9a7c6d5e40',
  subscriptionId: '3d2e1f0a-9b8c-4d7e-a6f5-0e1d2c3b4a59',
  locations: ['westeurope', 'eastus'],
  publishers: ['Canonical', 'RedHat', 'Canonical'],
});

describe('Azure provider', () => {
  it('caches each location × publisher, then managed images and galleries', () => {
    expect(azureProvider.sourcesFor(connection)).toEqual([
      { location: 'westeurope', owner: 'Canonical' },
      { location: 'westeurope', owner: 'RedHat' },
      { location: 'westeurope', owner: 'managed-images' },
      { location: 'westeurope', owner: 'galleries' },
      { location: 'eastus', owner: 'Canonical' },
      { location: 'eastus', owner: 'RedHat' },
      { location: 'eastus', owner: 'managed-images' },
      { location: 'eastus', owner: 'galleries' },
    ]);
    expect(
      azureProvider.sourcesFor({ ...connection, includeGalleries: false, includeManagedImages: false }),
    ).toHaveLength(4);
  });

  it('names the account without secrets and reports its endpoint', () => {
    expect(azureProvider.identityOf(connection)).toBe(
      `app ${connection.clientId} in tenant ${connection.tenantId}`,
    );
    expect(azureProvider.endpointOf(connection)).toBeNull();
    expect(azureProvider.endpointOf({ ...connection, endpoint: 'https://127.0.0.1:4443' })).toBe(
      'https://127.0.0.1:4443',
    );
  });

  it('refuses a source that is not a location and a publisher or private scope', async () => {
    const driver = azureProvider.createDriver(connection, { clientSecret: 'unused-secret-value' });
    const error = await driver
      .listImages({ location: 'westeurope', owner: '../etc' }, () => undefined)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ appError: { code: 'invalid-request' } });
  });

  it('asks tokens for the ARM audience of the endpoint cloud', () => {
    expect(armScopeFor('https://management.azure.com')).toBe('https://management.azure.com/.default');
    expect(armScopeFor('https://management.usgovcloudapi.net')).toBe(
      'https://management.usgovcloudapi.net/.default',
    );
    expect(armScopeFor('https://127.0.0.1:4443')).toBe('https://management.azure.com/.default');
  });
});
