import { ec2Error } from './ec2-api-error';
import type { SandboxTag } from './compute-model';
import { listParam, type QueryParams } from './query-params';

/** `TagSpecification.N.ResourceType` with `TagSpecification.N.Tag.M.Key/Value`, per resource type. */
export function tagSpecifications(
  params: QueryParams,
  taggable: readonly string[],
): Map<string, SandboxTag[]> {
  const byType = new Map<string, SandboxTag[]>();
  for (let n = 1; params.has(`TagSpecification.${n}.ResourceType`); n += 1) {
    const type = params.get(`TagSpecification.${n}.ResourceType`) ?? '';
    if (!taggable.includes(type)) {
      throw ec2Error(
        'InvalidParameterValue',
        `'${type}' is not a valid taggable resource type for this operation.`,
      );
    }
    const tags = readTags(params, `TagSpecification.${n}.Tag`);
    byType.set(type, [...(byType.get(type) ?? []), ...tags]);
  }
  return byType;
}

/** `Prefix.M.Key/Value`, checked against EC2's tag rules. */
export function readTags(params: QueryParams, prefix: string): SandboxTag[] {
  const tags: SandboxTag[] = [];
  for (let m = 1; params.has(`${prefix}.${m}.Key`); m += 1) {
    const key = params.get(`${prefix}.${m}.Key`) ?? '';
    const value = params.get(`${prefix}.${m}.Value`) ?? '';
    if (key.toLowerCase().startsWith('aws:')) {
      throw ec2Error('InvalidParameterValue', "Tag keys starting with 'aws:' are reserved for internal use");
    }
    if (key.length === 0 || key.length > 128) {
      throw ec2Error('InvalidParameterValue', `Tag key exceeds the maximum length of 128 characters`);
    }
    if (value.length > 256) {
      throw ec2Error('InvalidParameterValue', `Tag value exceeds the maximum length of 256 characters`);
    }
    if (tags.some((tag) => tag.key === key)) {
      throw ec2Error('InvalidParameterValue', `Duplicate tag key '${key}' specified`);
    }
    tags.push({ key, value });
  }
  if (tags.length > 50) throw ec2Error('TagLimitExceeded', 'The maximum number of Tags is 50.');
  return tags;
}

/** `Name.N` ids, each checked against the resource's id shape (`i-…`, `sg-…`). */
export function idListParam(
  params: QueryParams,
  name: string,
  prefix: string,
  malformedCode: string,
): string[] {
  const ids = listParam(params, name);
  const shape = new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`);
  for (const id of ids) {
    if (!shape.test(id)) throw ec2Error(malformedCode, `Invalid id: "${id}"`);
  }
  return ids;
}
