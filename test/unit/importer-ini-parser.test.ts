import { describe, expect, it } from 'vitest';
import { parseIni } from '../../main/importers/ini-parser';

function sections(text: string) {
  const result = parseIni(text);
  if (!result.ok) throw new Error(`unexpected parse error on line ${result.line}: ${result.reason}`);
  return result.sections;
}

describe('parseIni', () => {
  it('reads headers and settings with = or :, case-insensitive names, and line numbers', () => {
    const [first, second] = sections(
      '[default]\nRegion = eu-west-1\noutput: json\n\n[profile dev]\nregion=us-east-2\n',
    );
    expect(first?.header).toBe('default');
    expect(first?.values.get('region')).toEqual({ value: 'eu-west-1', line: 2, nested: false });
    expect(first?.values.get('output')?.value).toBe('json');
    expect(second?.header).toBe('profile dev');
    expect(second?.line).toBe(5);
    expect(second?.values.get('region')?.line).toBe(6);
  });

  it('skips full-line and trailing comments, and keeps the first delimiter only', () => {
    const [section] = sections(
      '# top\n; also top\n[profile x] # after header\n  # indented comment\nrole_arn = arn:aws:iam::000000000000:role/Fake # trailing\nregion = us-west-2 ; trailing\nnote = a#b\n',
    );
    expect(section?.header).toBe('profile x');
    expect(section?.values.get('role_arn')?.value).toBe('arn:aws:iam::000000000000:role/Fake');
    expect(section?.values.get('region')?.value).toBe('us-west-2');
    // A # with no space before it is part of the value.
    expect(section?.values.get('note')?.value).toBe('a#b');
  });

  it('gives the same result for CRLF, CR, LF and a leading BOM', () => {
    const lf = '[a]\nk = v\n[b]\nk2 = v2\n';
    const expected = sections(lf);
    for (const text of [lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r'), `\uFEFF${lf}`]) {
      expect(sections(text)).toEqual(expected);
    }
  });

  it('marks nested blocks and does not read their lines as settings', () => {
    const [section] = sections(
      '[profile p]\ns3 =\n  max_concurrent_requests = 10\n  addressing_style = path\nregion = us-east-1\n',
    );
    expect(section?.values.get('s3')).toEqual({ value: '', line: 2, nested: true });
    expect(section?.values.has('max_concurrent_requests')).toBe(false);
    expect(section?.values.get('region')?.value).toBe('us-east-1');
  });

  it('keeps duplicate sections apart and records duplicate settings with both lines', () => {
    const all = sections('[a]\nk = 1\nK = 2\n[a]\nk = 3\n');
    expect(all.map((s) => s.header)).toEqual(['a', 'a']);
    expect(all[0]?.duplicates).toEqual([{ name: 'k', lines: [2, 3] }]);
    expect(all[0]?.values.get('k')?.value).toBe('2');
  });

  it.each([
    ['[a]\njust some words\n', 2, 'expected a [section] header'],
    ['k = v\n[a]\n', 1, 'before the first [section]'],
    ['[a]\n[profile b\nk = v\n', 2, 'closing ]'],
    ['[ ]\n', 1, 'empty'],
    ['[a]\n= value without a name\n', 2, 'expected a [section] header'],
  ])('rejects %j at line %i', (text, line, reason) => {
    const result = parseIni(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.line).toBe(line);
      expect(result.reason).toContain(reason);
    }
  });

  it('never quotes the offending line in its reason', () => {
    const result = parseIni('[a]\nFAKE-SECRET-ON-A-BROKEN-LINE\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).not.toContain('FAKE-SECRET');
  });
});
