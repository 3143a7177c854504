import type { ConnectionCheck } from '@contract/index';
import type { StoredImage } from '../../catalog/stored-image';
import { CloudError, type CloudDriver, type ImageListScope, type ListImagesProgress } from '../driver';
import { getGlanceImage, glanceImageId } from './glance-get-image';
import { glanceImagePages } from './glance-images';
import { mapGlanceImage, type MapContext } from './image-mapper';
import { authenticate, endpointFor, type KeystoneCredentials, type KeystoneSession } from './keystone-auth';
import {
  classifyOpenStackError,
  connectionCheckFor,
  redactSecrets,
  type ErrorContext,
} from './openstack-error';
import type { HttpTuning } from './openstack-http';

/** The one image scope an OpenStack account has: everything its token may see in a region. */
export const OPENSTACK_IMAGE_SCOPE = 'images';

export interface OpenStackDriverConfig {
  authUrl: string;
  interface: 'public' | 'internal' | 'admin';
  credentials: KeystoneCredentials;
  /** How messages name the account ("user demo in project demo"); never secret. */
  who: string;
}

export interface OpenStackDriverOptions {
  /** Images per Glance page (Glance caps it at 1000). Default 500. */
  pageSize?: number;
  http?: HttpTuning;
  now?: () => Date;
}

const DEFAULT_PAGE_SIZE = 500;

/**
 * Two passes cover everything the token may see: `visibility=all` (public, own, accepted shares
 * and community images) and the same with `os_hidden=true`, which Glance leaves out of every
 * default listing but which are exactly the deprecated images a catalog must show as such.
 */
const LIST_PASSES: Record<string, string>[] = [
  { visibility: 'all' },
  { visibility: 'all', os_hidden: 'true' },
];

/** The OpenStack driver for one account: Keystone v3 for a token and catalog, Glance v2 for images. */
export function createOpenStackDriver(
  config: OpenStackDriverConfig,
  options: OpenStackDriverOptions = {},
): CloudDriver {
  const pageSize = Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE);
  const secret =
    config.credentials.kind === 'password' ? config.credentials.password : config.credentials.secret;

  const fail = (error: unknown, context: ErrorContext, signal?: AbortSignal): CloudError =>
    error instanceof CloudError
      ? error
      : new CloudError(redactSecrets(classifyOpenStackError(error, context, signal), [secret]), {
          cause: error,
        });
  const contextFor = (region: string, activity: string): ErrorContext => ({
    region,
    activity,
    who: config.who,
    authKind: config.credentials.kind,
  });
  const signIn = async (
    region: string,
    signal?: AbortSignal,
  ): Promise<{ session: KeystoneSession; glance: string }> => {
    const session = await authenticate(config.authUrl, config.credentials, options.http, signal);
    return { session, glance: endpointFor(session.catalog, 'image', region, config.interface) };
  };
  const mapContextFor = (session: KeystoneSession): MapContext => ({
    projectId: session.projectId ?? undefined,
    projectName: session.projectName ?? undefined,
    now: options.now?.() ?? new Date(),
  });

  return {
    capabilities: { listImages: true, testConnection: true, getImage: true },

    async listImages(
      scope: ImageListScope,
      onProgress: (progress: ListImagesProgress) => void,
      signal?: AbortSignal,
    ): Promise<StoredImage[]> {
      const context = contextFor(scope.location, 'list the images');
      if (scope.owner !== OPENSTACK_IMAGE_SCOPE) {
        throw new CloudError({
          code: 'invalid-request',
          message: `OpenStack sources have one scope, "${OPENSTACK_IMAGE_SCOPE}", not "${scope.owner}".`,
        });
      }
      try {
        if (signal?.aborted) throw signal.reason;
        const { session, glance } = await signIn(scope.location, signal);
        const mapContext = mapContextFor(session);
        const images = new Map<string, StoredImage>();
        let pages = 0;
        for (const query of LIST_PASSES) {
          const pager = glanceImagePages({
            endpoint: glance,
            token: session.token,
            pageSize,
            query,
            tuning: options.http,
            signal,
          });
          for await (const page of pager) {
            for (const image of page)
              if (!images.has(image.id)) images.set(image.id, mapGlanceImage(image, mapContext));
            pages += 1;
            onProgress({ pages, images: images.size });
            if (signal?.aborted) throw signal.reason;
          }
        }
        return [...images.values()];
      } catch (error) {
        throw fail(error, context, signal);
      }
    },

    /**
     * One image by its Glance id, hidden and deactivated ones included. A value that is not a
     * UUID cannot name a Glance image: that is an 'invalid-request' (a typing mistake the wizard
     * shows), answered without asking the cloud, rather than a null that would read as "deleted".
     */
    async getImage(
      location: string,
      cloudImageId: string,
      signal?: AbortSignal,
    ): Promise<StoredImage | null> {
      const context = contextFor(location, `look up image ${cloudImageId.trim().slice(0, 64)}`);
      const imageId = glanceImageId(cloudImageId);
      if (imageId === null) {
        throw new CloudError({
          code: 'invalid-request',
          message: `"${cloudImageId.trim().slice(0, 64)}" is not an OpenStack image id: Glance ids are UUIDs such as 3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b. Copy the id from "openstack image list" or the dashboard.`,
        });
      }
      try {
        if (signal?.aborted) throw signal.reason;
        const { session, glance } = await signIn(location, signal);
        const image = await getGlanceImage({
          endpoint: glance,
          token: session.token,
          imageId,
          tuning: options.http,
          signal,
        });
        return image === null ? null : mapGlanceImage(image, mapContextFor(session));
      } catch (error) {
        throw fail(error, context, signal);
      }
    },

    async testConnection(location: string, signal?: AbortSignal): Promise<ConnectionCheck> {
      const context = contextFor(location, 'test the connection');
      try {
        const { session, glance } = await signIn(location, signal);
        // The smallest call that proves Glance accepts the token: one image of the default list.
        const first = await glanceImagePages({
          endpoint: glance,
          token: session.token,
          pageSize: 1,
          query: {},
          tuning: options.http,
          signal,
        }).next();
        const seesImages = !first.done && first.value.length > 0;
        return {
          ok: true,
          code: 'ok',
          message:
            `Connected: Keystone accepted ${config.who}` +
            // An application credential names no project itself: say which one it opened.
            `${config.credentials.kind === 'application-credential' && session.projectName ? ` (project ${session.projectName})` : ''}` +
            `, and Glance in ${location} ` +
            `answered at ${new URL(glance).origin} (${seesImages ? 'images are visible' : 'no images visible yet'}).`,
        };
      } catch (error) {
        const failure = fail(error, context, signal);
        // Cancelling is the caller's own doing, not a finding about the account.
        if (failure.appError.code === 'cancelled') throw failure;
        return connectionCheckFor(failure.appError);
      }
    },
  };
}
