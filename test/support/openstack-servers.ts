/**
 * A real Keystone and Glance from Debian's packages, private to one test file: sqlite databases,
 * keys and image store in a temp dir, Keystone under uwsgi (one process, one thread), glance-api
 * as one eventlet process, both on free ports of 127.0.0.1, Glance in Keystone's catalog.
 * No vitest imports, so any harness may use it.
 *
 *   apt-get install -y --no-install-recommends glance-api keystone
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { debianEnv, freePort, run, startService, waitForHttp, type Service } from './openstack/processes';

export interface OpenStackServers {
  /** Keystone v3, e.g. http://127.0.0.1:PORT/v3 */
  authUrl: string;
  region: string;
  adminUser: string;
  adminPassword: string;
  adminProject: string;
  /** Glance's root (as registered in the catalog), e.g. http://127.0.0.1:PORT */
  glanceUrl: string;
  /** How long start-up took, for the CI budget, and its phases. */
  startupMs: number;
  /** keystone and glance: ms from the start until each answered; register: the catalog entry after. */
  phasesMs: Record<'keystone' | 'glance' | 'register', number>;
  dir: string;
  stop(): Promise<void>;
}

export interface Skipped {
  skipReason: string;
}

const INSTALL = 'apt-get install -y --no-install-recommends glance-api keystone';
const REQUIRED: Record<string, string> = {
  '/usr/bin/keystone-manage': 'keystone',
  '/usr/bin/keystone-wsgi-public': 'keystone',
  '/usr/bin/uwsgi': 'uwsgi-core',
  '/usr/lib/uwsgi/plugins/python3_plugin.so': 'uwsgi-plugin-python3',
  '/usr/bin/glance-manage': 'glance-common',
  '/usr/bin/glance-api': 'glance-api',
  '/etc/glance/glance-api-paste.ini': 'glance-api',
  '/usr/bin/python3': 'python3',
};
interface Admin {
  user: string;
  password: string;
  project: string;
  region: string;
}

const templates = join(dirname(fileURLToPath(import.meta.url)), 'openstack');

/**
 * Why the real servers cannot run here, or null when they can. Synchronous, so a test file can
 * decide at collection time. On CI (CI=true) a missing package throws instead of skipping.
 */
export function openStackUnavailable(): string | null {
  const missing = Object.keys(REQUIRED).filter((path) => !existsSync(path));
  if (missing.length === 0) return null;
  const packages = [...new Set(missing.map((path) => REQUIRED[path]))].join(', ');
  const reason = `no real Keystone/Glance here: ${missing.join(', ')} missing (packages ${packages}; ${INSTALL})`;
  if (process.env.CI === 'true') throw new Error(`${reason}; CI must provide them`);
  return reason;
}

async function render(
  template: string,
  target: string,
  values: Record<string, string | number>,
): Promise<void> {
  const text = await readFile(join(templates, template), 'utf8');
  await writeFile(
    target,
    text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
      if (!(key in values)) throw new Error(`${template}: no value for {{${key}}}`);
      return String(values[key]);
    }),
    { mode: 0o600 },
  );
}

/** sqlite's default rollback journal makes concurrent writers fail with "database is locked". */
const walMode = (database: string): Promise<string> =>
  run('/usr/bin/python3', [
    '-c',
    'import sqlite3,sys; sqlite3.connect(sys.argv[1]).execute("PRAGMA journal_mode=WAL")',
    database,
  ]);

/**
 * What `keystone-manage fernet_setup` / `credential_setup` write: key 0 (staged) and key 1
 * (primary), each 32 random bytes in URL-safe base64. Written here because each of those commands
 * spends ~1.5 s of CPU importing Keystone for two random numbers, and start-up runs in CI.
 */
async function writeFernetKeys(repository: string): Promise<void> {
  for (const name of ['0', '1'])
    await writeFile(join(repository, name), randomBytes(32).toString('base64url') + '=', { mode: 0o600 });
}

interface Launch {
  dir: string;
  config: string;
  port: number;
  deadline: number;
  services: Service[];
}

/** Schema and keys, then uwsgi serving keystone-wsgi-public while `bootstrap` creates the admin. */
async function launchKeystone(launch: Launch, authUrl: string, admin: Admin): Promise<void> {
  const manage = (...args: string[]): Promise<string> =>
    run('/usr/bin/keystone-manage', ['--config-file', launch.config, ...args], { cwd: launch.dir });
  await Promise.all([
    manage('db_sync'),
    writeFernetKeys(join(launch.dir, 'fernet-keys')),
    writeFernetKeys(join(launch.dir, 'credential-keys')),
  ]);
  await walMode(join(launch.dir, 'keystone.db'));
  const keystone = startService(
    'keystone (uwsgi)',
    '/usr/bin/uwsgi',
    [
      ...['--plugin', 'python3', '--http-socket', `127.0.0.1:${launch.port}`],
      ...['--wsgi-file', '/usr/bin/keystone-wsgi-public', '--processes', '1', '--threads', '1'],
      ...['--need-app', '--die-on-term', '--buffer-size', '65535', '--disable-logging'],
      // One worker: a kept-alive idle client connection would block every other caller.
      ...['--add-header', 'Connection: close'],
    ],
    debianEnv({ OS_KEYSTONE_CONFIG_FILES: launch.config }),
    launch.dir,
  );
  launch.services.push(keystone);
  await Promise.all([
    manage(
      'bootstrap',
      ...['--bootstrap-username', admin.user, '--bootstrap-password', admin.password],
      ...['--bootstrap-project-name', admin.project, '--bootstrap-role-name', 'admin'],
      ...['--bootstrap-service-name', 'keystone', '--bootstrap-region-id', admin.region],
      ...['--bootstrap-public-url', authUrl],
    ),
    waitForHttp(authUrl, [200], keystone, launch.deadline),
  ]);
}

