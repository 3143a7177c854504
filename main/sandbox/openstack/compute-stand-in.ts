import { json, type Reply } from './sandbox-http';
import type { CallerToken, KeystoneTokenCheck } from './keystone-token-check';
import { handleNeutron, neutronVersions } from './neutron-api';
import { NeutronState } from './neutron-state';
import { handleNova, novaVersions } from './nova-api';
import { BackgroundTasks, type NovaContext } from './nova-context';
import { GlanceUnavailable, NovaGlanceClient } from './nova-glance';
import { NovaState, type NovaTiming } from './nova-state';
import { NovaFault, novaError, novaVersion, requestedMinor, versionHeaders } from './nova-wire';

/**
 * One region's Nova and Neutron stand-in: token validation against Keystone (as
 * keystonemiddleware does), Nova's microversion headers, and the two APIs over shared state. It
 * is mounted by the sandbox server and by the standalone server tests run beside a real Keystone.
 */

export interface ComputeStandInOptions {
  region: string;
  tokens: KeystoneTokenCheck;
  /** Keystone's public URL, for the WWW-Authenticate header of a 401. */
  keystoneUrl: string;
  timing?: Partial<NovaTiming>;
}

export interface ComputeRequest {
  method: string;
  /** Below the service's mount: /v2.1/servers for Nova, /v2.0/networks for Neutron. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Absolute URL of the mount, for links. */
  mountUrl: string;
}

/** Long enough for the embedded Sandbox to show a build's progress; tests pass their own. */
export const DEFAULT_TIMING: NovaTiming = { buildMs: 2500, deleteMs: 800, snapshotMs: 2000 };

export class ComputeStandIn {
  readonly neutron: NeutronState;
  readonly nova: NovaState;
  private readonly tasks = new BackgroundTasks();
  private readonly glance: NovaGlanceClient;

  constructor(private readonly options: ComputeStandInOptions) {
    this.neutron = new NeutronState(options.region);
    this.nova = new NovaState({ ...DEFAULT_TIMING, ...options.timing }, this.neutron);
    this.glance = new NovaGlanceClient(options.region);
  }

  /** keystonemiddleware's answer to a missing or refused token. */
  private unauthorized(): Reply {
    return json(
      401,
      {
        error: {
          code: 401,
          title: 'Unauthorized',
          message: 'The request you have made requires authentication.',
        },
      },
      { 'www-authenticate': `Keystone uri="${this.options.keystoneUrl}"` },
    );
  }

  private async caller(request: ComputeRequest): Promise<CallerToken | Reply> {
    const header = request.headers['x-auth-token'];
    try {
      const caller = await this.options.tokens.check(typeof header === 'string' ? header : undefined);
      return caller ?? this.unauthorized();
    } catch {
      return json(503, {
        error: {
          code: 503,
          title: 'Service Unavailable',
          message: 'The Keystone service is temporarily unavailable.',
        },
      });
    }
  }

  async handle(service: 'nova' | 'neutron', request: ComputeRequest): Promise<Reply> {
    return service === 'nova' ? this.handleNova(request) : this.handleNeutron(request);
  }

  private async handleNova(request: ComputeRequest): Promise<Reply> {
    const path = request.path.replace(/\/+$/, '');
    if (request.method === 'GET' && path === '') return novaVersions(request.mountUrl);
    if (request.method === 'GET' && path === '/v2.1')
      return json(200, { version: novaVersion(request.mountUrl) });
    if (!path.startsWith('/v2.1/')) return novaError(404, 'The resource could not be found.');
    let minor: number;
    try {
      minor = requestedMinor(request.headers);
    } catch (error) {
      if (error instanceof NovaFault) return novaError(error.status, error.message);
      throw error;
    }
    const caller = await this.caller(request);
    if (!('userId' in caller)) return caller;
    const now = Date.now();
    this.nova.reap(now);
    const context: NovaContext = {
      state: this.nova,
      neutron: this.neutron,
      glance: this.glance,
      tasks: this.tasks,
      caller,
      minor,
      mountUrl: request.mountUrl,
      now,
    };
    let reply: Reply;
    try {
      reply = await handleNova(context, {
        method: request.method,
        path: path.slice('/v2.1'.length),
        query: request.query,
        body: request.body,
      });
    } catch (error) {
      if (!(error instanceof GlanceUnavailable)) throw error;
      reply = novaError(
        500,
        `Unexpected API Error. The image service could not be reached: ${error.message}`,
      );
    }
    return { ...reply, headers: { ...reply.headers, ...versionHeaders(minor) } };
  }

  private async handleNeutron(request: ComputeRequest): Promise<Reply> {
    const path = request.path.replace(/\/+$/, '');
    if (request.method === 'GET' && path === '') return neutronVersions(request.mountUrl);
    const caller = await this.caller(request);
    if (!('userId' in caller)) return caller;
    // Servers that finished deleting give their ports back before Neutron answers.
    this.nova.reap(Date.now());
    return handleNeutron(this.neutron, {
      method: request.method,
      path,
      query: request.query,
      body: request.body,
      caller,
      mountUrl: request.mountUrl,
    });
  }

  /** Waits for snapshot uploads in flight; timers not yet fired are dropped. */
  stop(): Promise<void> {
    return this.tasks.stop();
  }
}
