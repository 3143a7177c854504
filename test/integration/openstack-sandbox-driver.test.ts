import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenStackConnectionSchema } from '@contract/index';
import { CloudError } from '../../main/providers/driver';
import { createOpenStackDriver } from '../../main/providers/openstack/openstack-driver';
import { openstackProvider } from '../../main/providers/openstack/openstack-provider';
import {
  OPENSTACK_SANDBOX_DEMO,
  startOpenStackSandbox,
  type OpenStackSandbox,
} from '../../main/sandbox/openstack';

/** The driver's behaviour under the stand-in's faults and accounts, beyond the shared contract. */
let sandbox: OpenStackSandbox;
const scope = { location: 'RegionOne', owner: 'images' };

beforeAll(async () => {
  sandbox = await startOpenStackSandbox({ referenceDate: new Date('2026-06-01T12:00:00Z') });
});
afterAll(() => sandbox.stop());

describe('OpenStack driver against the stand-in', () => {
  it('honours Retry-After and backs off on a busy Keystone', async () => {
    const delays: number[] = [];
    const driver = createOpenStackDriver(
      {
        authUrl: sandbox.authUrl,
        interface: 'public',
        credentials: {
          kind: 'password',
          username: 'demo',
          password: OPENSTACK_SANDBOX_DEMO.password,
          projectName: 'demo',
        },
        who: 'demo',
      },
      { pageSize: 200, http: { baseDelayMs: 10, onRetry: (r) => delays.push(r.delayMs) } },
    );
    sandbox.faults.add({ kind: 'unavailable-503', target: 'keystone-auth' });
    sandbox.faults.add({ kind: 'throttle-429', retryAfter: '1' });
    const started = Date.now();
    expect((await driver.listImages(scope, () => undefined)).length).toBeGreaterThan(100);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(delays[0]).toBeLessThan(20);
    expect(delays[1]).toBe(1000);
  });

  it('runs out of retries into "throttled"', async () => {
    sandbox.faults.add({ kind: 'throttle-429', retryAfter: '0', times: Infinity });
    try {
      const driver = createOpenStackDriver(
        {
          authUrl: sandbox.authUrl,
          interface: 'public',
          credentials: {
            kind: 'password',
            username: 'demo',
            password: OPENSTACK_SANDBOX_DEMO.password,
            projectName: 'demo',
          },
          who: 'demo',
        },
        { http: { baseDelayMs: 1, maxRetries: 2 } },
      );
      const error = (await driver.listImages(scope, () => undefined).catch((e: unknown) => e)) as CloudError;
      expect(error.appError.code).toBe('cloud-throttled');
      expect(await driver.testConnection('RegionOne')).toMatchObject({ code: 'throttled' });
    } finally {
      sandbox.faults.clear();
    }
  });

  it('stops a sync in flight when cancelled', async () => {
    sandbox.faults.add({ kind: 'latency', ms: 30_000 });
    const controller = new AbortController();
    const inFlight = sandbox.requestLog.nextReceived((r) => r.fault === 'latency');
    const listing = openstackProvider
      .createDriver(sandbox.connection, sandbox.secret)
      .listImages(scope, () => undefined, controller.signal);
    const hungUp = new Promise((resolve) => {
      const off = sandbox.requestLog.onCompleted((r) => {
        if (r.fault !== 'latency') return;
        off();
        resolve(r.status);
      });
    });
    await inFlight;
    controller.abort();
    const error = (await listing.catch((e: unknown) => e)) as CloudError;
    expect(error).toBeInstanceOf(CloudError);
    expect(error.appError.code).toBe('cancelled');
    // The server saw the client go away long before the 30 s answer.
    expect(await hungUp).toBe(0);
  });

  it('maps a Glance policy refusal to "no permission" and logs who asked, never what they typed', async () => {
    sandbox.requestLog.clear();
    const locked = OpenStackConnectionSchema.parse({
      ...sandbox.connection,
      username: 'locked',
      projectName: 'locked-down',
    });
    const driver = openstackProvider.createDriver(locked, {
      kind: 'password',
      password: 'hangar-sandbox-locked-password',
    });
    expect(await driver.testConnection('RegionOne')).toMatchObject({ ok: false, code: 'no-permission' });
    const log = sandbox.requestLog.entries();
    expect(log.map((r) => [r.service, r.userName, r.status])).toEqual([
      ['keystone', 'locked', 201],
      ['glance', 'locked', 403],
    ]);
    expect(JSON.stringify(log)).not.toContain('hangar-sandbox-locked-password');
  });

  it('lists the same images through the internal interface and an application credential', async () => {
    const viaPassword = await openstackProvider
      .createDriver(sandbox.connection, sandbox.secret)
      .listImages(scope, () => undefined);
    const appCredential = OpenStackConnectionSchema.parse({
      authUrl: sandbox.authUrl,
      region: 'RegionOne',
      interface: 'internal',
      authType: 'application-credential',
      applicationCredentialId: OPENSTACK_SANDBOX_DEMO.applicationCredentialId,
    });
    const viaAppCredential = await openstackProvider
      .createDriver(appCredential, {
        kind: 'application-credential',
        applicationCredentialSecret: OPENSTACK_SANDBOX_DEMO.applicationCredentialSecret,
      })
      .listImages(scope, () => undefined);
    expect(viaAppCredential.map((i) => i.cloudId).sort()).toEqual(viaPassword.map((i) => i.cloudId).sort());
    expect(
      sandbox.requestLog.entries((r) => r.path.startsWith('/regionone/image-internal')).length,
    ).toBeGreaterThan(0);
    const regionTwo = await openstackProvider
      .createDriver(sandbox.connection, sandbox.secret)
      .listImages({ location: 'RegionTwo', owner: 'images' }, () => undefined);
    expect(regionTwo.length).toBeGreaterThan(20);
    expect(regionTwo.some((i) => viaPassword.some((j) => j.cloudId === i.cloudId))).toBe(false);
  });
});
