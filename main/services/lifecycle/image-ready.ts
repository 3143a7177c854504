import type { CloudDriver } from '../../providers/driver';
import type { StoredImage } from '../../catalog/stored-image';
import { ServiceError } from '../../ipc/app-error';
import type { OperationContext } from '../launch/operation-tracker';

// Azure's managed images report ARM's provisioningState.
const READY = new Set(['available', 'active', 'ready', 'succeeded']);
const BROKEN = new Set(['failed', 'error', 'killed', 'deleted', 'invalid']);

/** Polls the cloud until a new image can be launched, reporting each state it passes through. */
export async function waitForImage(
  images: CloudDriver,
  location: string,
  imageId: string,
  context: OperationContext,
  options: { pollIntervalMs: number; timeoutMs: number; progressFrom: number; progressTo: number },
): Promise<StoredImage> {
  if (!images.getImage) throw new ServiceError('invalid-request', 'This cloud cannot look images up by id.');
  const deadline = Date.now() + options.timeoutMs;
  const started = Date.now();
  for (;;) {
    if (context.signal.aborted)
      throw new ServiceError('cancelled', 'Stopped following the image; the cloud goes on making it.');
    const image = await images.getImage(location, imageId).catch(() => null);
    const state = image?.state.toLowerCase() ?? 'not visible yet';
    if (image && READY.has(state)) return image;
    if (image && BROKEN.has(state))
      throw new ServiceError(
        'cloud-error',
        `The cloud reports the new image ${imageId} as ${state}; nothing more will come of it.`,
      );
    const share = Math.min(0.95, (Date.now() - started) / Math.max(1, options.timeoutMs / 10));
    context.step(
      `Image ${imageId}: ${state}…`,
      options.progressFrom + (options.progressTo - options.progressFrom) * share,
    );
    if (Date.now() > deadline)
      throw new ServiceError(
        'cloud-error',
        `Image ${imageId} was still ${state} when Hangar stopped waiting; check it later in the catalog.`,
      );
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.pollIntervalMs);
      context.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
