import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  Account,
  AddAccountRequest,
  ConnectionCheck,
  SetSecretRequestSchema,
  TestConnectionRequest,
} from '@contract/index';
import type { AccountRecord, AppStateStore } from '../stores/app-state';
import type { CredentialVault } from '../secrets/credential-vault';
import { SecretStoreUnavailableError } from '../secrets/secret-store';
import type { EventBus } from '../app/event-bus';
import { ServiceError } from '../ipc/app-error';
import {
  parseSecret,
  requireProvider,
  secretKeyFor,
  serializeSecret,
  type DriverProvider,
} from './driver-provider';
import type { WorkspaceService } from './workspace-service';
import type { CatalogShardStore } from '../stores/catalog-shard-store';
import type { Clock } from './clock';
import { newSourceRecords } from './source-ids';

/** Accounts of every cloud and their credentials: the only service that writes secrets, and only to the vault. */
export class AccountService {
  constructor(
    private readonly state: AppStateStore,
    private readonly vault: CredentialVault,
    private readonly drivers: DriverProvider,
    /** The durable cache; every workspace's index reads it and notices changes. */
    private readonly shards: CatalogShardStore,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly workspaces: WorkspaceService,
  ) {}

  async list(workspaceId: string): Promise<Account[]> {
    const inWorkspace = this.workspaces.accountIdsOf(workspaceId);
    return Promise.all(
      this.state.data.accounts
        .filter((record) => inWorkspace.has(record.id))
        .map(async (record) => {
          const account = toAccount(record);
          // A session-only secret does not survive a restart: say so rather than fail at the next sync.
          if (
            record.credentials === 'session' &&
            !(await this.vault.hasSessionSecret(secretKeyFor(record.id)))
          ) {
            return { ...account, credentials: 'missing' as const };
          }
          return account;
        }),
    );
  }

  find(accountId: string): AccountRecord {
    const account = this.state.data.accounts.find((candidate) => candidate.id === accountId);
    if (!account)
      throw new ServiceError('not-found', 'That account no longer exists; it may have been removed.');
    return account;
  }

  async add(request: AddAccountRequest): Promise<Account> {
    const name = request.name.trim();
    if (this.state.data.accounts.some((account) => account.name.toLowerCase() === name.toLowerCase())) {
      throw new ServiceError('conflict', `An account named "${name}" already exists; choose another name.`);
    }
    const workspace = this.workspaces.require(request.workspaceId);
    if (workspace.kind === 'sandbox') {
      throw new ServiceError(
        'invalid-request',
        'The Sandbox workspace holds only its built-in accounts; add yours to a workspace of your own.',
      );
    }
    if (request.environmentId && !workspace.environments.some((env) => env.id === request.environmentId)) {
      throw new ServiceError(
        'not-found',
        `"${workspace.name}" has no such environment; choose one of its environments.`,
      );
    }
    const { cloud, connection, secret } = request.account;
    const provider = requireProvider(cloud);
    const id = `${cloud}-${randomBytes(5).toString('hex')}`;
    // The secret goes first: if the keychain refuses it, no half-made account is left behind.
    await this.vault.save(secretKeyFor(id), serializeSecret(secret), request.storage);
    const record = {
      id,
      workspaceId: workspace.id,
      environmentId: request.environmentId ?? null,
      cloud,
      name,
      kind: 'user',
      connection,
      credentials: request.storage,
      createdAt: this.clock.now().toISOString(),
      lastVerifiedAt: null,
    } as AccountRecord;
    await this.state.update((state) => {
      state.accounts.push(record);
      state.sources.push(...newSourceRecords(id, provider.sourcesFor(connection)));
    });
    return toAccount(record);
  }

  async remove(accountId: string): Promise<{ removed: boolean; keychainEntryRemoved: boolean }> {
    const account = this.find(accountId);
    if (account.kind === 'sandbox') {
      throw new ServiceError(
        'invalid-request',
        'The sandbox accounts are built in; start Hangar with --no-sandbox to leave them out.',
      );
    }
    const keychainEntryRemoved = await this.forgetSecret(account);
    const sourceIds = this.state.data.sources.filter((s) => s.accountId === accountId).map((s) => s.id);
    await this.state.update((state) => {
      state.accounts = state.accounts.filter((candidate) => candidate.id !== accountId);
      state.sources = state.sources.filter((source) => source.accountId !== accountId);
    });
    for (const sourceId of sourceIds) await this.shards.remove(sourceId);
    this.bus.emit('catalog:changed', { sourceIds });
    return { removed: true, keychainEntryRemoved };
  }

  /** Rotate a secret, or give one to an account imported without it. */
  async setSecret(request: z.infer<typeof SetSecretRequestSchema>): Promise<Account> {
    const account = this.find(request.accountId);
    if (account.kind === 'sandbox')
      throw new ServiceError('invalid-request', 'The sandbox accounts need no secret.');
    const secret = parseSecret(account.cloud, JSON.stringify(request.secret));
    if (request.storage === 'session' && account.credentials === 'keychain') {
      // Moving a secret out of the keychain: the old keychain copy must not linger.
      await this.forgetSecret(account);
    }
    await this.vault.save(secretKeyFor(account.id), serializeSecret(secret), request.storage);
    await this.state.update((draft) => {
      const record = draft.accounts.find((candidate) => candidate.id === account.id);
      if (record) {
        record.credentials = request.storage;
        record.lastVerifiedAt = null;
      }
    });
    return toAccount(this.find(account.id));
  }

  async test(request: TestConnectionRequest): Promise<ConnectionCheck> {
    if ('accountId' in request) {
      const account = this.find(request.accountId);
      const driver = await this.drivers.forAccount(account);
      const check = await driver.testConnection(firstLocation(account));
      if (check.ok) {
        await this.state.update((draft) => {
          const record = draft.accounts.find((candidate) => candidate.id === account.id);
          if (record) record.lastVerifiedAt = this.clock.now().toISOString();
        });
      }
      return check;
    }
    const provider = requireProvider(request.draft.cloud);
    const location = provider.sourcesFor(request.draft.connection)[0]?.location ?? 'global';
    return this.drivers.forDraft(request.draft).testConnection(location);
  }

  /** A session-only secret needs no keychain: removing such an account works with the keychain down. */
  private async forgetSecret(account: AccountRecord): Promise<boolean> {
    try {
      return await this.vault.forget(secretKeyFor(account.id));
    } catch (error) {
      if (account.credentials === 'session' && error instanceof SecretStoreUnavailableError) return true;
      throw error;
    }
  }
}

function firstLocation(account: AccountRecord): string {
  return requireProvider(account.cloud).sourcesFor(account.connection)[0]?.location ?? 'global';
}

export function toAccount(record: AccountRecord): Account {
  const provider = requireProvider(record.cloud);
  const sources = provider.sourcesFor(record.connection);
  return {
    id: record.id,
    workspaceId: record.workspaceId,
    environmentId: record.environmentId,
    cloud: record.cloud,
    name: record.name,
    kind: record.kind,
    locations: unique(sources.map((source) => source.location)),
    scopes: unique(sources.map((source) => source.owner)),
    identity: record.kind === 'sandbox' ? null : provider.identityOf(record.connection),
    endpoint: record.kind === 'sandbox' ? null : provider.endpointOf(record.connection),
    credentials: record.credentials === 'none' ? 'missing' : record.credentials,
    createdAt: record.createdAt,
    lastVerifiedAt: record.lastVerifiedAt,
  };
}

const unique = (values: readonly string[]): string[] => [...new Set(values)];
