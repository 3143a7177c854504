/**
 * Parses RFC 4180 CSV into records of fields. Quoted fields may hold commas, doubled quotes and
 * line breaks, so counting lines would miscount a description that spans two; this counts records.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (quoted) throw new Error('The CSV ends inside a quoted field.');
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** The records as objects keyed by the header row; throws when a record's width differs from it. */
export function csvObjects(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header = [], ...records] = parseCsv(text);
  const rows = records.map((record, index) => {
    if (record.length !== header.length) {
      throw new Error(`CSV record ${index + 2} has ${record.length} fields, the header ${header.length}.`);
    }
    return Object.fromEntries(header.map((name, column) => [name, record[column]!]));
  });
  return { header, rows };
}
