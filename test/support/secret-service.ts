/**
 * A real, private Secret Service for tests: its own dbus-daemon and an unlocked gnome-keyring,
 * both living in a temp dir, so the developer's own keyring and session bus are never touched.
 * No vitest imports: the Playwright e2e setup uses it too.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { access, mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface Skipped {
  skipReason: string;
}

export interface PrivateBus {
  /** Pass to the process under test; libsecret reads it when it first connects. */
  env: { DBUS_SESSION_BUS_ADDRESS: string };
  dir: string;
  stop(): Promise<void>;
}

export interface SecretService extends PrivateBus {
  /** Locks the login keyring, as a screen lock would. It cannot be unlocked again headless. */
  lock(): Promise<void>;
}

const SECRETS_NAME = 'org.freedesktop.secrets';
const PACKAGES: Record<string, string> = {
  'dbus-daemon': 'dbus-daemon',
  'dbus-send': 'dbus-bin',
  'gnome-keyring-daemon': 'gnome-keyring',
};

/** A session bus on which nobody provides a Secret Service (and none can be auto-started). */
export async function startPrivateBus(
  options: { startTimeoutMs?: number } = {},
): Promise<PrivateBus | Skipped> {
  const missing = await missingBinaries(['dbus-daemon', 'dbus-send']);
  if (missing) return missing;
  const dir = await mkdtemp(join(tmpdir(), 'hangar-bus-'));
  const children: ChildProcess[] = [];
  try {
    const address = await startBus(dir, children, options.startTimeoutMs ?? 15_000);
    return { env: { DBUS_SESSION_BUS_ADDRESS: address }, dir, stop: stopper(dir, children) };
  } catch (error) {
    await stopper(dir, children)();
    throw error;
  }
}

export interface SecretServiceOptions {
  /** The login keyring's password (default "hangar-test"). */
  password?: string;
  /** false: start without creating/unlocking the login keyring, so there is no default keyring. */
  unlock?: boolean;
  startTimeoutMs?: number;
}

/** A private bus plus gnome-keyring, unlocked, owning org.freedesktop.secrets. */
export async function startSecretService(
  options: SecretServiceOptions = {},
): Promise<SecretService | Skipped> {
  const missing = await missingBinaries(['dbus-daemon', 'dbus-send', 'gnome-keyring-daemon']);
  if (missing) return missing;
  const timeoutMs = options.startTimeoutMs ?? 15_000;
  const deadline = Date.now() + timeoutMs;
  const dir = await mkdtemp(join(tmpdir(), 'hangar-keyring-'));
  const children: ChildProcess[] = [];
  try {
    const address = await startBus(dir, children, timeoutMs);
    const home = join(dir, 'home');
    const xdg = {
      HOME: home,
      XDG_DATA_HOME: join(home, '.local', 'share'),
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_CACHE_HOME: join(home, '.cache'),
      XDG_RUNTIME_DIR: join(dir, 'runtime'),
    };
    for (const path of Object.values(xdg)) await mkdir(path, { recursive: true, mode: 0o700 });

    const env: NodeJS.ProcessEnv = { ...process.env, ...xdg, DBUS_SESSION_BUS_ADDRESS: address };
    // No display: an unlock or create-keyring prompt must fail at once, never wait for a person.
    for (const name of ['DISPLAY', 'WAYLAND_DISPLAY', 'GNOME_KEYRING_CONTROL', 'SSH_AUTH_SOCK'])
      delete env[name];
    const unlock = options.unlock ?? true;
    const args = [...(unlock ? ['--unlock'] : []), '--components=secrets', '--foreground'];
    const keyring = track(
      children,
      spawn('gnome-keyring-daemon', args, { env, stdio: ['pipe', 'ignore', 'pipe'] }),
    );
    const stderr = collect(keyring);
    // --unlock reads the login keyring's password from stdin until end of file.
    keyring.stdin?.end(unlock ? (options.password ?? 'hangar-test') : '');

    while (!(await nameHasOwner(address, SECRETS_NAME))) {
      if (keyring.exitCode !== null || keyring.signalCode !== null) {
        throw new Error(`gnome-keyring-daemon exited before owning ${SECRETS_NAME}: ${stderr().trim()}`);
      }
      if (Date.now() > deadline)
        throw new Error(`gnome-keyring-daemon did not own ${SECRETS_NAME} within ${timeoutMs} ms`);
      await pause(25); // polling interval while waiting for the name, not a guess at readiness
    }

    return {
      env: { DBUS_SESSION_BUS_ADDRESS: address },
      dir,
      stop: stopper(dir, children),
      lock: async () => {
        await dbusSend(address, [
          `--dest=${SECRETS_NAME}`,
          '/org/freedesktop/secrets',
          'org.freedesktop.Secret.Service.Lock',
          'array:objpath:/org/freedesktop/secrets/collection/login',
        ]);
      },
    };
  } catch (error) {
    await stopper(dir, children)();
    throw error;
  }
}

