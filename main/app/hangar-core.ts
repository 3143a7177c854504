import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { AppInfo } from '@contract/index';
import { Dispatcher, type Logger } from '../ipc/dispatcher';
import { createHandlers } from '../ipc/handlers';
import { EventBus } from './event-bus';
import { Notices } from './notices';
import { ensureSandboxAccounts } from './sandbox-account';
import { startSandboxRuntime, type SandboxRuntime } from './sandbox-runtime';
import { openAppState } from './open-app-state';
import { CatalogShardStore } from '../stores/catalog-shard-store';
import type { SecretStore } from '../secrets/secret-store';
import { KeytarSecretStore } from '../secrets/keytar-secret-store';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { CredentialVault } from '../secrets/credential-vault';
import { AccountService } from '../services/account-service';
import { DriverProvider } from '../services/driver-provider';
import { SyncService } from '../services/sync-service';
import { systemClock, type Clock } from '../services/clock';
import { ImportService } from '../services/import-service';
import { CatalogScopes } from '../services/catalog-scopes';
import { LockService } from '../services/lock-service';
import { WorkspaceTransfer } from '../services/workspace-transfer';
import { sandboxWorkspaceId, WorkspaceService } from '../services/workspace-service';
import { WorkspaceRemoval } from '../services/workspace-removal';
import { createRegistryServices } from '../services/registry';
import { createLaunchServices } from '../services/launch';
import type { FollowTuning } from '../services/launch/launch-follower';
import { systemImportContext, type ImportSystem } from '../importers';
import { version } from '../../package.json';

export interface CoreOptions {
  dataDir: string;
  transport: AppInfo['transport'];
  /** Run the embedded EC2 sandbox and its built-in account. */
  sandbox: boolean;
  /** The OS keychain unless a test injects another store. */
  secretStore?: SecretStore;
  clock?: Clock;
  logger?: Logger;
  /** Where credential importers look (home dir, environment); the real machine unless a test injects one. */
  importSystem?: () => ImportSystem;
  /** Who registry changes are recorded as; the OS user unless a test names one. */
  currentUser?: string;
  /** How often launches and new images are polled (tests shorten it). */
  follow?: FollowTuning;
}

export interface HangarCore {
  dispatcher: Dispatcher;
  bus: EventBus;
  sync: SyncService;
  dispose(): Promise<void>;
}

/**
 * Builds every store and service once, for whichever transport serves them (Electron IPC or the
 * browser host). This is wiring only; behaviour lives in the services.
 */
export async function createHangarCore(options: CoreOptions): Promise<HangarCore> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? console;
  const bus = new EventBus();
  const notices = new Notices();
  notices.attach(bus);
  const onDamagedFile = (message: string): void => notices.add('warning', message);

  await mkdir(options.dataDir, { recursive: true });
  const state = await openAppState(join(options.dataDir, 'state.json'), onDamagedFile);
  const shards = new CatalogShardStore(join(options.dataDir, 'catalog'), onDamagedFile);
  await shards.loadAll();

  const vault = new CredentialVault(options.secretStore ?? new KeytarSecretStore(), new MemorySecretStore());
  const sandbox: SandboxRuntime | null = options.sandbox ? await startSandboxRuntime() : null;
  await new WorkspaceService(state, clock).ensureBuiltIns(sandbox !== null);
  const newSandboxAccounts = sandbox ? await ensureSandboxAccounts(state, sandbox.clouds, clock.now()) : [];

  const workspaces = new WorkspaceService(state, clock);
  const catalogs = new CatalogScopes(state, shards, clock, workspaces);
  const drivers = new DriverProvider(vault, {
    connectionFor: (cloud) => sandbox?.connectionFor(cloud) ?? null,
  });
  const accounts = new AccountService(state, vault, drivers, shards, bus, clock, workspaces);
  const sync = new SyncService(state, accounts, drivers, shards, bus, clock, workspaces);
  const imports = new ImportService(accounts, options.importSystem ?? systemImportContext);
  const transfer = new WorkspaceTransfer(state, workspaces, clock);
  const lock = new LockService(vault, () => state.data.settings.idleLockMinutes);

  const removal = new WorkspaceRemoval(workspaces, accounts, catalogs);
  const currentUser = options.currentUser ?? osUserName();
  const registry = createRegistryServices({
    state,
    workspaces,
    catalogs,
    drivers,
    bus,
    clock,
    currentUser,
  });
  const launch = createLaunchServices({
    state,
    workspaces,
    drivers,
    registry: registry.records,
    bus,
    clock,
    currentUser,
    dataDir: options.dataDir,
    follow: options.follow,
  });

  const appInfo = async (): Promise<AppInfo> => ({
    version,
    transport: options.transport,
    // Until the user adds an account of their own, what they want to see first is the sandbox.
    startWorkspaceId: workspaces.startWorkspaceId(sandbox !== null),
    sandbox: {
      running: sandbox !== null,
      clouds: sandbox?.clouds.map((cloud) => cloud.cloud) ?? [],
      imgapiUrl: sandbox?.imgapiUrl ?? null,
    },
    keychain: await vault.keychainStatus(),
    notices: notices.all(),
  });
  const handlers = createHandlers({
    appInfo,
    accounts,
    workspaces,
    transfer,
    lock,
    removal,
    catalogs,
    sync,
    imports,
    registry,
    launch,
  });
  const dispatcher = new Dispatcher(handlers, logger, () => lock.touch());
  launch.launches.resume();

  // A newcomer sees a browsable catalog at once: the sandbox syncs itself on first run.
  if (newSandboxAccounts.length > 0)
    sync.start({ workspaceId: sandboxWorkspaceId, accountIds: newSandboxAccounts });

  return {
    dispatcher,
    bus,
    sync,
    dispose: async () => {
      const running = sync.runningOperationId();
      if (running) sync.cancel(running);
      await sync.idle();
      // Builds go on in the cloud: stop following them (the next start resumes), never cancel.
      launch.operations.detachAll();
      await launch.operations.idle();
      lock.dispose();
      await sandbox?.stop();
    },
  };
}

/** Some containers have no passwd entry for the running uid: then "you" is honest enough. */
function osUserName(): string {
  try {
    return userInfo().username || 'you';
  } catch {
    return 'you';
  }
}
