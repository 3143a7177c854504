import { DescribeImagesCommand, type DescribeImagesCommandInput, type EC2Client } from '@aws-sdk/client-ec2';
import type { StoredImage } from '../../catalog/stored-image';
import { mapImage } from './image-mapper';
import { buildDescribeImagesInput, UnscopedImageQueryError } from './owner-scope';

/** EC2's ways of saying "there is no such AMI" to a look-up by id. */
const NOT_FOUND_CODES = new Set(['InvalidAMIID.NotFound', 'InvalidAMIID.Malformed']);

/** True when the SDK error is EC2 answering that the id names no image it will show. */
export function isAmiNotFound(error: unknown): boolean {
  const e = (error ?? {}) as { name?: unknown; Code?: unknown };
  return (
    (typeof e.name === 'string' && NOT_FOUND_CODES.has(e.name)) ||
    (typeof e.Code === 'string' && NOT_FOUND_CODES.has(e.Code))
  );
}

/**
 * One AMI by id, asked of EC2 now, deprecated ones included. An exact id names one image, so no
 * look-alike can answer: the owner rule (owner-scope.ts) guards name searches, and this query
 * passes it through `ImageIds`. Null when EC2 says the id is unknown, malformed, or no longer
 * there (a deregistered AMI drops out of answers some time after deregistration); other errors
 * are thrown as the SDK raised them, for the driver to classify.
 */
export async function describeImageById(
  client: EC2Client,
  imageId: string,
  signal?: AbortSignal,
): Promise<StoredImage | null> {
  let input: DescribeImagesCommandInput;
  try {
    input = buildDescribeImagesInput({ imageIds: [imageId], includeDeprecated: true });
  } catch (error) {
    // Not shaped like an AMI id: EC2 would answer InvalidAMIID.Malformed, so no round trip.
    if (error instanceof UnscopedImageQueryError) return null;
    throw error;
  }
  try {
    const output = await client.send(new DescribeImagesCommand(input), { abortSignal: signal });
    const image = output.Images?.find((candidate) => candidate.ImageId === imageId);
    return image ? mapImage(image) : null;
  } catch (error) {
    if (!signal?.aborted && isAmiNotFound(error)) return null;
    throw error;
  }
}
