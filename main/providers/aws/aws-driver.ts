import {
  DescribeImagesCommand,
  paginateDescribeImages,
  type DescribeImagesCommandInput,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import type { AppError, ConnectionCheck } from '@contract/index';
import type { StoredImage } from '../../catalog/stored-image';
import { CloudError, type CloudDriver, type ImageListScope, type ListImagesProgress } from '../driver';
import { describeImageById } from './aws-get-image';
import { classifyAwsError, connectionCheckFor, redactSecrets, type ErrorContext } from './aws-error';
import { createEc2Client, type AwsConnection, type Ec2ClientTuning } from './ec2-client-factory';
import { mapImage } from './image-mapper';
import { catalogSyncInput, UnscopedImageQueryError } from './owner-scope';

export interface AwsDriverOptions extends Ec2ClientTuning {
  /** DescribeImages page size (EC2 allows 5..1000). Default 1000: fewest round trips. */
  pageSize?: number;
  /** Replaces the client factory (tests); the default builds a real EC2Client. */
  createClient?: (region: string) => EC2Client;
}

const DEFAULT_PAGE_SIZE = 1000;

/** The sync's DescribeImages input; a scope that breaks the owner rule is the caller's bug, said plainly. */
function scopedInput(scope: ImageListScope): DescribeImagesCommandInput {
  try {
    return catalogSyncInput(scope);
  } catch (error) {
    if (error instanceof UnscopedImageQueryError)
      throw new CloudError({ code: 'invalid-request', message: error.message });
    throw error;
  }
}

/**
 * The AWS driver for one account. A fresh SDK client per call, destroyed afterwards, so no socket
 * or secret outlives the operation; paging and retries are the SDK's own.
 */
export function createAwsDriver(connection: AwsConnection, options: AwsDriverOptions = {}): CloudDriver {
  const clientFor =
    options.createClient ?? ((region: string) => createEc2Client(connection, region, options));
  const secrets = [connection.secretAccessKey, connection.sessionToken];

  const fail = (error: unknown, context: ErrorContext, signal?: AbortSignal): CloudError => {
    if (error instanceof CloudError) return error;
    const appError: AppError = signal?.aborted
      ? {
          code: 'cancelled',
          message: `Cancelled: Hangar stopped trying to ${context.activity ?? 'reach EC2'}${context.region ? ` in ${context.region}` : ''}.`,
        }
      : classifyAwsError(error, context);
    return new CloudError(redactSecrets(appError, secrets), { cause: error });
  };

  const contextFor = (region: string, activity: string): ErrorContext => ({
    region,
    activity,
    endpoint: connection.endpoint,
  });

  return {
    capabilities: { listImages: true, testConnection: true, getImage: true },

    async listImages(
      scope: ImageListScope,
      onProgress: (progress: ListImagesProgress) => void,
      signal?: AbortSignal,
    ): Promise<StoredImage[]> {
      const context = contextFor(scope.location, `list the images of ${scope.owner}`);
      const input = scopedInput(scope);
      if (signal?.aborted) throw fail(signal.reason, context, signal);
      const client = clientFor(scope.location);
      const images: StoredImage[] = [];
      let pages = 0;
      try {
        const pager = paginateDescribeImages(
          { client, pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE },
          input,
          { abortSignal: signal },
        );
        for await (const page of pager) {
          for (const image of page.Images ?? []) images.push(mapImage(image));
          pages += 1;
          onProgress({ pages, images: images.length });
          // The SDK only sees the signal while a request is in flight; between pages we check.
          if (signal?.aborted) throw signal.reason;
        }
        return images;
      } catch (error) {
        throw fail(error, context, signal);
      } finally {
        client.destroy();
      }
    },

    async getImage(
      location: string,
      cloudImageId: string,
      signal?: AbortSignal,
    ): Promise<StoredImage | null> {
      const context = contextFor(location, `look up image ${cloudImageId.slice(0, 40)}`);
      if (signal?.aborted) throw fail(signal.reason, context, signal);
      const client = clientFor(location);
      try {
        return await describeImageById(client, cloudImageId, signal);
      } catch (error) {
        throw fail(error, context, signal);
      } finally {
        client.destroy();
      }
    },

    async testConnection(location: string, signal?: AbortSignal): Promise<ConnectionCheck> {
      const context = contextFor(location, 'test the connection');
      const client = clientFor(location);
      try {
        // The smallest real call that proves both the key and the ec2:DescribeImages permission.
        const output = await client.send(new DescribeImagesCommand({ Owners: ['self'], MaxResults: 5 }), {
          abortSignal: signal,
        });
        const own = output.Images?.length ?? 0;
        return {
          ok: true,
          code: 'ok',
          message: `Connected to EC2 in ${location}: the key is valid and may list images (${own === 0 ? 'no' : own}${output.NextToken ? '+' : ''} images of your own on the first page).`,
        };
      } catch (error) {
        const failure = fail(error, context, signal);
        // Cancelling is the caller's own doing, not a finding about the account: report it as thrown.
        if (failure.appError.code === 'cancelled') throw failure;
        return connectionCheckFor(failure.appError);
      } finally {
        client.destroy();
      }
    },
  };
}
