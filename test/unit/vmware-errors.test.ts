import { describe, expect, it } from 'vitest';
import { isRetryable, withRetry } from '../../main/providers/vmware/retry';
import {
  classifyVsphereError,
  connectionCheckFor,
  MalformedAnswerError,
  redactSecret,
  RepeatedListingError,
  VsphereApiError,
} from '../../main/providers/vmware/vsphere-errors';
import {
  IncompleteBodyError,
  UntrustedCertificateError,
} from '../../main/providers/vmware/vsphere-transport';

const context = { endpoint: 'https://vcenter.example.com', activity: 'list the VM templates' };
const fingerprint = Array.from({ length: 32 }, (_, i) => i.toString(16).padStart(2, '0').toUpperCase()).join(
  ':',
);

describe('vSphere error classification', () => {
  it.each([
    [
      new VsphereApiError(401, 'UNAUTHENTICATED', 'Authentication required.'),
      'cloud-auth',
      'bad-credentials',
    ],
    [new VsphereApiError(500, 'InvalidLogin', 'Cannot complete login'), 'cloud-auth', 'bad-credentials'],
    [
      new VsphereApiError(500, 'NotAuthenticated', 'The session is not authenticated.'),
      'cloud-auth',
      'bad-credentials',
    ],
    [
      new VsphereApiError(403, 'UNAUTHORIZED', 'Unable to authorize user'),
      'cloud-permission',
      'no-permission',
    ],
    [new VsphereApiError(500, 'NoPermission', 'Permission denied'), 'cloud-permission', 'no-permission'],
    [new VsphereApiError(503, 'SERVICE_UNAVAILABLE', 'Service unavailable.'), 'cloud-throttled', 'throttled'],
    [new VsphereApiError(429, null, 'Too many requests'), 'cloud-throttled', 'throttled'],
    [new VsphereApiError(500, 'SystemError', 'boom'), 'cloud-error', 'error'],
    [new MalformedAnswerError('the content library list was not valid JSON'), 'cloud-error', 'error'],
    [new RepeatedListingError('vCenter repeated the paging token'), 'cloud-error', 'error'],
    [new IncompleteBodyError(10, 20), 'cloud-unreachable', 'unreachable'],
    [
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      'cloud-unreachable',
      'unreachable',
    ],
    [
      new Error('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ENOTFOUND' }) }),
      'cloud-unreachable',
      'unreachable',
    ],
    [Object.assign(new Error('aborted'), { name: 'AbortError' }), 'cancelled', 'error'],
  ])('%s → %s / %s', (error, code, check) => {
    const appError = classifyVsphereError(error, context);
    expect(appError.code).toBe(code);
    expect(appError.message.length).toBeGreaterThan(20);
    expect(connectionCheckFor(appError, error).code).toBe(check);
  });

  it('gives an untrusted certificate its fingerprint and a next step', () => {
    const error = new UntrustedCertificateError(fingerprint, 'DEPTH_ZERO_SELF_SIGNED_CERT', undefined);
    const appError = classifyVsphereError(error, context);
    expect(appError.message).toContain(fingerprint);
    expect(appError.message).toMatch(/pin it/);
    expect(connectionCheckFor(appError, error)).toEqual({
      ok: false,
      code: 'untrusted-certificate',
      message: appError.message,
      certificateFingerprint: fingerprint,
    });
  });

  it('says when a pinned certificate changed', () => {
    const error = new UntrustedCertificateError(fingerprint, 'DEPTH_ZERO_SELF_SIGNED_CERT', 'AA:BB');
    expect(classifyVsphereError(error, context).message).toContain(
      'does not match the fingerprint you pinned (AA:BB)',
    );
  });

  it('redacts an echoed password', () => {
    const redacted = redactSecret(
      { code: 'cloud-error', message: 'proxy said: password=Hunter2-secret rejected' },
      'Hunter2-secret',
    );
    expect(redacted.message).toBe('proxy said: password=[redacted] rejected');
  });
});

describe('bounded retries', () => {
  const fast = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 };

  it('retries busy answers and cut-off bodies, nothing else', () => {
    expect(isRetryable(new VsphereApiError(503, null, ''))).toBe(true);
    expect(isRetryable(new VsphereApiError(429, null, ''))).toBe(true);
    expect(isRetryable(new IncompleteBodyError(1, 2))).toBe(true);
    expect(isRetryable(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isRetryable(new VsphereApiError(401, null, ''))).toBe(false);
    expect(isRetryable(new MalformedAnswerError('x'))).toBe(false);
  });

  it('stops after the policy attempts with the last error', async () => {
    let calls = 0;
    const error = new VsphereApiError(503, null, 'busy');
    await expect(
      withRetry(async () => {
        calls += 1;
        throw error;
      }, fast),
    ).rejects.toBe(error);
    expect(calls).toBe(3);
  });

  it('succeeds once the server recovers', async () => {
    let calls = 0;
    const value = await withRetry(async () => {
      calls += 1;
      if (calls < 3) throw new VsphereApiError(429, null, 'slow down');
      return 'listed';
    }, fast);
    expect([value, calls]).toEqual(['listed', 3]);
  });
});
