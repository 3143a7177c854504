import { resolve } from 'node:path';
import { parseServeArgs, serveUsage } from './serve-args';
import { serveInBrowser } from './serve-in-browser';

/** `npm run serve -- --port PORT --data-dir DIR [--sandbox|--no-sandbox]` */
// The SDK's notice that its 2027 releases need Node 22 is for developers, not for people using Hangar.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const parsed = parseServeArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`${parsed.error}\n${serveUsage}`);
  process.exit(2);
}
await serveInBrowser({ ...parsed.options, outDir: resolve(import.meta.dirname, '..') });