/** Schema, then glance-api (one eventlet process); it only meets Keystone at its first request. */
async function launchGlance(launch: Launch, glanceUrl: string): Promise<void> {
  await run('/usr/bin/glance-manage', ['--config-file', launch.config, 'db_sync'], { cwd: launch.dir });
  await walMode(join(launch.dir, 'glance.db'));
  const glance = startService(
    'glance-api',
    '/usr/bin/glance-api',
    ['--config-file', launch.config],
    debianEnv(),
    launch.dir,
  );
  launch.services.push(glance);
  await waitForHttp(`${glanceUrl}/`, [300], glance, launch.deadline);
}

/** Puts a service into Keystone's catalog: the service, and its public endpoint in the region. */
async function registerService(
  authUrl: string,
  admin: Admin,
  service: { type: string; name: string; description: string },
  url: string,
): Promise<void> {
  const auth = await fetch(`${authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: admin.user, domain: { id: 'default' }, password: admin.password } },
        },
        scope: { project: { name: admin.project, domain: { id: 'default' } } },
      },
    }),
  });
  const token = auth.headers.get('x-subject-token');
  if (auth.status !== 201 || !token)
    throw new Error(`Keystone refused the bootstrap admin (HTTP ${auth.status}): ${await auth.text()}`);
  const post = async (path: string, body: unknown): Promise<{ [key: string]: { id: string } }> => {
    const response = await fetch(`${authUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': token },
      body: JSON.stringify(body),
    });
    if (response.status !== 201)
      throw new Error(`Keystone POST ${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as { [key: string]: { id: string } };
  };
  const created = await post('/services', { service });
  await post('/endpoints', {
    endpoint: { service_id: created.service?.id, interface: 'public', region_id: admin.region, url },
  });
}

/** Puts Glance into Keystone's catalog (service "image", public endpoint in the region). */
const registerGlance = (authUrl: string, glanceUrl: string, admin: Admin): Promise<void> =>
  registerService(
    authUrl,
    admin,
    { type: 'image', name: 'glance', description: 'Glance image service' },
    glanceUrl,
  );

/**
 * Adds another service to the running Keystone's catalog (e.g. a stand-in's "compute" or
 * "network" endpoint beside the real Glance). Tokens issued afterwards carry it.
 */
export function registerCatalogService(
  servers: OpenStackServers,
  type: string,
  name: string,
  url: string,
): Promise<void> {
  return registerService(
    servers.authUrl,
    {
      user: servers.adminUser,
      password: servers.adminPassword,
      project: servers.adminProject,
      region: servers.region,
    },
    { type, name, description: `${name} (${type})` },
    url,
  );
}

/** Starts Keystone and Glance; resolves with a skip reason where the packages are missing (throws on CI). */
export async function startOpenStack(
  options: { startTimeoutMs?: number } = {},
): Promise<OpenStackServers | Skipped> {
  const skipReason = openStackUnavailable();
  if (skipReason) return { skipReason };
  const started = Date.now();
  const deadline = started + (options.startTimeoutMs ?? 90_000);
  const dir = await mkdtemp(join(tmpdir(), 'hangar-openstack-'));
  const services: Service[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(services.map((service) => service.stop()));
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const [keystonePort, glancePort] = await Promise.all([freePort(), freePort()]);
    const admin: Admin = {
      user: 'admin',
      password: 'hangar-test-admin-pw',
      project: 'admin',
      region: 'RegionOne',
    };
    const authUrl = `http://127.0.0.1:${keystonePort}/v3`;
    const glanceUrl = `http://127.0.0.1:${glancePort}`;
    for (const sub of ['fernet-keys', 'credential-keys', 'images', 'staging', 'locks'])
      await mkdir(join(dir, sub), { mode: 0o700 });
    const keystoneConfig = join(dir, 'keystone.conf');
    const glanceConfig = join(dir, 'glance-api.conf');
    await render('keystone.conf.in', keystoneConfig, { dir });
    await render('glance-api.conf.in', glanceConfig, {
      dir,
      glancePort,
      authUrl,
      adminUser: admin.user,
      adminPassword: admin.password,
      adminProject: admin.project,
      region: admin.region,
    });

    const timed = async (work: Promise<void>): Promise<number> => {
      await work;
      return Date.now() - started;
    };
    const [keystoneMs, glanceMs] = await Promise.all([
      timed(
        launchKeystone(
          { dir, config: keystoneConfig, port: keystonePort, deadline, services },
          authUrl,
          admin,
        ),
      ),
      timed(launchGlance({ dir, config: glanceConfig, port: glancePort, deadline, services }, glanceUrl)),
    ]);
    await registerGlance(authUrl, glanceUrl, admin);
    return {
      authUrl,
      region: admin.region,
      adminUser: admin.user,
      adminPassword: admin.password,
      adminProject: admin.project,
      glanceUrl,
      startupMs: Date.now() - started,
      phasesMs: {
        keystone: keystoneMs,
        glance: glanceMs,
        register: Date.now() - started - Math.max(keystoneMs, glanceMs),
      },
      dir,
      stop,
    };
  } catch (error) {
    const logs = await Promise.all(
      ['keystone.log', 'glance-api.log'].map((name) =>
        readFile(join(dir, name), 'utf8').then(
          (t) => `--- ${name}\n${t.slice(-3_000)}`,
          () => '',
        ),
      ),
    );
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${logs.join('\n')}`.trim(), {
      cause: error,
    });
  }
}
