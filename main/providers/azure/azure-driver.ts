import type { AzureConnection, AzureSecret, ConnectionCheck } from '@contract/index';
import type { StoredImage } from '../../catalog/stored-image';
import { CloudError, type CloudDriver, type ImageListScope, type ListImagesProgress } from '../driver';
import { diagnoseAuthority } from './authority-diagnosis';
import {
  armScopeFor,
  createAzureClients,
  DEFAULT_ARM_ENDPOINT,
  DEFAULT_AUTHORITY_HOST,
  type AzureClients,
  type AzureClientTuning,
} from './azure-clients';
import { classifyAzureError, connectionCheckFor, redactSecret, type AzureErrorContext } from './azure-error';
import { isImageNotFound, lookUpAzureImage, parseAzureImageId } from './azure-get-image';
import { trustedCaFor } from './azure-trust';
import { walkMarketplace } from './marketplace-walk';
import { listGalleryVersions, listManagedImages } from './private-listing';

/** The two scopes that are not Marketplace publishers. */
export const MANAGED_IMAGES_SCOPE = 'managed-images';
export const GALLERIES_SCOPE = 'galleries';

export interface AzureDriverOptions extends AzureClientTuning {
  /** Requests in flight at once during a Marketplace walk or gallery listing. Default 4. */
  concurrency?: number;
  /** Replaces the client factory (tests); the default builds the real SDK clients. */
  createClients?: (connection: AzureConnection, secret: AzureSecret) => AzureClients;
  now?: () => Date;
}

const PUBLISHER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,89}$/;
const LOCATION = /^[a-z0-9]{3,40}$/;

function scopeLabel(owner: string): string {
  if (owner === MANAGED_IMAGES_SCOPE) return 'list managed images';
  if (owner === GALLERIES_SCOPE) return 'list Compute Gallery images';
  return `list the Marketplace images of ${owner}`;
}

/**
 * The Azure driver for one service principal. Fresh credential and client per call, so no token
 * or secret outlives the operation; retries and paging are the SDK's own, with Hangar guarding
 * against repeated pages and bounding the Marketplace walk.
 */
