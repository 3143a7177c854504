import type { ImagesClient } from '@google-cloud/compute';
import type { ConnectionCheck, GcpConnection, GcpSecret } from '@contract/index';
import { GcpProjectSchema } from '@contract/index';
import type { StoredImage } from '../../catalog/stored-image';
import { CloudError, type CloudDriver, type ImageListScope, type ListImagesProgress } from '../driver';
import { AttemptTrail } from './gcp-attempts';
import { createAuthClient, parseServiceAccountKey } from './gcp-auth';
import { classifyGcpError, gcpConnectionCheck, redactGcpSecrets, type GcpErrorContext } from './gcp-error';
import { getGcpImage, parseGcpImageId } from './gcp-get-image';
import { mapGcpImage } from './gcp-image-mapper';
import { callOptions, createImagesClient, type GcpCallTuning } from './gcp-images-client';

export interface GcpDriverOptions extends GcpCallTuning {
  /** images.list page size; Compute allows 1..500. Default 500: fewest round trips. */
  pageSize?: number;
}

/** GCE images are global: one location serves every region. */
export const GCP_LOCATION = 'global';
const MAX_PAGE_SIZE = 500;

/** One call's client and what its HTTP attempts came to; closed when the call ends. */
export interface GcpSession {
  client: ImagesClient;
  trail: AttemptTrail;
  close(): Promise<void>;
}

export async function openGcpSession(connection: GcpConnection, secret: GcpSecret): Promise<GcpSession> {
  const auth = createAuthClient(secret, connection.endpoint);
  const trail = new AttemptTrail();
  trail.watch(auth);
  const client = await createImagesClient(auth, connection.endpoint);
  return { client, trail, close: () => client.close().catch(() => undefined) };
}

/** The strings a message must never contain. */
export function secretsOf(secret: GcpSecret): string[] {
  if (secret.kind === 'access-token') return [secret.accessToken, secret.accessToken.trim()];
  const values = [secret.keyJson];
  try {
    const key = parseServiceAccountKey(secret.keyJson);
    values.push(...key.private_key.split('\n').filter((line) => line.length >= 16));
  } catch {
    // an unparsable key is reported elsewhere; the whole text is still redacted
  }
  return values;
}

/** Turns anything thrown into a CloudError with a sentence for the user and no secret in it. */
export function gcpFailure(
  error: unknown,
  session: { trail: AttemptTrail } | null,
  context: GcpErrorContext,
  secret: GcpSecret,
  signal?: AbortSignal,
): CloudError {
  if (error instanceof CloudError) return error;
  const appError = signal?.aborted
    ? { code: 'cancelled' as const, message: `Cancelled: Hangar stopped trying to ${context.activity}.` }
    : classifyGcpError(error, session?.trail.last(), context);
  return new CloudError(redactGcpSecrets(appError, secretsOf(secret)), { cause: error });
}

function scopedProject(scope: ImageListScope): string {
  if (scope.location !== GCP_LOCATION) {
    throw new CloudError({
      code: 'invalid-request',
      message: `Compute Engine images are global: list them at location "global", not "${scope.location}".`,
    });
  }
  if (!GcpProjectSchema.safeParse(scope.owner).success) {
    throw new CloudError({
      code: 'invalid-request',
      message: `"${scope.owner}" is not a project id (6–30 lowercase letters, digits or hyphens, such as debian-cloud).`,
    });
  }
  return scope.owner;
}

/**
 * The Compute Engine driver for one account. A fresh auth and images client per call, closed
 * afterwards, so no socket or token outlives the operation; paging and retries are the client's.
 */
