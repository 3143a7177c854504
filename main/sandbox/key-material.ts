import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

/** What CreateKeyPair hands back once, and what EC2 keeps. */
export interface MintedKey {
  privateKey: string;
  publicKey: string;
  fingerprint: string;
}

/** SSH wire `string`: a uint32 length and the bytes. */
function sshString(data: Buffer | string): Buffer {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** SSH `mpint`: big-endian, with a leading zero byte when the top bit is set. */
function sshMpint(data: Buffer): Buffer {
  let bytes = data;
  while (bytes.length > 1 && bytes[0] === 0) bytes = bytes.subarray(1);
  return sshString((bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

const jwkBytes = (key: KeyObject, member: 'n' | 'e' | 'x' | 'd'): Buffer =>
  Buffer.from(String(key.export({ format: 'jwk' })[member]), 'base64url');

const colonHex = (digest: Buffer): string => digest.toString('hex').replace(/(..)(?!$)/g, '$1:');

/** EC2's fingerprint of an ed25519 key: SHA-256 of the public key blob, base64. */
export function sha256Fingerprint(blob: Buffer): string {
  return createHash('sha256').update(blob).digest('base64');
}

/** EC2's fingerprint of an imported RSA key: MD5 of the public key blob (RFC 4716 §4). */
export function md5Fingerprint(blob: Buffer): string {
  return colonHex(createHash('md5').update(blob).digest());
}

/** An RSA pair as EC2 makes it: PKCS#1 PEM, fingerprint = SHA-1 of the PKCS#8 DER private key. */
function mintRsa(keyName: string): MintedKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const blob = Buffer.concat([
    sshString('ssh-rsa'),
    sshMpint(jwkBytes(publicKey, 'e')),
    sshMpint(jwkBytes(publicKey, 'n')),
  ]);
  return {
    privateKey: String(privateKey.export({ type: 'pkcs1', format: 'pem' })),
    publicKey: `ssh-rsa ${blob.toString('base64')} ${keyName}`,
    fingerprint: colonHex(
      createHash('sha1')
        .update(privateKey.export({ type: 'pkcs8', format: 'der' }))
        .digest(),
    ),
  };
}

/**
 * An ed25519 pair as EC2 makes it: the private key in OpenSSH's own format
 * (`openssh-key-v1`, unencrypted), which is what EC2 returns for ed25519 "pem" keys.
 */
function mintEd25519(keyName: string): MintedKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const pub = jwkBytes(publicKey, 'x');
  const seed = jwkBytes(privateKey, 'd');
  const blob = Buffer.concat([sshString('ssh-ed25519'), sshString(pub)]);
  const check = randomBytes(4);
  let section = Buffer.concat([
    check,
    check,
    sshString('ssh-ed25519'),
    sshString(pub),
    sshString(Buffer.concat([seed, pub])),
    sshString(keyName),
  ]);
  const padding = Buffer.from(Array.from({ length: (8 - (section.length % 8)) % 8 }, (_, i) => i + 1));
  section = Buffer.concat([section, padding]);
  const count = Buffer.alloc(4);
  count.writeUInt32BE(1);
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    count,
    sshString(blob),
    sshString(section),
  ]);
  const lines = body.toString('base64').match(/.{1,70}/g) ?? [];
  return {
    privateKey: `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`,
    publicKey: `ssh-ed25519 ${blob.toString('base64')} ${keyName}`,
    fingerprint: sha256Fingerprint(blob),
  };
}

export function mintKeyPair(type: 'rsa' | 'ed25519', keyName: string): MintedKey {
  return type === 'rsa' ? mintRsa(keyName) : mintEd25519(keyName);
}

/** An OpenSSH public key line, checked: its blob must name the same algorithm as its prefix. */
export function parsePublicKey(line: string): { type: 'rsa' | 'ed25519'; blob: Buffer } | null {
  const match = /^(ssh-rsa|ssh-ed25519) ([A-Za-z0-9+/]+={0,2})(?: .*)?$/.exec(line.trim());
  if (!match) return null;
  const algorithm = match[1] ?? '';
  const blob = Buffer.from(match[2] ?? '', 'base64');
  if (blob.length < 4) return null;
  const nameLength = blob.readUInt32BE(0);
  if (blob.subarray(4, 4 + nameLength).toString() !== algorithm) return null;
  if (algorithm === 'ssh-ed25519' && blob.length !== 4 + nameLength + 4 + 32) return null;
  return { type: algorithm === 'ssh-rsa' ? 'rsa' : 'ed25519', blob };
}
