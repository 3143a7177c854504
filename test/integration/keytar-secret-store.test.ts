/**
 * KeytarSecretStore against a real Secret Service (gnome-keyring on a private D-Bus), and
 * against buses where none answers.
 *
 * Every scenario runs the store in a fresh Node process: libsecret connects to the bus named
 * by DBUS_SESSION_BUS_ADDRESS on first use and keeps that connection for the life of the
 * process, and a keychain call that never answers holds a native thread that would keep a
 * vitest worker alive.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { KEYCHAIN_MESSAGES } from '../../main/secrets/keychain-errors';
import {
  startPrivateBus,
  startSecretService,
  type PrivateBus,
  type Skipped,
} from '../support/secret-service';

const root = resolve(import.meta.dirname, '../..');
const storeModule = join(root, 'main/secrets/keytar-secret-store.ts');

type Step = { op: 'availability' | 'get' | 'set' | 'delete' | 'list'; args?: string[] };
type Outcome =
  { ok: true; value: unknown; ms: number } | { ok: false; name: string; message: string; ms: number };

/**
 * Loads the TypeScript store through Vite (as vitest would; a server in middleware mode opens
 * no port and keeps running, so the store's own lazy import of keytar works), runs the steps
 * and prints the outcomes.
 */
const childScript = `
const { createServer } = await import('vite');
const vite = await createServer({
  configFile: false, root: process.cwd(), logLevel: 'silent', appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false, watch: null },
});
const module = await vite.ssrLoadModule(process.env.STORE_MODULE);
const store = new module.KeytarSecretStore(JSON.parse(process.env.STORE_OPTIONS));
const outcomes = [];
for (const step of JSON.parse(process.env.STEPS)) {
  const started = performance.now();
  try {
    const value = await store[step.op](...(step.args ?? []));
    outcomes.push({ ok: true, value: value ?? null, ms: performance.now() - started });
  } catch (error) {
    outcomes.push({ ok: false, name: error.name, message: error.message, ms: performance.now() - started });
  }
}
process.stdout.write('OUTCOMES ' + JSON.stringify(outcomes) + '\\n', () => {
  // With a keychain call still stuck, even process.exit() hangs (Node joins its worker
  // threads on exit), so such a process can only be killed.
  if (store.stuckCalls > 0) process.kill(process.pid, 'SIGKILL');
  else process.exit(0);
});
`;

async function runSteps(
  busEnv: Record<string, string>,
  steps: Step[],
  storeOptions: Record<string, unknown> = {},
): Promise<Outcome[]> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...busEnv,
    STORE_MODULE: storeModule,
    STORE_OPTIONS: JSON.stringify({ service: 'HangarIntegrationTest', ...storeOptions }),
    STEPS: JSON.stringify(steps),
  };
  delete env.DISPLAY; // never let a prompt appear on a real screen
  delete env.WAYLAND_DISPLAY;
  const child = spawn(process.execPath, ['--input-type=module', '-e', childScript], { cwd: root, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
    child.once('exit', (exitCode, exitSignal) => done([exitCode, exitSignal])),
  );
  clearTimeout(killer);
  const line = stdout.split('\n').find((candidate) => candidate.startsWith('OUTCOMES '));
  if (!line || (code !== 0 && signal !== 'SIGKILL')) {
    throw new Error(`store process ended with ${signal ?? `code ${code}`} (a crash or hang):\n${stderr}`);
  }
  return JSON.parse(line.slice('OUTCOMES '.length)) as Outcome[];
}

const value = (outcome: Outcome | undefined): unknown => {
  if (!outcome?.ok) throw new Error(`expected success, got ${JSON.stringify(outcome)}`);
  return outcome.value;
};

function expectUnavailable(outcome: Outcome | undefined, message: string, withinMs: number): void {
  expect(outcome).toMatchObject({ ok: false, name: 'SecretStoreUnavailableError', message });
  expect(outcome?.ms).toBeLessThan(withinMs);
}

