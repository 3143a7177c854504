import { describe, expect, it } from 'vitest';
import { importAzureEnvironment } from '../../main/importers/azure-env';
import { fakeGuid, fakeSecret } from './fixtures/importers/fake-credentials';

const TENANT = fakeGuid(1);
const CLIENT = fakeGuid(2);
const SUBSCRIPTION = fakeGuid(3);

describe('importAzureEnvironment', () => {
  it('proposes a service principal with westeurope as the default location', () => {
    const secret = fakeSecret('azure-client-secret');
    const result = importAzureEnvironment({
      AZURE_TENANT_ID: TENANT,
      AZURE_CLIENT_ID: CLIENT,
      AZURE_CLIENT_SECRET: secret,
      AZURE_SUBSCRIPTION_ID: SUBSCRIPTION,
      PATH: '/usr/bin',
    });
    expect(result.errors).toEqual([]);
    expect(result.candidates).toHaveLength(1);
    const [candidate] = result.candidates;
    expect(candidate).toMatchObject({
      source: 'environment: AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_SUBSCRIPTION_ID',
      name: 'Azure 00000000',
      needsSecret: false,
      problems: [],
    });
    expect(candidate?.draft).toEqual({
      cloud: 'azure',
      connection: {
        tenantId: TENANT,
        clientId: CLIENT,
        subscriptionId: SUBSCRIPTION,
        locations: ['westeurope'],
        publishers: [],
        includeManagedImages: true,
        includeGalleries: true,
      },
      secret: { clientSecret: secret },
    });
    expect(candidate?.note).toContain('choose the ones you use');
  });

  it('asks for the secret when AZURE_CLIENT_SECRET is missing, mentioning a certificate if one is set', () => {
    const env = { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_SUBSCRIPTION_ID: SUBSCRIPTION };
    const plain = importAzureEnvironment(env).candidates[0];
    expect(plain?.needsSecret).toBe(true);
    expect(plain?.problems).toEqual([]);
    expect(plain?.draft?.secret).toEqual({ clientSecret: '' });
    expect(plain?.note).toContain('AZURE_CLIENT_SECRET is not set');

    const cert = importAzureEnvironment({ ...env, AZURE_CLIENT_CERTIFICATE_PATH: '/fake/cert.pem' })
      .candidates[0];
    expect(cert?.needsSecret).toBe(true);
    expect(cert?.note).toContain('certificate');
  });

  it('reports a missing subscription or tenant and leaves the draft out', () => {
    const result = importAzureEnvironment({
      AZURE_CLIENT_ID: CLIENT,
      AZURE_CLIENT_SECRET: fakeSecret('azure'),
    });
    const [candidate] = result.candidates;
    expect(candidate?.draft).toBeNull();
    expect(candidate?.problems).toHaveLength(2);
    expect(candidate?.problems[0]).toContain('AZURE_TENANT_ID is not set');
    expect(candidate?.problems[1]).toContain('AZURE_SUBSCRIPTION_ID is not set');
  });

  it('names the variable when a value is not a GUID', () => {
    const [candidate] = importAzureEnvironment({
      AZURE_TENANT_ID: 'fake-tenant.onmicrosoft.com',
      AZURE_CLIENT_ID: CLIENT,
      AZURE_CLIENT_SECRET: fakeSecret('azure'),
      AZURE_SUBSCRIPTION_ID: SUBSCRIPTION,
    }).candidates;
    expect(candidate?.draft).toBeNull();
    expect(candidate?.problems).toEqual([
      'AZURE_TENANT_ID: must be a GUID such as 00000000-0000-0000-0000-000000000000',
    ]);
  });

  it('carries AZURE_AUTHORITY_HOST, and proposes nothing without Azure variables', () => {
    const [candidate] = importAzureEnvironment({
      AZURE_TENANT_ID: TENANT,
      AZURE_CLIENT_ID: CLIENT,
      AZURE_CLIENT_SECRET: fakeSecret('azure'),
      AZURE_SUBSCRIPTION_ID: SUBSCRIPTION,
      AZURE_AUTHORITY_HOST: 'https://login.microsoftonline.us',
    }).candidates;
    expect(candidate?.draft?.connection).toMatchObject({ authorityHost: 'https://login.microsoftonline.us' });
    expect(candidate?.note).toContain('Resource Manager endpoint');
    expect(importAzureEnvironment({ AZURE_CONFIG_DIR: '/fake', HOME: '/home/fake' })).toEqual({
      candidates: [],
      errors: [],
    });
  });
});
