/**
 * A small INI reader for the AWS shared config and credentials files, close to what the AWS CLI
 * (Python's configparser) accepts: `[section]` headers, `name = value` or `name: value`, full-line
 * comments starting with # or ;, indented lines under a `name =` as nested settings (the config's
 * `s3 =` blocks), CRLF or LF line endings, a leading BOM. Setting names are case-insensitive.
 *
 * Differences, on purpose: a ` #` or ` ;` after a value starts a comment (keys and secrets never
 * contain whitespace, so nothing real is cut), and duplicate sections or settings are kept and
 * reported rather than refused, so one bad profile does not hide the others.
 *
 * Error reasons name a line number only, never the line's text: it could hold a secret.
 */

export interface IniValue {
  value: string;
  line: number;
  /** Indented lines followed (a nested block such as `s3 =`); their content is not interpreted. */
  nested: boolean;
}

export interface IniSection {
  /** The text between the brackets, trimmed. */
  header: string;
  line: number;
  values: Map<string, IniValue>;
  /** Settings written twice in this section: name and both line numbers. */
  duplicates: { name: string; lines: [number, number] }[];
}

export type IniParseResult =
  { ok: true; sections: IniSection[] } | { ok: false; line: number; reason: string };

export function parseIni(text: string): IniParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const sections: IniSection[] = [];
  let section: IniSection | null = null;
  let lastValue: IniValue | null = null;

  for (let index = 0; index < lines.length; index += 1) {
    const lineNo = index + 1;
    const raw = lines[index] ?? '';
    const trimmed = raw.trim();
    if (trimmed === '') {
      lastValue = null;
      continue;
    }
    if (trimmed.startsWith('#') || trimmed.startsWith(';')) continue;

    if (/^\s/.test(raw) && lastValue) {
      lastValue.nested = true;
      continue;
    }

    if (trimmed.startsWith('[')) {
      const header = stripInlineComment(trimmed);
      if (!header.endsWith(']'))
        return { ok: false, line: lineNo, reason: 'a section header lacks its closing ]' };
      const name = header.slice(1, -1).trim();
      if (name === '') return { ok: false, line: lineNo, reason: 'a section header is empty' };
      section = { header: name, line: lineNo, values: new Map(), duplicates: [] };
      sections.push(section);
      lastValue = null;
      continue;
    }

    const delimiter = firstDelimiter(trimmed);
    if (delimiter <= 0) {
      return { ok: false, line: lineNo, reason: 'expected a [section] header or a `name = value` setting' };
    }
    if (!section)
      return { ok: false, line: lineNo, reason: 'a setting comes before the first [section] header' };

    const name = trimmed.slice(0, delimiter).trim().toLowerCase();
    const value: IniValue = {
      value: stripInlineComment(trimmed.slice(delimiter + 1)),
      line: lineNo,
      nested: false,
    };
    const earlier = section.values.get(name);
    if (earlier) section.duplicates.push({ name, lines: [earlier.line, lineNo] });
    section.values.set(name, value);
    lastValue = value;
  }
  return { ok: true, sections };
}

function firstDelimiter(line: string): number {
  const equals = line.indexOf('=');
  const colon = line.indexOf(':');
  if (equals < 0) return colon;
  if (colon < 0) return equals;
  return Math.min(equals, colon);
}

function stripInlineComment(value: string): string {
  return value.replace(/\s[#;].*$/, '').trim();
}
