import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ComputeWorld, type ComputeTiming } from './compute-world';
import { runAction } from './ec2-actions';
import { ec2Error, Ec2ApiError } from './ec2-api-error';
import { errorXml } from './ec2-xml';
import { FaultInjector } from './fault-injector';
import { parseQueryParams } from './query-params';
import { RequestLog, type SandboxRequest } from './request-log';
import { DEFAULT_SANDBOX_REGIONS, SandboxCatalog } from './sandbox-catalog';
import {
  resolveCredential,
  SANDBOX_DEMO_CREDENTIAL,
  type ResolvedCredential,
  type SandboxCredential,
} from './sandbox-credentials';
import { parseAuthorization, verifySignature } from './sigv4-verifier';
import { delay, readBoundedBody, stopServer } from './shared/stand-in-http';

export interface Ec2SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Keys the sandbox accepts; defaults to the demo credential alone. */
  credentials?: SandboxCredential[];
  /** The sandbox's "now": seeds creation dates and decides what is deprecated. Defaults to now. */
  referenceDate?: Date;
  regions?: readonly string[];
  /** How long builds, shutdowns and captures take (defaults: boot 1.5 s, shutdown 1 s, capture 3 s, copy 4 s). */
  compute?: Partial<ComputeTiming>;
  /** The compute clock (ms since epoch); tests that step through states pass their own. */
  clock?: () => number;
}

/** Faults a test arms on the handle: `quota` makes the next RunInstances hit InstanceLimitExceeded. */
export type ComputeFaultKind = 'quota';

export interface Ec2Sandbox {
  /** `http://127.0.0.1:PORT`, ready for the SDK's `endpoint`. */
  readonly endpoint: string;
  readonly port: number;
  readonly regions: readonly string[];
  readonly credentials: readonly ResolvedCredential[];
  readonly catalog: SandboxCatalog;
  readonly faults: FaultInjector;
  readonly requestLog: RequestLog;
  /**
   * Deregisters an AMI (public, or one of a known key's own) so lists and id look-ups stop
   * returning it, as EC2 does some time after deregistration. False when there was no such image.
   */
  removeImage(cloudId: string): boolean;
  /** Instances, networks, key pairs and captures the compute actions made, per account and region. */
  readonly compute: ComputeWorld;
  /** Arms a compute fault for the next `times` calls it applies to (default 1). */
  armFault(kind: ComputeFaultKind, times?: number): void;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1 << 20;

function readBody(req: IncomingMessage): Promise<string> {
  return readBoundedBody(req, MAX_BODY_BYTES, () =>
    ec2Error('InvalidParameterValue', 'The request body is too large.'),
  );
}

function attemptOf(req: IncomingMessage): number | null {
  const match = /attempt=(\d+)/.exec(String(req.headers['amz-sdk-request'] ?? ''));
  return match ? Number(match[1]) : null;
}

/**
 * Starts the EC2 sandbox: a real HTTP server on 127.0.0.1 speaking EC2's Query protocol with
 * SigV4, so the real `@aws-sdk/client-ec2` runs its own serialisation, paging, retries and errors.
 */
export async function startEc2Sandbox(options: Ec2SandboxOptions = {}): Promise<Ec2Sandbox> {
  const credentials = (options.credentials ?? [SANDBOX_DEMO_CREDENTIAL]).map(resolveCredential);
  const byKeyId = new Map(credentials.map((c) => [c.accessKeyId, c]));
  const catalog = new SandboxCatalog(
    [...(options.regions ?? DEFAULT_SANDBOX_REGIONS)],
    options.referenceDate ?? new Date(),
  );
  const faults = new FaultInjector();
  const compute = new ComputeWorld(catalog, options.compute, options.clock);
  const requestLog = new RequestLog();
  let seq = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const record: SandboxRequest = {
      seq: ++seq,
      receivedAt: new Date(),
      action: null,
      region: null,
      accessKeyId: null,
      attempt: attemptOf(req),
      invocationId: (req.headers['amz-sdk-invocation-id'] as string | undefined) ?? null,
      params: {},
      status: 0,
      errorCode: null,
    };
    let answered = false;
    res.once('close', () => {
      if (!answered) requestLog.completed(record);
    });
    const answer = (status: number, xml: string, errorCode: string | null = null): void => {
      if (res.destroyed) return;
      answered = true;
      record.status = status;
      record.errorCode = errorCode;
      res.writeHead(status, {
        'content-type': 'text/xml;charset=UTF-8',
        server: 'AmazonEC2',
        'x-amzn-requestid': requestId,
      });
      res.end(xml);
      requestLog.completed(record);
    };
    try {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
      const params = parseQueryParams(body, url.search.slice(1));
      record.params = Object.fromEntries(params);
      record.action = params.get('Action') ?? null;
      const claim = parseAuthorization(req.headers, new Date());
      record.accessKeyId = claim.accessKeyId;
      record.region = claim.region;
      const credential = byKeyId.get(claim.accessKeyId);
      const request = {
        method: req.method ?? 'POST',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
      };
      if (!credential || !(await verifySignature(request, claim, credential.secretAccessKey)))
        throw ec2Error('AuthFailure');
      if (!catalog.hasRegion(claim.region)) {
        throw ec2Error(
          'AuthFailure',
          `Credential should be scoped to a valid region, not '${claim.region}'.`,
        );
      }
      requestLog.received(record);
      const action = record.action ?? '';
      const latency = faults.takeLatency(action);
      if (latency > 0) await delay(latency, res);
      const injected = faults.takeError(action);
      if (injected) throw injected;
      const caller = { accountId: credential.accountId, region: claim.region };
      answer(
        200,
        runAction(record.action ?? undefined, { params, caller, credential, catalog, compute, requestId }),
      );
    } catch (error) {
      const apiError = error instanceof Ec2ApiError ? error : ec2Error('InternalError');
      answer(apiError.status, errorXml(apiError.code, apiError.message, requestId), apiError.code);
    }
  }

  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    regions: catalog.regions,
    credentials,
    catalog,
    faults,
    requestLog,
    removeImage: (cloudId) =>
      catalog.deregister(
        cloudId,
        credentials.map((c) => c.accountId),
      ),
    compute,
    armFault: (kind, times = 1) => {
      if (kind === 'quota') compute.armQuota(times);
    },
    stop: () => stopServer(server),
  };
}
