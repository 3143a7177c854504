import type { GcpSecret } from '@contract/index';
import { JWT, OAuth2Client } from 'google-auth-library';
import { CloudError } from '../driver';

/** Read-only access to Compute is all listing images needs. */
export const COMPUTE_READONLY_SCOPE = 'https://www.googleapis.com/auth/compute.readonly';
/** Launching servers and changing images needs the read-write Compute scope. */
export const COMPUTE_SCOPE = 'https://www.googleapis.com/auth/compute';
/** Where google-auth-library sends every service-account assertion. */
const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const GOOGLE_TOKEN_HOSTS = new Set(['oauth2.googleapis.com', 'accounts.google.com', 'www.googleapis.com']);

/** The fields of a Cloud console key file that signing in needs. */
export interface ServiceAccountKey {
  client_email: string;
  private_key: string;
  private_key_id?: string;
  project_id?: string;
  token_uri?: string;
}

/** Any auth client the compute client accepts, with the request pipeline we observe. */
export type GcpAuthClient = JWT | OAuth2Client;

const badKey = (detail: string): CloudError =>
  new CloudError({
    code: 'cloud-auth',
    message: `The service account key is not usable: ${detail}. Download a new JSON key for the service account (IAM → Service accounts → Keys) and paste the whole file.`,
  });

/** Parses a key file, refusing in words that never quote it (it holds a private key). */
export function parseServiceAccountKey(keyJson: string): ServiceAccountKey {
  let value: unknown;
  try {
    value = JSON.parse(keyJson);
  } catch {
    throw badKey('it is not valid JSON');
  }
  const key = (value ?? {}) as Record<string, unknown>;
  if (key.type !== undefined && key.type !== 'service_account') {
    throw badKey(`it is a "${String(key.type).slice(0, 40)}" credential, not a service account key`);
  }
  if (typeof key.client_email !== 'string' || !key.client_email.includes('@'))
    throw badKey('it has no client_email');
  if (typeof key.private_key !== 'string' || !key.private_key.includes('PRIVATE KEY')) {
    throw badKey('it has no private_key');
  }
  return {
    client_email: key.client_email,
    private_key: key.private_key,
    private_key_id: typeof key.private_key_id === 'string' ? key.private_key_id : undefined,
    project_id: typeof key.project_id === 'string' ? key.project_id : undefined,
    token_uri: typeof key.token_uri === 'string' ? key.token_uri : undefined,
  };
}

/**
 * The token endpoint to use instead of Google's, or null for Google's own. google-auth-library
 * always posts to oauth2.googleapis.com; the key's `token_uri` is honoured only where it cannot
 * leak a signed assertion: a Google host, or the same host as the connection's own endpoint
 * (a private endpoint or the local stand-in).
 */
export function tokenUriOverride(key: ServiceAccountKey, endpoint: string | undefined): string | null {
  if (!key.token_uri) return null;
  let uri: URL;
  try {
    uri = new URL(key.token_uri);
  } catch {
    throw badKey('its token_uri is not a URL');
  }
  if (GOOGLE_TOKEN_HOSTS.has(uri.hostname)) return null;
  if (uri.protocol === 'https:' && uri.hostname.endsWith('.googleapis.com')) return uri.toString();
  if (endpoint && new URL(endpoint).hostname === uri.hostname) return uri.toString();
  throw badKey(
    `its token_uri points at ${uri.hostname}, which is neither Google nor this connection's endpoint host, so Hangar will not send it a signed sign-in request`,
  );
}

/**
 * Builds the auth client for one call: a JWT client that trades the service-account key for an
 * access token (OAuth JWT-bearer grant), or a client that presents a given access token as is.
 * Nothing is read from the environment, gcloud's files or the metadata server.
 */
export function createAuthClient(
  secret: GcpSecret,
  endpoint: string | undefined,
  scope: string = COMPUTE_READONLY_SCOPE,
): GcpAuthClient {
  if (secret.kind === 'access-token') {
    const client = new OAuth2Client();
    // No refresh token and no expiry: the token is sent as given and a 401 is reported, not retried.
    client.setCredentials({ access_token: secret.accessToken.trim(), token_type: 'Bearer' });
    return client;
  }
  const key = parseServiceAccountKey(secret.keyJson);
  const override = tokenUriOverride(key, endpoint);
  const client = new JWT({
    email: key.client_email,
    key: key.private_key,
    keyId: key.private_key_id,
    // Scopes make the library use the OAuth token flow rather than self-signed JWTs.
    scopes: [scope],
  });
  if (override) {
    client.transporter.interceptors.request.add({
      resolved: async (config) => {
        if (String(config.url) === GOOGLE_TOKEN_URL) config.url = new URL(override);
        return config;
      },
    });
  }
  return client;
}
