import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ServeOptions {
  port: number;
  dataDir: string;
  sandbox: boolean;
}

export const serveUsage =
  'Usage: npm run serve -- [--port PORT] [--data-dir DIR] [--sandbox | --no-sandbox]\n' +
  '  --port       port on 127.0.0.1 (default 0: any free port)\n' +
  '  --data-dir   where Hangar keeps its state and catalog cache (default ~/.hangar)\n' +
  '  --no-sandbox do not start the embedded AWS sandbox';

export const defaultDataDir = (): string => process.env.HANGAR_DATA_DIR ?? join(homedir(), '.hangar');

export function parseServeArgs(
  args: readonly string[],
): { ok: true; options: ServeOptions } | { ok: false; error: string } {
  const options: ServeOptions = { port: 0, dataDir: defaultDataDir(), sandbox: true };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string | undefined => args[++i];
    if (arg === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        return { ok: false, error: '--port needs a number from 0 to 65535.' };
      options.port = port;
    } else if (arg === '--data-dir') {
      const dir = value();
      if (!dir) return { ok: false, error: '--data-dir needs a folder.' };
      options.dataDir = resolve(dir);
    } else if (arg === '--sandbox') options.sandbox = true;
    else if (arg === '--no-sandbox') options.sandbox = false;
    else return { ok: false, error: `Unknown option "${arg}".` };
  }
  return { ok: true, options };
}
