import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface RunningHost {
  url: string;
  origin: string;
  dataDir: string;
  output: string[];
  stop(): Promise<void>;
}

const outMain = resolve(import.meta.dirname, '../../../out/main');

/**
 * Starts the real browser host (`out/main/serve.js`, as `npm run serve` does) in its own process
 * with its own data dir and a free port, and resolves once it prints its address.
 */
export async function startHangarHost(
  options: {
    dataDir?: string;
    args?: string[];
    env?: NodeJS.ProcessEnv;
    entry?: 'serve.js' | 'start.js';
  } = {},
): Promise<RunningHost> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'hangar-e2e-')));
  const script = join(outMain, options.entry ?? 'serve.js');
  const child = spawn(
    process.execPath,
    [script, '--port', '0', '--data-dir', dataDir, ...(options.args ?? [])],
    {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  const url = await new Promise<string>((resolveUrl, reject) => {
    const onLine = (line: string): void => {
      output.push(line);
      const match = /^Hangar is serving at (\S+)$/.exec(line);
      if (match?.[1]) resolveUrl(match[1]);
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
    child.once('exit', (code) =>
      reject(new Error(`The browser host exited (${code}) before serving:\n${output.join('\n')}`)),
    );
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    output,
    stop: () => stopChild(child),
  };
}

export async function removeDataDir(dataDir: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    child.once('exit', () => resolveStop());
    child.kill('SIGTERM');
  });
}
