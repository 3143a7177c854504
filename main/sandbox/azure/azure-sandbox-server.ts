import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AzureConnection, AzureSecret } from '@contract/index';
import type { CloudSandbox } from '../../providers/provider-module';
import { trustLocalCa } from '../../providers/azure/azure-trust';
import { RequestLog, type SandboxRequest } from '../request-log';
import { ArmError, armErrors } from './arm-error';
import { pageOf } from './arm-paging';
import { matchArmRoute } from './arm-routes';
import type { ComputeDelays } from './compute-context';
import { computeDispatcher, MAX_ARM_WRITE_BYTES } from './compute-dispatch';
import { matchComputeRoute } from './compute-routes';
import { AzureComputeWorld } from './compute-world';
import { AzureSandboxCatalog, DEFAULT_AZURE_SANDBOX_LOCATIONS } from './azure-catalog';
import { AzureFaultInjector, type AzureOperation } from './azure-faults';
import { applyFaults, errorAnswer, readBody, type Answer } from './azure-responses';
import {
  AZURE_SANDBOX_DEMO,
  AZURE_SANDBOX_DEMO_PRINCIPAL,
  objectIdOf,
  type AzureSandboxPrincipal,
} from './azure-principals';
import { EntraAuthority } from './entra-endpoints';
import { createSandboxTls, type SandboxTls } from './sandbox-tls';
import { stopServer } from '../shared/stand-in-http';

export interface AzureSandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Service principals Entra knows; the first opens the returned connection. Default: the demo. */
  principals?: AzureSandboxPrincipal[];
  subscriptionId?: string;
  locations?: readonly string[];
  /** The stand-in's "now" for seeding; defaults to now. */
  referenceDate?: Date;
  /** Items per page of the `nextLink`-paged lists (managed images, galleries, definitions, versions). Default 50. */
  pageSize?: number;
  /** A certificate to serve (e.g. from a test CA); by default one is minted in-process. */
  tls?: SandboxTls;
  /** Register the CA with the Azure provider for this origin (default true), so the in-process app trusts it. */
  registerTrust?: boolean;
  /** How long VM builds, deletions, network and image operations take (see DEFAULT_COMPUTE_DELAYS). */
  computeDelays?: Partial<ComputeDelays>;
  /** `Retry-After` seconds on long-running operation status answers; none by default. */
  operationRetryAfterSeconds?: number;
}

export interface AzureSandbox extends CloudSandbox<AzureConnection, AzureSecret> {
  /** `https://127.0.0.1:PORT`: both the ARM endpoint and the authority host. */
  readonly endpoint: string;
  readonly port: number;
  readonly caCertPem: string;
  readonly catalog: AzureSandboxCatalog;
  readonly faults: AzureFaultInjector;
  readonly requestLog: RequestLog;
  /** Networks, VMs and image writes: delays, armed quota refusals and failed builds. */
  readonly compute: AzureComputeWorld;
  /**
   * Deletes an image from the running stand-in (a Marketplace URN with a concrete version, or a
   * managed image / gallery image version resource id), so lists and gets stop returning it.
   */
  removeImage(cloudId: string): boolean;
}

export const AZURE_SANDBOX_PUBLISHERS = ['Canonical', 'MicrosoftWindowsServer', 'RedHat', 'Debian', 'SUSE'];
const API_VERSION = /^20\d{2}-\d{2}-\d{2}(-preview)?$/;

/**
 * Starts the Azure stand-in: one HTTPS server on 127.0.0.1 playing both Entra ID (client-credential
 * tokens) and Resource Manager (Marketplace, managed images, Compute Gallery), so the real
 * `@azure/identity` and `@azure/arm-compute` run their own auth, paging, retries and errors.
 */
