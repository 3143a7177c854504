import { ec2Error } from './ec2-api-error';
import { itemSet, leaf } from './ec2-xml';
import { compileRegionFilter } from './region-filter';
import { filterParams, listParam, type QueryParams } from './query-params';

/** DescribeRegions over the sandbox's regions, all enabled ("opt-in-not-required"). */
export function describeRegions(params: QueryParams, regions: readonly string[]): string {
  const names = listParam(params, 'RegionName');
  for (const name of names) {
    if (!regions.includes(name)) throw ec2Error('InvalidParameterValue', `Invalid region: ${name}`);
  }
  const matches = compileRegionFilter(filterParams(params));
  const selected = regions.filter(
    (region) => (names.length === 0 || names.includes(region)) && matches(region),
  );
  return itemSet(
    'regionInfo',
    selected.map(
      (region) =>
        `${leaf('regionName', region)}${leaf('regionEndpoint', `ec2.${region}.amazonaws.com`)}` +
        leaf('optInStatus', 'opt-in-not-required'),
    ),
  );
}
