import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Reads a file of the built renderer; null for anything outside it or missing. */
export async function readRendererFile(rendererDir: string, urlPath: string): Promise<StaticFile | null> {
  const relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  const resolved = normalize(join(rendererDir, relative));
  if (!resolved.startsWith(normalize(rendererDir) + sep)) return null;
  try {
    const body = await readFile(resolved);
    return { body, contentType: contentTypes[extname(resolved)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