/** Starts dbus-daemon with a config of our own: no service files, so nothing is auto-started. */
async function startBus(dir: string, children: ChildProcess[], timeoutMs: number): Promise<string> {
  const config = join(dir, 'bus.conf');
  await writeFile(
    config,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=${escapeXml(dir)}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`,
  );
  const bus = track(
    children,
    spawn('dbus-daemon', [`--config-file=${config}`, '--nofork', '--print-address'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const stderr = collect(bus);
  return new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => fail(new Error(`dbus-daemon printed no address within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const fail = (error: Error): void => {
      clearTimeout(timer);
      reject(error);
    };
    bus.once('error', fail);
    bus.once('exit', (code) => fail(new Error(`dbus-daemon exited (${code}): ${stderr().trim()}`)));
    bus.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        resolve(out.slice(0, newline).trim());
      }
    });
  });
}

async function nameHasOwner(address: string, name: string): Promise<boolean> {
  const reply = await dbusSend(address, [
    '--dest=org.freedesktop.DBus',
    '/org/freedesktop/DBus',
    'org.freedesktop.DBus.NameHasOwner',
    `string:${name}`,
  ]);
  return /boolean true/.test(reply);
}

function dbusSend(address: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'dbus-send',
      ['--session', '--print-reply', '--reply-timeout=5000', ...args],
      { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: address }, timeout: 10_000 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`dbus-send failed: ${stderr || error.message}`)) : resolve(stdout),
    );
  });
}

function stopper(dir: string, children: ChildProcess[]): () => Promise<void> {
  let stopping: Promise<void> | null = null;
  return () => {
    stopping ??= (async () => {
      // Keyring first, then the bus it is connected to.
      for (const child of [...children].reverse()) await terminate(child);
      await rm(dir, { recursive: true, force: true });
    })();
    return stopping;
  };
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Remembers a child, and kills it if the test process exits without calling stop(). */
function track(children: ChildProcess[], child: ChildProcess): ChildProcess {
  children.push(child);
  const onExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', onExit);
  child.once('exit', () => process.off('exit', onExit));
  return child;
}

function collect(child: ChildProcess): () => string {
  let text = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-4_000);
  });
  return () => text;
}

/**
 * Missing programs mean a skip with the reason, except on CI (CI=true), where a missing
 * dependency must fail loudly instead of silently testing nothing.
 */
async function missingBinaries(names: string[]): Promise<Skipped | null> {
  const missing: string[] = [];
  for (const name of names) if (!(await onPath(name))) missing.push(name);
  if (missing.length === 0) return null;
  const packages = [...new Set(missing.map((name) => PACKAGES[name] ?? name))].join(' ');
  const reason = `no real Secret Service here: ${missing.join(', ')} not found (apt-get install ${packages})`;
  if (process.env.CI === 'true') throw new Error(`${reason}; CI must provide it`);
  return { skipReason: reason };
}

async function onPath(name: string): Promise<boolean> {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    try {
      await access(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
