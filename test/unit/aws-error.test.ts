import { describe, expect, it } from 'vitest';
import { classifyAwsError, connectionCheckFor, redactSecrets } from '../../main/providers/aws/aws-error';

/** Shaped like the SDK's service exceptions: name = EC2's code, plus $metadata. */
function sdkError(name: string, message: string, status: number): Error {
  return Object.assign(new Error(message), {
    name,
    Code: name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
  });
}

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:9`), { code, $metadata: {} });
}

describe('classifyAwsError', () => {
  it.each(['AuthFailure', 'InvalidClientTokenId', 'SignatureDoesNotMatch', 'UnrecognizedClientException'])(
    '%s → cloud-auth',
    (name) => {
      const error = classifyAwsError(
        sdkError(name, 'AWS was not able to validate the provided access credentials', 401),
        { region: 'us-east-1' },
      );
      expect(error.code).toBe('cloud-auth');
      expect(error.message).toMatch(/in us-east-1.*Check the access key id and secret access key/);
    },
  );

  it.each(['UnauthorizedOperation', 'AccessDenied'])(
    '%s → cloud-permission naming ec2:DescribeImages',
    (name) => {
      const error = classifyAwsError(
        sdkError(name, 'You are not authorized to perform this operation.', 403),
      );
      expect(error).toMatchObject({ code: 'cloud-permission' });
      expect(error.message).toContain('ec2:DescribeImages');
    },
  );

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ECONNRESET'])(
    '%s → cloud-unreachable',
    (code) => {
      const error = classifyAwsError(networkError(code), { endpoint: 'http://127.0.0.1:9' });
      expect(error.code).toBe('cloud-unreachable');
      expect(error.message).toContain(`http://127.0.0.1:9 (${code})`);
    },
  );

  it('finds the socket error behind "fetch failed" and timeouts', () => {
    const wrapped = new TypeError('fetch failed', { cause: networkError('ENOTFOUND') });
    expect(classifyAwsError(wrapped, { region: 'eu-west-1' })).toMatchObject({ code: 'cloud-unreachable' });
    expect(classifyAwsError(wrapped, { region: 'eu-west-1' }).message).toContain(
      'ec2.eu-west-1.amazonaws.com',
    );
    expect(classifyAwsError(Object.assign(new Error('timed out'), { name: 'TimeoutError' })).code).toBe(
      'cloud-unreachable',
    );
  });

  it.each([
    [sdkError('RequestLimitExceeded', 'Request limit exceeded.', 503)],
    [sdkError('Throttling', 'Rate exceeded', 400)],
    [sdkError('SomethingNew', 'Too many', 429)],
  ])('throttling → cloud-throttled', (error) => {
    expect(classifyAwsError(error).code).toBe('cloud-throttled');
  });

  it('AbortError → cancelled', () => {
    const abort = Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
    expect(classifyAwsError(abort, { activity: 'list images' })).toMatchObject({
      code: 'cancelled',
      message: expect.stringContaining('list images'),
    });
  });

  it('anything else → cloud-error with the cloud code and message', () => {
    const error = classifyAwsError(sdkError('InternalError', 'An internal error has occurred.', 500), {
      region: 'us-west-2',
      activity: 'list images',
    });
    expect(error.code).toBe('cloud-error');
    expect(error.message).toBe(
      'EC2 could not list images in us-west-2: InternalError: An internal error has occurred. AWS reported a server-side problem; try again in a few minutes.',
    );
    expect(classifyAwsError('weird').code).toBe('cloud-error');
  });

  it('tells a refused region apart from a bad key', () => {
    const error = classifyAwsError(
      sdkError('AuthFailure', "Credential should be scoped to a valid region, not 'xx-east-1'.", 401),
      { region: 'xx-east-1' },
    );
    expect(error.code).toBe('cloud-error');
    expect(error.message).toContain('Enable the region');
  });
});

describe('connection checks and redaction', () => {
  it.each([
    ['cloud-auth', 'bad-credentials'],
    ['cloud-permission', 'no-permission'],
    ['cloud-unreachable', 'unreachable'],
    ['cloud-throttled', 'throttled'],
    ['cloud-error', 'error'],
    ['internal', 'error'],
  ] as const)('%s → %s', (code, check) => {
    expect(connectionCheckFor({ code, message: 'm' })).toEqual({ ok: false, code: check, message: 'm' });
  });

  it('removes secrets a message might echo', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    expect(
      redactSecrets({ code: 'cloud-error', message: `bad ${secret}!` }, [secret, undefined]).message,
    ).toBe('bad [redacted]!');
  });
});
