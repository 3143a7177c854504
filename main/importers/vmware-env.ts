import type { AccountDraft } from '@contract/index';
import {
  buildCandidate,
  present,
  presentSecret,
  type EnvironmentMap,
  type ImportResult,
} from './import-candidate';

const LABELS: Readonly<Record<string, string>> = {
  url: 'GOVC_URL',
  username: 'GOVC_USERNAME',
  password: 'GOVC_PASSWORD',
};

/** GOVC_URL split the way govc (Go's url.Parse) does; user and password percent-decoded. */
export interface GovcUrl {
  /** scheme://host[:port], the vCenter Hangar talks to. */
  origin: string;
  hostname: string;
  path: string;
  username?: string;
  password?: string;
}

/**
 * Proposes a vCenter account from govc's environment (GOVC_URL, GOVC_USERNAME, GOVC_PASSWORD).
 * GOVC_URL may carry user:password@ (govc lets GOVC_USERNAME / GOVC_PASSWORD override them). Messages
 * never repeat GOVC_URL itself: it may hold the password.
 */
export function importVmwareEnvironment(env: EnvironmentMap): ImportResult {
  const rawUrl = present(env.GOVC_URL);
  const envUser = present(env.GOVC_USERNAME);
  const envPassword = presentSecret(env.GOVC_PASSWORD);
  if (!rawUrl && !envUser && !envPassword) return { candidates: [], errors: [] };

  const problems: string[] = [];
  const notes: string[] = [];
  const parsed = rawUrl ? parseGovcUrl(rawUrl) : null;
  if (!rawUrl) problems.push('GOVC_URL is not set: Hangar needs the vCenter address.');
  else if (!parsed)
    problems.push('GOVC_URL is not an address Hangar can read: expected https://vcenter.example.com.');

  const username = envUser ?? parsed?.username;
  const password = envPassword ?? parsed?.password;
  if (!username) problems.push('No user name: set GOVC_USERNAME or put user@ in GOVC_URL.');
  const needsSecret = password === undefined;
  if (needsSecret) notes.push('GOVC_PASSWORD is not set: type the password to add this account.');
  else if (!envPassword) notes.push('The password was taken from GOVC_URL.');
  if (parsed && parsed.path !== '' && parsed.path !== '/' && parsed.path !== '/sdk') {
    notes.push('The path in GOVC_URL was dropped: Hangar talks to the vCenter at its root.');
  }
  if (isTrue(env.GOVC_INSECURE)) {
    notes.push(
      "govc skips certificate checks here (GOVC_INSECURE); Hangar does not: test the connection and pin the vCenter certificate's fingerprint.",
    );
  }
  if (present(env.GOVC_TLS_CA_CERTS) || present(env.GOVC_TLS_KNOWN_HOSTS)) {
    notes.push(
      'govc trusts extra certificates here (GOVC_TLS_CA_CERTS / GOVC_TLS_KNOWN_HOSTS): pin the vCenter certificate in Hangar.',
    );
  }

  const draft: AccountDraft = {
    cloud: 'vmware',
    connection: { url: parsed?.origin ?? '', username: username ?? '' },
    secret: { password: password ?? '' },
  };
  const used = ['GOVC_URL', 'GOVC_USERNAME', 'GOVC_PASSWORD', 'GOVC_INSECURE'].filter((name) =>
    present(env[name]),
  );
  const candidate = buildCandidate({
    source: `environment: ${used.join(', ')}`,
    name: parsed ? `vSphere ${parsed.hostname}` : 'vSphere (environment)',
    draft,
    needsSecret,
    notes,
    problems,
    hidden: [envPassword, parsed?.password, rawUrl && parsed?.password ? rawUrl : undefined],
    labels: LABELS,
  });
  return { candidates: [candidate], errors: [] };
}

/**
 * Splits GOVC_URL as govc does: no scheme means https; the authority ends at the first / ? or #;
 * user info is everything before the authority's LAST @ (so user@vsphere.local:pass@host works).
 * Returns null for anything that is not a usable http(s) address.
 */
export function parseGovcUrl(raw: string): GovcUrl | null {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(raw);
  const protocol = scheme?.[1]?.toLowerCase() ?? 'https';
  if (protocol !== 'https' && protocol !== 'http') return null;
  const rest = scheme ? raw.slice(scheme[0].length) : raw;
  const end = rest.search(/[/?#]/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  const path = end < 0 ? '' : rest.slice(end).replace(/[?#].*$/, '');
  // An @ after the authority means a password holding / ? or #: ambiguous, and govc misreads it too.
  if (end >= 0 && rest.slice(end).includes('@')) return null;
  const at = authority.lastIndexOf('@');
  const host = at < 0 ? authority : authority.slice(at + 1);
  if (host === '') return null;

  let url: URL;
  try {
    url = new URL(`${protocol}://${host}`);
  } catch {
    return null;
  }
  if (url.username || url.password || url.hostname === '') return null;

  const result: GovcUrl = { origin: url.origin, hostname: url.hostname, path };
  if (at >= 0) {
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(':');
    const user = decode(colon < 0 ? userinfo : userinfo.slice(0, colon));
    if (user) result.username = user;
    const password = colon < 0 ? '' : decode(userinfo.slice(colon + 1));
    if (password) result.password = password;
  }
  return result;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function isTrue(value: string | undefined): boolean {
  return ['1', 'true', 'yes'].includes((value ?? '').trim().toLowerCase());
}
