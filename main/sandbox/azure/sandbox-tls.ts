import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import {
  bitString,
  booleanTrue,
  explicit,
  implicitPrimitive,
  objectId,
  octetString,
  sequence,
  set,
  smallInteger,
  time,
  unsignedInteger,
  utf8String,
} from './der';

/** The PEMs an HTTPS stand-in needs: its chain, its key, and the CA its clients must trust. */
export interface SandboxTls {
  caCertPem: string;
  certPem: string;
  keyPem: string;
}

export interface SandboxTlsOptions {
  now?: Date;
  /** Default 30: the Sandbox mints a new pair every start, so a short life costs nothing. */
  validDays?: number;
}

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  subjectKeyId: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyId: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
};

const name = (commonName: string): Buffer =>
  sequence(
    set(sequence(objectId(OID.organization), utf8String('Hangar Sandbox'))),
    set(sequence(objectId(OID.commonName), utf8String(commonName))),
  );

const extension = (oid: string, critical: boolean, value: Buffer): Buffer =>
  critical
    ? sequence(objectId(oid), booleanTrue(), octetString(value))
    : sequence(objectId(oid), octetString(value));

function keyId(publicKey: KeyObject): Buffer {
  return createHash('sha1')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest();
}

interface CertificateSpec {
  subject: string;
  issuer: string;
  publicKey: KeyObject;
  issuerPublicKey: KeyObject;
  signingKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  extensions: Buffer[];
}

function certificate(spec: CertificateSpec): string {
  const algorithm = sequence(objectId(OID.ecdsaWithSha256));
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const tbs = sequence(
    explicit(0, smallInteger(2)),
    unsignedInteger(serial),
    algorithm,
    name(spec.issuer),
    sequence(time(spec.notBefore), time(spec.notAfter)),
    name(spec.subject),
    spec.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(
      3,
      sequence(
        ...spec.extensions,
        extension(OID.subjectKeyId, false, octetString(keyId(spec.publicKey))),
        extension(OID.authorityKeyId, false, sequence(implicitPrimitive(0, keyId(spec.issuerPublicKey)))),
      ),
    ),
  );
  // ECDSA signatures from node:crypto are DER already, exactly what X.509 carries.
  const signature = sign('sha256', tbs, spec.signingKey);
  const der = sequence(tbs, algorithm, bitString(signature));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/**
 * Mints a throwaway CA and a server certificate for 127.0.0.1 and localhost (P-256, SHA-256).
 * The CA's private key is dropped once it has signed, so nothing else can ever be issued under it;
 * only the server key is kept, in memory.
 */
export function createSandboxTls(options: SandboxTlsOptions = {}): SandboxTls {
  const now = options.now ?? new Date();
  const notBefore = new Date(now.getTime() - 60 * 60 * 1000);
  const notAfter = new Date(now.getTime() + (options.validDays ?? 30) * 24 * 60 * 60 * 1000);
  const ca = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const server = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const caName = `Hangar Sandbox CA ${randomBytes(4).toString('hex')}`;

  const caCertPem = certificate({
    subject: caName,
    issuer: caName,
    publicKey: ca.publicKey,
    issuerPublicKey: ca.publicKey,
    signingKey: ca.privateKey,
    notBefore,
    notAfter,
    extensions: [
      extension(OID.basicConstraints, true, sequence(booleanTrue())),
      // keyCertSign (bit 5) and cRLSign (bit 6): 0b0000_0110, one unused bit.
      extension(OID.keyUsage, true, bitString(Buffer.from([0x06]), 1)),
    ],
  });
  const certPem = certificate({
    subject: '127.0.0.1',
    issuer: caName,
    publicKey: server.publicKey,
    issuerPublicKey: ca.publicKey,
    signingKey: ca.privateKey,
    notBefore,
    notAfter,
    extensions: [
      extension(OID.basicConstraints, true, sequence()),
      // digitalSignature (bit 0): 0b1000_0000, seven unused bits.
      extension(OID.keyUsage, true, bitString(Buffer.from([0x80]), 7)),
      extension(OID.extKeyUsage, false, sequence(objectId(OID.serverAuth))),
      extension(
        OID.subjectAltName,
        false,
        sequence(
          implicitPrimitive(7, Buffer.from([127, 0, 0, 1])),
          implicitPrimitive(2, Buffer.from('localhost', 'ascii')),
        ),
      ),
    ],
  });
  const keyPem = server.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { caCertPem, certPem, keyPem };
}
