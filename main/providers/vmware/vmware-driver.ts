import type { ConnectionCheck } from '@contract/index';
import type { StoredImage } from '../../catalog/stored-image';
import { CloudError, type CloudDriver, type ImageListScope, type ListImagesProgress } from '../driver';
import { listLibraryItems, TEMPLATE_ITEM_TYPES } from './content-library-source';
import { mapLibraryItem, mapTemplateVm } from './image-mapper';
import { DEFAULT_RETRY, type RetryPolicy } from './retry';
import { listTemplateVms } from './template-vm-source';
import { VapiSession, type VapiLogin } from './vapi-session';
import { VimSession } from './vim-session';
import { classifyVsphereError, connectionCheckFor, redactSecret, type ErrorContext } from './vsphere-errors';
import { getLibraryItem, getTemplateVm, vsphereImageRef, type VsphereImageRef } from './vsphere-image-lookup';
import { createTransport } from './vsphere-transport';

/** What one source of a vCenter holds: content library items, or VMs marked as templates. */
export const VMWARE_SCOPES = ['content-libraries', 'templates'] as const;
export type VmwareScope = (typeof VMWARE_SCOPES)[number];

export interface VmwareDriverConfig {
  url: string;
  username: string;
  password: string;
  trustedCertFingerprint?: string;
}

export interface VmwareDriverOptions {
  /** PropertyCollector page size for templates (vCenter caps it itself). Default 500. */
  pageSize?: number;
  /** Library item detail GETs in flight at once. Default 4. */
  concurrency?: number;
  retry?: RetryPolicy;
  timeoutMs?: number;
}

const isScope = (owner: string): owner is VmwareScope => (VMWARE_SCOPES as readonly string[]).includes(owner);

/**
 * The VMware driver for one vCenter account. Each call opens its own transport and session and
 * signs out at the end, so nothing (socket, session, password) outlives the operation.
 */
