import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CatalogQuerySchema,
  FacetsRequestSchema,
  type CatalogFilters,
  type CatalogQueryParsed,
  type SortColumn,
} from '@contract/index';
import type { StoredImage } from '../../main/catalog/stored-image';
import { createPrng } from '../../main/sandbox/prng';
import { generateSourceImages } from '../bench/synthetic-images';
import { planCatalog } from '../bench/synthetic-plan';
import { catalogWith, NOW, type CatalogFixture, WORKSPACE_ID } from './catalog-fixture';

/**
 * The engine (blocks, trigram and character pruning, cached and refined searches, radix and
 * multikey sorts, one-pass facets) against the plainest possible reading of the same rules,
 * over a few thousand synthetic images from every cloud. Seeded: a failure repeats.
 */
interface Row {
  sourceId: string;
  accountId: string;
  cloud: string;
  location: string;
  image: StoredImage;
}

const plan = planCatalog(6_000);
const rows: Row[] = [];
let fixture: CatalogFixture;

beforeAll(async () => {
  const sources = plan.sources.map((source) => ({ ...source, images: generateSourceImages(source, NOW) }));
  for (const source of [...sources].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const seen = new Set<string>();
    const kept = source.images.filter((image) => !seen.has(image.cloudId) && seen.add(image.cloudId));
    kept.sort((a, b) => (a.cloudId < b.cloudId ? -1 : 1));
    for (const image of kept) rows.push({ ...source, sourceId: source.id, image });
  }
  fixture = await catalogWith(plan.accounts, sources);
}, 60_000);
afterAll(() => fixture.cleanup());

const DAY = 86_400_000;
const ms = (iso: string | null): number => (iso === null ? Number.NaN : Date.parse(iso));
const pastState = (row: Row): boolean =>
  ['deprecated', 'obsolete', 'deleted'].includes(row.image.deprecationState ?? '');
function deprecation(row: Row): 'past' | 'soon' | 'none' {
  const at = ms(row.image.deprecatesAt);
  if (pastState(row) || at <= NOW.getTime()) return 'past';
  return at <= NOW.getTime() + 90 * DAY ? 'soon' : 'none';
}
const searchText = (row: Row): string[] =>
  [
    row.image.name,
    row.image.description,
    row.image.cloudId,
    Object.entries(row.image.tags)
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
  ].map((field) => field.toLowerCase());

const FACET_OF = {
  cloud: (row: Row) => row.cloud,
  account: (row: Row) => row.accountId,
  location: (row: Row) => row.location,
  owner: (row: Row) => row.image.ownerId,
  osFamily: (row: Row) => row.image.osFamily,
  osVersion: (row: Row) => row.image.osVersion ?? '',
  architecture: (row: Row) => row.image.architecture,
  visibility: (row: Row) => row.image.visibility ?? '',
  state: (row: Row) => row.image.state,
};
const LIST_OF: Record<keyof typeof FACET_OF, keyof CatalogFilters> = {
  cloud: 'clouds',
  account: 'accountIds',
  location: 'regions',
  owner: 'owners',
  osFamily: 'osFamilies',
  osVersion: 'osVersions',
  architecture: 'architectures',
  visibility: 'visibilities',
  state: 'states',
};

function passes(row: Row, query: Pick<CatalogQueryParsed, 'search' | 'filters'>, skip?: string): boolean {
  const fields = searchText(row);
  const terms = query.search.toLowerCase().split(/\s+/).filter(Boolean);
  if (!terms.every((term) => fields.some((field) => field.includes(term)))) return false;
  for (const [facet, valueOf] of Object.entries(FACET_OF)) {
    const wanted = query.filters[LIST_OF[facet as keyof typeof FACET_OF]] as string[];
    if (facet !== skip && wanted.length > 0 && !wanted.includes(valueOf(row))) return false;
  }
  const { deprecated, deprecatesInMonth } = query.filters;
  const state = deprecation(row);
  if (skip !== 'deprecation') {
    if (deprecated === 'only' && state !== 'past') return false;
    if (deprecated === 'exclude' && state === 'past') return false;
    if (deprecated === 'soon' && state !== 'soon') return false;
  }
  if (deprecatesInMonth && row.image.deprecatesAt?.slice(0, 7) !== deprecatesInMonth) return false;
  return true;
}

function sortKey(row: Row, column: SortColumn): string | number | null {
  const { image } = row;
  switch (column) {
    case 'createdAt':
      return Number.isNaN(ms(image.createdAt)) ? null : ms(image.createdAt);
    case 'deprecatesAt':
      return Number.isNaN(ms(image.deprecatesAt)) ? null : ms(image.deprecatesAt);
    case 'name':
      return image.name.toLowerCase();
    case 'cloud':
    case 'location':
      return row[column];
    case 'ownerId':
      return image.ownerAlias || image.ownerId;
    case 'osFamily':
      return `${image.osFamily}\u0000${image.osVersion ?? ''}`;
    default:
      return image[column] || null;
  }
}

