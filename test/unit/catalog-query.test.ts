import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogQuerySchema, type CatalogQuery, type ImageSummary } from '@contract/index';
import { catalogWith, image, type CatalogFixture, WORKSPACE_ID } from './catalog-fixture';

let fixture: CatalogFixture;

beforeAll(async () => {
  fixture = await catalogWith(
    [
      { id: 'acct', cloud: 'aws', name: 'Acct' },
      { id: 'proj', cloud: 'gcp', name: 'Project' },
    ],
    [
      {
        id: 'acct.us-east-1.self',
        accountId: 'acct',
        location: 'us-east-1',
        images: [
          image('ami-1', {
            name: 'ubuntu-noble-24.04-amd64',
            createdAt: '2024-08-01T00:00:00Z',
            family: 'noble',
          }),
          image('ami-2', {
            name: 'ubuntu-jammy-22.04-arm64',
            architecture: 'arm64',
            osVersion: '22.04',
            createdAt: '2023-03-01T00:00:00Z',
            deprecatesAt: '2025-03-01T00:00:00Z',
            tags: { Team: 'Payments' },
          }),
        ],
      },
      {
        id: 'acct.us-west-2.self',
        accountId: 'acct',
        location: 'us-west-2',
        images: [
          image('ami-3', {
            name: 'al2023-ami-2023.5',
            ownerId: '137112412989',
            ownerAlias: 'amazon',
            createdAt: null,
            osFamily: 'amzn',
            osVersion: '2023',
          }),
          image('ami-4', {
            name: 'Windows_Server-2022-English',
            description: 'Microsoft Windows Server 2022',
            ownerId: '801119661308',
            ownerAlias: 'amazon',
            osFamily: 'windows',
            osVersion: '2022',
            createdAt: '2024-02-14T00:00:00Z',
            deprecatesAt: '2027-06-14T00:00:00Z',
            visibility: null,
          }),
        ],
      },
      {
        id: 'proj.global.debian-cloud',
        accountId: 'proj',
        location: 'global',
        images: [
          image('5551234', {
            name: 'debian-12-bookworm-v20261001',
            ownerId: 'debian-cloud',
            osFamily: 'debian',
            osVersion: '12',
            createdAt: '2026-10-01T00:00:00Z',
            // Within the next 90 days: "soon".
            deprecatesAt: '2027-01-10T00:00:00Z',
            visibility: 'public',
            family: 'debian-12',
          }),
          image('5559999', {
            name: 'debian-11-bullseye-v20240101',
            ownerId: 'debian-cloud',
            osFamily: 'debian',
            osVersion: '11',
            createdAt: '2024-01-01T00:00:00Z',
            deprecatesAt: null,
            deprecationState: 'obsolete',
            family: 'debian-11',
          }),
        ],
      },
    ],
  );
});
afterAll(() => fixture.cleanup());

const query = (input: Omit<CatalogQuery, 'workspaceId'>) =>
  fixture.index.query(CatalogQuerySchema.parse({ workspaceId: WORKSPACE_ID, ...input }));
const ids = (input: Omit<CatalogQuery, 'workspaceId'>) => query(input).rows.map((row) => row.cloudId);
const sorted = (input: Omit<CatalogQuery, 'workspaceId'>) => ids(input).sort();

describe('catalog query: search', () => {
  it('matches name, description, id and tags; every term must match; case does not matter', () => {
    expect(ids({ search: 'UBUNTU arm64' })).toEqual(['ami-2']);
    expect(ids({ search: 'microsoft' })).toEqual(['ami-4']);
    expect(ids({ search: 'ami-3' })).toEqual(['ami-3']);
    expect(ids({ search: 'team=payments' })).toEqual(['ami-2']);
    expect(ids({ search: 'payments ubuntu' })).toEqual(['ami-2']);
    expect(ids({ search: 'payments noble' })).toEqual([]);
    expect(sorted({ search: '  ubuntu   ' })).toEqual(['ami-1', 'ami-2']);
  });

  it('finds single letters and digits, and punctuation', () => {
    expect(sorted({ search: 'w' })).toEqual(['5551234', 'ami-4']);
    expect(sorted({ search: '4' })).toEqual(['5551234', '5559999', 'ami-1', 'ami-2', 'ami-4']);
    expect(sorted({ search: '24.04' })).toEqual(['ami-1']);
    expect(sorted({ search: '_' })).toEqual(['ami-4']);
  });

  it('never matches across two rows or two fields', () => {
    // ami-1's name ends "amd64", ami-2's begins "ubuntu": stored side by side, never one text.
    expect(ids({ search: 'amd64ubuntu' })).toEqual([]);
    // ami-4's name ends "English" and its description begins "Microsoft".
    expect(ids({ search: 'englishmicrosoft' })).toEqual([]);
  });

  it('gives the same rows when a search is refined keystroke by keystroke', () => {
    const typed = ['u', 'ub', 'ubu', 'ubuntu', 'ubuntu a', 'ubuntu am', 'ubuntu amd64'].map((search) =>
      sorted({ search }),
    );
    expect(typed.at(-1)).toEqual(['ami-1']);
    expect(typed[3]).toEqual(['ami-1', 'ami-2']);
  });
});