export function createVmwareDriver(
  config: VmwareDriverConfig,
  options: VmwareDriverOptions = {},
): CloudDriver {
  const base = new URL(new URL(config.url).origin);
  const endpoint = base.origin;
  const retry = options.retry ?? DEFAULT_RETRY;

  const fail = (error: unknown, context: ErrorContext, signal?: AbortSignal): CloudError => {
    if (error instanceof CloudError) return error;
    const appError = signal?.aborted
      ? { code: 'cancelled' as const, message: `Cancelled: Hangar stopped trying to ${context.activity}.` }
      : classifyVsphereError(error, context);
    return new CloudError(redactSecret(appError, config.password), { cause: error });
  };

  const loginWith = (transport: ReturnType<typeof createTransport>): VapiLogin => ({
    transport,
    base,
    username: config.username,
    password: config.password,
    retry,
  });

  const newTransport = () =>
    createTransport({ trustedCertFingerprint: config.trustedCertFingerprint, timeoutMs: options.timeoutMs });

  async function listScope(
    scope: VmwareScope,
    onProgress: (p: ListImagesProgress) => void,
    signal?: AbortSignal,
  ) {
    const transport = newTransport();
    try {
      if (scope === 'content-libraries') {
        const session = await VapiSession.open(loginWith(transport), signal);
        try {
          const records = await listLibraryItems(session, {
            concurrency: options.concurrency ?? 4,
            onPage: (pages, images) => onProgress({ pages, images }),
            signal,
          });
          return records.map(mapLibraryItem);
        } finally {
          await session.close();
        }
      }
      const vim = await VimSession.open(loginWith(transport), signal);
      try {
        const records = await listTemplateVms(vim, {
          pageSize: options.pageSize ?? 500,
          onPage: (pages, images) => onProgress({ pages, images }),
          signal,
        });
        return records.map(mapTemplateVm);
      } finally {
        await vim.close();
      }
    } finally {
      transport.close();
    }
  }

  /** One image over a fresh transport and session, like a listing. */
  async function lookUp(ref: VsphereImageRef, signal?: AbortSignal): Promise<StoredImage | null> {
    const transport = newTransport();
    try {
      if (ref.kind === 'library-item') {
        const session = await VapiSession.open(loginWith(transport), signal);
        try {
          const record = await getLibraryItem(session, ref.id, signal);
          if (record === null) return null;
          if (!TEMPLATE_ITEM_TYPES.has(record.item.type ?? '')) {
            throw new CloudError({
              code: 'invalid-request',
              message: `Content library item "${record.item.name ?? ref.id}" is of type ${record.item.type ?? 'unknown'}, not a VM or OVF template: choose a template from the list.`,
            });
          }
          return mapLibraryItem(record);
        } finally {
          await session.close();
        }
      }
      const vim = await VimSession.open(loginWith(transport), signal);
      try {
        const found = await getTemplateVm(vim, ref.moid, signal);
        if (found === null) return null;
        const image = mapTemplateVm(found.record);
        // Still there, but converted back to a VM (usually to be edited): not deployable as a template.
        return found.template ? image : { ...image, state: 'not-a-template' };
      } finally {
        await vim.close();
      }
    } finally {
      transport.close();
    }
  }

  return {
    capabilities: { listImages: true, testConnection: true, getImage: true },

    async listImages(scope: ImageListScope, onProgress, signal): Promise<StoredImage[]> {
      const activity =
        scope.owner === 'templates' ? 'list the VM templates' : 'list the content library templates';
      const context: ErrorContext = { endpoint, activity };
      if (!isScope(scope.owner))
        throw new CloudError({
          code: 'invalid-request',
          message: `"${scope.owner}" is not a VMware source; use one of ${VMWARE_SCOPES.join(', ')}.`,
        });
      if (signal?.aborted) throw fail(signal.reason, context, signal);
      try {
        return await listScope(scope.owner, onProgress, signal);
      } catch (error) {
        throw fail(error, context, signal);
      }
    },

    /**
     * A template by the id listing gave it: a content library item id (UUID) or a template VM's
     * moid (vm-123). The location is the vCenter itself, which the account already names.
     */
    async getImage(
      _location: string,
      cloudImageId: string,
      signal?: AbortSignal,
    ): Promise<StoredImage | null> {
      const shown = cloudImageId.trim().slice(0, 80);
      const ref = vsphereImageRef(cloudImageId);
      if (ref === null)
        throw new CloudError({
          code: 'invalid-request',
          message: `"${shown}" is not a VMware template id: choose the template from the list (a content library item or a template VM such as vm-123).`,
        });
      const context: ErrorContext = {
        endpoint,
        activity:
          ref.kind === 'library-item'
            ? `look up content library item ${ref.id}`
            : `look up VM template ${ref.moid}`,
      };
      if (signal?.aborted) throw fail(signal.reason, context, signal);
      try {
        return await lookUp(ref, signal);
      } catch (error) {
        throw fail(error, context, signal);
      }
    },

    async testConnection(_location: string, signal?: AbortSignal): Promise<ConnectionCheck> {
      const context: ErrorContext = { endpoint, activity: 'test the connection' };
      const transport = newTransport();
      try {
        const session = await VapiSession.open(loginWith(transport), signal);
        try {
          // The smallest call that proves the user may read content libraries.
          const libraries = await session.get(session.paths.libraries, 'the content library list', signal);
          const count = Array.isArray(libraries) ? libraries.length : 0;
          const api = session.flavour === 'api' ? 'the /api REST API' : 'the older /rest API';
          return {
            ok: true,
            code: 'ok',
            message: `Connected to vCenter at ${endpoint} through ${api} as ${config.username}: ${count === 0 ? 'no' : count} content ${count === 1 ? 'library' : 'libraries'} visible.`,
          };
        } finally {
          await session.close();
        }
      } catch (error) {
        const failure = fail(error, context, signal);
        if (failure.appError.code === 'cancelled') throw failure;
        return connectionCheckFor(failure.appError, error);
      } finally {
        transport.close();
      }
    },
  };
}
