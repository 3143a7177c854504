import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogQuerySchema, ExportRequestSchema, type ImageSummary } from '@contract/index';
import { csvField, EXPORT_COLUMNS, exportView } from '../../main/services/catalog-export';
import { catalogWith, image, NOW, type CatalogFixture, WORKSPACE_ID } from './catalog-fixture';

let fixture: CatalogFixture;

beforeAll(async () => {
  fixture = await catalogWith(
    [{ id: 'acct', cloud: 'aws', name: 'Client "A", Inc.' }],
    [
      {
        id: 'acct.us-east-1.self',
        accountId: 'acct',
        location: 'us-east-1',
        images: [
          image('ami-1', { name: 'plain', createdAt: '2024-01-01T00:00:00Z' }),
          image('ami-2', {
            name: 'with, comma',
            description: 'say "hi"\nthen leave',
            createdAt: '2024-02-01T00:00:00Z',
          }),
          image('ami-3', {
            name: '=HYPERLINK("http://evil")',
            description: '-1+1',
            createdAt: '2024-03-01T00:00:00Z',
            sizeGb: null,
          }),
        ],
      },
    ],
  );
});
afterAll(() => fixture.cleanup());

/** A small RFC 4180 reader, to prove the CSV reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && c !== '\r')) field += c;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1; // the \n of \r\n
    }
  }
  return rows;
}

describe('CSV fields', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
  });

  it('writes empty for null, and numbers and booleans as such', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(8)).toBe('8');
    expect(csvField(false)).toBe('false');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-cmd')).toBe("'-cmd");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
});

describe('catalog export', () => {
  const run = (input: object) =>
    fixture.index.export(ExportRequestSchema.parse({ workspaceId: WORKSPACE_ID, ...input }));

  it('exports the view as CSV: a header row, then the summaries in the view order', () => {
    const result = run({ search: '', format: 'csv', sort: { column: 'createdAt', direction: 'asc' } });
    expect(result).toMatchObject({ mimeType: 'text/csv;charset=utf-8', rows: 3, truncated: false });
    expect(result.fileName).toBe('hangar-images-20261123-1200.csv');
    const table = parseCsv(result.content);
    expect(table[0]).toEqual([...EXPORT_COLUMNS]);
    expect(table.slice(1).map((row) => row[EXPORT_COLUMNS.indexOf('name')])).toEqual([
      'plain',
      'with, comma',
      `'=HYPERLINK("http://evil")`,
    ]);
    const second = Object.fromEntries(EXPORT_COLUMNS.map((column, i) => [column, table[2]![i]]));
    expect(second).toMatchObject({
      key: 'acct.us-east-1.self/ami-2',
      accountName: 'Client "A", Inc.',
      description: 'say "hi"\nthen leave',
      public: 'true',
      sizeGb: '8',
      createdAt: '2024-02-01T00:00:00.000Z',
      deprecatesAt: '',
    });
    expect(table[3]![EXPORT_COLUMNS.indexOf('sizeGb')]).toBe('');
  });

  it('exports JSON: the same summaries the query returns, search and filters applied', () => {
    const result = run({ search: 'comma', format: 'json' });
    expect(result).toMatchObject({ mimeType: 'application/json', rows: 1, truncated: false });
    const rows = JSON.parse(result.content) as ImageSummary[];
    expect(rows).toEqual(
      fixture.index.query(CatalogQuerySchema.parse({ workspaceId: WORKSPACE_ID, search: 'comma' })).rows,
    );
    expect(JSON.parse(run({ search: 'nothing-matches', format: 'json' }).content)).toEqual([]);
  });

  it('stops at the row cap and says the export was truncated', () => {
    const table = fixture.index.table();
    const context = { accountNames: new Map([['acct', 'A']]), nowMs: NOW.getTime() };
    const input = ExportRequestSchema.parse({ workspaceId: WORKSPACE_ID, format: 'csv' });
    const capped = exportView(table, input, context, NOW, 2);
    expect(capped).toMatchObject({ rows: 2, truncated: true });
    expect(parseCsv(capped.content)).toHaveLength(3);
  });
});