let keytarCheck: Promise<string | null> | null = null;

/** Why keytar's native module cannot load here (libsecret missing), or null when it can. */
function keytarProblem(): Promise<string | null> {
  keytarCheck ??= new Promise((done) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', "await import('@github/keytar')"], {
      cwd: root,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) =>
      done(
        code === 0
          ? null
          : `@github/keytar does not load (apt-get install libsecret-1-0): ${stderr.trim().split('\n')[0]}`,
      ),
    );
  });
  return keytarCheck;
}

/** Skips (with the reason printed) when keytar cannot load; on CI (CI=true) that fails instead. */
async function requireKeytar(skip: (note: string) => never): Promise<void> {
  const problem = await keytarProblem();
  if (!problem) return;
  if (process.env.CI === 'true') throw new Error(problem);
  console.warn(`Skipping: ${problem}`);
  skip(problem);
}

/** Starts a harness for one test and stops it when the test ends; skips with its reason (CI fails instead). */
async function started<T extends PrivateBus>(
  start: () => Promise<T | Skipped>,
  context: TestContext,
): Promise<T> {
  await requireKeytar(context.skip);
  const handle = await start();
  if ('skipReason' in handle) {
    console.warn(`Skipping: ${handle.skipReason}`);
    return context.skip(handle.skipReason);
  }
  context.onTestFinished(() => handle.stop());
  return handle;
}

describe('KeytarSecretStore with a real Secret Service', () => {
  it('sets, gets, lists, overwrites and deletes, and the entries outlive the process', async (context) => {
    const service = await started(startSecretService, context);
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY-ünïcode-🔑';
    const first = await runSteps(service.env, [
      { op: 'availability' },
      { op: 'set', args: ['aws/a1', secret] },
      { op: 'set', args: ['aws/a2', 'second-secret-value'] },
      { op: 'get', args: ['aws/a1'] },
      { op: 'list' },
      { op: 'set', args: ['aws/a1', 'overwritten-secret'] },
      { op: 'get', args: ['aws/a1'] },
      { op: 'delete', args: ['aws/a1'] },
      { op: 'get', args: ['aws/a1'] },
      { op: 'delete', args: ['aws/a1'] },
      { op: 'get', args: ['aws/never-stored'] },
    ]);
    expect(value(first[0])).toEqual({ available: true, message: null });
    expect(value(first[3])).toBe(secret);
    expect((value(first[4]) as string[]).sort()).toEqual(['aws/a1', 'aws/a2']);
    expect(value(first[6])).toBe('overwritten-secret');
    expect(value(first[7])).toBe(true);
    expect(value(first[8])).toBeNull();
    expect(value(first[9])).toBe(false);
    expect(value(first[10])).toBeNull();

    // A new process sees what the first one stored: it is in the keyring, not in memory.
    const second = await runSteps(service.env, [{ op: 'get', args: ['aws/a2'] }, { op: 'list' }]);
    expect(value(second[0])).toBe('second-secret-value');
    expect(value(second[1])).toEqual(['aws/a2']);
  });

  it('keeps entries of different services apart', async (context) => {
    const service = await started(startSecretService, context);
    await runSteps(service.env, [{ op: 'set', args: ['shared-key', 'from-a'] }], { service: 'HangarA' });
    const outcomes = await runSteps(service.env, [{ op: 'get', args: ['shared-key'] }, { op: 'list' }], {
      service: 'HangarB',
    });
    expect(value(outcomes[0])).toBeNull();
    expect(value(outcomes[1])).toEqual([]);
  });

  it('reports a locked keyring instead of answering "not stored", and does not crash on list()', async (context) => {
    const service = await started(startSecretService, context);
    expect(
      value((await runSteps(service.env, [{ op: 'set', args: ['aws/held', 'held-secret'] }]))[0]),
    ).toBeNull();
    await service.lock();
    // Headless, the unlock prompt fails at once: libsecret then answers null / false / crashes.
    const outcomes = await runSteps(service.env, [
      { op: 'availability' },
      { op: 'get', args: ['aws/held'] },
      { op: 'delete', args: ['aws/held'] },
      { op: 'list' },
      { op: 'set', args: ['aws/new', 'new-secret'] },
    ]);
    expect(value(outcomes[0])).toEqual({ available: false, message: KEYCHAIN_MESSAGES.locked });
    for (const outcome of outcomes.slice(1)) expectUnavailable(outcome, KEYCHAIN_MESSAGES.locked, 5_000);
    expect(JSON.stringify(outcomes)).not.toMatch(/held-secret|new-secret/);
  });

  it('says so when the Secret Service has no default keyring yet', async (context) => {
    const service = await started(() => startSecretService({ unlock: false }), context);
    const outcomes = await runSteps(service.env, [
      { op: 'availability' },
      { op: 'set', args: ['aws/a1', 'never-stored-secret'] },
    ]);
    expect(value(outcomes[0])).toEqual({ available: false, message: KEYCHAIN_MESSAGES.noKeyring });
    expectUnavailable(outcomes[1], KEYCHAIN_MESSAGES.noKeyring, 5_000);
  });
});

