import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppInfo } from '@contract/index';
import { Dispatcher, type Logger } from '../ipc/dispatcher';
import { createHandlers } from '../ipc/handlers';
import { EventBus } from './event-bus';
import { Notices } from './notices';
import { ensureSandboxAccount } from './sandbox-account';
import { startSandboxRuntime, type SandboxRuntime } from './sandbox-runtime';
import { openAppState } from './open-app-state';
import { CatalogShardStore } from '../stores/catalog-shard-store';
import type { SecretStore } from '../secrets/secret-store';
import { KeytarSecretStore } from '../secrets/keytar-secret-store';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { CredentialVault } from '../secrets/credential-vault';
import { AccountService } from '../services/account-service';
import { CatalogIndex } from '../services/catalog-index';
import { DriverProvider } from '../services/driver-provider';
import { SyncService } from '../services/sync-service';
import { systemClock, type Clock } from '../services/clock';
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
  const firstSandboxRun = sandbox
    ? await ensureSandboxAccount(state, sandbox.regions, sandbox.credentials().accessKeyId, clock.now())
    : false;

  const catalog = new CatalogIndex(state, shards, clock);
  catalog.rebuild();
  const drivers = new DriverProvider(vault, {
    endpoint: () => sandbox?.endpoint ?? null,
    credentials: () => sandbox?.credentials() ?? { accessKeyId: '', secretAccessKey: '' },
  });
  const accounts = new AccountService(state, vault, drivers, catalog, bus, clock);
  const sync = new SyncService(state, accounts, drivers, catalog, bus, clock);

  const appInfo = async (): Promise<AppInfo> => ({
    version,
    transport: options.transport,
    // Until the user adds an account of their own, what they see is the sandbox: say so.
    workspaceName:
      sandbox && !state.data.accounts.some((account) => account.kind === 'user')
        ? 'Sandbox'
        : state.data.workspace.name,
    sandbox: { running: sandbox !== null, endpoint: sandbox?.endpoint ?? null },
    keychain: await vault.keychainStatus(),
    notices: notices.all(),
  });
  const dispatcher = new Dispatcher(createHandlers({ appInfo, accounts, catalog, sync }), logger);

  // A newcomer sees a browsable catalog at once: the sandbox syncs itself on first run.
  if (firstSandboxRun) sync.start({ accountId: 'sandbox' });

  return {
    dispatcher,
    bus,
    sync,
    dispose: async () => {
      const running = sync.status().current;
      if (running?.state === 'running') sync.cancel(running.operationId);
      await sync.idle();
      await sandbox?.stop();
    },
  };
}
