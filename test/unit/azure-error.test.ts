import { describe, expect, it } from 'vitest';
import {
  classifyAzureError,
  connectionCheckFor,
  redactSecret,
  type AzureErrorContext,
} from '../../main/providers/azure/azure-error';

const ctx: AzureErrorContext = {
  activity: 'list managed images',
  location: 'westeurope',
  clientId: 'c0ffee00-4a1b-4c2d-8e3f-2b9a7c6d5e40',
  tenantId: '5f1c7a62-3b4e-4d2a-9c1e-7a8b0d2e4f61',
  subscriptionId: '3d2e1f0a-9b8c-4d7e-a6f5-0e1d2c3b4a59',
  endpoint: 'https://management.azure.com',
  authorityHost: 'https://login.microsoftonline.com',
};

/** Errors shaped like the SDK's own (RestError, MSAL's AuthenticationRequiredError). */
const restError = (statusCode: number | undefined, code: string, message: string) =>
  Object.assign(new Error(message), { name: 'RestError', statusCode, code });

describe('Azure error classification', () => {
  it('reads AADSTS7000215 as a wrong secret, naming the app and never the secret', () => {
    const error = Object.assign(
      new Error(
        'invalid_client: Error(s): 7000215 - Description: AADSTS7000215: Invalid client secret provided.',
      ),
      { name: 'AuthenticationRequiredError' },
    );
    const { appError } = classifyAzureError(error, ctx);
    expect(appError.code).toBe('cloud-auth');
    expect(appError.message).toContain('AADSTS7000215');
    expect(appError.message).toContain(ctx.clientId);
    expect(connectionCheckFor(classifyAzureError(error, ctx)).code).toBe('bad-credentials');
  });

  it('names the missing RBAC action on 403 AuthorizationFailed', () => {
    const error = restError(
      403,
      'AuthorizationFailed',
      "The client 'c0ffee00' with object id 'x' does not have authorization to perform action 'Microsoft.Compute/images/read' over scope '/subscriptions/s' or the scope is invalid.",
    );
    const classified = classifyAzureError(error, ctx);
    expect(classified.appError.code).toBe('cloud-permission');
    expect(classified.appError.message).toContain('missing Microsoft.Compute/images/read');
    expect(connectionCheckFor(classified).code).toBe('no-permission');
  });

  it.each([
    [restError(429, 'TooManyRequests', 'throttled'), 'cloud-throttled', 'throttled'],
    [
      restError(undefined, 'ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'),
      'cloud-unreachable',
      'unreachable',
    ],
    [
      restError(401, 'InvalidAuthenticationToken', 'The access token is invalid.'),
      'cloud-auth',
      'bad-credentials',
    ],
    [
      restError(404, 'SubscriptionNotFound', "The subscription 's' could not be found."),
      'cloud-error',
      'error',
    ],
    [restError(503, 'ServiceUnavailable', 'down'), 'cloud-error', 'error'],
    [restError(undefined, 'PARSE_ERROR', 'Unexpected token < in JSON'), 'cloud-error', 'error'],
    [
      restError(undefined, 'PARSE_ERROR', 'Error reading response as text: aborted'),
      'cloud-unreachable',
      'unreachable',
    ],
    [Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }), 'cancelled', 'error'],
  ])('classifies %s', (error, code, check) => {
    const classified = classifyAzureError(error, ctx);
    expect(classified.appError.code).toBe(code);
    expect(connectionCheckFor(classified).code).toBe(check);
  });

  it('uses the sign-in diagnosis when MSAL only says endpoints_resolution_error', () => {
    const msal = Object.assign(new Error('endpoints_resolution_error: See https://aka.ms/msal.js.errors'), {
      name: 'CredentialUnavailableError',
    });
    expect(
      classifyAzureError(msal, { ...ctx, diagnosis: { kind: 'tenant-not-found', detail: 'AADSTS90002' } })
        .appError,
    ).toMatchObject({
      code: 'cloud-auth',
      message: expect.stringContaining('AADSTS90002'),
    });
    const untrusted = classifyAzureError(msal, {
      ...ctx,
      diagnosis: { kind: 'untrusted-certificate', code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
    });
    expect(connectionCheckFor(untrusted)).toMatchObject({ ok: false, code: 'untrusted-certificate' });
    expect(untrusted.appError.message).toContain('login.microsoftonline.com');
    const down = classifyAzureError(msal, { ...ctx, diagnosis: { kind: 'network', code: 'ECONNREFUSED' } });
    expect(down.appError).toMatchObject({
      code: 'cloud-unreachable',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('redacts a secret echoed back', () => {
    const secret = 'Hs8Q~super.secret.value';
    expect(redactSecret({ code: 'cloud-error', message: `bad ${secret} here` }, secret).message).toBe(
      'bad [redacted] here',
    );
  });
});
