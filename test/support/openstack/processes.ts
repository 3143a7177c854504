/**
 * Child-process plumbing for the real OpenStack servers: Debian's Python tools run with the
 * system interpreter (their #!/usr/bin/python3 shebang and /usr/bin first on PATH), whatever
 * pyenv or virtualenv the developer's shell has; output is kept (bounded) for error messages.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** The environment for Debian's OpenStack tools: no foreign Python on the path or in the env. */
export function debianEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of [
    'PYTHONPATH',
    'PYTHONHOME',
    'PYTHONSTARTUP',
    'VIRTUAL_ENV',
    'PYENV_VERSION',
    'CONDA_PREFIX',
  ])
    delete env[name];
  env.PATH = ['/usr/bin', '/bin', '/usr/sbin', '/sbin', process.env.PATH ?? ''].join(':');
  return env;
}

/** Runs a command to completion; rejects with its output's tail when it fails. */
export function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? debianEnv(),
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-6_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve(output);
      else
        reject(
          new Error(
            `${command} ${args.slice(0, 3).join(' ')} failed (${signal ?? `exit ${code}`}):\n${output.trim()}`,
          ),
        );
    });
  });
}

/** A long-running server child with its recent output and a guaranteed kill at test-process exit. */
export interface Service {
  name: string;
  child: ChildProcess;
  output(): string;
  exited(): boolean;
  stop(): Promise<void>;
}

export function startService(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Service {
  // Its own process group, so stop() also reaches anything it forks, and only that.
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-6_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('error', (error) => keep(Buffer.from(`\n${error.message}\n`)));
  const exited = (): boolean => child.exitCode !== null || child.signalCode !== null;
  const kill = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined || exited()) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      child.kill(signal);
    }
  };
  const onExit = (): void => kill('SIGKILL');
  process.once('exit', onExit);
  child.once('exit', () => process.off('exit', onExit));
  let stopping: Promise<void> | null = null;
  return {
    name,
    child,
    output: () => output,
    exited,
    stop: () => {
      stopping ??= new Promise<void>((resolve) => {
        if (exited()) return resolve();
        const force = setTimeout(() => kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        kill('SIGTERM');
      });
      return stopping;
    },
  };
}

/** A port that was free a moment ago (the servers bind it themselves, so it cannot be handed over). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Polls an HTTP endpoint until it answers with one of `statuses`; fails fast when the service
 * dies, and at the deadline with the service's recent output.
 */
export async function waitForHttp(
  url: string,
  statuses: number[],
  service: Service,
  deadline: number,
): Promise<void> {
  for (;;) {
    if (service.exited())
      throw new Error(`${service.name} exited before it answered ${url}:\n${service.output().trim()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (statuses.includes(response.status)) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline)
      throw new Error(`${service.name} did not answer ${url} in time:\n${service.output().trim()}`);
    // Polling interval between readiness probes, not a guess at how long start-up takes.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
