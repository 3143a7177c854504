import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FacetsRequestSchema, type CatalogFilters, type FacetName } from '@contract/index';
import { catalogWith, image, type CatalogFixture, WORKSPACE_ID } from './catalog-fixture';

let fixture: CatalogFixture;

beforeAll(async () => {
  fixture = await catalogWith(
    [
      { id: 'prod', cloud: 'aws', name: 'Production' },
      { id: 'lab', cloud: 'openstack', name: 'Lab' },
    ],
    [
      {
        id: 'prod.us-east-1.amazon',
        accountId: 'prod',
        location: 'us-east-1',
        images: [
          image('ami-1', {
            name: 'al2023-x86',
            ownerId: '137112412989',
            ownerAlias: 'amazon',
            osFamily: 'amzn',
          }),
          image('ami-2', {
            name: 'al2023-arm',
            ownerId: '137112412989',
            ownerAlias: 'amazon',
            osFamily: 'amzn',
            architecture: 'arm64',
          }),
          image('ami-3', { name: 'ubuntu-noble', deprecatesAt: '2026-12-01T00:00:00Z' }),
        ],
      },
      {
        id: 'prod.eu-west-1.amazon',
        accountId: 'prod',
        location: 'eu-west-1',
        images: [
          image('ami-4', { name: 'ubuntu-jammy', deprecatesAt: '2025-01-01T00:00:00Z', visibility: null }),
        ],
      },
      {
        id: 'lab.RegionOne.public',
        accountId: 'lab',
        location: 'RegionOne',
        images: [image('0f3c', { name: 'Ubuntu 24.04', ownerId: 'admin', state: 'active' })],
      },
    ],
  );
});
afterAll(() => fixture.cleanup());

const facets = (search = '', filters: Partial<CatalogFilters> = {}) =>
  fixture.index.facets(FacetsRequestSchema.parse({ workspaceId: WORKSPACE_ID, search, filters })).facets;
const counts = (facet: FacetName, search = '', filters: Partial<CatalogFilters> = {}) =>
  Object.fromEntries(facets(search, filters)[facet]!.map((v) => [v.value, v.count]));

describe('catalog facets', () => {
  it('counts every value with labels people read, most common first', () => {
    const all = facets();
    expect(all.cloud).toEqual([
      { value: 'aws', label: 'AWS', count: 4 },
      { value: 'openstack', label: 'OpenStack', count: 1 },
    ]);
    expect(all.account).toEqual([
      { value: 'prod', label: 'Production', count: 4 },
      { value: 'lab', label: 'Lab', count: 1 },
    ]);
    expect(all.owner).toEqual([
      { value: '099720109477', label: '099720109477', count: 2 },
      { value: '137112412989', label: 'amazon', count: 2 },
      { value: 'admin', label: 'admin', count: 1 },
    ]);
    expect(all.osFamily?.[0]).toEqual({ value: 'ubuntu', label: 'Ubuntu', count: 3 });
    expect(all.visibility).toEqual([
      { value: 'public', label: 'Public', count: 4 },
      { value: '', label: 'Not specified', count: 1 },
    ]);
  });

  it('never narrows a facet by its own filter, but by every other one and by the search', () => {
    const filters = { regions: ['us-east-1'], architectures: ['x86_64'] };
    // The region facet still shows the other regions, under the architecture filter only.
    expect(counts('location', '', filters)).toEqual({ 'us-east-1': 2, 'eu-west-1': 1, RegionOne: 1 });
    expect(counts('architecture', '', filters)).toEqual({ x86_64: 2, arm64: 1 });
    expect(counts('account', '', filters)).toEqual({ prod: 2 });
    expect(counts('location', 'ubuntu', filters)).toEqual({ 'us-east-1': 1, 'eu-west-1': 1, RegionOne: 1 });
  });

  it('offers the deprecation filter values, counted without the deprecation filter', () => {
    expect(facets().deprecation).toEqual([
      { value: 'only', label: 'Deprecated', count: 1 },
      { value: 'soon', label: 'Deprecating within 90 days', count: 1 },
      { value: 'exclude', label: 'Not deprecated', count: 4 },
    ]);
    const onlyDeprecated = facets('', { deprecated: 'only' });
    expect(onlyDeprecated.deprecation?.map((v) => v.count)).toEqual([1, 1, 4]);
    expect(onlyDeprecated.location).toEqual([{ value: 'eu-west-1', label: 'eu-west-1', count: 1 }]);
  });

  it('keeps chosen values visible with 0, even ones no cached image has', () => {
    expect(counts('location', 'al2023', { regions: ['RegionOne', 'ap-south-1'] })).toEqual({
      'us-east-1': 2,
      RegionOne: 0,
      'ap-south-1': 0,
    });
  });
});
