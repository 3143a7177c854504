import { X509Certificate } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { VmwareConnection, VmwareSecret } from '@contract/index';
import type { CloudSandbox } from '../../providers/provider-module';
import { parseXml, type XmlElement } from '../../providers/vmware/xml-reader';
import { createSandboxTls, type SandboxTls } from '../azure/sandbox-tls';
import { RequestLog, type SandboxRequest } from '../request-log';
import { apiError, type Answer } from './vsphere-api-routes';
import { VsphereFaults, type VsphereFault } from './vsphere-faults';
import { buildVsphereSeed, type VsphereSeed } from './vsphere-seed';
import { soapFault } from './vim-soap-routes';
import { VsphereRouter, type VsphereUser } from './vsphere-router';
import { VimCompute, type ArmedTaskFault, type ComputeTimings } from './vim-compute';
import { delay } from '../shared/stand-in-http';

/** The account the embedded Sandbox opens. Not a secret: it only opens this local stand-in. */
export const VSPHERE_SANDBOX_DEMO_CREDENTIAL = {
  username: 'demo@vsphere.local',
  password: 'hangar-sandbox-demo',
};

export interface VmwareSandboxOptions {
  port?: number;
  /** HTTPS with a freshly minted certificate (default), or plain http (false), or given PEMs. */
  tls?: boolean | SandboxTls;
  users?: VsphereUser[];
  referenceDate?: Date;
  seed?: string;
  /** How long tasks and guest boots take (tests shorten them). */
  compute?: Partial<ComputeTimings>;
}

export interface VmwareSandbox extends CloudSandbox<VmwareConnection, VmwareSecret> {
  endpoint: string;
  /** SHA-256 fingerprint (AA:BB:…) of the served certificate; null over plain http. */
  certificateFingerprint: string | null;
  faults: VsphereFaults;
  requestLog: RequestLog;
  seed: VsphereSeed;
  /**
   * Deletes a content library item (by id) or a VM template (by moid) from the running vCenter,
   * so listings and lookups no longer find it. As on vCenter, deleting a vm-template item also
   * deletes the template VM backing it. False when nothing has that id.
   */
  removeImage(cloudId: string): boolean;
  /** Launch and lifecycle controls: arm a task fault (a quota), read the timings. */
  compute: {
    armFault(fault: ArmedTaskFault): void;
    timings: ComputeTimings;
  };
}

