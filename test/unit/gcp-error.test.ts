import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../main/providers/gcp/gcp-attempts';
import { parseServiceAccountKey, tokenUriOverride } from '../../main/providers/gcp/gcp-auth';
import { classifyGcpError, gcpConnectionCheck, redactGcpSecrets } from '../../main/providers/gcp/gcp-error';
import { CloudError } from '../../main/providers/driver';

const context = {
  activity: 'list the images of acme-prod',
  project: 'acme-prod',
  permission: 'compute.images.list',
};

/** What the compute client rejects with: a GoogleError-like object with a gRPC code. */
const googleError = (code: number, message: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { code, ...extra });

const attempt = (status: number | null, networkCode: string | null = null, token = false): Attempt => ({
  status,
  networkCode,
  token,
});

describe('classifyGcpError', () => {
  it('reads the token endpoint’s OAuth refusal as bad credentials', () => {
    const gaxios = Object.assign(new Error('invalid_grant: Invalid JWT Signature.'), {
      response: {
        status: 400,
        data: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' },
      },
    });
    const error = googleError(3, gaxios.message, { httpStatusCode: 400, cause: gaxios });
    const appError = classifyGcpError(error, attempt(400, null, true), context);
    expect(appError.code).toBe('cloud-auth');
    expect(appError.message).toContain('invalid_grant: Invalid JWT Signature');
    expect(gcpConnectionCheck(appError).code).toBe('bad-credentials');
  });

  it('maps 401, 403 and 404 from Compute', () => {
    expect(
      classifyGcpError(
        googleError(16, 'Request had invalid authentication credentials.', { httpStatusCode: 401 }),
        undefined,
        context,
      ).code,
    ).toBe('cloud-auth');
    const denied = classifyGcpError(
      googleError(7, "Required 'compute.images.list' permission for 'projects/acme-prod'", {
        httpStatusCode: 403,
      }),
      undefined,
      context,
    );
    expect(denied.code).toBe('cloud-permission');
    expect(denied.message).toContain('compute.images.list');
    expect(denied.message).toContain('acme-prod');
    const scopes = classifyGcpError(
      googleError(7, 'Request had insufficient authentication scopes.', {
        reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
      }),
      undefined,
      context,
    );
    expect(scopes.message).toMatch(/scope/);
    expect(
      classifyGcpError(
        googleError(5, "The resource 'x' was not found", { httpStatusCode: 404 }),
        undefined,
        context,
      ).code,
    ).toBe('not-found');
  });

  it('tells apart what kept failing once the client’s retries ran out', () => {
    const exhausted = googleError(
      4,
      'Exceeded maximum number of retries retrying error Error: … before any response was received',
    );
    expect(classifyGcpError(exhausted, attempt(429), context).code).toBe('cloud-throttled');
    expect(classifyGcpError(exhausted, attempt(503), context).code).toBe('cloud-throttled');
    const refused = classifyGcpError(exhausted, attempt(null, 'ECONNREFUSED'), {
      ...context,
      endpoint: 'http://127.0.0.1:9',
    });
    expect(refused).toMatchObject({ code: 'cloud-unreachable' });
    expect(refused.message).toContain('127.0.0.1:9 (ECONNREFUSED)');
    expect(classifyGcpError(exhausted, attempt(null, 'ENOTFOUND', true), context).message).toContain(
      'token endpoint',
    );
    expect(classifyGcpError(exhausted, attempt(200), context)).toMatchObject({ code: 'cloud-error' });
    expect(classifyGcpError(exhausted, attempt(null), context).code).toBe('cloud-unreachable');
  });

  it('finds a socket error anywhere in the cause chain, and a cancel by its code', () => {
    const socket = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(classifyGcpError(new Error('request failed', { cause: socket }), undefined, context).code).toBe(
      'cloud-unreachable',
    );
    expect(classifyGcpError(googleError(1, 'cancelled'), undefined, context).code).toBe('cancelled');
    expect(
      classifyGcpError(
        googleError(13, 'Internal error encountered.', { httpStatusCode: 500 }),
        undefined,
        context,
      ),
    ).toMatchObject({
      code: 'cloud-error',
      message: expect.stringContaining('server-side problem') as unknown as string,
    });
  });

  it('redacts secrets echoed back', () => {
    const token = 'ya29.c.secret-token-value';
    expect(redactGcpSecrets({ code: 'cloud-error', message: `bad ${token}` }, [token]).message).toBe(
      'bad [redacted]',
    );
  });
});

describe('service-account keys', () => {
  const key = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      type: 'service_account',
      client_email: 'sync@acme-prod.iam.gserviceaccount.com',
      private_key: '-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----\n',
      token_uri: 'https://oauth2.googleapis.com/token',
      ...extra,
    });

  it('parses a key file and refuses broken ones in words', () => {
    expect(parseServiceAccountKey(key()).client_email).toBe('sync@acme-prod.iam.gserviceaccount.com');
    const refusal = (json: string): string => {
      try {
        parseServiceAccountKey(json);
      } catch (error) {
        expect(error).toBeInstanceOf(CloudError);
        return (error as CloudError).appError.message;
      }
      throw new Error('expected a refusal');
    };
    expect(refusal('{not json')).toContain('not valid JSON');
    expect(refusal(key({ type: 'authorized_user' }))).toContain('not a service account key');
    expect(refusal(key({ private_key: 'MIIEvQ' }))).toContain('no private_key');
  });

  it('honours token_uri only on Google or on the endpoint’s own host', () => {
    const parsed = (uri: string) => parseServiceAccountKey(key({ token_uri: uri }));
    expect(tokenUriOverride(parsed('https://oauth2.googleapis.com/token'), undefined)).toBeNull();
    expect(tokenUriOverride(parsed('https://accounts.google.com/o/oauth2/token'), undefined)).toBeNull();
    expect(tokenUriOverride(parsed('https://oauth2-acme.p.googleapis.com/token'), undefined)).toBe(
      'https://oauth2-acme.p.googleapis.com/token',
    );
    expect(tokenUriOverride(parsed('http://127.0.0.1:4000/token'), 'http://127.0.0.1:9')).toBe(
      'http://127.0.0.1:4000/token',
    );
    expect(() => tokenUriOverride(parsed('http://127.0.0.1:4000/token'), undefined)).toThrow(CloudError);
    expect(() =>
      tokenUriOverride(parsed('https://evil.example/token'), 'https://compute.internal.acme'),
    ).toThrow(/evil\.example/);
  });
});
