import { randomBytes } from 'node:crypto';
import { json, keystoneError, type Reply } from './sandbox-http';
import { DEFAULT_DOMAIN, type IssuedToken, type SandboxIdentity, type SandboxUser } from './sandbox-identity';
import type { CatalogEntry } from './service-catalog';

/**
 * Keystone v3 as far as a client that lists images needs it: version discovery and
 * POST /v3/auth/tokens with the password and application_credential methods, answering with
 * X-Subject-Token and a token body (user, project, roles, catalog) in Keystone's exact shape;
 * and GET /v3/auth/tokens, with which the Nova and Neutron stand-ins validate a caller's token.
 */

export interface KeystoneContext {
  identity: SandboxIdentity;
  /** The identity mount's absolute URL, e.g. http://127.0.0.1:PORT/identity */
  identityUrl: string;
  catalog: () => CatalogEntry[];
  now: () => Date;
}

/** The two token headers GET /v3/auth/tokens reads. */
export interface KeystoneHeaders {
  authToken?: string;
  subjectToken?: string;
}

export interface KeystoneResult {
  reply: Reply;
  userName: string | null;
}

type Dict = Record<string, unknown>;
const dict = (value: unknown): Dict | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Dict) : undefined;
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Keystone's 401, pointing at itself as real Keystone does. */
const unauthorized = (context: KeystoneContext): Reply => {
  const reply = keystoneError(401, 'Unauthorized', 'The request you have made requires authentication.');
  return {
    ...reply,
    headers: { ...reply.headers, 'www-authenticate': `Keystone uri="${context.identityUrl}/v3"` },
  };
};
const badRequest = (message: string): Reply => keystoneError(400, 'Bad Request', message);

function versionDocument(identityUrl: string): Dict {
  return {
    id: 'v3.14',
    status: 'stable',
    updated: '2020-04-07T00:00:00Z',
    links: [{ rel: 'self', href: `${identityUrl}/v3/` }],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
  };
}

const inDefaultDomain = (domain: Dict | undefined): boolean =>
  domain === undefined || str(domain.id) === DEFAULT_DOMAIN.id || str(domain.name) === DEFAULT_DOMAIN.name;

function findUser(context: KeystoneContext, user: Dict): SandboxUser | undefined {
  const id = str(user.id);
  if (id) return context.identity.users.get(id);
  const name = str(user.name);
  if (!name || !inDefaultDomain(dict(user.domain))) return undefined;
  return context.identity.userByName(name);
}

function scopedProject(context: KeystoneContext, scope: Dict | undefined): string | null | Reply {
  if (!scope) return null;
  const project = dict(scope.project);
  if (!project) return badRequest("Hangar's stand-in supports project scope only.");
  const id = str(project.id);
  if (id) return context.identity.projects.has(id) ? id : unauthorized(context);
  const name = str(project.name);
  if (!name) return badRequest('Expecting to find id or name in project.');
  if (!dict(project.domain)) return badRequest('Expecting to find domain in project.');
  if (!inDefaultDomain(dict(project.domain))) return unauthorized(context);
  return context.identity.projectByName(name)?.id ?? unauthorized(context);
}

/** A token's body as Keystone renders it (POST and GET /v3/auth/tokens). */
function renderToken(context: KeystoneContext, issued: IssuedToken, extra: Dict = {}): Dict {
  const { identity } = context;
  const user = identity.users.get(issued.userId);
  const project = issued.projectId ? identity.projects.get(issued.projectId) : undefined;
  const token: Dict = {
    methods: issued.methods,
    user: { domain: { ...DEFAULT_DOMAIN }, id: issued.userId, name: user?.name, password_expires_at: null },
    audit_ids: [randomBytes(16).toString('base64url').slice(0, 22)],
    expires_at: issued.expiresAt.toISOString().replace('Z', '000Z'),
    issued_at: issued.issuedAt.toISOString().replace('Z', '000Z'),
    ...extra,
  };
  if (project) {
    token.project = { domain: { ...DEFAULT_DOMAIN }, id: project.id, name: project.name };
    token.is_domain = false;
    token.roles = issued.roles.map((name) => ({
      id: `${name.padEnd(8, '0').slice(0, 8)}${'0'.repeat(24)}`,
      name,
    }));
    token.catalog = context.catalog();
  }
  return token;
}