export function createAzureDriver(
  connection: AzureConnection,
  secret: AzureSecret,
  options: AzureDriverOptions = {},
): CloudDriver {
  /** The account's clients; another subscription's for a resource id that names one. */
  const clientsFor = (subscriptionId = connection.subscriptionId) =>
    (options.createClients ?? ((c, s) => createAzureClients(c, s, options)))(
      { ...connection, subscriptionId },
      secret,
    );
  const authorityHost = connection.authorityHost ?? DEFAULT_AUTHORITY_HOST;

  const contextFor = (activity: string, location?: string): AzureErrorContext => ({
    activity,
    location,
    clientId: connection.clientId,
    tenantId: connection.tenantId,
    subscriptionId: connection.subscriptionId,
    endpoint: connection.endpoint ?? DEFAULT_ARM_ENDPOINT,
    authorityHost,
  });

  /** The classified failure; when MSAL hid the cause, the sign-in endpoint is asked once first. */
  const classify = async (
    error: unknown,
    context: AzureErrorContext,
    signal?: AbortSignal,
    clients?: AzureClients,
  ) => {
    if (error instanceof CloudError) return { appError: error.appError, untrustedCertificate: false };
    context = { ...context, armError: clients?.armErrorOf(error) };
    const text = `${(error as { name?: string })?.name ?? ''} ${(error as { message?: string })?.message ?? ''}`;
    if (!signal?.aborted && /endpoints_resolution_error/.test(text)) {
      const ca = options.trustedCaPem ?? trustedCaFor(authorityHost);
      context = {
        ...context,
        diagnosis: await diagnoseAuthority(authorityHost, connection.tenantId, { ca }),
      };
    }
    const classified = signal?.aborted
      ? classifyAzureError(
          Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }),
          context,
        )
      : classifyAzureError(error, context);
    return { ...classified, appError: redactSecret(classified.appError, secret.clientSecret) };
  };

  return {
    capabilities: { listImages: true, testConnection: true, getImage: true },

    async listImages(
      scope: ImageListScope,
      onProgress: (progress: ListImagesProgress) => void,
      signal?: AbortSignal,
    ): Promise<StoredImage[]> {
      const context = contextFor(scopeLabel(scope.owner), scope.location);
      if (
        !LOCATION.test(scope.location) ||
        !(
          scope.owner === MANAGED_IMAGES_SCOPE ||
          scope.owner === GALLERIES_SCOPE ||
          PUBLISHER.test(scope.owner)
        )
      ) {
        throw new CloudError({
          code: 'invalid-request',
          message: `"${scope.owner.slice(0, 90)}" in "${scope.location.slice(0, 40)}" is not an Azure source: name a location and a Marketplace publisher, ${MANAGED_IMAGES_SCOPE} or ${GALLERIES_SCOPE}.`,
        });
      }
      let clients: AzureClients | undefined;
      try {
        signal?.throwIfAborted();
        clients = clientsFor();
        const { compute } = clients;
        const common = {
          location: scope.location,
          onProgress,
          signal,
          concurrency: options.concurrency,
          now: options.now?.(),
        };
        if (scope.owner === MANAGED_IMAGES_SCOPE) return await listManagedImages(compute, common);
        if (scope.owner === GALLERIES_SCOPE) return await listGalleryVersions(compute, common);
        return await walkMarketplace(compute, { ...common, publisher: scope.owner });
      } catch (error) {
        throw new CloudError((await classify(error, context, signal, clients)).appError, { cause: error });
      }
    },

    async getImage(
      location: string,
      cloudImageId: string,
      signal?: AbortSignal,
    ): Promise<StoredImage | null> {
      const ref = parseAzureImageId(cloudImageId);
      if (!ref || (ref.kind === 'marketplace' && !LOCATION.test(location))) {
        throw new CloudError({
          code: 'invalid-request',
          message: ref
            ? `"${location.slice(0, 40)}" is not an Azure location: name one such as westeurope.`
            : `"${cloudImageId.slice(0, 160)}" is not an Azure image id: write a Marketplace URN (Publisher:Offer:Sku:Version, version may be latest) or the resource id of a managed image or gallery image version.`,
        });
      }
      const context = contextFor(`look up image ${cloudImageId.slice(0, 160)}`, location);
      let clients: AzureClients | undefined;
      try {
        signal?.throwIfAborted();
        clients = clientsFor(ref.kind === 'marketplace' ? undefined : ref.subscriptionId);
        return await lookUpAzureImage(clients.compute, ref, { location, signal, now: options.now?.() });
      } catch (error) {
        if (!signal?.aborted && isImageNotFound(error, clients?.armErrorOf(error)?.code)) return null;
        throw new CloudError((await classify(error, context, signal, clients)).appError, { cause: error });
      }
    },

    async testConnection(location: string, signal?: AbortSignal): Promise<ConnectionCheck> {
      const context = contextFor('test the connection', location);
      const found: string[] = [];
      let clients: AzureClients | undefined;
      try {
        clients = clientsFor();
        const { credential, compute } = clients;
        // Sign-in first, so a wrong secret is reported as such before any permission question.
        await credential.getToken(armScopeFor(connection.endpoint ?? DEFAULT_ARM_ENDPOINT), {
          abortSignal: signal,
        });
        const publisher = connection.publishers[0];
        if (publisher) {
          context.activity = `list the Marketplace offers of ${publisher}`;
          const offers = await compute.virtualMachineImages.listOffers(location, publisher, {
            abortSignal: signal,
          });
          found.push(`${offers.length} ${publisher} offers`);
        }
        if (connection.includeManagedImages) {
          context.activity = 'list managed images';
          const first = await compute.images.list({ abortSignal: signal }).byPage().next();
          found.push(
            `${first.done ? 0 : first.value.length}${!first.done && first.value.continuationToken ? '+' : ''} managed images`,
          );
        }
        if (connection.includeGalleries) {
          context.activity = 'list Compute Galleries';
          const first = await compute.galleries.list({ abortSignal: signal }).byPage().next();
          found.push(`${first.done ? 0 : first.value.length} galleries`);
        }
        return {
          ok: true,
          code: 'ok',
          message: `Signed in to tenant ${connection.tenantId} as app ${connection.clientId}; subscription ${connection.subscriptionId} in ${location} answers${found.length ? ` (${found.join(', ')})` : ''}.`,
        };
      } catch (error) {
        const classified = await classify(error, context, signal, clients);
        // Cancelling is the caller's own doing, not a finding about the account: report it as thrown.
        if (classified.appError.code === 'cancelled')
          throw new CloudError(classified.appError, { cause: error });
        return connectionCheckFor(classified);
      }
    },
  };
}
