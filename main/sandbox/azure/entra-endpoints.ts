import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { armErrors } from './arm-error';
import type { AzureSandboxPrincipal } from './azure-principals';

/** An Entra ID (AAD v2) OAuth error, with the AADSTS code MSAL and our classifier read. */
export class EntraError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly aadsts: number,
    description: string,
  ) {
    super(`AADSTS${aadsts}: ${description}`);
    this.name = 'EntraError';
  }

  body(now: Date): string {
    const traceId = randomUUID();
    const correlationId = randomUUID();
    const stamp = now
      .toISOString()
      .replace('T', ' ')
      .replace(/\.(\d{3})Z$/, '.$1Z');
    return JSON.stringify({
      error: this.error,
      error_description: `${this.message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${stamp}`,
      error_codes: [this.aadsts],
      timestamp: stamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${this.aadsts}`,
    });
  }
}

const tenantNotFound = (tenant: string): EntraError =>
  new EntraError(
    400,
    'invalid_tenant',
    90002,
    `Tenant '${tenant.slice(0, 64)}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
  );

/** The claims ARM reads from a token this stand-in issued. */
export interface TokenClaims {
  tid: string;
  appid: string;
  oid: string;
  exp: number;
}

const ARM_AUDIENCES = new Set(['https://management.azure.com/', 'https://management.core.windows.net/']);
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * The stand-in's Entra ID: OpenID metadata per tenant, the client-credentials token endpoint, and
 * verification of the tokens it issued (HS256 under a key minted per run, so no token outlives it).
 */
export class EntraAuthority {
  private readonly key = randomBytes(32);
  private readonly byClientId: Map<string, AzureSandboxPrincipal>;
  private readonly tenants: Set<string>;

  constructor(
    private readonly principals: readonly AzureSandboxPrincipal[],
    private readonly objectIdOf: (principal: AzureSandboxPrincipal) => string,
  ) {
    this.byClientId = new Map(principals.map((p) => [p.clientId.toLowerCase(), p]));
    this.tenants = new Set(principals.map((p) => p.tenantId.toLowerCase()));
  }

  /** What MSAL fetches first when instance discovery is off: `/{tenant}/v2.0/.well-known/openid-configuration`. */
  openIdConfiguration(origin: string, tenant: string): string {
    if (!this.tenants.has(tenant.toLowerCase())) throw tenantNotFound(tenant);
    const base = `${origin}/${tenant}`;
    return JSON.stringify({
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${base}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      kerberos_endpoint: `${base}/kerberos`,
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net',
    });
  }

  /** `POST /{tenant}/oauth2/v2.0/token` with a form body; returns the principal and the token JSON. */
  issueToken(
    tenant: string,
    form: URLSearchParams,
    now: Date,
  ): { principal: AzureSandboxPrincipal; body: string } {
    if (!this.tenants.has(tenant.toLowerCase())) throw tenantNotFound(tenant);
    if (form.get('grant_type') !== 'client_credentials') {
      throw new EntraError(
        400,
        'unsupported_grant_type',
        70003,
        'The app requested an unsupported grant type.',
      );
    }
    const clientId = form.get('client_id') ?? '';
    const principal = this.byClientId.get(clientId.toLowerCase());
    if (!principal || principal.tenantId.toLowerCase() !== tenant.toLowerCase()) {
      throw new EntraError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId.slice(0, 64)}' was not found in the directory '${tenant.slice(0, 64)}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
      );
    }
    const secret = Buffer.from(form.get('client_secret') ?? '');
    const expected = Buffer.from(principal.clientSecret);
    if (secret.length !== expected.length || !timingSafeEqual(secret, expected)) {
      throw new EntraError(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${principal.clientId}'.`,
      );
    }
    const scope = form.get('scope') ?? '';
    const audience = scope.replace(/\/?\.default$/, '/').replace(/\/\/$/, '/');
    if (!scope.endsWith('.default') || !ARM_AUDIENCES.has(audience)) {
      throw new EntraError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope.slice(0, 100)} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    }
    const issuedAt = Math.floor(now.getTime() / 1000);
    const claims = {
      aud: audience,
      iss: `https://sts.windows.net/${principal.tenantId}/`,
      iat: issuedAt,
      nbf: issuedAt,
      exp: issuedAt + 3599,
      appid: principal.clientId,
      appidacr: '1',
      idp: `https://sts.windows.net/${principal.tenantId}/`,
      idtyp: 'app',
      oid: this.objectIdOf(principal),
      sub: this.objectIdOf(principal),
      tid: principal.tenantId,
      ver: '1.0',
    };
    const unsigned = `${b64({ typ: 'JWT', alg: 'HS256' })}.${b64(claims)}`;
    const token = `${unsigned}.${createHmac('sha256', this.key).update(unsigned).digest('base64url')}`;
    return {
      principal,
      body: JSON.stringify({
        token_type: 'Bearer',
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: token,
      }),
    };
  }

  /** ARM's side: the principal behind `Authorization: Bearer …`, or ARM's 401. */
  verify(
    authorization: string | undefined,
    now: Date,
  ): { principal: AzureSandboxPrincipal; claims: TokenClaims } {
    if (!authorization) throw armErrors.missingAuthorization();
    const match = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization);
    if (!match) throw armErrors.invalidToken();
    const [, header = '', payload = '', signature = ''] = match;
    const expected = createHmac('sha256', this.key).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw armErrors.invalidToken();
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      throw armErrors.invalidToken();
    }
    if (claims.exp * 1000 < now.getTime()) throw armErrors.expiredToken();
    const principal = this.byClientId.get(String(claims.appid).toLowerCase());
    if (!principal) throw armErrors.invalidToken();
    return { principal, claims };
  }
}
