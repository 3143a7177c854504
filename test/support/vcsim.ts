import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * govmomi's vCenter simulator, built from Debian's sources (golang-go +
 * golang-github-vmware-govmomi-dev) with the small main in ./vcsim/main.go. The binary is cached
 * under node_modules/.cache, keyed by a hash of main.go, the Go version and the govmomi package,
 * so only the first run pays the build (about 15 s on two cores).
 */
export interface Vcsim {
  /** http(s)://127.0.0.1:PORT */
  url: string;
  username: string;
  password: string;
  /** What the seed created: VMs marked as templates, content libraries, library items. */
  templates: number;
  libraries: number;
  items: number;
  stop(): Promise<void>;
}

export type VcsimStart = Vcsim | { skipReason: string };

const GOVMOMI = '/usr/share/gocode/src/github.com/vmware/govmomi';
const SOURCE = resolve(import.meta.dirname, 'vcsim/main.go');
const CACHE = resolve(import.meta.dirname, '../../node_modules/.cache/hangar-vcsim');
const APT_HINT = 'apt-get install -y golang-go golang-github-vmware-govmomi-dev';

function missingTools(): string | null {
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.status !== 0) return `the Go toolchain is not installed (${APT_HINT})`;
  if (!existsSync(join(GOVMOMI, 'simulator')))
    return `Debian's govmomi sources are not installed (${APT_HINT})`;
  return null;
}

function sourceKey(): string {
  const go = spawnSync('go', ['version'], { encoding: 'utf8' }).stdout;
  const govmomi = statSync(join(GOVMOMI, 'simulator/simulator.go'));
  return createHash('sha256')
    .update(readFileSync(SOURCE))
    .update(go)
    .update(`${govmomi.size}:${govmomi.mtimeMs}`)
    .digest('hex')
    .slice(0, 16);
}

function compile(binary: string): void {
  const partial = `${binary}.${process.pid}.partial`;
  const build = spawnSync('go', ['build', '-o', partial, SOURCE], {
    encoding: 'utf8',
    env: {
      ...process.env,
      GO111MODULE: 'off',
      GOPATH: `${join(CACHE, 'gopath')}:/usr/share/gocode`,
      GOCACHE: join(CACHE, 'go-build'),
      GOFLAGS: '',
    },
    timeout: 300_000,
  });
  if (build.status !== 0) {
    rmSync(partial, { force: true });
    throw new Error(`building vcsim failed:\n${build.stderr || build.error?.message}`);
  }
  renameSync(partial, binary); // atomic: nobody ever runs half a binary
}

/**
 * Builds (once per source hash) and returns the binary's path. Test files start in parallel:
 * the first takes a lock directory and builds, the others wait for its binary.
 */
export async function buildVcsim(): Promise<string> {
  const binary = join(CACHE, sourceKey(), 'vcsim-hangar');
  const lock = `${binary}.lock`;
  mkdirSync(join(CACHE, 'gopath'), { recursive: true });
  mkdirSync(join(binary, '..'), { recursive: true });
  for (const started = Date.now(); !existsSync(binary);) {
    try {
      mkdirSync(lock);
    } catch {
      // Someone else is building; a lock older than five minutes was left by a crashed run.
      const lockedAt = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (lockedAt !== undefined && Date.now() - lockedAt > 300_000)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > 330_000) throw new Error('timed out waiting for another vcsim build');
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      if (!existsSync(binary)) compile(binary);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return binary;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((done) => child.once('exit', () => done()));
}

export interface VcsimOptions {
  /** Serve HTTPS with the simulator's built-in self-signed certificate. */
  tls?: boolean;
}

/**
 * Starts a seeded vcsim on a free port. Outside CI a missing toolchain gives `{ skipReason }`;
 * under CI=true it throws, so a broken image never passes by skipping.
 */
export async function startVcsim(options: VcsimOptions = {}): Promise<VcsimStart> {
  const missing = missingTools();
  if (missing) {
    if (process.env.CI === 'true') throw new Error(`vcsim is required under CI: ${missing}`);
    return { skipReason: `vcsim unavailable: ${missing}` };
  }
  const binary = await buildVcsim();
  const username = 'administrator@vsphere.local';
  const password = `Vcsim-${randomBytes(9).toString('base64url')}`;
  const child = spawn(binary, ['-username', username, ...(options.tls ? ['-tls'] : [])], {
    env: { ...process.env, VCSIM_PASSWORD: password },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const stop = async (): Promise<void> => {
    child.stdin?.end(); // main.go exits when stdin closes
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited(child);
    clearTimeout(timer);
  };
  try {
    const line = await new Promise<string>((resolveLine, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.once('line', resolveLine);
      child.once('error', reject);
      child.once('exit', (code) =>
        reject(new Error(`vcsim exited (${code}) before it was ready:\n${stderr}`)),
      );
    });
    const ready = JSON.parse(line) as { url: string; templates: number; libraries: number; items: number };
    return { ...ready, username, password, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
