import { ec2Error } from './ec2-api-error';
import { wildcardMatcher } from './image-filters';
import type { QueryFilter } from './query-params';

const READERS: Record<string, (region: string) => string> = {
  'region-name': (region) => region,
  endpoint: (region) => `ec2.${region}.amazonaws.com`,
  'opt-in-status': () => 'opt-in-not-required',
};

/** DescribeRegions filters: region-name, endpoint, opt-in-status. */
export function compileRegionFilter(filters: QueryFilter[]): (region: string) => boolean {
  const tests = filters.map((filter) => {
    const read = READERS[filter.name];
    if (!read) throw ec2Error('InvalidParameterValue', `The filter '${filter.name || 'null'}' is invalid`);
    const matchers = filter.values.map(wildcardMatcher);
    return (region: string) => matchers.some((match) => match(read(region)));
  });
  return (region) => tests.every((test) => test(region));
}
