/** An answer the stand-in's handlers build; the server writes it (or a fault instead). */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** JSON as Keystone and Glance send it. */
export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

/** Keystone's error envelope. */
export function keystoneError(status: number, title: string, message: string): Reply {
  return json(status, { error: { code: status, message, title } });
}

/** The HTML page webob renders for Glance's errors (and proxies for theirs). */
export function htmlError(
  status: number,
  title: string,
  explanation: string,
  headers: Record<string, string> = {},
): Reply {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=UTF-8', ...headers },
    body: `<html>\n <head>\n  <title>${status} ${title}</title>\n </head>\n <body>\n  <h1>${status} ${title}</h1>\n  ${explanation}<br /><br />\n\n\n\n </body>\n</html>`,
  };
}

/** A JSON string as Python's json.dumps writes it: non-ASCII escaped (ensure_ascii). */
const pythonString = (text: string): string =>
  JSON.stringify(text).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** Glance's JSON error, as webob's json.dumps writes it (with ", " and ": " separators). */
export function glanceJsonError(status: number, title: string, message: string): Reply {
  const fields: [string, string][] = [
    ['message', `${message}<br /><br />\n\n\n`],
    ['code', `${status} ${title}`],
    ['title', title],
  ];
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: `{${fields.map(([key, value]) => `"${key}": ${pythonString(value)}`).join(', ')}}`,
  };
}

/**
 * An error Glance raises as a webob exception: webob picks the body by the request's Accept
 * header among text/html and application/json (in that order of preference, so "anything" gets HTML),
 * and falls back to text/plain when neither is acceptable or no Accept header was sent.
 */
export function webobError(
  status: number,
  title: string,
  explanation: string,
  accept: string | null | undefined,
): Reply {
  const ranges = (accept ?? '')
    .split(',')
    .map((part) => {
      const [range = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return { range, q: q === undefined ? 1 : Number(q.slice(2)) };
    })
    .filter((entry) => entry.range !== '' && Number.isFinite(entry.q));
  // The most specific range that matches decides the quality (RFC 7231 §5.3.2), as webob does.
  const quality = (type: string): number => {
    for (const range of [type, `${type.split('/')[0]}/*`, '*/*']) {
      const match = ranges.find((r) => r.range === range);
      if (match) return match.q;
    }
    return 0;
  };
  const html = quality('text/html');
  const jsonQ = quality('application/json');
  if (html > 0 && html >= jsonQ) return htmlError(status, title, explanation);
  if (jsonQ > 0) return glanceJsonError(status, title, explanation);
  return {
    status,
    headers: { 'content-type': 'text/plain; charset=UTF-8' },
    body: `${status} ${title}\n\n${explanation}\n\n   `,
  };
}