function tokenReply(
  context: KeystoneContext,
  userId: string,
  projectId: string | null,
  methods: string[],
  extra: Dict = {},
): KeystoneResult {
  const issued = context.identity.issue(userId, projectId, methods, context.now());
  return {
    reply: json(
      201,
      { token: renderToken(context, issued.token, extra) },
      { 'x-subject-token': issued.id, vary: 'X-Auth-Token' },
    ),
    userName: context.identity.users.get(userId)?.name ?? null,
  };
}

/**
 * GET /v3/auth/tokens: what keystonemiddleware asks for every request a service receives. The
 * caller's own token (X-Auth-Token) must be valid and hold the admin or service role, or be the
 * very token it asks about (Keystone's identity:validate_token rule); an unknown or expired
 * subject is 404, as Keystone says it.
 */
function validate(context: KeystoneContext, headers: KeystoneHeaders): KeystoneResult {
  const caller = context.identity.resolve(headers.authToken, context.now());
  if (!caller) return { reply: unauthorized(context), userName: null };
  const subjectId = headers.subjectToken ?? '';
  const subject = context.identity.resolve(subjectId, context.now());
  const privileged = caller.roles.includes('admin') || caller.roles.includes('service');
  if (!privileged && !(subject && subject.userId === caller.userId)) {
    return {
      reply: keystoneError(
        403,
        'Forbidden',
        'You are not authorized to perform the requested action: identity:validate_token.',
      ),
      userName: context.identity.users.get(caller.userId)?.name ?? null,
    };
  }
  if (!subject) {
    return {
      reply: keystoneError(404, 'Not Found', `Could not find token: ${subjectId.slice(0, 12)}…`),
      userName: null,
    };
  }
  return {
    reply: json(
      200,
      { token: renderToken(context, subject) },
      { 'x-subject-token': subjectId, vary: 'X-Auth-Token' },
    ),
    userName: context.identity.users.get(subject.userId)?.name ?? null,
  };
}

function authenticate(context: KeystoneContext, bodyText: string): KeystoneResult {
  let body: Dict | undefined;
  try {
    body = dict(JSON.parse(bodyText));
  } catch {
    return { reply: badRequest('Malformed JSON in the request body.'), userName: null };
  }
  const identityPart = dict(dict(body?.auth)?.identity);
  const methods = identityPart?.methods;
  if (!identityPart || !Array.isArray(methods) || methods.length === 0) {
    return { reply: badRequest('Expecting to find identity in auth.'), userName: null };
  }
  if (methods.includes('application_credential')) {
    const credential = dict(identityPart.application_credential);
    const found =
      credential &&
      context.identity.checkAppCredential(str(credential.id) ?? '', str(credential.secret) ?? '');
    if (!found) return { reply: unauthorized(context), userName: null };
    return tokenReply(context, found.userId, found.projectId, ['application_credential'], {
      application_credential: { id: found.id, name: found.name, restricted: true },
    });
  }
  if (!methods.includes('password')) return { reply: unauthorized(context), userName: null };
  const userPart = dict(dict(identityPart.password)?.user);
  if (!userPart) return { reply: badRequest('Expecting to find user in password.'), userName: null };
  const user = findUser(context, userPart);
  if (!user || !context.identity.checkPassword(user, str(userPart.password) ?? '')) {
    return { reply: unauthorized(context), userName: null };
  }
  const project = scopedProject(context, dict(dict(body?.auth)?.scope));
  if (project !== null && typeof project !== 'string') return { reply: project, userName: user.name };
  // A user without a role on the project cannot scope to it: Keystone says 401, not 403.
  if (project !== null && (user.roles[project] ?? []).length === 0)
    return { reply: unauthorized(context), userName: user.name };
  return tokenReply(context, user.id, project, ['password']);
}

/** Routes one request below /identity. */
export function handleKeystone(
  context: KeystoneContext,
  method: string,
  path: string,
  body: string,
  headers: KeystoneHeaders = {},
): KeystoneResult {
  const none = (reply: Reply): KeystoneResult => ({ reply, userName: null });
  if (method === 'GET' && (path === '' || path === '/')) {
    return none(json(300, { versions: { values: [versionDocument(context.identityUrl)] } }));
  }
  if (method === 'GET' && (path === '/v3' || path === '/v3/'))
    return none(json(200, { version: versionDocument(context.identityUrl) }));
  if (path === '/v3/auth/tokens') {
    if (method === 'GET') return validate(context, headers);
    if (method !== 'POST')
      return none(
        keystoneError(405, 'Method Not Allowed', 'The method is not allowed for the requested URL.'),
      );
    return authenticate(context, body);
  }
  return none(keystoneError(404, 'Not Found', 'The resource could not be found.'));
}
