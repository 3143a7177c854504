import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GcpConnection, GcpSecret } from '@contract/index';
import type { CloudSandbox } from '../../providers/provider-module';
import { createPrng } from '../prng';
import { gcpErrors, GcpApiError } from './gcp-api-error';
import { GcpCatalog } from './gcp-catalog';
import { createComputeRouter } from './compute-router';
import { GcpComputeState, type GcpComputeTiming } from './compute-state';
import { GcpFaultInjector, type GcpFault } from './gcp-fault-injector';
import { readBody, sendJson, sendMalformed, sendTruncated } from './gcp-http';
import { COMPUTE_READ_SCOPES, GcpIdentities } from './gcp-identities';
import {
  getFromFamily,
  getImage,
  listImagesPage,
  matchComputeRoute,
  type ComputeRoute,
} from './gcp-images-api';
import { answerTokenRequest, GOOGLE_TOKEN_URL } from './gcp-oauth-token';
import { GcpRequestLog, type GcpSandboxRequest } from './gcp-request-log';
import { numericId } from './gcp-seed-builder';
import { delay, stopServer } from '../shared/stand-in-http';

export interface GcpSandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The stand-in's "now": seeds creation dates and decides what is deprecated. Defaults to now. */
  referenceDate?: Date;
  /** The demo account's own project. */
  projectId?: string;
  /** How long operations, boots and captures take (launch and image lifecycle). */
  compute?: GcpComputeTiming;
}

export interface GcpSandbox extends CloudSandbox<GcpConnection, GcpSecret> {
  /** `http://127.0.0.1:PORT`, for the connection's `endpoint`. */
  readonly endpoint: string;
  readonly port: number;
  /** The OAuth token endpoint the demo key's `token_uri` names. */
  readonly tokenUri: string;
  readonly projectId: string;
  readonly serviceAccountEmail: string;
  /** The demo service-account key file (JSON text), signed in with at the stand-in's token endpoint. */
  readonly demoKeyJson: string;
  readonly catalog: GcpCatalog;
  readonly faults: GcpFaultInjector;
  readonly requestLog: GcpRequestLog;
  /** The project's instances, disks, networks, firewalls and operations; arms the quota fault. */
  readonly compute: GcpComputeState;
  /** Another key for the demo account; `registered: false` gives a well-formed key Google does not know. */
  createKeyJson(options?: { registered?: boolean }): Promise<string>;
  /** A bearer token for the demo account, as `gcloud auth print-access-token` would give. */
  mintAccessToken(options?: { scopes?: readonly string[]; ttlSeconds?: number }): string;
  /** Deletes `projects/P/global/images/NAME` from the running stand-in, so list and get stop returning it. */
  removeImage(cloudId: string): boolean;
}

export const GCP_SANDBOX_PROJECT = 'hangar-sandbox-demo';
/** The public image projects the stand-in seeds, which the demo connection caches. */
export const GCP_SANDBOX_IMAGE_PROJECTS = [
  'debian-cloud',
  'ubuntu-os-cloud',
  'rhel-cloud',
  'rocky-linux-cloud',
  'windows-cloud',
  'cos-cloud',
] as const;

const METHOD_NAMES: Record<ComputeRoute['operation'], string> = {
  'images.list': 'compute.v1.ImagesService.List',
  'images.get': 'compute.v1.ImagesService.Get',
  'images.getFromFamily': 'compute.v1.ImagesService.GetFromFamily',
};

/**
 * Starts the Compute Engine stand-in on 127.0.0.1: the images REST API the real
 * `@google-cloud/compute` client calls, Google's JSON errors, and an OAuth token endpoint that
 * verifies service-account assertions, so the real client and auth library run end to end.
 */
