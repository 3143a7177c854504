import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TimelineRequestSchema, type CatalogFilters } from '@contract/index';
import { catalogWith, image, type CatalogFixture, WORKSPACE_ID } from './catalog-fixture';

let fixture: CatalogFixture;

// NOW is 2026-11-23T12:00Z: the timeline starts with November 2026.
beforeAll(async () => {
  fixture = await catalogWith(
    [
      { id: 'aws', cloud: 'aws', name: 'AWS' },
      { id: 'gcp', cloud: 'gcp', name: 'GCP' },
    ],
    [
      {
        id: 'aws.us-east-1.self',
        accountId: 'aws',
        location: 'us-east-1',
        images: [
          image('ami-old', { deprecatesAt: '2026-10-31T23:59:59Z' }),
          image('ami-nov-past', { deprecatesAt: '2026-11-01T00:00:00Z' }),
          image('ami-nov', { deprecatesAt: '2026-11-30T23:59:59Z' }),
          image('ami-dec', { name: 'ubuntu', deprecatesAt: '2026-12-01T00:00:00Z' }),
          image('ami-jan', { deprecatesAt: '2027-01-15T00:00:00+05:00' }),
          image('ami-late', { deprecatesAt: '2029-01-01T00:00:00Z' }),
          image('ami-none'),
        ],
      },
      {
        id: 'gcp.global.debian-cloud',
        accountId: 'gcp',
        location: 'global',
        images: [
          image('1', { deprecatesAt: '2026-12-24T00:00:00Z' }),
          image('2', { deprecationState: 'obsolete' }),
        ],
      },
    ],
  );
});
afterAll(() => fixture.cleanup());

const timeline = (months: number, search = '', filters: Partial<CatalogFilters> = {}) =>
  fixture.index.timeline(TimelineRequestSchema.parse({ workspaceId: WORKSPACE_ID, months, search, filters }));

describe('deprecation timeline', () => {
  it('counts per UTC month from the current one, in total and per cloud, and those already past', () => {
    expect(timeline(3)).toEqual({
      months: [
        { month: '2026-11', total: 2, byCloud: { aws: 2 } },
        { month: '2026-12', total: 2, byCloud: { aws: 1, gcp: 1 } },
        // 2027-01-15T00:00+05:00 is still January in UTC.
        { month: '2027-01', total: 1, byCloud: { aws: 1 } },
      ],
      alreadyDeprecated: 2,
    });
  });

  it('spans the requested months, across years', () => {
    const long = timeline(27);
    expect(long.months).toHaveLength(27);
    expect(long.months.at(-1)).toEqual({ month: '2029-01', total: 1, byCloud: { aws: 1 } });
  });

  it('follows the search and filters, but not the month picked from it', () => {
    expect(timeline(2, 'ubuntu').months.map((m) => m.total)).toEqual([0, 1]);
    expect(timeline(2, '', { clouds: ['gcp'] })).toMatchObject({
      alreadyDeprecated: 1,
      months: [{ total: 0 }, { total: 1 }],
    });
    expect(timeline(2, '', { deprecatesInMonth: '2026-12' }).months.map((m) => m.total)).toEqual([2, 2]);
  });
});