describe('KeytarSecretStore without a Secret Service', () => {
  const steps: Step[] = [
    { op: 'availability' },
    { op: 'get', args: ['aws/a1'] },
    { op: 'set', args: ['aws/a1', 'never-stored-secret'] },
    { op: 'delete', args: ['aws/a1'] },
    { op: 'list' },
  ];

  function expectNoService(outcomes: Outcome[]): void {
    expect(value(outcomes[0])).toEqual({ available: false, message: KEYCHAIN_MESSAGES.noService });
    for (const outcome of outcomes.slice(1)) expectUnavailable(outcome, KEYCHAIN_MESSAGES.noService, 3_000);
    expect(JSON.stringify(outcomes)).not.toContain('never-stored-secret');
  }

  it('on a bus where nobody owns org.freedesktop.secrets: unavailable, fast', async (context) => {
    const bus = await started(startPrivateBus, context);
    expectNoService(await runSteps(bus.env, steps));
  });

  it('with a bus address that leads nowhere: unavailable, fast', async ({ skip, onTestFinished }) => {
    await requireKeytar(skip);
    const dir = await mkdtemp(join(tmpdir(), 'hangar-nobus-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    expectNoService(
      await runSteps({ DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir, 'no-bus-here')}` }, steps),
    );
  });

  it('when the keychain never answers: times out, then fails at once while the call is stuck', async ({
    skip,
    onTestFinished,
  }) => {
    await requireKeytar(skip);
    // A socket that accepts and then says nothing, like a keyring stuck on an unlock prompt.
    const dir = await mkdtemp(join(tmpdir(), 'hangar-silent-'));
    const server: Server = createServer((socket) => socket.resume());
    const path = join(dir, 'silent.sock');
    await new Promise<void>((listening) => server.listen(path, listening));
    onTestFinished(async () => {
      await new Promise<void>((closed) => server.close(() => closed()));
      await rm(dir, { recursive: true, force: true });
    });
    const outcomes = await runSteps(
      { DBUS_SESSION_BUS_ADDRESS: `unix:path=${path}` },
      [
        { op: 'get', args: ['aws/a1'] },
        { op: 'availability' },
        { op: 'set', args: ['aws/a1', 'never-stored-secret'] },
      ],
      { timeoutMs: 700 },
    );
    expect(outcomes[0]).toMatchObject({
      ok: false,
      name: 'SecretStoreUnavailableError',
      message: KEYCHAIN_MESSAGES.timeout,
    });
    expect(outcomes[0]?.ms).toBeGreaterThanOrEqual(650);
    expect(outcomes[0]?.ms).toBeLessThan(3_000);
    expect(value(outcomes[1])).toEqual({ available: false, message: KEYCHAIN_MESSAGES.timeout });
    expectUnavailable(outcomes[2], KEYCHAIN_MESSAGES.timeout, 200);
  });
});