export async function startAzureSandbox(options: AzureSandboxOptions = {}): Promise<AzureSandbox> {
  const principals = options.principals ?? [AZURE_SANDBOX_DEMO_PRINCIPAL];
  const subscriptionId = options.subscriptionId ?? AZURE_SANDBOX_DEMO.subscriptionId;
  const locations = [...(options.locations ?? DEFAULT_AZURE_SANDBOX_LOCATIONS)].map((l) => l.toLowerCase());
  const catalog = new AzureSandboxCatalog(subscriptionId, locations, options.referenceDate ?? new Date());
  const authority = new EntraAuthority(principals, objectIdOf);
  const faults = new AzureFaultInjector();
  const requestLog = new RequestLog();
  const tls = options.tls ?? createSandboxTls();
  const pageSize = options.pageSize ?? 50;
  let origin = '';
  let seq = 0;
  let lastClientId = '';
  const compute = new AzureComputeWorld({
    subscriptionId,
    catalog,
    origin: () => origin,
    clientId: () => lastClientId,
    delays: options.computeDelays,
    retryAfterSeconds: options.operationRetryAfterSeconds,
  });
  const dispatchCompute = computeDispatcher({
    compute,
    locations,
    pageSize,
    origin: () => origin,
  });

  /** Entra: the OpenID metadata MSAL reads, and the client-credentials token endpoint. */
  async function entra(req: IncomingMessage, url: URL, record: SandboxRequest): Promise<Answer | null> {
    const metadata = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(url.pathname);
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    if (metadata && req.method === 'GET') {
      record.action = 'openid-configuration';
      return {
        status: 200,
        body: authority.openIdConfiguration(origin, decodeURIComponent(metadata[1] ?? '')),
      };
    }
    if (token && req.method === 'POST') {
      record.action = 'token';
      const form = new URLSearchParams(await readBody(req));
      record.accessKeyId = form.get('client_id');
      return {
        status: 200,
        body: authority.issueToken(decodeURIComponent(token[1] ?? ''), form, new Date()).body,
      };
    }
    return null;
  }

  /** Resource Manager: token, subscription, api-version, route, RBAC, then the route's answer. */
  function arm(req: IncomingMessage, url: URL, record: SandboxRequest, rawBody: string): () => Answer {
    const match = /^\/subscriptions\/([^/]+)(\/.*)$/i.exec(url.pathname);
    const { principal } = authority.verify(req.headers.authorization, new Date());
    record.accessKeyId = principal.clientId;
    lastClientId = principal.clientId;
    if (!match) throw armErrors.noRoute(url.pathname);
    const [, subscription = '', rest = ''] = match;
    if (subscription.toLowerCase() !== subscriptionId.toLowerCase())
      throw armErrors.subscriptionNotFound(subscription);
    const apiVersion = url.searchParams.get('api-version');
    if (apiVersion === null) throw armErrors.missingApiVersion();
    if (!API_VERSION.test(apiVersion)) throw armErrors.invalidApiVersion(apiVersion);
    const launchSide = matchComputeRoute(req.method ?? 'GET', rest);
    if (launchSide && launchSide !== 'wrong-method') {
      return dispatchCompute(launchSide, { url, record, principal, rawBody, apiVersion });
    }
    const found = matchArmRoute(rest);
    if (!found)
      throw launchSide ? armErrors.methodNotAllowed(req.method ?? '?') : armErrors.noRoute(url.pathname);
    if (req.method !== 'GET') throw armErrors.methodNotAllowed(req.method ?? '?');
    record.action = found.route.operation;
    if (principal.deniedActions?.includes(found.route.action)) {
      throw armErrors.authorizationFailed(
        principal.clientId,
        objectIdOf(principal),
        found.route.action,
        url.pathname,
      );
    }
    const location =
      found.route.locationGroup === undefined ? undefined : found.captures[found.route.locationGroup];
    record.region = location ?? null;
    if (location !== undefined && !catalog.hasLocation(location))
      throw armErrors.locationNotAvailable(location, locations);
    return () => {
      compute.tick();
      const result = found.route.handle(found.captures, url.searchParams, catalog);
      const value =
        result.kind === 'json'
          ? result.value
          : pageOf(result.items, { origin, path: url.pathname, query: url.searchParams, pageSize });
      return { status: 200, body: JSON.stringify(value) };
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const url = new URL(req.url ?? '/', 'https://sandbox.invalid');
    const record: SandboxRequest = {
      seq: ++seq,
      receivedAt: new Date(),
      action: null,
      region: null,
      accessKeyId: null,
      attempt: null,
      invocationId: (req.headers['x-ms-client-request-id'] as string | undefined) ?? null,
      params: Object.fromEntries(url.searchParams),
      status: 0,
      errorCode: null,
    };
    // Logged once: when answered, or when the client hangs up first (status 0).
    const completion = requestLog.completeOnce(record, res);
    const complete = completion.complete;
    const send = (answer: Answer): void => {
      if (completion.logged) return;
      record.status = answer.status;
      record.errorCode = answer.errorCode ?? null;
      if (!res.destroyed && !res.headersSent) {
        res.writeHead(answer.status, {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-cache',
          'x-ms-request-id': requestId,
          'x-ms-correlation-request-id': requestId,
          'x-ms-ratelimit-remaining-subscription-reads': '11999',
          ...answer.headers,
        });
        res.end(answer.body);
      }
      complete();
    };
    const isEntra = !/^\/subscriptions\//i.test(url.pathname);
    try {
      let produce: () => Answer;
      if (isEntra) {
        const answer = await entra(req, url, record);
        if (!answer) throw armErrors.noRoute(url.pathname);
        produce = () => answer;
      } else {
        const rawBody = ['PUT', 'PATCH', 'POST'].includes(req.method ?? '')
          ? await readBody(req, MAX_ARM_WRITE_BYTES)
          : '';
        produce = arm(req, url, record, rawBody);
      }
      requestLog.received(record);
      const outcome = await applyFaults(faults.take((record.action ?? 'token') as AzureOperation), {
        res,
        selfLink: `${origin}${url.pathname}${url.search}`,
        produce,
      });
      if (outcome === 'truncated') {
        record.status = 200;
        record.errorCode = 'truncated';
        complete();
      } else send(outcome);
    } catch (error) {
      send(
        errorAnswer(
          error,
          isEntra && !(error instanceof ArmError && error.code === 'NoRegisteredProviderFound'),
        ),
      );
    }
  }

  const server: Server = createServer(
    { key: tls.keyPem, cert: tls.certPem },
    (req, res) => void handle(req, res),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `https://127.0.0.1:${port}`;
  const untrust = options.registerTrust === false ? () => undefined : trustLocalCa(origin, tls.caCertPem);
  const first = principals[0] ?? AZURE_SANDBOX_DEMO_PRINCIPAL;

  return {
    cloud: 'azure',
    connection: {
      tenantId: first.tenantId,
      clientId: first.clientId,
      subscriptionId,
      locations: locations.slice(0, 2),
      publishers: [...AZURE_SANDBOX_PUBLISHERS],
      includeManagedImages: true,
      includeGalleries: true,
      endpoint: origin,
      authorityHost: origin,
    },
    secret: { clientSecret: first.clientSecret },
    endpoint: origin,
    port,
    caCertPem: tls.caCertPem,
    catalog,
    faults,
    requestLog,
    compute,
    removeImage: (cloudId) => catalog.remove(cloudId),
    stop: () => {
      untrust();
      return stopServer(server);
    },
  };
}
