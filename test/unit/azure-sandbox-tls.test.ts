import { createPrivateKey, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { objectId, tlv } from '../../main/sandbox/azure/der';
import { createSandboxTls } from '../../main/sandbox/azure/sandbox-tls';
import { trustedCaFor, trustLocalCa } from '../../main/providers/azure/azure-trust';

describe('Azure sandbox TLS', () => {
  it('encodes DER lengths and object ids', () => {
    expect(objectId('1.2.840.10045.4.3.2').toString('hex')).toBe('06082a8648ce3d040302');
    expect(tlv(0x04, Buffer.alloc(200)).subarray(0, 3).toString('hex')).toBe('0481c8');
    expect(tlv(0x04, Buffer.alloc(300)).subarray(0, 4).toString('hex')).toBe('0482012c');
  });

  it('mints a CA and a server certificate for 127.0.0.1 that the CA verifies', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const tls = createSandboxTls({ now, validDays: 10 });
    const ca = new X509Certificate(tls.caCertPem);
    const server = new X509Certificate(tls.certPem);
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.checkHost('example.com')).toBeUndefined();
    expect(Date.parse(server.validTo) - now.getTime()).toBe(10 * 86_400_000);
    expect(tls.keyPem).toContain('BEGIN PRIVATE KEY');
    expect(server.checkPrivateKey(createPrivateKey(tls.keyPem))).toBe(true);
    expect(ca.checkPrivateKey(createPrivateKey(tls.keyPem))).toBe(false);
  });

  it('never mints the same CA twice', () => {
    expect(createSandboxTls().caCertPem).not.toBe(createSandboxTls().caCertPem);
  });
});

describe('Azure trust registry', () => {
  const pem = createSandboxTls().caCertPem;

  it('trusts a CA for one loopback https origin until released', () => {
    const release = trustLocalCa('https://127.0.0.1:45678', pem);
    expect(trustedCaFor('https://127.0.0.1:45678/subscriptions/x?api-version=1')).toBe(pem);
    expect(trustedCaFor('https://127.0.0.1:45679')).toBeUndefined();
    release();
    expect(trustedCaFor('https://127.0.0.1:45678')).toBeUndefined();
  });

  it('refuses anything but a loopback https origin', () => {
    expect(() => trustLocalCa('https://management.azure.com', pem)).toThrow(/loopback/);
    expect(() => trustLocalCa('http://127.0.0.1:8080', pem)).toThrow(/loopback/);
    expect(() => trustLocalCa('https://127.0.0.1:1', 'not a pem')).toThrow(/PEM/);
    expect(trustedCaFor('https://management.azure.com')).toBeUndefined();
  });
});