function expectedKeys(query: CatalogQueryParsed): string[] {
  const { column, direction } = query.sort;
  const sign = direction === 'asc' ? 1 : -1;
  const order = rows.map((row, index) => ({ row, index, key: sortKey(row, column) }));
  order.sort((a, b) => {
    if (a.key === null || b.key === null)
      return Number(a.key === null) - Number(b.key === null) || a.index - b.index;
    return (a.key < b.key ? -sign : a.key > b.key ? sign : 0) || a.index - b.index;
  });
  return order
    .filter(({ row }) => passes(row, query))
    .map(({ row }) => `${row.sourceId}/${row.image.cloudId}`);
}

function allKeys(query: CatalogQueryParsed): string[] {
  const keys: string[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = fixture.index.query({ ...query, offset, limit: 500 });
    keys.push(...page.rows.map((row) => row.key));
    if (page.rows.length < 500) return keys;
  }
}

const prng = createPrng('catalog-model');
/** A piece of some row's searchable text, in random case: the kind of thing people type. */
function randomTerm(): string {
  const fields = searchText(prng.pick(rows)).filter(Boolean);
  const field = prng.pick(fields);
  const start = prng.int(0, Math.max(0, field.length - 1));
  const term =
    field
      .slice(start, start + prng.int(1, 8))
      .trim()
      .split(/\s+/)[0] ?? 'a';
  return prng.chance(0.5) ? term.toUpperCase() : term;
}
function randomFilters(): Partial<CatalogFilters> {
  const filters: Record<string, unknown> = {};
  for (const [facet, valueOf] of Object.entries(FACET_OF)) {
    if (prng.chance(0.15))
      filters[LIST_OF[facet as keyof typeof FACET_OF]] = [valueOf(prng.pick(rows)), valueOf(prng.pick(rows))];
  }
  if (prng.chance(0.25)) filters.deprecated = prng.pick(['only', 'exclude', 'soon']);
  if (prng.chance(0.1)) filters.deprecatesInMonth = prng.pick(['2026-12', '2027-03', '2025-06']);
  return filters;
}
const COLUMNS: SortColumn[] = [
  'createdAt',
  'deprecatesAt',
  'name',
  'cloudId',
  'ownerId',
  'osFamily',
  'cloud',
  'location',
  'family',
  'architecture',
];

describe('catalog engine against a plain model', () => {
  it('has every image, one row per source and cloudId', () => {
    expect(fixture.index.query(CatalogQuerySchema.parse({ workspaceId: WORKSPACE_ID })).catalogSize).toBe(
      rows.length,
    );
    expect(rows.length).toBeGreaterThan(5_000);
  });

  it('finds exactly the rows the model finds, in the model order', () => {
    for (let round = 0; round < 120; round += 1) {
      const terms = Array.from({ length: prng.int(0, 3) }, randomTerm);
      const query = CatalogQuerySchema.parse({
        workspaceId: WORKSPACE_ID,
        search: terms.join(' '),
        filters: round % 3 === 0 ? randomFilters() : {},
        sort: { column: prng.pick(COLUMNS), direction: prng.pick(['asc', 'desc']) },
      });
      expect(
        allKeys(query),
        JSON.stringify({ search: query.search, filters: query.filters, sort: query.sort }),
      ).toEqual(expectedKeys(query));
    }
  });

  it('counts facets under the search and every other facet filter, never its own', () => {
    for (let round = 0; round < 40; round += 1) {
      const request = FacetsRequestSchema.parse({
        workspaceId: WORKSPACE_ID,
        search: prng.chance(0.5) ? randomTerm() : '',
        filters: randomFilters(),
      });
      const { facets } = fixture.index.facets(request);
      for (const [facet, valueOf] of Object.entries(FACET_OF)) {
        const counts = new Map<string, number>();
        for (const row of rows)
          if (passes(row, request, facet)) counts.set(valueOf(row), (counts.get(valueOf(row)) ?? 0) + 1);
        const got = new Map(
          facets[facet as keyof typeof FACET_OF]!.filter((v) => v.count > 0).map((v) => [v.value, v.count]),
        );
        expect(got, `${facet} ${JSON.stringify(request)}`).toEqual(counts);
      }
      const deprecationRows = rows.filter((row) => passes(row, request, 'deprecation'));
      const count = (state: string) => deprecationRows.filter((row) => deprecation(row) === state).length;
      expect(facets.deprecation).toEqual([
        expect.objectContaining({ value: 'only', count: count('past') }),
        expect.objectContaining({ value: 'soon', count: count('soon') }),
        expect.objectContaining({ value: 'exclude', count: count('none') + count('soon') }),
      ]);
    }
  });
});
