import type * as Compute from '@google-cloud/compute';
import type { GcpConnection, GcpSecret } from '@contract/index';
import { CloudError } from '../../driver';
import { AttemptTrail } from '../gcp-attempts';
import { COMPUTE_SCOPE, createAuthClient } from '../gcp-auth';
import { callOptions, endpointOptions, type GcpCallOptions, type GcpCallTuning } from '../gcp-images-client';

type ComputeLib = typeof Compute;

/** The Compute clients launch and lifecycle calls use. */
export type GceClientName =
  | 'InstancesClient'
  | 'DisksClient'
  | 'MachineTypesClient'
  | 'ZonesClient'
  | 'NetworksClient'
  | 'SubnetworksClient'
  | 'FirewallsClient'
  | 'ImagesClient'
  | 'ZoneOperationsClient'
  | 'GlobalOperationsClient';

type ClientOptions = ConstructorParameters<ComputeLib['InstancesClient']>[0];

/**
 * One call's Compute clients, all over REST (`fallback`) with one explicit auth client holding the
 * read-write compute scope, as the images client is built for listing. Clients are made on first
 * use and closed together, so no socket or token outlives the call.
 */
export class GceSession {
  private readonly made = new Map<GceClientName, { close(): Promise<void> }>();

  constructor(
    readonly project: string,
    readonly trail: AttemptTrail,
    private readonly lib: ComputeLib,
    private readonly options: ClientOptions,
    private readonly tuning: GcpCallTuning,
  ) {}

  client<K extends GceClientName>(name: K): InstanceType<ComputeLib[K]> {
    let client = this.made.get(name);
    if (!client) {
      const Client = this.lib[name] as unknown as new (options: ClientOptions) => { close(): Promise<void> };
      client = new Client(this.options);
      this.made.set(name, client);
    }
    return client as InstanceType<ComputeLib[K]>;
  }

  /** Bounded retries for 429 / 503 / timeouts; mutating calls carry a requestId, so a retry is safe. */
  call(signal?: AbortSignal, overrides: GcpCallTuning = {}): GcpCallOptions {
    return callOptions({ ...this.tuning, ...overrides }, signal);
  }

  /** The same, for one page of a list. */
  page(signal?: AbortSignal): GcpCallOptions {
    return { ...this.call(signal), autoPaginate: false };
  }

  async close(): Promise<void> {
    await Promise.all([...this.made.values()].map((c) => c.close().catch(() => undefined)));
    this.made.clear();
  }
}

export async function openGceSession(
  connection: GcpConnection,
  secret: GcpSecret,
  tuning: GcpCallTuning = {},
): Promise<GceSession> {
  const auth = createAuthClient(secret, connection.endpoint, COMPUTE_SCOPE);
  const trail = new AttemptTrail();
  trail.watch(auth);
  const lib = await import('@google-cloud/compute');
  return new GceSession(
    connection.projectId,
    trail,
    lib,
    { fallback: true, authClient: auth, ...endpointOptions(connection.endpoint) },
    tuning,
  );
}

/**
 * Every page of a list, following tokens by hand so a token that comes back twice stops the walk
 * (a replaying proxy would otherwise loop it forever).
 */
export async function listAll<T>(
  what: string,
  fetchPage: (pageToken: string | undefined, options: GcpCallOptions) => Promise<[T[], unknown, unknown]>,
  session: GceSession,
  signal?: AbortSignal,
): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let pageToken: string | undefined;
  for (;;) {
    const [page, , response] = await fetchPage(pageToken, session.page(signal));
    items.push(...page);
    const token = (response as { nextPageToken?: string | null } | undefined)?.nextPageToken;
    if (!token) return items;
    if (seen.has(token)) {
      throw new CloudError({
        code: 'cloud-error',
        message: `Google Cloud repeated a page of ${what} (the same page token came back), so Hangar stopped rather than loop. Try again; if it keeps happening, the endpoint or a proxy is replaying pages.`,
      });
    }
    seen.add(token);
    pageToken = token;
  }
}
