import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { XmlElement } from '../../providers/vmware/xml-reader';
import type { SandboxRequest } from '../request-log';
import { apiError, apiRoute, type Answer } from './vsphere-api-routes';
import type { FaultTarget } from './vsphere-faults';
import type { VsphereSeed } from './vsphere-seed';
import { loginAnswer, logoutAnswer, serviceContent, soapFault, VimState } from './vim-soap-routes';
import { computeApiRoute } from './compute-api-routes';
import { COMPUTE_METHODS, type VimCompute } from './vim-compute';

export interface VsphereUser {
  username: string;
  password: string;
  /** False: may sign in, but every read answers 403 / NoPermission. Default true. */
  permitted?: boolean;
}

/** A routed request: which faults may hit it, and how to answer (`repeat`: the repeated-listing fault). */
export interface Routed {
  target: FaultTarget;
  run(repeat: boolean): Answer;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const unauthenticated = (): Answer =>
  apiError(
    401,
    'UNAUTHENTICATED',
    'com.vmware.vapi.endpoint.method.authentication.required',
    'Authentication required.',
  );

/**
 * Sign-in and routing for both protocols: REST sessions (header `vmware-api-session-id`) and SOAP
 * sessions (cookie `vmware_soap_session`), each bound to the user who opened it.
 */
export class VsphereRouter {
  private readonly restSessions = new Map<string, VsphereUser>();
  private readonly soapSessions = new Map<string, { user: VsphereUser; state: VimState }>();

  constructor(
    private readonly seed: VsphereSeed,
    private readonly users: readonly VsphereUser[],
    /** Launch and lifecycle: vim25 tasks and the REST deploy (vim-compute.ts, compute-api-routes.ts). */
    private readonly compute: VimCompute,
    private readonly removeItem: (itemId: string) => boolean,
  ) {}

  private authenticate(header: string | undefined): VsphereUser | null {
    const match = /^Basic (.+)$/.exec(header ?? '');
    if (!match?.[1]) return null;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const [username, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    return this.users.find((u) => u.username === username && sameText(u.password, password)) ?? null;
  }

  /** REST routing: session endpoints here, reads in apiRoute. */
  rest(req: IncomingMessage, url: URL, record: SandboxRequest, body = ''): Routed {
    if (url.pathname === '/api/session') {
      record.action = `${req.method} /api/session`;
      return {
        target: 'session',
        run: () => {
          if (req.method === 'POST') {
            const user = this.authenticate(req.headers.authorization);
            if (!user) return unauthenticated();
            record.accessKeyId = user.username;
            const id = randomUUID().replace(/-/g, '');
            this.restSessions.set(id, user);
            return { status: 201, body: JSON.stringify(id), contentType: 'application/json' };
          }
          if (req.method === 'DELETE') {
            this.restSessions.delete(String(req.headers['vmware-api-session-id'] ?? ''));
            return { status: 204, body: '', contentType: 'application/json' };
          }
          return apiError(405, 'OPERATION_NOT_FOUND', 'vapi.method.not.found', 'Method not allowed.');
        },
      };
    }
    const route = !url.pathname.startsWith('/api/')
      ? null
      : req.method === 'GET'
        ? apiRoute(this.seed, url.pathname, url.searchParams)
        : computeApiRoute(this.seed, this.compute, req.method ?? '', url, body, this.removeItem);
    record.action = route?.action ?? `${req.method} ${url.pathname}`;
    const user = this.restSessions.get(String(req.headers['vmware-api-session-id'] ?? ''));
    return {
      target: route?.target ?? 'detail',
      run: (repeat) => {
        if (!route) return apiError(404, 'NOT_FOUND', 'com.vmware.vapi.rest.httpNotFound', 'Not found.');
        if (!user) return unauthenticated();
        record.accessKeyId = user.username;
        this.compute.tasks.settle();
        return route.answer({ permitted: user.permitted !== false, repeat });
      },
    };
  }

  soap(req: IncomingMessage, method: XmlElement | undefined, record: SandboxRequest): Routed {
    const name = method?.name ?? 'unknown';
    record.action = `SOAP ${name}`;
    const cookie = /vmware_soap_session="?([^";]+)"?/.exec(String(req.headers.cookie ?? ''))?.[1] ?? '';
    const session = this.soapSessions.get(cookie);
    const listing = name === 'RetrievePropertiesEx' || name === 'ContinueRetrievePropertiesEx';
    // A retrieval over a container view is a listing; over one object (a lookup) it is a detail read.
    const overView =
      name !== 'RetrievePropertiesEx' ||
      method?.children
        .find((c) => c.name === 'specSet')
        ?.children.find((c) => c.name === 'objectSet')
        ?.children.find((c) => c.name === 'obj')?.attrs.type === 'ContainerView';
    return {
      target: name === 'Login' ? 'session' : listing && overView ? 'list' : 'detail',
      run: (repeat) => {
        if (!method) return soapFault('InvalidRequest', 'The request could not be parsed.');
        if (name === 'RetrieveServiceContent') return serviceContent();
        if (name === 'Login') {
          const text = (field: string) => method.children.find((c) => c.name === field)?.text ?? '';
          const user = this.users.find(
            (u) => u.username === text('userName') && sameText(u.password, text('password')),
          );
          if (!user)
            return soapFault(
              'InvalidLogin',
              'Cannot complete login due to an incorrect user name or password.',
            );
          record.accessKeyId = user.username;
          const key = randomUUID();
          this.soapSessions.set(key, {
            user,
            state: new VimState(this.seed, key, () => this.compute.tasks.objects()),
          });
          return loginAnswer(key, user.username, new Date());
        }
        if (!session) return soapFault('NotAuthenticated', 'The session is not authenticated.');
        record.accessKeyId = session.user.username;
        if (name === 'Logout') {
          this.soapSessions.delete(cookie);
          return logoutAnswer();
        }
        // Tasks due by now have run before anything is read or changed.
        this.compute.tasks.settle();
        if (COMPUTE_METHODS.has(name)) {
          if (session.user.permitted === false)
            return soapFault('NoPermission', 'Permission to perform this operation was denied.');
          return this.compute.call(name, method);
        }
        if (name === 'CreateContainerView') return session.state.createContainerView(method);
        if (name === 'DestroyView') return session.state.destroyView(method);
        if (listing) {
          if (session.user.permitted === false)
            return soapFault('NoPermission', 'Permission to perform this operation was denied.');
          return session.state.retrieve(method, repeat && name === 'ContinueRetrievePropertiesEx');
        }
        return soapFault('MethodNotFound', `The method ${name} is not part of this stand-in.`);
      },
    };
  }
}