/** Removes in place: the router and open SOAP sessions read the same seed arrays. */
function removeFromSeed(seed: VsphereSeed, cloudId: string): boolean {
  const item = seed.items.findIndex((candidate) => candidate.id === cloudId);
  const backing = item >= 0 ? seed.items[item]?.template?.vm_template : undefined;
  if (item >= 0) seed.items.splice(item, 1);
  const vmMoid = item >= 0 ? backing : cloudId;
  const vm = vmMoid === undefined ? -1 : seed.vms.findIndex((candidate) => candidate.moid === vmMoid);
  if (vm >= 0) seed.vms.splice(vm, 1);
  return item >= 0 || vm >= 0;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The answer an armed error fault replaces the real one with (truncation is done on the wire). */
function faultAnswer(fault: VsphereFault, soap: boolean): Answer | null {
  switch (fault.kind) {
    case 'throttle-429':
      return soap
        ? { status: 429, body: '', contentType: 'text/plain' }
        : apiError(429, 'RESOURCE_BUSY', 'vapi.rate.limit', 'Too many requests.');
    case 'unavailable-503':
      return soap
        ? { status: 503, body: '', contentType: 'text/plain' }
        : apiError(503, 'SERVICE_UNAVAILABLE', 'vapi.service.unavailable', 'Service unavailable.');
    case 'forbidden-403':
      return soap
        ? soapFault('NoPermission', 'Permission to perform this operation was denied.')
        : apiError(403, 'UNAUTHORIZED', 'vapi.security.authorization.invalid', 'Unable to authorize user');
    case 'malformed-body':
      // A proxy's error page served with 200 and the API's content type.
      return {
        status: 200,
        body: '<html><body><h1>Gateway page</h1></body></html>',
        contentType: soap ? 'text/xml; charset=utf-8' : 'application/json',
      };
    default:
      return null;
  }
}

/**
 * The vSphere stand-in: the `/api` REST flavour plus the vim25 SOAP slice for templates, over
 * HTTPS by default. `/rest` answers 404 here (vcsim covers it), which is also how the driver
 * learns a vCenter's flavour.
 */
export async function startVmwareSandbox(options: VmwareSandboxOptions = {}): Promise<VmwareSandbox> {
  const seed = buildVsphereSeed(options.referenceDate ?? new Date(), options.seed);
  const users = options.users ?? [{ ...VSPHERE_SANDBOX_DEMO_CREDENTIAL, permitted: true }];
  const tls =
    options.tls === false
      ? null
      : options.tls === true || options.tls === undefined
        ? createSandboxTls()
        : options.tls;
  const faults = new VsphereFaults();
  const requestLog = new RequestLog();
  const compute = new VimCompute(seed, { taskMs: 600, bootMs: 2_500, ...options.compute });
  const router = new VsphereRouter(
    seed,
    users,
    compute,
    (itemId) => seed.items.some((item) => item.id === itemId) && removeFromSeed(seed, itemId),
  );
  let seq = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const body = await readBody(req);
    const record: SandboxRequest = {
      seq: (seq += 1),
      receivedAt: new Date(),
      action: null,
      region: null,
      accessKeyId: null,
      attempt: null,
      invocationId: null,
      params: Object.fromEntries(url.searchParams),
      status: 0,
      errorCode: null,
    };
    const soap = url.pathname === '/sdk' && req.method === 'POST';
    let method: XmlElement | undefined;
    if (soap) {
      try {
        method = parseXml(body).children.find((c) => c.name === 'Body')?.children[0];
      } catch {
        method = undefined;
      }
    }
    const { target, run } = soap ? router.soap(req, method, record) : router.rest(req, url, record, body);
    requestLog.received(record);
    const concrete = target === 'any' ? 'detail' : target;
    // Only a Continue can repeat a token, so other SOAP calls leave that fault armed.
    const canRepeat = !soap || method?.name === 'ContinueRetrievePropertiesEx';
    const { latencyMs, error } = faults.take(concrete, canRepeat);
    if (latencyMs > 0) await delay(latencyMs, res);
    if (res.destroyed) {
      requestLog.completed(record);
      return;
    }
    const answer = (error && faultAnswer(error, soap)) ?? run(error?.kind === 'repeated-listing');
    record.status = answer.status;
    record.errorCode =
      answer.status >= 400
        ? (/"error_type":"([^"]+)"/.exec(answer.body)?.[1] ??
          /xsi:type="(\w+)"><\/\w+Fault>/.exec(answer.body)?.[1] ??
          null)
        : null;
    const payload = Buffer.from(answer.body);
    res.writeHead(answer.status, {
      'Content-Type': answer.contentType,
      'Content-Length': payload.length,
      ...answer.headers,
    });
    if (error?.kind === 'truncated-body' && payload.length > 1) {
      // Half the body, then the connection goes: the client sees fewer bytes than announced.
      res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.socket?.destroy());
      record.status = 0;
    } else res.end(payload);
    requestLog.completed(record);
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  };
  const server = tls
    ? https.createServer({ key: tls.keyPem, cert: tls.certPem }, listener)
    : http.createServer(listener);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const certificateFingerprint = tls ? new X509Certificate(tls.certPem).fingerprint256 : null;
  const demo = users[0] ?? VSPHERE_SANDBOX_DEMO_CREDENTIAL;

  return {
    cloud: 'vmware',
    connection: {
      url: endpoint,
      username: demo.username,
      ...(certificateFingerprint ? { trustedCertFingerprint: certificateFingerprint } : {}),
    },
    secret: { password: demo.password },
    endpoint,
    certificateFingerprint,
    faults,
    requestLog,
    seed,
    removeImage: (cloudId) => removeFromSeed(seed, cloudId),
    compute: { armFault: (fault) => compute.arm(fault), timings: compute.timings },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
