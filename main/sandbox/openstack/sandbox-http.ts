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

/** Glance's JSON error (used for query validation errors). */
export function glanceJsonError(status: number, title: string, message: string): Reply {
  return json(status, { message: `${message}<br /><br />\n\n\n`, code: `${status} ${title}`, title });
}