describe('catalog query: filters', () => {
  it('filters by cloud (from the account), account, region, owner and architecture', () => {
    expect(sorted({ filters: { clouds: ['gcp'] } })).toEqual(['5551234', '5559999']);
    expect(sorted({ filters: { accountIds: ['acct'], regions: ['us-west-2'] } })).toEqual(['ami-3', 'ami-4']);
    expect(ids({ filters: { owners: ['099720109477'], architectures: ['arm64'] } })).toEqual(['ami-2']);
  });

  it('filters by OS family and version, visibility (none = "") and state', () => {
    expect(sorted({ filters: { osFamilies: ['debian'], osVersions: ['12'] } })).toEqual(['5551234']);
    expect(ids({ filters: { visibilities: [''] } })).toEqual(['ami-4']);
    expect(ids({ filters: { states: ['pending'] } })).toEqual([]);
  });

  it('filters deprecated: only (date passed or the cloud says so), exclude, soon (within 90 days)', () => {
    expect(sorted({ filters: { deprecated: 'only' } })).toEqual(['5559999', 'ami-2']);
    expect(sorted({ filters: { deprecated: 'exclude' } })).toEqual(['5551234', 'ami-1', 'ami-3', 'ami-4']);
    expect(ids({ filters: { deprecated: 'soon' } })).toEqual(['5551234']);
  });

  it('filters by the month a deprecation falls in', () => {
    expect(ids({ filters: { deprecatesInMonth: '2027-06' } })).toEqual(['ami-4']);
    expect(ids({ filters: { deprecatesInMonth: '2027-01' } })).toEqual(['5551234']);
    expect(ids({ filters: { deprecatesInMonth: '2026-12' } })).toEqual([]);
  });
});

describe('catalog query: sort and paging', () => {
  it('sorts by date with unknown dates last in both directions', () => {
    expect(ids({ sort: { column: 'createdAt', direction: 'desc' } })).toEqual([
      '5551234',
      'ami-1',
      'ami-4',
      '5559999',
      'ami-2',
      'ami-3',
    ]);
    expect(ids({ sort: { column: 'createdAt', direction: 'asc' } })).toEqual([
      'ami-2',
      '5559999',
      'ami-4',
      'ami-1',
      '5551234',
      'ami-3',
    ]);
    expect(ids({ sort: { column: 'deprecatesAt', direction: 'asc' } }).slice(0, 3)).toEqual([
      'ami-2',
      '5551234',
      'ami-4',
    ]);
  });

  it('sorts names without regard to case, owners by alias, OS by family then version', () => {
    expect(ids({ sort: { column: 'name', direction: 'asc' } })).toEqual([
      'ami-3',
      '5559999',
      '5551234',
      'ami-2',
      'ami-1',
      'ami-4',
    ]);
    expect(ids({ sort: { column: 'ownerId', direction: 'asc' } })).toEqual([
      'ami-1',
      'ami-2',
      'ami-3',
      'ami-4',
      '5551234',
      '5559999',
    ]);
    expect(ids({ sort: { column: 'osFamily', direction: 'asc' } })).toEqual([
      'ami-3',
      '5559999',
      '5551234',
      'ami-2',
      'ami-1',
      'ami-4',
    ]);
  });

  it('keeps ties in source then id order, the same in both directions, and rows without a family last', () => {
    expect(ids({ sort: { column: 'cloud', direction: 'asc' } })).toEqual([
      'ami-1',
      'ami-2',
      'ami-3',
      'ami-4',
      '5551234',
      '5559999',
    ]);
    expect(ids({ sort: { column: 'cloud', direction: 'desc' } })).toEqual([
      '5551234',
      '5559999',
      'ami-1',
      'ami-2',
      'ami-3',
      'ami-4',
    ]);
    expect(ids({ sort: { column: 'family', direction: 'desc' } }).slice(-3)).toEqual([
      'ami-2',
      'ami-3',
      'ami-4',
    ]);
  });

  it('returns only the requested page, with the total and the catalog size', () => {
    const page = query({ sort: { column: 'name', direction: 'asc' }, offset: 1, limit: 2 });
    expect(page).toMatchObject({ offset: 1, total: 6, catalogSize: 6 });
    expect(page.rows.map((row) => row.name)).toEqual([
      'debian-11-bullseye-v20240101',
      'debian-12-bookworm-v20261001',
    ]);
    expect(query({ search: 'ubuntu', offset: 5 })).toMatchObject({ rows: [], total: 2 });
  });
});

describe('catalog query: rows', () => {
  it('fills every summary field from the cache, the cloud from the account', () => {
    const [row] = query({ search: 'bookworm' }).rows as [ImageSummary];
    expect(row).toEqual({
      key: 'proj.global.debian-cloud/5551234',
      sourceId: 'proj.global.debian-cloud',
      accountId: 'proj',
      accountName: 'Project',
      cloud: 'gcp',
      location: 'global',
      cloudId: '5551234',
      name: 'debian-12-bookworm-v20261001',
      description: '',
      ownerId: 'debian-cloud',
      ownerAlias: null,
      osFamily: 'debian',
      osVersion: '12',
      osRaw: 'Linux/UNIX',
      architecture: 'x86_64',
      createdAt: '2026-10-01T00:00:00.000Z',
      deprecatesAt: '2027-01-10T00:00:00.000Z',
      deprecated: false,
      deprecationState: null,
      replacement: null,
      state: 'available',
      public: true,
      visibility: 'public',
      family: 'debian-12',
      sizeGb: 8,
    });
  });

  it('marks images whose deprecation time has passed or whose cloud says they are obsolete', () => {
    const byId = new Map(query({}).rows.map((row) => [row.cloudId, row.deprecated]));
    expect(byId.get('ami-2')).toBe(true);
    expect(byId.get('5559999')).toBe(true);
    expect(byId.get('ami-4')).toBe(false);
  });
});
