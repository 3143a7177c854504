import { describe, expect, it } from 'vitest';
import { OpenStackConnectionSchema, type OpenStackConnection } from '@contract/index';
import { CloudError } from '../../main/providers/driver';
import { CatalogError } from '../../main/providers/openstack/keystone-auth';
import {
  classifyOpenStackError,
  connectionCheckFor,
  redactSecrets,
  type ErrorContext,
} from '../../main/providers/openstack/openstack-error';
import { HttpStatusError, NetworkError, ProtocolError } from '../../main/providers/openstack/openstack-http';
import { keystoneCredentials, openstackProvider } from '../../main/providers/openstack/openstack-provider';

const password: OpenStackConnection = OpenStackConnectionSchema.parse({
  authUrl: 'https://keystone.example.com:5000',
  authType: 'password',
  username: 'alice',
  projectName: 'web',
});
const appCred: OpenStackConnection = OpenStackConnectionSchema.parse({
  authUrl: 'https://cloud.example.org/identity/v3',
  region: 'Lon1',
  authType: 'application-credential',
  applicationCredentialId: '21dced0fd20347869b93710d2b98aae0',
});

describe('openstack provider', () => {
  it('caches one source per account: its region × images', () => {
    expect(openstackProvider.sourcesFor(password)).toEqual([{ location: 'RegionOne', owner: 'images' }]);
    expect(openstackProvider.sourcesFor(appCred)).toEqual([{ location: 'Lon1', owner: 'images' }]);
  });

  it('names accounts without secrets, domains only when not the default', () => {
    expect(openstackProvider.identityOf(password)).toBe('user alice in project web');
    expect(
      openstackProvider.identityOf({ ...password, userDomainName: 'Corp', projectDomainName: 'default' }),
    ).toBe('user alice@Corp in project web');
    expect(openstackProvider.identityOf(appCred)).toBe('application credential 21dced0f…');
    expect(openstackProvider.endpointOf(password)).toBe('https://keystone.example.com:5000/v3');
  });

  it('refuses a secret of the other kind with a driver that explains, not a throw', async () => {
    expect(
      keystoneCredentials(password, { kind: 'application-credential', applicationCredentialSecret: 'x' }),
    ).toMatch(/keychain holds an application credential/);
    const driver = openstackProvider.createDriver(appCred, { kind: 'password', password: 'pw' });
    expect(await driver.testConnection('Lon1')).toMatchObject({ ok: false, code: 'error' });
    await expect(
      driver.listImages({ location: 'Lon1', owner: 'images' }, () => undefined),
    ).rejects.toMatchObject({
      appError: { code: 'invalid-request' },
    });
  });

  it('rejects a scope other than "images"', async () => {
    const driver = openstackProvider.createDriver(password, { kind: 'password', password: 'pw' });
    const error = await driver
      .listImages({ location: 'RegionOne', owner: 'self' }, () => undefined)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudError);
    expect((error as CloudError).appError.code).toBe('invalid-request');
  });
});

describe('openstack error classification', () => {
  const context: ErrorContext = {
    activity: 'list the images',
    region: 'RegionOne',
    who: 'user alice in project web',
    authKind: 'password',
  };

  it.each([
    [
      new HttpStatusError(
        'Keystone',
        401,
        'https://k/v3/auth/tokens',
        'The request you have made requires authentication.',
      ),
      'cloud-auth',
      'bad-credentials',
      /Keystone did not accept the credentials of user alice/,
    ],
    [
      new HttpStatusError('Glance', 401, 'https://g/v2/images', ''),
      'cloud-auth',
      'bad-credentials',
      /Glance refused the token/,
    ],
    [
      new HttpStatusError(
        'Glance',
        403,
        'https://g/v2/images',
        'You are not authorized to complete get_images action.',
      ),
      'cloud-permission',
      'no-permission',
      /may not list the images in RegionOne/,
    ],
    [
      new HttpStatusError('Keystone', 404, 'https://k/v3/auth/tokens', 'Not Found'),
      'cloud-error',
      'error',
      /no Keystone v3 identity service at https:\/\/k/,
    ],
    [
      new HttpStatusError('Glance', 429, 'https://g/v2/images', '', 5000),
      'cloud-throttled',
      'throttled',
      /asked to wait 5 s/,
    ],
    [
      new HttpStatusError('Glance', 503, 'https://g/v2/images', 'No server is available'),
      'cloud-error',
      'error',
      /even after retries/,
    ],
    [
      new NetworkError('Keystone', 'https://k.example.com:5000/v3/auth/tokens', 'ECONNREFUSED'),
      'cloud-unreachable',
      'unreachable',
      /Could not reach Keystone at https:\/\/k\.example\.com:5000 \(ECONNREFUSED\)/,
    ],
    [
      new ProtocolError(
        'Glance',
        'https://g',
        'Glance sent the page marker m twice; Hangar stopped rather than loop',
      ),
      'cloud-error',
      'error',
      /marker m twice/,
    ],
    [
      new CatalogError('image', 'RegionTwo', 'public', ['public in RegionOne']),
      'cloud-error',
      'error',
      /Check the region and interface/,
    ],
  ])('%s', (error, code, checkCode, message) => {
    const appError = classifyOpenStackError(error, context);
    expect(appError.code).toBe(code);
    expect(appError.message).toMatch(message);
    expect(connectionCheckFor(appError)).toMatchObject({ ok: false, code: checkCode });
  });

  it("calls an abort the caller's cancel, and says what to fix for application credentials", () => {
    const controller = new AbortController();
    controller.abort();
    expect(classifyOpenStackError(new Error('x'), context, controller.signal).code).toBe('cancelled');
    const appError = classifyOpenStackError(new HttpStatusError('Keystone', 401, 'https://k', ''), {
      ...context,
      authKind: 'application-credential',
    });
    expect(appError.message).toMatch(/application credential id and secret/);
  });

  it('redacts secrets a server echoed', () => {
    expect(
      redactSecrets({ code: 'cloud-error', message: 'bad password hunter22 given' }, ['hunter22']).message,
    ).toBe('bad password [redacted] given');
  });
});
