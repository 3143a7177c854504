import type { z } from 'zod';
import type {
  CaptureRequestSchema,
  CopyRequestSchema,
  DeleteImageRequestSchema,
  DeprecateRequestSchema,
  ComputeCapabilities,
  ImageUser,
} from '@contract/index';
import type { AppStateStore } from '../../stores/app-state';
import type { DriverProvider } from '../driver-provider';
import type { OperationTracker } from '../launch/operation-tracker';
import type { RegistryService } from '../registry/registry-service';
import { imageLocationOf, RegisterRequestSchema } from '@contract/index';
import { ServiceError } from '../../ipc/app-error';
import { placeOf } from '../launch/launch-options';
import { requireAccountIn } from '../registry/registry-accounts';
import { usersOfImages } from '../registry/image-usage';
import { waitForImage } from './image-ready';

export interface LifecycleTuning {
  pollIntervalMs: number;
  timeoutMs: number;
}

/** Capture, copy, deprecate and delete, each only where the cloud can, with the reason where not. */
export class LifecycleService {
  constructor(
    private readonly state: AppStateStore,
    private readonly drivers: DriverProvider,
    private readonly operations: OperationTracker,
    private readonly registry: RegistryService,
    private readonly tuning: LifecycleTuning,
  ) {}

  /** The cloud's lifecycle abilities, with the reason for each it lacks. */
  async capabilities(workspaceId: string, accountId: string): Promise<ComputeCapabilities> {
    const account = requireAccountIn(this.state, workspaceId, accountId);
    const { compute } = await this.drivers.computeFor(account);
    return { launch: { supported: true, reason: null }, ...compute };
  }

  async capture(request: z.infer<typeof CaptureRequestSchema>): Promise<{ operationId: string }> {
    const { account, compute } = await placeOf(this.state, this.drivers, request);
    if (!compute.captureImage)
      throw new ServiceError(
        'invalid-request',
        compute.compute.capture.reason ?? 'This cloud cannot capture images.',
      );
    const images = await this.drivers.forAccount(account);
    const serverId = request.serverId;
    const imageLocation = imageLocationOf(account.cloud, request.location);
    const operationId = this.operations.start(
      {
        workspaceId: request.workspaceId,
        kind: 'capture',
        title: `Capture ${request.name}`,
        cancellable: false,
      },
      async (context) => {
        context.step(`Asking the cloud to capture ${serverId}…`, 0.05);
        const { imageId } = await compute.captureImage!(
          request.location,
          serverId,
          request.name,
          request.description,
        );
        await waitForImage(images, imageLocation, imageId, context, {
          ...this.tuning,
          progressFrom: 0.1,
          progressTo: 0.9,
        });
        let recordId: string | null = null;
        if (request.register) {
          context.step('Registering the new image…', 0.95);
          const record = await this.registry.register(
            RegisterRequestSchema.parse({
              workspaceId: request.workspaceId,
              target: { accountId: account.id, location: imageLocation, cloudImageId: imageId },
              ...request.register,
            }),
          );
          recordId = record.id;
        }
        return { imageIds: [imageId], recordId };
      },
    );
    return { operationId };
  }

  async copy(request: z.infer<typeof CopyRequestSchema>): Promise<{ operationId: string }> {
    const { account, compute } = await placeOf(this.state, this.drivers, request);
    if (!compute.copyImage)
      throw new ServiceError(
        'invalid-request',
        compute.compute.copy.reason ?? 'This cloud cannot copy images.',
      );
    const images = await this.drivers.forAccount(account);
    const targets = request.toLocations.filter((l) => l !== request.location);
    if (targets.length === 0)
      throw new ServiceError('invalid-request', 'Choose at least one other location to copy to.');
    const operationId = this.operations.start(
      {
        workspaceId: request.workspaceId,
        kind: 'copy',
        title: `Copy ${request.imageId} to ${targets.join(', ')}`,
        cancellable: false,
      },
      async (context) => {
        const copies: string[] = [];
        for (const [index, target] of targets.entries()) {
          const share = (n: number) => (index + n) / targets.length;
          context.step(`Copying to ${target}…`, share(0.05));
          const { imageId } = await compute.copyImage!(
            request.location,
            request.imageId,
            target,
            request.name,
          );
          await waitForImage(images, target, imageId, context, {
            ...this.tuning,
            progressFrom: share(0.1),
            progressTo: share(0.9),
          });
          copies.push(imageId);
          if (request.addToRecordId) {
            await this.registry.register(
              RegisterRequestSchema.parse({
                workspaceId: request.workspaceId,
                target: { accountId: account.id, location: target, cloudImageId: imageId },
                addToRecordId: request.addToRecordId,
              }),
            );
          }
        }
        return { imageIds: copies, recordId: request.addToRecordId };
      },
    );
    return { operationId };
  }

  async deprecate(request: z.infer<typeof DeprecateRequestSchema>): Promise<{ deprecatesAt: string | null }> {
    const { account, compute } = await placeOf(this.state, this.drivers, request);
    if (!compute.deprecateImage)
      throw new ServiceError(
        'invalid-request',
        compute.compute.deprecate.reason ?? 'This cloud cannot deprecate images.',
      );
    await compute.deprecateImage(
      imageLocationOf(account.cloud, request.location),
      request.imageId,
      request.at ? new Date(request.at) : null,
    );
    return { deprecatesAt: request.at };
  }

  /**
   * Refused while servers launched from the image exist: asked of the cloud, or — when the cloud
   * cannot be asked — read from the launch history. Registry mappings of it are marked deleted.
   */
  async delete(request: z.infer<typeof DeleteImageRequestSchema>) {
    const { account, compute } = await placeOf(this.state, this.drivers, request);
    if (!compute.deleteImage)
      throw new ServiceError(
        'invalid-request',
        compute.compute.delete.reason ?? 'This cloud cannot delete images.',
      );
    const imageLocation = imageLocationOf(account.cloud, request.location);
    let usedBy: ImageUser[];
    let checkedIn: 'cloud' | 'launch-history' = 'cloud';
    try {
      const servers = await compute.serversUsingImage(request.location, request.imageId);
      usedBy = servers.map((s) => ({
        kind: 'server' as const,
        id: s.id,
        name: s.name,
        cloudImageId: request.imageId,
        location: request.location,
        since: new Date(0).toISOString(),
      }));
    } catch (error) {
      checkedIn = 'launch-history';
      usedBy = usersOfImages(this.state.data.launches, request.workspaceId, null, [
        { accountId: account.id, location: request.location, cloudImageId: request.imageId },
      ]);
      // Nothing known to use it, and the cloud cannot be asked: the deletion would fail the same way.
      if (usedBy.length === 0) throw error;
    }
    if (usedBy.length > 0) {
      const names = usedBy.map((u) => `${u.name} (${u.id})`).join(', ');
      return {
        deleted: false,
        usedBy,
        checkedIn,
        message: `Not deleted: ${usedBy.length} server(s) launched from it still exist — ${names}. Terminate them first.`,
      };
    }
    await compute.deleteImage(imageLocation, request.imageId);
    await this.registry.markImageDeleted(request.workspaceId, account.cloud, imageLocation, request.imageId);
    return { deleted: true, usedBy: [], checkedIn, message: `Deleted ${request.imageId}.` };
  }
}
