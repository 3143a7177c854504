import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { parseServeArgs, serveUsage } from '../host/serve-args';
import { serveInBrowser } from '../host/serve-in-browser';
import { findElectronBinary } from './electron-binary';

/** `npm start`: the desktop app when Electron can run here, otherwise the same app in a browser. */
const outDir = resolve(import.meta.dirname, '..');
// The SDK's notice that its 2027 releases need Node 22 is for developers, not for people using Hangar.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const parsed = parseServeArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`${parsed.error}\n${serveUsage}`);
  process.exit(2);
}

const binary = findElectronBinary();
const canOpenWindow =
  process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

if (binary && canOpenWindow) {
  const env = {
    ...process.env,
    HANGAR_DATA_DIR: parsed.options.dataDir,
    HANGAR_SANDBOX: parsed.options.sandbox ? 'on' : 'off',
  };
  const child = spawn(binary, [resolve(outDir, 'main', 'index.js')], { stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const why = !binary
    ? "Electron's binary is not installed (an offline install?)"
    : 'there is no display to open a window on';
  console.log(`Hangar cannot open its desktop window: ${why}; serving the same app in your browser instead.`);
  await serveInBrowser({ ...parsed.options, outDir });
}
