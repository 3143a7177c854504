import { createHash, generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';

/** What Nova's crypto module does for key pairs: RSA generation, OpenSSH public keys, MD5 fingerprints. */

const generate = promisify(generateKeyPair);

const lengthPrefixed = (bytes: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
};
/** An SSH mpint: big-endian, with a zero byte in front when the top bit is set. */
const mpint = (bytes: Buffer): Buffer =>
  lengthPrefixed((bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);

/** The fingerprint Nova shows: MD5 of the key blob, as colon-separated hex. */
export function fingerprintOf(publicKey: string): string | null {
  const [type, data] = publicKey.trim().split(/\s+/);
  if (!type || !data || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return null;
  const blob = Buffer.from(data, 'base64');
  // The blob starts with its own type name; anything else is not a key.
  const nameLength = blob.length >= 4 ? blob.readUInt32BE(0) : -1;
  if (nameLength < 0 || blob.subarray(4, 4 + nameLength).toString() !== type) return null;
  return (createHash('md5').update(blob).digest('hex').match(/../g) ?? []).join(':');
}

/** A 2048-bit RSA pair as Nova generates it: PKCS#1 PEM private key, "ssh-rsa … Generated-by-Nova". */
export async function generateNovaKey(): Promise<{
  publicKey: string;
  privateKey: string;
  fingerprint: string;
}> {
  const { publicKey, privateKey } = await generate('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const blob = Buffer.concat([
    lengthPrefixed(Buffer.from('ssh-rsa')),
    mpint(Buffer.from(jwk.e ?? '', 'base64url')),
    mpint(Buffer.from(jwk.n ?? '', 'base64url')),
  ]);
  const line = `ssh-rsa ${blob.toString('base64')} Generated-by-Nova`;
  return {
    publicKey: line,
    privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    fingerprint: fingerprintOf(line) ?? '',
  };
}
