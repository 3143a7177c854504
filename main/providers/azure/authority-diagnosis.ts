import { request } from 'node:https';

/** What the sign-in endpoint says when asked for the tenant's OpenID metadata directly. */
export type AuthorityDiagnosis =
  | { kind: 'reachable' }
  | { kind: 'network'; code: string }
  | { kind: 'untrusted-certificate'; code: string }
  | { kind: 'tenant-not-found'; detail: string }
  | { kind: 'http'; status: number };

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
]);

export const isTlsTrustCode = (code: string | undefined): boolean =>
  code !== undefined && TLS_CODES.has(code);

/**
 * MSAL reports a wrong tenant, an unreachable sign-in host and an untrusted certificate all as
 * `endpoints_resolution_error`, and keeps the cause to its log. To tell the user which one it is,
 * Hangar asks for the same document MSAL asked for (`/{tenant}/v2.0/.well-known/openid-configuration`)
 * once, with the same trust, and reads the answer. Nothing secret is sent.
 */
export function diagnoseAuthority(
  authorityHost: string,
  tenantId: string,
  options: { ca?: string; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<AuthorityDiagnosis> {
  const url = new URL(
    `${authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(tenantId)}/v2.0/.well-known/openid-configuration`,
  );
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'GET',
        ca: options.ca,
        timeout: options.timeoutMs ?? 5_000,
        signal: options.signal,
        headers: { accept: 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          if (chunks.length < 64) chunks.push(chunk);
        });
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status === 200) return resolve({ kind: 'reachable' });
          const text = Buffer.concat(chunks).toString('utf8');
          const aadsts = /AADSTS90002[^"]*/.exec(text)?.[0];
          resolve(
            aadsts
              ? { kind: 'tenant-not-found', detail: aadsts.split(' Trace ID')[0] ?? aadsts }
              : { kind: 'http', status },
          );
        });
        res.on('error', () => resolve({ kind: 'network', code: 'ECONNRESET' }));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', (error: Error & { code?: string }) => {
      const code = error.code ?? error.name;
      resolve(isTlsTrustCode(code) ? { kind: 'untrusted-certificate', code } : { kind: 'network', code });
    });
    req.end();
  });
}
