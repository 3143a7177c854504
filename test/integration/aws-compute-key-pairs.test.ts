import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { DescribeKeyPairsCommand } from '@aws-sdk/client-ec2';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ComputeDriver } from '../../main/providers/compute-driver';
import { createAwsComputeDriver } from '../../main/providers/aws/compute/aws-compute-driver';
import { createEc2Client, type AwsConnection } from '../../main/providers/aws/ec2-client-factory';
import { CloudError } from '../../main/providers/driver';
import { startEc2Sandbox, type Ec2Sandbox } from '../../main/sandbox';

const KEY = {
  accessKeyId: 'AKIAHANGARCOMPUTE001',
  secretAccessKey: 'computeSecret/0123456789abcdefghijklmnop',
  accountId: '123456789012',
  allowDescribeImages: true,
};
const REGION = 'us-east-1';
let sandbox: Ec2Sandbox;
let connection: AwsConnection;
let compute: ComputeDriver;

async function cloudErrorOf(promise: Promise<unknown>): Promise<CloudError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  return error as CloudError;
}

/** SSH wire reading: `string`s are a uint32 length and the bytes. */
function sshReader(data: Buffer) {
  let at = 0;
  const take = (n: number): Buffer => data.subarray(at, (at += n));
  return { take, string: () => take(take(4).readUInt32BE(0)) };
}

/** Reads an unencrypted `openssh-key-v1` ed25519 key: the public blob and the 32-byte seed. */
function readOpenSshEd25519(pem: string): { publicBlob: Buffer; seed: Buffer } {
  const outer = sshReader(Buffer.from(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64'));
  expect(outer.take(15).toString()).toBe('openssh-key-v1\0');
  expect(outer.string().toString()).toBe('none'); // no cipher: EC2 hands the key out unencrypted
  outer.string(); // kdf name
  outer.string(); // kdf options
  expect(outer.take(4).readUInt32BE(0)).toBe(1);
  const publicBlob = outer.string();
  const inner = sshReader(outer.string());
  expect(inner.take(4)).toEqual(inner.take(4)); // the two check words match
  expect(inner.string().toString()).toBe('ssh-ed25519');
  expect(inner.string()).toEqual(publicBlob.subarray(publicBlob.length - 32));
  return { publicBlob, seed: inner.string().subarray(0, 32) };
}

/** An ed25519 private key from a 32-byte seed (PKCS#8 DER prefix + seed). */
const ed25519FromSeed = (seed: Buffer) =>
  createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  });

beforeAll(async () => {
  sandbox = await startEc2Sandbox({
    credentials: [KEY],
    regions: [REGION],
  });
  connection = { ...KEY, endpoint: sandbox.endpoint };
  compute = createAwsComputeDriver(connection, { maxAttempts: 2, retryBaseDelayMs: 1 });
});
afterAll(() => sandbox.stop());
afterEach(() => vi.restoreAllMocks());

describe('key pairs', () => {
  it('creates an ed25519 pair whose private key comes back once, in OpenSSH PEM, and is listed', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const { keyPair, privateKey } = await compute.createKeyPair!(REGION, 'ops-ed25519', 'ed25519');
    expect(privateKey).toMatch(
      /^-----BEGIN OPENSSH PRIVATE KEY-----\n[\s\S]+\n-----END OPENSSH PRIVATE KEY-----\n$/,
    );
    const logged = spies.flatMap((spy) => spy.mock.calls.flat().map(String)).join('\n');
    expect(logged).not.toContain('PRIVATE KEY');

    const { publicBlob, seed } = readOpenSshEd25519(privateKey);
    expect(keyPair).toEqual({
      name: 'ops-ed25519',
      type: 'ed25519',
      fingerprint: createHash('sha256').update(publicBlob).digest('base64'),
    });
    // The key EC2 registered is the public half of the key we were handed.
    const client = createEc2Client(connection, REGION);
    const listed = await client.send(
      new DescribeKeyPairsCommand({ KeyNames: ['ops-ed25519'], IncludePublicKey: true }),
    );
    client.destroy();
    expect(listed.KeyPairs?.[0]?.PublicKey?.split(' ')[1]).toBe(publicBlob.toString('base64'));
    const signature = sign(null, Buffer.from('hangar'), ed25519FromSeed(seed));
    const x = publicBlob.subarray(publicBlob.length - 32).toString('base64url');
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    expect(verify(null, Buffer.from('hangar'), publicKey, signature)).toBe(true);

    expect(await compute.listKeyPairs!(REGION)).toContainEqual(keyPair);
    // The cloud keeps the public half only: asking again can never return the private key.
    expect(JSON.stringify(sandbox.compute.of(KEY.accountId, REGION).keyPairs)).not.toContain('PRIVATE KEY');
  });

  it('creates an RSA pair (PKCS#1 PEM, fingerprint = SHA-1 of its PKCS#8 form) and refuses a duplicate name', async () => {
    const { keyPair, privateKey } = await compute.createKeyPair!(REGION, 'ops-rsa', 'rsa');
    expect(privateKey.startsWith('-----BEGIN RSA PRIVATE KEY-----')).toBe(true);
    const der = createPrivateKey(privateKey).export({ type: 'pkcs8', format: 'der' });
    const sha1 = createHash('sha1')
      .update(der)
      .digest('hex')
      .replace(/(..)(?!$)/g, '$1:');
    expect(keyPair.fingerprint).toBe(sha1);
    const duplicate = await cloudErrorOf(compute.createKeyPair!(REGION, 'ops-rsa', 'ed25519'));
    expect(duplicate.appError.code).toBe('conflict');
    expect(duplicate.appError.message).toMatch(/InvalidKeyPair\.Duplicate.*ops-rsa.*already exists/);
  });

  it('imports an OpenSSH public key and lists it with its SHA-256 fingerprint', async () => {
    const jwk = createPublicKey(ed25519FromSeed(Buffer.alloc(32, 7))).export({ format: 'jwk' });
    const raw = Buffer.from(String(jwk.x), 'base64url');
    const blob = Buffer.concat([
      Buffer.from([0, 0, 0, 11]),
      Buffer.from('ssh-ed25519'),
      Buffer.from([0, 0, 0, 32]),
      raw,
    ]);
    const imported = await compute.importKeyPair!(
      REGION,
      'laptop',
      `ssh-ed25519 ${blob.toString('base64')} me@laptop`,
    );
    expect(imported).toEqual({
      name: 'laptop',
      type: 'ed25519',
      fingerprint: createHash('sha256').update(blob).digest('base64'),
    });
    expect((await compute.listKeyPairs!(REGION)).map((k) => k.name)).toContain('laptop');
    const bad = await cloudErrorOf(compute.importKeyPair!(REGION, 'broken', 'ssh-ed25519 AAAA me'));
    expect(bad.appError.message).toMatch(/InvalidKey\.Format/);
  });
});