export function createGcpDriver(
  connection: GcpConnection,
  secret: GcpSecret,
  options: GcpDriverOptions = {},
): CloudDriver {
  const pageSize = Math.min(Math.max(Math.floor(options.pageSize ?? MAX_PAGE_SIZE), 1), MAX_PAGE_SIZE);

  return {
    capabilities: { listImages: true, testConnection: true, getImage: true },

    async listImages(
      scope: ImageListScope,
      onProgress: (progress: ListImagesProgress) => void,
      signal?: AbortSignal,
    ): Promise<StoredImage[]> {
      const project = scopedProject(scope);
      const context: GcpErrorContext = {
        activity: `list the images of ${project}`,
        project,
        permission: 'compute.images.list',
        endpoint: connection.endpoint,
      };
      if (signal?.aborted) throw gcpFailure(signal.reason, null, context, secret, signal);
      const visibility = project === connection.projectId ? 'private' : 'public';
      let session: GcpSession | null = null;
      try {
        session = await openGcpSession(connection, secret);
        const images = new Map<string, StoredImage>();
        const usedTokens = new Set<string>();
        // images.list returns deprecated and obsolete images too (gcloud hides them client-side):
        // they still launch, so the catalog marks them rather than leaving them out.
        let request: { project: string; maxResults: number; pageToken?: string } = {
          project,
          maxResults: pageSize,
        };
        for (let pages = 1; ; pages += 1) {
          const [items, next] = await session.client.list(request, {
            ...callOptions(options, signal),
            autoPaginate: false,
          });
          const now = new Date();
          for (const item of items) {
            const image = mapGcpImage(item, { project, visibility }, now);
            images.set(image.cloudId, image);
          }
          onProgress({ pages, images: images.size });
          // The client only sees the signal while a request is in flight; between pages we check.
          if (signal?.aborted) throw signal.reason;
          const token = next?.pageToken;
          if (!token) return [...images.values()];
          if (usedTokens.has(token)) {
            throw new CloudError({
              code: 'cloud-error',
              message: `Google Cloud repeated a page of ${project}'s images (the same page token came back after page ${pages}), so Hangar stopped rather than loop. Try the sync again; if it keeps happening, the endpoint or a proxy is replaying pages.`,
            });
          }
          usedTokens.add(token);
          request = { ...request, pageToken: token };
        }
      } catch (error) {
        throw gcpFailure(error, session, context, secret, signal);
      } finally {
        await session?.close();
      }
    },

    async getImage(
      location: string,
      cloudImageId: string,
      signal?: AbortSignal,
    ): Promise<StoredImage | null> {
      const ref = parseGcpImageId(cloudImageId);
      if (location !== GCP_LOCATION || !ref) {
        throw new CloudError({
          code: 'invalid-request',
          message: ref
            ? `Compute Engine images are global: look them up at location "global", not "${location.slice(0, 40)}".`
            : `"${cloudImageId.slice(0, 120)}" is not a Compute Engine image id: write it as projects/PROJECT/global/images/NAME.`,
        });
      }
      const context: GcpErrorContext = {
        activity: `look up image ${ref.name} in ${ref.project}`,
        project: ref.project,
        permission: 'compute.images.get',
        endpoint: connection.endpoint,
      };
      if (signal?.aborted) throw gcpFailure(signal.reason, null, context, secret, signal);
      const visibility = ref.project === connection.projectId ? 'private' : 'public';
      let session: GcpSession | null = null;
      try {
        session = await openGcpSession(connection, secret);
        return await getGcpImage(
          session.client,
          ref,
          { project: ref.project, visibility },
          callOptions(options, signal),
        );
      } catch (error) {
        throw gcpFailure(error, session, context, secret, signal);
      } finally {
        await session?.close();
      }
    },

    async testConnection(location: string, signal?: AbortSignal): Promise<ConnectionCheck> {
      const project = connection.projectId;
      const context: GcpErrorContext = {
        activity: `list the images of ${project}`,
        project,
        permission: 'compute.images.list',
        endpoint: connection.endpoint,
      };
      let session: GcpSession | null = null;
      try {
        if (location !== GCP_LOCATION) scopedProject({ location, owner: project });
        session = await openGcpSession(connection, secret);
        // The smallest real call that proves the credentials and compute.images.list on the project.
        const [items, next] = await session.client.list(
          { project, maxResults: 5 },
          { ...callOptions(options, signal), autoPaginate: false },
        );
        const who =
          secret.kind === 'service-account'
            ? `as ${parseServiceAccountKey(secret.keyJson).client_email}`
            : 'with the access token';
        const own = items.length === 0 ? 'no' : `${items.length}${next ? '+' : ''}`;
        return {
          ok: true,
          code: 'ok',
          message: `Connected to Compute Engine ${who}: it may list images in ${project} (${own} images of its own on the first page).`,
        };
      } catch (error) {
        const failure = gcpFailure(error, session, context, secret, signal);
        // Cancelling is the caller's own doing, not a finding about the account: report it as thrown.
        if (failure.appError.code === 'cancelled') throw failure;
        return gcpConnectionCheck(failure.appError);
      } finally {
        await session?.close();
      }
    },
  };
}
