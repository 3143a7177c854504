import { ec2Error } from './ec2-api-error';
import { escapeXml } from './ec2-xml';
import { wildcardMatcher } from './image-filters';
import { decodePageToken, encodePageToken, queryFingerprint } from './page-token';
import { filterParams, integerParam, type QueryParams } from './query-params';

/** Reads the values one filter name sees on a resource (several for list members such as groups). */
export type FieldReaders<T> = Record<string, (item: T) => (string | undefined)[]>;

/**
 * `Filter.N.Name/Value.M` against a resource, as every Describe* action applies them: filters
 * ANDed, values ORed, wildcards allowed, `tag:Key` for tags; an unknown filter name is refused.
 */
export function matchFilters<T>(
  params: QueryParams,
  fields: FieldReaders<T>,
  tagsOf: (item: T) => { key: string; value: string }[],
): (item: T) => boolean {
  const tests = filterParams(params).map((filter) => {
    const read =
      filter.name.startsWith('tag:') && filter.name.length > 4
        ? (item: T) =>
            tagsOf(item)
              .filter((tag) => tag.key === filter.name.slice(4))
              .map((tag) => tag.value)
        : filter.name === 'tag-key'
          ? (item: T) => tagsOf(item).map((tag) => tag.key)
          : fields[filter.name];
    if (!read) throw ec2Error('InvalidParameterValue', `The filter '${filter.name || 'null'}' is invalid`);
    if (filter.values.length === 0) {
      throw ec2Error('InvalidParameterValue', `The filter '${filter.name}' requires at least one value`);
    }
    const matchers = filter.values.map(wildcardMatcher);
    return (item: T) => read(item).some((value) => value !== undefined && matchers.some((m) => m(value)));
  });
  return (item) => tests.every((test) => test(item));
}

export interface PageLimits {
  min: number;
  max: number;
  /** The member EC2 names when MaxResults is combined with explicit ids, e.g. "instancesSet". */
  idsMember?: string;
}

/**
 * One page of `items` for `MaxResults`/`NextToken`, the token bound to the query (`fingerprint`)
 * so it cannot be replayed against another. Without MaxResults, everything in one answer.
 */
export function pageOf<T>(
  items: readonly T[],
  params: QueryParams,
  fingerprint: readonly string[],
  limits: PageLimits,
  hasIds = false,
): { page: readonly T[]; nextToken: string | undefined } {
  const maxResults = integerParam(params, 'MaxResults');
  if (maxResults === undefined) return { page: items, nextToken: undefined };
  if (hasIds && limits.idsMember) {
    throw ec2Error(
      'InvalidParameterCombination',
      `The parameter ${limits.idsMember} cannot be used with the parameter maxResults`,
    );
  }
  if (maxResults < limits.min || maxResults > limits.max) {
    throw ec2Error(
      'InvalidParameterValue',
      `Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value between ${limits.min} and ${limits.max}.`,
    );
  }
  const print = queryFingerprint([...fingerprint, JSON.stringify(filterParams(params))]);
  const token = params.get('NextToken');
  const offset = token ? decodePageToken(token, print) : 0;
  const end = offset + maxResults;
  return {
    page: items.slice(offset, end),
    nextToken: end < items.length ? encodePageToken(end, print) : undefined,
  };
}

/** `<tagSet>` as EC2 prints it on every taggable resource. */
export function tagSetXml(tags: readonly { key: string; value: string }[]): string {
  return tags.length === 0
    ? '<tagSet/>'
    : `<tagSet>${tags.map((t) => `<item><key>${escapeXml(t.key)}</key><value>${escapeXml(t.value)}</value></item>`).join('')}</tagSet>`;
}
