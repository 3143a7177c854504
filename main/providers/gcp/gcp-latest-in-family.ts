import type { GcpConnection, GcpSecret } from '@contract/index';
import type { StoredImage } from '../../catalog/stored-image';
import { gcpFailure, openGcpSession, type GcpSession } from './gcp-driver';
import type { GcpErrorContext } from './gcp-error';
import { mapGcpImage } from './gcp-image-mapper';
import { callOptions, type GcpCallTuning } from './gcp-images-client';

/**
 * The image a family currently points at (`images.getFromFamily`): the newest image of the family
 * that is not deprecated. What "latest debian-12" resolves to at launch time.
 * Throws a CloudError: `not-found` when the family is unknown or every image in it is retired.
 */
export async function latestInFamily(
  connection: GcpConnection,
  secret: GcpSecret,
  project: string,
  family: string,
  options: { signal?: AbortSignal; tuning?: GcpCallTuning } = {},
): Promise<StoredImage> {
  const context: GcpErrorContext = {
    activity: `find the latest image of family ${family} in ${project}`,
    project,
    permission: 'compute.images.getFromFamily',
    endpoint: connection.endpoint,
  };
  let session: GcpSession | null = null;
  try {
    session = await openGcpSession(connection, secret);
    const [image] = await session.client.getFromFamily(
      { project, family },
      callOptions(options.tuning, options.signal),
    );
    return mapGcpImage(image, {
      project,
      visibility: project === connection.projectId ? 'private' : 'public',
    });
  } catch (error) {
    throw gcpFailure(error, session, context, secret, options.signal);
  } finally {
    await session?.close();
  }
}
