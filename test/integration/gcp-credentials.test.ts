import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GcpSecret } from '@contract/index';
import { CloudError } from '../../main/providers/driver';
import { createGcpDriver } from '../../main/providers/gcp/gcp-driver';
import { gcpProvider, latestInFamily } from '../../main/providers/gcp/gcp-provider';
import { startGcpSandbox, type GcpSandbox } from '../../main/sandbox/gcp';

const FAST = { pageSize: 200, initialRetryDelayMs: 5, maxAttempts: 3 };
let sandbox: GcpSandbox;

async function cloudErrorOf(promise: Promise<unknown>): Promise<CloudError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  return error as CloudError;
}

beforeAll(async () => {
  sandbox = await startGcpSandbox({ referenceDate: new Date('2026-11-23T12:00:00Z') });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.requestLog.clear());

describe('access-token credentials', () => {
  it('lists with a bearer token as given, without any token exchange', async () => {
    const secret: GcpSecret = { kind: 'access-token', accessToken: sandbox.mintAccessToken() };
    const driver = gcpProvider.createDriver(sandbox.connection, secret, { pageSize: 100 });
    const check = await driver.testConnection('global');
    expect(check).toMatchObject({ ok: true, code: 'ok' });
    expect(check.message).toContain('with the access token');

    const images = await driver.listImages({ location: 'global', owner: 'ubuntu-os-cloud' }, () => undefined);
    expect(images).toHaveLength(sandbox.catalog.images('ubuntu-os-cloud').length);
    const latest = await latestInFamily(
      sandbox.connection,
      secret,
      'ubuntu-os-cloud',
      'ubuntu-2404-lts-amd64',
    );
    expect(latest).toMatchObject({ osFamily: 'ubuntu', osVersion: '24.04', architecture: 'x86_64' });
    expect(sandbox.requestLog.entries('oauth.token')).toHaveLength(0);
    expect(
      sandbox.requestLog.entries('images.list').every((r) => r.principal === sandbox.serviceAccountEmail),
    ).toBe(true);
  });

  it('says an expired or unknown token is a credentials problem, without echoing it', async () => {
    const expired = sandbox.mintAccessToken({ ttlSeconds: 0 });
    for (const accessToken of [expired, 'ya29.a0-not-a-token-google-issued']) {
      const secret: GcpSecret = { kind: 'access-token', accessToken };
      const driver = createGcpDriver(sandbox.connection, secret, FAST);
      expect(await driver.testConnection('global')).toMatchObject({ ok: false, code: 'bad-credentials' });
      const error = await cloudErrorOf(
        driver.listImages({ location: 'global', owner: 'debian-cloud' }, () => undefined),
      );
      expect(error.appError.code).toBe('cloud-auth');
      expect(error.appError.message).not.toContain(accessToken);
    }
    expect(sandbox.requestLog.entries('images.list').map((r) => r.status)).toEqual([401, 401, 401, 401]);
  });

  it('says a token without a Compute scope lacks permission', async () => {
    const secret: GcpSecret = {
      kind: 'access-token',
      accessToken: sandbox.mintAccessToken({
        scopes: ['https://www.googleapis.com/auth/devstorage.read_only'],
      }),
    };
    const check = await createGcpDriver(sandbox.connection, secret, FAST).testConnection('global');
    expect(check).toMatchObject({ ok: false, code: 'no-permission' });
    expect(check.message).toMatch(/scope/);
  });
});

describe('service-account credentials', () => {
  it('signs in with the key at the stand-in token endpoint the key names', async () => {
    const check = await createGcpDriver(sandbox.connection, sandbox.secret, FAST).testConnection('global');
    expect(check).toMatchObject({ ok: true, code: 'ok' });
    expect(check.message).toContain(sandbox.serviceAccountEmail);
    expect(sandbox.requestLog.entries('oauth.token')).toMatchObject([
      { method: 'POST', status: 200, principal: sandbox.serviceAccountEmail, reason: null },
    ]);
  });

  it('accepts a second registered key, and refuses an unregistered one as invalid_grant', async () => {
    const rotated: GcpSecret = { kind: 'service-account', keyJson: await sandbox.createKeyJson() };
    expect(await createGcpDriver(sandbox.connection, rotated, FAST).testConnection('global')).toMatchObject({
      ok: true,
    });

    const foreign: GcpSecret = {
      kind: 'service-account',
      keyJson: await sandbox.createKeyJson({ registered: false }),
    };
    const check = await createGcpDriver(sandbox.connection, foreign, FAST).testConnection('global');
    expect(check).toMatchObject({ ok: false, code: 'bad-credentials' });
    expect(check.message).toContain('invalid_grant');
    expect(sandbox.requestLog.entries('oauth.token').at(-1)).toMatchObject({
      status: 400,
      reason: 'invalid_grant',
    });
    expect(sandbox.requestLog.entries('images.list').filter((r) => r.status !== 200)).toHaveLength(0);
  });

  it('refuses an unreadable key file without quoting it', async () => {
    const keyJson =
      '{"type":"service_account","client_email":"x@y.iam.gserviceaccount.com","private_key":"not a key"}';
    const check = await createGcpDriver(
      sandbox.connection,
      { kind: 'service-account', keyJson },
      FAST,
    ).testConnection('global');
    expect(check).toMatchObject({ ok: false, code: 'bad-credentials' });
    expect(check.message).toMatch(/no private_key/);
    expect(check.message).not.toContain('not a key');
    expect(sandbox.requestLog.entries()).toHaveLength(0);
  });

  it('never sends a signed assertion to a token_uri off the endpoint’s host', async () => {
    const key = JSON.parse(sandbox.demoKeyJson) as Record<string, string>;
    const keyJson = JSON.stringify({ ...key, token_uri: 'https://login.example.net/token' });
    const check = await createGcpDriver(
      sandbox.connection,
      { kind: 'service-account', keyJson },
      FAST,
    ).testConnection('global');
    expect(check).toMatchObject({ ok: false, code: 'bad-credentials' });
    expect(check.message).toContain('login.example.net');
    expect(check.message).not.toContain(key.private_key?.split('\n')[1] ?? 'unreachable');
    expect(sandbox.requestLog.entries()).toHaveLength(0);
  });
});
