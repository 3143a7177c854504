import { ec2Error } from './ec2-api-error';
import { imageItemXml, itemSet, leaf } from './ec2-xml';
import { compileFilters } from './image-filters';
import { decodePageToken, encodePageToken, queryFingerprint } from './page-token';
import { booleanParam, filterParams, integerParam, listParam, type QueryParams } from './query-params';
import type { SandboxCatalog } from './sandbox-catalog';
import { isDeprecated, type SandboxImage } from './sandbox-image';
import { OWNER_ALIASES } from './well-known-owners';

export interface Caller {
  accountId: string;
  region: string;
}

const AMI_ID = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;
const MIN_RESULTS = 5;
const MAX_RESULTS = 1000;

/** `Owner.N` values to a predicate: `self`, EC2's aliases, or 12-digit account ids. */
function ownerMatcher(owners: string[], caller: Caller): ((image: SandboxImage) => boolean) | null {
  if (owners.length === 0) return null;
  const ids = new Set<string>();
  const aliases = new Set<string>();
  for (const owner of owners) {
    if (owner === 'self') ids.add(caller.accountId);
    else if ((OWNER_ALIASES as readonly string[]).includes(owner)) aliases.add(owner);
    else if (/^\d{12}$/.test(owner)) ids.add(owner);
    else throw ec2Error('InvalidUserID.Malformed', `Invalid user id: "${owner}"`);
  }
  return (image) =>
    ids.has(image.ownerId) || (image.ownerAlias !== undefined && aliases.has(image.ownerAlias));
}

function pageSize(params: QueryParams, imageIds: string[]): number | undefined {
  const maxResults = integerParam(params, 'MaxResults');
  if (maxResults === undefined) return undefined;
  if (imageIds.length > 0) {
    throw ec2Error(
      'InvalidParameterCombination',
      'The parameter imagesSet cannot be used with the parameter maxResults',
    );
  }
  if (maxResults < MIN_RESULTS || maxResults > MAX_RESULTS) {
    throw ec2Error(
      'InvalidParameterValue',
      `Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value between ${MIN_RESULTS} and ${MAX_RESULTS}.`,
    );
  }
  return maxResults;
}

/**
 * DescribeImages as EC2 answers it: callers see public images and their own; deprecated public
 * images only when asked for by id or with IncludeDeprecated; disabled own images only with
 * IncludeDisabled; one page of `MaxResults` with a NextToken, or everything without it. Asked for
 * by `ImageId.N`, an id nobody can see is InvalidAMIID.NotFound, a deregistered one just absent.
 */
export function describeImages(params: QueryParams, caller: Caller, catalog: SandboxCatalog): string {
  const imageIds = listParam(params, 'ImageId');
  for (const id of imageIds) {
    if (!AMI_ID.test(id))
      throw ec2Error('InvalidAMIID.Malformed', `Invalid id: "${id}" (expecting "ami-...")`);
  }
  const owners = listParam(params, 'Owner');
  const ownedBy = ownerMatcher(owners, caller);
  const filters = filterParams(params);
  const matchesFilters = compileFilters(filters);
  const includeDeprecated = booleanParam(params, 'IncludeDeprecated') ?? false;
  const includeDisabled = booleanParam(params, 'IncludeDisabled') ?? false;
  const maxResults = pageSize(params, imageIds);
  const requested = new Set(imageIds);

  const visible = catalog.visibleTo(caller.region, caller.accountId).filter((image) => {
    const own = image.ownerId === caller.accountId;
    if (requested.size > 0 && !requested.has(image.imageId)) return false;
    if (catalog.isDeregistered(image.imageId)) return false;
    if (image.state === 'disabled' && !(own && includeDisabled)) return false;
    if (!own && requested.size === 0 && !includeDeprecated && isDeprecated(image, catalog.reference))
      return false;
    return (ownedBy === null || ownedBy(image)) && matchesFilters(image);
  });

  if (requested.size > 0) {
    const found = new Set(visible.map((image) => image.imageId));
    // A deregistered id is still known to EC2: asked for, it answers with nothing rather than NotFound.
    const missing = imageIds.filter((id) => !found.has(id) && !catalog.isDeregistered(id));
    if (missing.length > 0 && filters.length === 0 && owners.length === 0) {
      throw ec2Error('InvalidAMIID.NotFound', `The image id '[${missing.join(', ')}]' does not exist`);
    }
  }

  let page = visible;
  let nextToken: string | undefined;
  if (maxResults !== undefined) {
    const fingerprint = queryFingerprint([
      caller.accountId,
      caller.region,
      owners.join(','),
      JSON.stringify(filters),
      String(includeDeprecated),
      String(includeDisabled),
    ]);
    const token = params.get('NextToken');
    const offset = token ? decodePageToken(token, fingerprint) : 0;
    page = visible.slice(offset, offset + maxResults);
    if (offset + maxResults < visible.length) nextToken = encodePageToken(offset + maxResults, fingerprint);
  }
  return itemSet('imagesSet', page.map(imageItemXml)) + leaf('nextToken', nextToken);
}