export async function startGcpSandbox(options: GcpSandboxOptions = {}): Promise<GcpSandbox> {
  const projectId = options.projectId ?? GCP_SANDBOX_PROJECT;
  const catalog = new GcpCatalog(options.referenceDate ?? new Date(), [projectId]);
  const identities = new GcpIdentities();
  const email = `hangar-sandbox@${projectId}.iam.gserviceaccount.com`;
  // Quota errors name the caller's project by number, as Google's do.
  const projectNumber = numericId(createPrng(`gcp-project-number:${projectId}`)).slice(0, 12);
  identities.addServiceAccount(email, projectId);
  const faults = new GcpFaultInjector();
  const requestLog = new GcpRequestLog();
  let tokenUri = '';
  let seq = 0;
  const compute = new GcpComputeState(projectId, email, catalog, catalog.reference, options.compute);

  /** Serves one answer, or the armed fault in its place. */
  function answer(res: ServerResponse, body: () => unknown, fault: GcpFault | undefined): void {
    if (fault?.kind === 'throttle-429') throw gcpErrors.rateLimited(projectNumber);
    if (fault?.kind === 'unavailable-503') throw gcpErrors.unavailable();
    if (fault?.kind === 'malformed-body') return sendMalformed(res);
    const payload = body();
    if (fault?.kind === 'truncated-page') return sendTruncated(res, payload);
    sendJson(res, 200, payload);
  }

  async function handleToken(
    req: IncomingMessage,
    res: ServerResponse,
    record: GcpSandboxRequest,
  ): Promise<number> {
    const form = new URLSearchParams(await readBody(req));
    const context = { operation: 'oauth.token' as const, hasPageToken: false };
    requestLog.received(record);
    const latency = faults.takeLatency(context);
    if (latency > 0) await delay(latency, res);
    const fault = faults.takeFault(context);
    record.fault = fault?.kind ?? null;
    if (fault) {
      answer(res, () => ({}), fault);
      return 200;
    }
    const result = answerTokenRequest(form, identities, [GOOGLE_TOKEN_URL, tokenUri], Date.now());
    record.principal = result.principal;
    record.reason = result.error;
    sendJson(res, result.status, result.body);
    return result.status;
  }

  async function handleCompute(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    record: GcpSandboxRequest,
  ): Promise<number> {
    const route = matchComputeRoute(url.pathname);
    if (!route) throw gcpErrors.notFound(url.pathname.replace(/^\/compute\/v1\//, ''));
    record.operation = route.operation;
    record.project = route.project;
    if (req.method !== 'GET') throw gcpErrors.methodNotAllowed(req.method ?? '');
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    const grant = bearer ? identities.resolveToken(bearer) : undefined;
    if (!grant) throw gcpErrors.unauthenticated(METHOD_NAMES[route.operation]);
    record.principal = grant.principal;
    if (!grant.scopes.some((scope) => (COMPUTE_READ_SCOPES as readonly string[]).includes(scope))) {
      throw gcpErrors.insufficientScopes(METHOD_NAMES[route.operation]);
    }
    // Public image projects are readable by every authenticated caller; the rest only by their own.
    const owner = identities.account(grant.principal)?.projectId;
    if (!catalog.exists(route.project) || (!catalog.isPublic(route.project) && owner !== route.project)) {
      throw gcpErrors.forbidden(`compute.${route.operation}`, `projects/${route.project}`);
    }
    const pageToken = url.searchParams.get('pageToken');
    const context = { operation: route.operation, hasPageToken: pageToken !== null };
    requestLog.received(record);
    const latency = faults.takeLatency(context);
    if (latency > 0) await delay(latency, res);
    const fault = faults.takeFault(context);
    record.fault = fault?.kind ?? null;
    const body = (): unknown => {
      if (route.operation === 'images.get') return getImage(catalog, route.project, route.resource ?? '');
      if (route.operation === 'images.getFromFamily')
        return getFromFamily(catalog, route.project, route.resource ?? '');
      const page = listImagesPage(catalog, route.project, {
        maxResults: url.searchParams.get('maxResults'),
        pageToken,
        filter: url.searchParams.get('filter'),
        orderBy: url.searchParams.get('orderBy'),
      });
      // The fault: a page that names its own token as the next one, as a buggy pager would.
      if (fault?.kind === 'repeated-page-token' && pageToken) page.nextPageToken = pageToken;
      return page;
    };
    answer(res, body, fault);
    return fault?.kind === 'truncated-page' ? 0 : 200;
  }

  const computeRouter = createComputeRouter({ state: compute, identities, faults, requestLog, answer });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    // Time moves lazily: whatever operations, boots and captures are due settle before any answer.
    compute.advance();
    const computeRoute = computeRouter.match(req.method ?? 'GET', url.pathname);
    const record: GcpSandboxRequest = {
      seq: ++seq,
      receivedAt: new Date(),
      method: req.method ?? 'GET',
      path: url.pathname,
      operation: null,
      project: null,
      principal: null,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      reason: null,
      fault: null,
    };
    try {
      if (url.pathname === '/token' && req.method === 'POST') {
        record.operation = 'oauth.token';
        record.status = await handleToken(req, res, record);
      } else if (computeRoute) {
        record.status = await computeRouter.handle(req, res, url, computeRoute, record);
      } else {
        record.status = await handleCompute(req, res, url, record);
      }
    } catch (error) {
      const apiError = error instanceof GcpApiError ? error : gcpErrors.internal();
      record.status = apiError.httpStatus;
      record.reason = apiError.reason;
      sendJson(res, apiError.httpStatus, apiError.body());
    }
    if (res.destroyed && !res.writableFinished) record.status = 0;
    requestLog.completed(record);
  }

  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://127.0.0.1:${port}`;
  tokenUri = `${endpoint}/token`;
  const demoKeyJson = await identities.createKeyFile(email, tokenUri);

  return {
    cloud: 'gcp',
    connection: { projectId, imageProjects: [...GCP_SANDBOX_IMAGE_PROJECTS], endpoint },
    secret: { kind: 'service-account', keyJson: demoKeyJson },
    endpoint,
    port,
    tokenUri,
    projectId,
    serviceAccountEmail: email,
    demoKeyJson,
    catalog,
    faults,
    requestLog,
    compute,
    createKeyJson: (keyOptions) =>
      identities.createKeyFile(email, tokenUri, { register: keyOptions?.registered }),
    mintAccessToken: (tokenOptions) =>
      identities.mintToken(email, tokenOptions?.scopes ?? [COMPUTE_READ_SCOPES[0]], tokenOptions?.ttlSeconds),
    removeImage: (cloudId) => {
      const match = /^projects\/([^/]+)\/global\/images\/([^/]+)$/.exec(cloudId);
      return match ? catalog.remove(match[1] ?? '', match[2] ?? '') : false;
    },
    stop: () => stopServer(server),
  };
}
