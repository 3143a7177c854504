import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VmwareConnection } from '@contract/index';
import { CloudError } from '../../main/providers/driver';
import { vmwareProvider } from '../../main/providers/vmware/vmware-provider';
import { startVmwareSandbox, type VmwareSandbox } from '../../main/sandbox/vmware';
import { startVcsim } from '../support/vcsim';

/** The certificate's fingerprint as a plain TLS client sees it, independent of the driver. */
async function fingerprintOf(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: hostname, port: Number(port), rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate().fingerprint256);
      socket.end();
    });
    socket.once('error', reject);
  });
}

const scope = { location: '127.0.0.1', owner: 'content-libraries' };

describe('self-signed vCenter certificates (stand-in over HTTPS)', () => {
  let sandbox: VmwareSandbox;
  let other: VmwareSandbox;
  let unpinned: VmwareConnection;

  beforeAll(async () => {
    [sandbox, other] = await Promise.all([startVmwareSandbox(), startVmwareSandbox()]);
    unpinned = { url: sandbox.endpoint, username: sandbox.connection.username };
  });
  afterAll(async () => {
    await Promise.all([sandbox?.stop(), other?.stop()]);
  });

  it('refuses an untrusted certificate before sending the password, and shows its fingerprint', async () => {
    sandbox.requestLog.clear();
    const check = await vmwareProvider.createDriver(unpinned, sandbox.secret).testConnection(scope.location);
    expect(check).toMatchObject({ ok: false, code: 'untrusted-certificate' });
    expect(check.certificateFingerprint).toBe(await fingerprintOf(sandbox.endpoint));
    expect(check.certificateFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(check.message).toContain(check.certificateFingerprint);
    expect(sandbox.requestLog.entries()).toHaveLength(0);
  });

  it('lists nothing over an untrusted certificate', async () => {
    const error = await vmwareProvider
      .createDriver(unpinned, sandbox.secret)
      .listImages(scope, () => undefined)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudError);
    expect((error as CloudError).appError.code).toBe('cloud-unreachable');
    expect((error as CloudError).appError.message).toContain(sandbox.certificateFingerprint);
    expect(sandbox.requestLog.entries()).toHaveLength(0);
  });

  it('trusts the certificate once its fingerprint is pinned', async () => {
    const check = await vmwareProvider.createDriver(unpinned, sandbox.secret).testConnection(scope.location);
    const pinned = { ...unpinned, trustedCertFingerprint: check.certificateFingerprint };
    const driver = vmwareProvider.createDriver(pinned, sandbox.secret);
    expect(await driver.testConnection(scope.location)).toMatchObject({ ok: true, code: 'ok' });
    const images = await driver.listImages(scope, () => undefined);
    expect(images).toHaveLength(sandbox.seed.items.length);
  });

  it('refuses a certificate that does not match the pin, and says so', async () => {
    const pinnedToOther = { ...unpinned, trustedCertFingerprint: other.certificateFingerprint ?? undefined };
    const check = await vmwareProvider
      .createDriver(pinnedToOther, sandbox.secret)
      .testConnection(scope.location);
    expect(check).toMatchObject({
      ok: false,
      code: 'untrusted-certificate',
      certificateFingerprint: sandbox.certificateFingerprint,
    });
    expect(check.message).toContain(
      `does not match the fingerprint you pinned (${other.certificateFingerprint})`,
    );
  });
});

// govmomi's simulator over TLS serves Go's built-in self-signed test certificate: a real server's
// certificate, fingerprinted and pinned the same way.
const vcsim = await startVcsim({ tls: true });

describe.skipIf('skipReason' in vcsim)('self-signed vCenter certificates (vcsim over HTTPS)', () => {
  afterAll(async () => {
    if (!('skipReason' in vcsim)) await vcsim.stop();
  });

  it('pins vcsim certificate and lists its templates', async () => {
    if ('skipReason' in vcsim) return;
    expect(vcsim.url).toMatch(/^https:/);
    const connection: VmwareConnection = { url: vcsim.url, username: vcsim.username };
    const secret = { password: vcsim.password };
    const check = await vmwareProvider.createDriver(connection, secret).testConnection('vcsim');
    expect(check).toMatchObject({ ok: false, code: 'untrusted-certificate' });
    expect(check.certificateFingerprint).toBe(await fingerprintOf(vcsim.url));

    const pinned = { ...connection, trustedCertFingerprint: check.certificateFingerprint };
    const images = await vmwareProvider
      .createDriver(pinned, secret)
      .listImages({ location: 'vcsim', owner: 'templates' }, () => undefined);
    expect(images).toHaveLength(vcsim.templates);
  });
});

if ('skipReason' in vcsim) console.log(`vcsim TLS pinning skipped: ${vcsim.skipReason}`);
