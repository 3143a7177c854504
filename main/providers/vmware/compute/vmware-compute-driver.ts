import type { ComputeCapabilities, ComputeDriver, LaunchSpec, NetworkChoice } from '../../compute-driver';
import { CloudError } from '../../driver';
import { DEFAULT_RETRY, type RetryPolicy } from '../retry';
import { VapiSession, type VapiLogin } from '../vapi-session';
import { VimSession } from '../vim-session';
import { redactSecret } from '../vsphere-errors';
import { vsphereImageRef } from '../vsphere-image-lookup';
import { createTransport } from '../vsphere-transport';
import type { VmwareDriverConfig } from '../vmware-driver';
import { classifyComputeError } from './compute-errors';
import { readInventory } from './vsphere-inventory';
import { launchServers, PartialLaunchError } from './vmware-launch';
import { statusOf, readVm, VM_STATUS_PATHS, vmsFromImage } from './vm-status';
import { captureTemplate, deleteLibraryItem, deleteTemplateVm, terminateVm } from './vm-lifecycle';
import { VMWARE_SIZES } from './vmware-sizes';

export const VMWARE_COMPUTE: ComputeCapabilities = {
  keyPairs: 'public-key-only',
  securityGroups: false,
  publicIp: false,
  volumes: false,
  capture: { supported: true, reason: null },
  copy: {
    supported: false,
    reason:
      'Templates live in one vCenter; publish them through a subscribed content library to reach another.',
  },
  deprecate: {
    supported: false,
    reason: 'vSphere has no image deprecation; rename the template or move it to an archive folder instead.',
  },
  delete: { supported: true, reason: null },
};

export interface VmwareComputeOptions {
  /** How often a vSphere task is read while it runs. Default 1 s. */
  pollIntervalMs?: number;
  retry?: RetryPolicy;
  timeoutMs?: number;
}

interface Sessions {
  vim: VimSession;
  /** Opened on first use: only library items need the REST API. */
  vapi(): Promise<VapiSession>;
}

/**
 * Launch and template lifecycle on one vCenter. Like the catalog driver, each call opens its own
 * transport and sessions and signs out at the end; vim25 does the VM work, the Automation REST
 * API (`/api` or `/rest`) the content library work.
 */
export function createVmwareComputeDriver(
  config: VmwareDriverConfig,
  options: VmwareComputeOptions = {},
): ComputeDriver {
  const base = new URL(new URL(config.url).origin);
  const endpoint = base.origin;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;

  async function withSessions<T>(
    activity: string,
    work: (sessions: Sessions) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    const transport = createTransport({
      trustedCertFingerprint: config.trustedCertFingerprint,
      timeoutMs: options.timeoutMs,
    });
    const login: VapiLogin = {
      transport,
      base,
      username: config.username,
      password: config.password,
      retry: options.retry ?? DEFAULT_RETRY,
    };
    let vapi: VapiSession | null = null;
    let vim: VimSession | null = null;
    try {
      if (signal?.aborted) throw signal.reason;
      vim = await VimSession.open(login, signal);
      return await work({
        vim,
        vapi: async () => (vapi ??= await VapiSession.open(login, signal)),
      });
    } catch (error) {
      const made = error instanceof PartialLaunchError ? error.made : [];
      const cause = error instanceof PartialLaunchError ? error.cause : error;
      if (cause instanceof CloudError && made.length === 0) throw cause;
      const appError = signal?.aborted
        ? { code: 'cancelled' as const, message: `Cancelled: Hangar stopped trying to ${activity}.` }
        : cause instanceof CloudError
          ? { ...cause.appError }
          : classifyComputeError(cause, { endpoint, activity });
      if (made.length > 0)
        appError.message += ` These servers were made before it stopped and still exist: ${made.join(', ')}.`;
      throw new CloudError(redactSecret(appError, config.password), { cause });
    } finally {
      await Promise.all([vim?.close(), (vapi as VapiSession | null)?.close()]);
      transport.close();
    }
  }

  const refuseId = (id: string, what: string) =>
    new CloudError({
      code: 'invalid-request',
      message: `"${id.slice(0, 80)}" is not a VMware ${what} id: choose it from the list.`,
    });

  return {
    compute: VMWARE_COMPUTE,

    listFlavors: () => Promise.resolve(VMWARE_SIZES.map((size) => ({ ...size }))),

    listNetworks: (_location, signal) =>
      withSessions(
        'list the port groups',
        async ({ vim }) => {
          const inventory = await readInventory(vim, signal);
          const networks = inventory.networks();
          const several = inventory.datacenters().length > 1;
          return networks.map((network): NetworkChoice => ({
            id: network.ref.value,
            name: several ? `${network.name} (${network.datacenter.name})` : network.name,
            // Port groups carry no subnets in vSphere; addressing is the network's DHCP or IPAM.
            subnets: [],
          }));
        },
        signal,
      ),

    launch: (spec: LaunchSpec, signal) =>
      withSessions(
        `deploy ${spec.imageId}`,
        async (sessions) => launchServers(sessions, spec, { pollIntervalMs, signal }),
        signal,
      ),

    getServer: (_location, serverId) =>
      withSessions(`read server ${serverId}`, async ({ vim }) => {
        const vm = await readVm(vim, serverId, VM_STATUS_PATHS);
        return vm ? statusOf(vm) : null;
      }),

    terminate: (_location, serverId) =>
      withSessions(`delete server ${serverId}`, ({ vim }) => terminateVm(vim, serverId, { pollIntervalMs })),

    serversUsingImage: (_location, imageId) =>
      withSessions(`find the servers deployed from ${imageId}`, ({ vim }) => vmsFromImage(vim, imageId)),

    captureImage: (_location, serverId, name, description) =>
      withSessions(`clone ${serverId} to a template`, async ({ vim }) => ({
        imageId: await captureTemplate(vim, serverId, name, description, { pollIntervalMs }),
      })),

    deleteImage: (_location, imageId) => {
      const ref = vsphereImageRef(imageId);
      if (!ref) return Promise.reject(refuseId(imageId, 'template'));
      return withSessions(`delete template ${imageId}`, async (sessions) =>
        ref.kind === 'template-vm'
          ? deleteTemplateVm(sessions.vim, ref.moid, { pollIntervalMs })
          : deleteLibraryItem(await sessions.vapi(), ref.id),
      );
    },
  };
}
