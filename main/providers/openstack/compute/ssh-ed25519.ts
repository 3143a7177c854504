import { generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

/**
 * An ed25519 key pair in OpenSSH's own formats, made on this machine: Nova only ever generates
 * RSA keys, so for ed25519 Hangar generates the pair and imports the public half. The private key
 * is the "openssh-key-v1" file ssh-keygen writes (unencrypted), the public key an authorized_keys line.
 */

const generate = promisify(generateKeyPair);

const u32 = (value: number): Buffer => {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value >>> 0);
  return buffer;
};
/** SSH wire "string": a 32-bit length, then the bytes. */
const sshString = (data: Buffer | string): Buffer => {
  const bytes = Buffer.from(data);
  return Buffer.concat([u32(bytes.length), bytes]);
};

export interface SshKeyPair {
  publicKey: string;
  privateKey: string;
}

export async function generateEd25519(comment: string): Promise<SshKeyPair> {
  const { publicKey, privateKey } = await generate('ed25519');
  const pub = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
  if (pub.length !== 32 || seed.length !== 32)
    throw new Error('ed25519 key generation gave an unexpected key size');
  const blob = Buffer.concat([sshString('ssh-ed25519'), sshString(pub)]);
  // Two equal random "check" words let ssh tell a wrong passphrase; then the key and its comment.
  const check = randomBytes(4);
  const section = Buffer.concat([
    check,
    check,
    sshString('ssh-ed25519'),
    sshString(pub),
    sshString(Buffer.concat([seed, pub])),
    sshString(comment),
  ]);
  const padding = Buffer.from(Array.from({ length: (8 - (section.length % 8)) % 8 }, (_, i) => i + 1));
  const file = Buffer.concat([
    Buffer.from('openssh-key-v1\0', 'binary'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    u32(1),
    sshString(blob),
    sshString(Buffer.concat([section, padding])),
  ]);
  const lines = file.toString('base64').match(/.{1,70}/g) ?? [];
  return {
    publicKey: `ssh-ed25519 ${blob.toString('base64')} ${comment}`,
    privateKey: `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`,
  };
}
