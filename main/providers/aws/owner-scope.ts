import type { DescribeImagesCommandInput, Filter } from '@aws-sdk/client-ec2';
import type { ImageListScope } from '../driver';

/** `self`, EC2's owner aliases, or a 12-digit account id. */
const OWNER = /^(self|amazon|aws-marketplace|aws-backup-vault|\d{12})$/;
const IMAGE_ID = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** What Hangar may ask DescribeImages. Every query names owners or exact image ids. */
export interface ImageQuery {
  owners?: readonly string[];
  imageIds?: readonly string[];
  /** Name patterns with EC2's `*` and `?` wildcards. */
  namePatterns?: readonly string[];
  architectures?: readonly string[];
  includeDeprecated?: boolean;
}

/** Thrown instead of sending a query that anyone's look-alike public image could answer. */
export class UnscopedImageQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnscopedImageQueryError';
  }
}

/**
 * Builds DescribeImages input under the owner-scoping rule. A name search without Owners is the
 * "whoAMI" name-confusion attack: anyone can publish a public AMI with a look-alike name, and the
 * newest match wins. So every query must carry Owners or exact ImageIds; anything else throws.
 */
export function buildDescribeImagesInput(query: ImageQuery): DescribeImagesCommandInput {
  const owners = [...(query.owners ?? [])];
  const imageIds = [...(query.imageIds ?? [])];
  if (owners.length === 0 && imageIds.length === 0) {
    const what = query.namePatterns?.length
      ? `a name search (${query.namePatterns.join(', ')})`
      : 'an image listing';
    throw new UnscopedImageQueryError(
      `Refusing ${what} without an owner: name the owner (self, amazon, aws-marketplace or a 12-digit account id) ` +
        'or exact image ids, because anyone can publish a public image with a look-alike name ("whoAMI").',
    );
  }
  const badOwner = owners.find((owner) => !OWNER.test(owner));
  if (badOwner !== undefined) {
    throw new UnscopedImageQueryError(
      `"${badOwner}" is not an image owner: use self, amazon, aws-marketplace or a 12-digit account id.`,
    );
  }
  const badId = imageIds.find((id) => !IMAGE_ID.test(id));
  if (badId !== undefined) {
    throw new UnscopedImageQueryError(`"${badId}" is not an AMI id (ami- followed by 8 or 17 hex digits).`);
  }
  const filters: Filter[] = [];
  if (query.namePatterns?.length) filters.push({ Name: 'name', Values: [...query.namePatterns] });
  if (query.architectures?.length) filters.push({ Name: 'architecture', Values: [...query.architectures] });
  const input: DescribeImagesCommandInput = { IncludeDeprecated: query.includeDeprecated ?? false };
  if (owners.length > 0) input.Owners = owners;
  if (imageIds.length > 0) input.ImageIds = imageIds;
  if (filters.length > 0) input.Filters = filters;
  return input;
}

/**
 * The input for syncing one source into the catalog: one owner, deprecated images included
 * (they still launch by id, and the catalog marks them instead of hiding them).
 */
export function catalogSyncInput(scope: ImageListScope): DescribeImagesCommandInput {
  return buildDescribeImagesInput({ owners: [scope.owner], includeDeprecated: true });
}
