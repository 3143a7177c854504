import { resolve } from 'node:path';
import { parseServeArgs, serveUsage } from './serve-args';
import { serveInBrowser } from './serve-in-browser';

/** `npm run serve -- --port PORT --data-dir DIR [--sandbox|--no-sandbox]` */
const parsed = parseServeArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`${parsed.error}\n${serveUsage}`);
  process.exit(2);
}
await serveInBrowser({ ...parsed.options, outDir: resolve(import.meta.dirname, '..') });
