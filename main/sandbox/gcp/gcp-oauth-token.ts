import { verify } from 'node:crypto';
import type { GcpIdentities } from './gcp-identities';

/** The audience Google's client libraries sign into service-account assertions. */
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Google tolerates a little clock skew on iat/exp. */
const SKEW_SECONDS = 300;

export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
  /** The service account the assertion named, when it could be read. */
  principal: string | null;
  /** The OAuth error code on failure (invalid_grant …), for the request log. */
  error: string | null;
}

const fail = (
  status: number,
  error: string,
  description: string,
  principal: string | null = null,
): TokenAnswer => ({
  status,
  body: { error, error_description: description },
  principal,
  error,
});

interface Assertion {
  header: { alg?: unknown; kid?: unknown };
  claims: {
    iss?: unknown;
    aud?: unknown;
    scope?: unknown;
    iat?: unknown;
    exp?: unknown;
    target_audience?: unknown;
  };
  signedPart: string;
  signature: Buffer;
}

function parseAssertion(assertion: string): Assertion | null {
  const parts = assertion.split('.');
  if (parts.length !== 3) return null;
  const [header, claims, signature] = parts as [string, string, string];
  try {
    return {
      header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Assertion['header'],
      claims: JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as Assertion['claims'],
      signedPart: `${header}.${claims}`,
      signature: Buffer.from(signature, 'base64url'),
    };
  } catch {
    return null;
  }
}

/**
 * Google's OAuth token endpoint for the JWT-bearer grant: checks the RS256 signature against the
 * service account's registered public keys, then the audience, lifetime and scope, and answers as
 * oauth2.googleapis.com does (400 `invalid_grant` with Google's descriptions when it refuses).
 */
export function answerTokenRequest(
  form: URLSearchParams,
  identities: GcpIdentities,
  acceptedAudiences: readonly string[],
  nowMs: number,
): TokenAnswer {
  const grantType = form.get('grant_type');
  if (grantType !== JWT_BEARER) {
    return fail(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType ?? ''}`);
  }
  const assertion = parseAssertion(form.get('assertion') ?? '');
  if (!assertion || assertion.header.alg !== 'RS256')
    return fail(400, 'invalid_grant', 'Invalid JWT Signature.');
  const { claims } = assertion;
  const principal = typeof claims.iss === 'string' ? claims.iss : null;
  const account = principal ? identities.account(principal) : undefined;
  if (!account) return fail(400, 'invalid_grant', 'Invalid grant: account not found', principal);
  const candidates =
    typeof assertion.header.kid === 'string'
      ? [account.keys.get(assertion.header.kid)].filter((key) => key !== undefined)
      : [...account.keys.values()];
  const signed = Buffer.from(assertion.signedPart);
  if (!candidates.some((key) => verify('sha256', signed, key, assertion.signature))) {
    return fail(400, 'invalid_grant', 'Invalid JWT Signature.', principal);
  }
  if (typeof claims.aud !== 'string' || !acceptedAudiences.includes(claims.aud)) {
    return fail(400, 'invalid_grant', 'Invalid JWT: Failed audience check.', principal);
  }
  const now = Math.floor(nowMs / 1000);
  const iat = typeof claims.iat === 'number' ? claims.iat : NaN;
  const exp = typeof claims.exp === 'number' ? claims.exp : NaN;
  if (!(iat <= now + SKEW_SECONDS && exp > now - SKEW_SECONDS && exp - iat <= 3600 && exp > iat)) {
    return fail(
      400,
      'invalid_grant',
      'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
      principal,
    );
  }
  if (
    typeof claims.scope !== 'string' ||
    claims.scope.trim() === '' ||
    claims.target_audience !== undefined
  ) {
    return fail(400, 'invalid_scope', 'Invalid OAuth scope or ID token audience provided.', principal);
  }
  const scopes = claims.scope.split(/\s+/);
  return {
    status: 200,
    body: {
      access_token: identities.mintToken(account.email, scopes),
      expires_in: 3599,
      token_type: 'Bearer',
    },
    principal,
    error: null,
  };
}
