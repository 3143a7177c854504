import { ProtocolError, requestJson, type HttpTuning } from './openstack-http';

/** What Keystone v3 accepts from Hangar: a password scoped to a project, or an application credential. */
export type KeystoneCredentials =
  | {
      kind: 'password';
      username: string;
      password: string;
      /** Default: "Default" (Keystone's default domain), as the OpenStack clients assume. */
      userDomainName?: string;
      projectName: string;
      projectDomainName?: string;
    }
  | { kind: 'application-credential'; id: string; secret: string };

export interface CatalogEndpoint {
  interface: string;
  region_id?: string | null;
  region?: string | null;
  url: string;
}

export interface CatalogService {
  type: string;
  name?: string;
  endpoints: CatalogEndpoint[];
}

/** A scoped token and what came with it. The token is a secret: it never goes into a message. */
export interface KeystoneSession {
  token: string;
  expiresAt: string | null;
  userName: string | null;
  projectId: string | null;
  projectName: string | null;
  catalog: CatalogService[];
}

/** The service the catalog has no endpoint for, with what it does offer (for the message). */
export class CatalogError extends Error {
  constructor(
    readonly serviceType: string,
    readonly region: string,
    readonly iface: string,
    readonly offered: string[],
  ) {
    super(
      `The Keystone catalog has no ${iface} ${serviceType} endpoint in region ${region}` +
        (offered.length > 0 ? ` (it offers: ${offered.join(', ')})` : ' (it lists none at all)'),
    );
    this.name = 'CatalogError';
  }
}

const blankToDefault = (value: string | undefined): string =>
  value === undefined || value.trim() === '' ? 'Default' : value.trim();

/**
 * Keystone's v3 root. clouds.yaml files often give the bare host (`https://keystone:5000`) and let
 * the client discover the version; Hangar only speaks v3, so it appends `/v3` when missing.
 */
export function keystoneV3Url(authUrl: string): string {
  const trimmed = authUrl.trim().replace(/\/+$/, '');
  return /\/v3$/.test(trimmed) ? trimmed : `${trimmed}/v3`;
}

/** The body of POST /v3/auth/tokens. */
export function authRequestBody(credentials: KeystoneCredentials): unknown {
  if (credentials.kind === 'application-credential') {
    return {
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: { id: credentials.id, secret: credentials.secret },
        },
      },
    };
  }
  return {
    auth: {
      identity: {
        methods: ['password'],
        password: {
          user: {
            name: credentials.username,
            domain: { name: blankToDefault(credentials.userDomainName) },
            password: credentials.password,
          },
        },
      },
      scope: {
        project: {
          name: credentials.projectName,
          domain: { name: blankToDefault(credentials.projectDomainName) },
        },
      },
    },
  };
}

interface TokenBody {
  token?: {
    expires_at?: string;
    user?: { name?: string };
    project?: { id?: string; name?: string };
    catalog?: unknown;
  };
}

function catalogOf(value: unknown): CatalogService[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is CatalogService =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as CatalogService).type === 'string' &&
      Array.isArray((entry as CatalogService).endpoints),
  );
}

/** POST /v3/auth/tokens: the token arrives in the X-Subject-Token header, the catalog in the body. */
export async function authenticate(
  authUrl: string,
  credentials: KeystoneCredentials,
  tuning: HttpTuning = {},
  signal?: AbortSignal,
): Promise<KeystoneSession> {
  const url = `${keystoneV3Url(authUrl)}/auth/tokens`;
  const response = await requestJson(
    'Keystone',
    url,
    { method: 'POST', body: authRequestBody(credentials) },
    tuning,
    signal,
  );
  const token = response.headers.get('x-subject-token');
  const body = (response.body ?? {}) as TokenBody;
  if (!token || typeof body.token !== 'object' || body.token === null) {
    throw new ProtocolError(
      'Keystone',
      url,
      'Keystone answered without a token: is this URL a Keystone v3 endpoint?',
    );
  }
  return {
    token,
    expiresAt: body.token.expires_at ?? null,
    userName: body.token.user?.name ?? null,
    projectId: body.token.project?.id ?? null,
    projectName: body.token.project?.name ?? null,
    catalog: catalogOf(body.token.catalog),
  };
}

/** The URL of a service for a region and interface, from the token's catalog. */
export function endpointFor(
  catalog: CatalogService[],
  serviceType: string,
  region: string,
  iface: string,
): string {
  const offered: string[] = [];
  for (const service of catalog.filter((s) => s.type === serviceType)) {
    for (const endpoint of service.endpoints) {
      const endpointRegion = endpoint.region_id ?? endpoint.region ?? '';
      if (endpointRegion === region && endpoint.interface === iface && typeof endpoint.url === 'string') {
        return endpoint.url;
      }
      offered.push(`${endpoint.interface} in ${endpointRegion || 'no region'}`);
    }
  }
  throw new CatalogError(serviceType, region, iface, [...new Set(offered)]);
}
