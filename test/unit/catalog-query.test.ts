import { describe, expect, it } from 'vitest';
import { CatalogQuerySchema } from '@contract/index';
import { runCatalogQuery } from '../../main/services/catalog-query';
import { toIndexedRow, type IndexedRow } from '../../main/services/catalog-rows';
import type { StoredImage } from '../../main/catalog/stored-image';

const now = Date.parse('2026-11-23T12:00:00Z');

function image(cloudId: string, change: Partial<StoredImage> = {}): StoredImage {
  return {
    cloudId,
    name: `image-${cloudId}`,
    description: '',
    ownerId: '099720109477',
    ownerAlias: null,
    osFamily: 'ubuntu',
    osVersion: '24.04',
    architecture: 'x86_64',
    createdAt: '2025-01-01T00:00:00.000Z',
    deprecatesAt: null,
    state: 'available',
    public: true,
    fields: [],
    raw: {},
    ...change,
  };
}

const east = { id: 'acct.us-east-1.self', accountId: 'acct', accountName: 'Acct', location: 'us-east-1' };
const west = { id: 'acct.us-west-2.self', accountId: 'acct', accountName: 'Acct', location: 'us-west-2' };

const rows: IndexedRow[] = [
  toIndexedRow(
    east,
    image('ami-1', { name: 'ubuntu-noble-24.04-amd64', createdAt: '2024-08-01T00:00:00Z' }),
    now,
  ),
  toIndexedRow(
    east,
    image('ami-2', {
      name: 'ubuntu-jammy-22.04-arm64',
      architecture: 'arm64',
      createdAt: '2023-03-01T00:00:00Z',
      deprecatesAt: '2025-03-01T00:00:00Z',
    }),
    now,
  ),
  toIndexedRow(
    west,
    image('ami-3', {
      name: 'al2023-ami-2023.5',
      ownerId: '137112412989',
      ownerAlias: 'amazon',
      createdAt: null,
    }),
    now,
  ),
  toIndexedRow(
    west,
    image('ami-4', {
      name: 'Windows_Server-2022-English',
      description: 'Microsoft Windows Server 2022',
      ownerId: '801119661308',
      ownerAlias: 'amazon',
      createdAt: '2024-02-14T00:00:00Z',
      deprecatesAt: '2027-02-14T00:00:00Z',
    }),
    now,
  ),
];

const query = (input: Parameters<typeof CatalogQuerySchema.parse>[0]) =>
  runCatalogQuery(rows, CatalogQuerySchema.parse(input));
const ids = (page: ReturnType<typeof query>) => page.rows.map((row) => row.cloudId);

describe('catalog query', () => {
  it('searches name, description, id and owner, every term must match', () => {
    expect(ids(query({ search: 'UBUNTU arm64' }))).toEqual(['ami-2']);
    expect(ids(query({ search: 'microsoft' }))).toEqual(['ami-4']);
    expect(ids(query({ search: 'ami-3' }))).toEqual(['ami-3']);
    expect(ids(query({ search: 'amazon' })).sort()).toEqual(['ami-3', 'ami-4']);
  });

  it('filters by region, owner, architecture and deprecation', () => {
    expect(ids(query({ filters: { regions: ['us-west-2'] } })).sort()).toEqual(['ami-3', 'ami-4']);
    expect(ids(query({ filters: { owners: ['099720109477'], architectures: ['arm64'] } }))).toEqual([
      'ami-2',
    ]);
    expect(ids(query({ filters: { deprecated: 'only' } }))).toEqual(['ami-2']);
    expect(ids(query({ filters: { deprecated: 'exclude' } }))).not.toContain('ami-2');
  });

  it('sorts by date with unknown dates last in both directions', () => {
    expect(ids(query({ sort: { column: 'createdAt', direction: 'desc' } }))).toEqual([
      'ami-1',
      'ami-4',
      'ami-2',
      'ami-3',
    ]);
    expect(ids(query({ sort: { column: 'createdAt', direction: 'asc' } }))).toEqual([
      'ami-2',
      'ami-4',
      'ami-1',
      'ami-3',
    ]);
  });

  it('sorts by owner alias where there is one', () => {
    expect(ids(query({ sort: { column: 'ownerId', direction: 'asc' } }))).toEqual([
      'ami-1',
      'ami-2',
      'ami-3',
      'ami-4',
    ]);
  });

  it('returns only the requested page, with the total and the catalog size', () => {
    const page = query({ sort: { column: 'name', direction: 'asc' }, offset: 1, limit: 2 });
    expect(page).toMatchObject({ offset: 1, total: 4, catalogSize: 4 });
    expect(page.rows.map((row) => row.name)).toEqual([
      'ubuntu-jammy-22.04-arm64',
      'ubuntu-noble-24.04-amd64',
    ]);
  });

  it('marks images whose deprecation time has passed', () => {
    const byId = new Map(query({}).rows.map((row) => [row.cloudId, row.deprecated]));
    expect(byId.get('ami-2')).toBe(true);
    expect(byId.get('ami-4')).toBe(false);
  });
});
