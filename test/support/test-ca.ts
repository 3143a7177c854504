import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway CA and a server certificate for 127.0.0.1 / localhost, minted at test time. */
export interface TestCa {
  caCertPem: string;
  certPem: string;
  keyPem: string;
}

/** Why the openssl-based CA cannot be made here, or null when it can. */
export function opensslUnavailableReason(): string | null {
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' });
    return null;
  } catch {
    return 'the openssl command is not installed (Debian package "openssl")';
  }
}

/**
 * Mints a CA and a server certificate with Debian's `openssl` — an implementation independent of
 * the Sandbox's own in-process certificate builder, so tests can check the stand-in serves any
 * valid chain and that clients trust exactly the CA they were given. Keys live in a temp dir
 * that is removed before returning; nothing is ever written into the repository.
 */
export function createTestCa(days = 2): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'hangar-test-ca-'));
  const path = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe', cwd: dir });
  try {
    openssl(
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      path('ca.key'),
      '-out',
      path('ca.pem'),
      '-days',
      String(days),
      '-subj',
      '/CN=Hangar test CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    );
    openssl(
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      path('server.key'),
      '-out',
      path('server.csr'),
      '-subj',
      '/CN=127.0.0.1',
    );
    writeFileSync(
      path('server.ext'),
      'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n',
    );
    openssl(
      'x509',
      '-req',
      '-in',
      path('server.csr'),
      '-CA',
      path('ca.pem'),
      '-CAkey',
      path('ca.key'),
      '-CAcreateserial',
      '-out',
      path('server.pem'),
      '-days',
      String(days),
      '-extfile',
      path('server.ext'),
    );
    return {
      caCertPem: readFileSync(path('ca.pem'), 'utf8'),
      certPem: readFileSync(path('server.pem'), 'utf8'),
      keyPem: readFileSync(path('server.key'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
