/**
 * Extra trust for local HTTPS stand-ins, keyed by origin (`https://127.0.0.1:PORT`).
 *
 * Why a registry: the embedded Sandbox runs inside the app process, so NODE_EXTRA_CA_CERTS (read
 * once at start-up) cannot carry its freshly minted CA, and turning verification off is never an
 * option. The sandbox runtime registers its CA for its own loopback origin; the Azure provider asks
 * here when it builds clients and passes the PEM as the SDK pipeline's `tlsOptions.ca` for that
 * endpoint alone. Nothing a user types or stores (a connection, a secret) can add trust: only code
 * in this process can, and only for loopback origins, so real Azure endpoints always verify
 * against the system's CAs.
 */

const trusted = new Map<string, string>();
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Trusts `caCertPem` for one loopback HTTPS origin until the returned function is called. */
export function trustLocalCa(endpoint: string, caCertPem: string): () => void {
  const origin = originOf(endpoint);
  if (!origin || !LOOPBACK.has(new URL(origin).hostname)) {
    throw new Error(`Only a loopback https:// origin may carry extra trust, not ${endpoint.slice(0, 100)}.`);
  }
  if (!caCertPem.includes('-----BEGIN CERTIFICATE-----'))
    throw new Error('The CA must be a PEM certificate.');
  trusted.set(origin, caCertPem);
  return () => {
    if (trusted.get(origin) === caCertPem) trusted.delete(origin);
  };
}

/** The CA registered for this URL's origin, if any. */
export function trustedCaFor(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const origin = originOf(url);
  return origin ? trusted.get(origin) : undefined;
}
