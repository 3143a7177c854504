import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogQuerySchema } from '@contract/index';
import { searchTerms } from '../../main/services/catalog-search';
import { catalogWith, image, type CatalogFixture, WORKSPACE_ID } from './catalog-fixture';

let fixture: CatalogFixture;

// 600 rows in one source: three search blocks of 256 rows.
const filler = Array.from({ length: 600 }, (_unused, n) =>
  image(`ami-f${String(n).padStart(4, '0')}`, { name: `filler-${n % 7 === 0 ? 'needle' : 'hay'}-${n}` }),
);

beforeAll(async () => {
  fixture = await catalogWith(
    [{ id: 'a', cloud: 'openstack', name: 'Lab' }],
    [
      {
        id: 'a.RegionOne.public',
        accountId: 'a',
        location: 'RegionOne',
        images: [
          // Stored side by side by id: "…ab" then "cd…", and elsewhere in the block "abc" and "bcd".
          image('ami-a1', { name: 'cd-foo-ab' }),
          image('ami-a2', { name: 'cd-bar' }),
          image('ami-a3', { name: 'zabc' }),
          image('ami-a4', { name: 'bcdz' }),
          // Stored right before ami-u1's "Ünïcode": lowercased alone, its Σ is a final ς.
          image('ami-g1', { description: 'ΟΔΟΣ' }),
          image('ami-u1', {
            name: 'İstanbul mirror',
            description: 'Ünïcode ✓ 𝔘𝔫𝔦',
            tags: { 'Owner Team': 'Café' },
          }),
          ...filler,
        ],
      },
    ],
  );
});
afterAll(() => fixture.cleanup());

const ids = (search: string): string[] =>
  fixture.index
    .query(CatalogQuerySchema.parse({ workspaceId: WORKSPACE_ID, search, limit: 500 }))
    .rows.map((row) => row.cloudId)
    .sort();

describe('catalog search', () => {
  it('splits on whitespace, lowercases, drops repeated and contained terms', () => {
    expect(searchTerms('  Ubuntu  ubu UBUNTU\tnoble ')).toEqual(['ubuntu', 'noble']);
    expect(searchTerms('   ')).toEqual([]);
  });

  it('does not count a match that runs from one row into the next, even when every trigram is there', () => {
    expect(ids('abcd')).toEqual([]);
    expect(ids('abc')).toEqual(['ami-a3']);
    expect(ids('ab')).toEqual(['ami-a1', 'ami-a3']);
  });

  it('finds rows in every block of a source', () => {
    const needles = ids('needle');
    expect(needles).toHaveLength(Math.ceil(600 / 7));
    expect(needles).toContain('ami-f0595');
    expect(ids('filler-hay-599')).toEqual(['ami-f0599']);
  });

  it('handles text beyond ASCII: lowercasing that changes length, accents, astral characters, tags', () => {
    // Plain Unicode lowercasing, no folding: "İ" lowercases to "i" plus a combining dot.
    expect(ids('i̇stanbul')).toEqual(['ami-u1']);
    expect(ids('istanbul')).toEqual([]);
    expect(ids('MIRROR')).toEqual(['ami-u1']);
    expect(ids('οδος')).toEqual(['ami-g1']);
    expect(ids('ünïcode ✓')).toEqual(['ami-u1']);
    expect(ids('𝔫𝔦')).toEqual(['ami-u1']);
    expect(ids('team=café')).toEqual(['ami-u1']);
  });

  it('answers a lengthened search from the earlier one with the same rows as a fresh search', () => {
    const typed = ['n', 'ne', 'nee', 'need', 'needl', 'needle', 'needle 59', 'needle 595'].map(ids);
    expect(typed.at(-1)).toEqual(['ami-f0595']);
    expect(typed[5]).toEqual(ids('needle'));
    // Shortening again is a different search, not a narrowing.
    expect(ids('needle 5')).toEqual(ids('needle').filter((id) => id.includes('5')));
  });
});
