import type { z } from 'zod';
import {
  AwsSecretSchema,
  AzureSecretSchema,
  GcpSecretSchema,
  OpenStackSecretSchema,
  VmwareSecretSchema,
  type AccountDraft,
  type Cloud,
} from '@contract/index';
import type { CloudDriver } from '../providers/driver';
import type { ComputeDriver } from '../providers/compute-driver';
import type { ComputeTuning } from '../providers/provider-module';
import { cloudLabels, providerFor, type AnyProvider } from '../providers/registry';
import type { AccountRecord } from '../stores/app-state';
import type { CredentialVault } from '../secrets/credential-vault';
import { ServiceError } from '../ipc/app-error';

const secretSchemas: Record<Cloud, z.ZodType> = {
  aws: AwsSecretSchema,
  gcp: GcpSecretSchema,
  azure: AzureSecretSchema,
  openstack: OpenStackSecretSchema,
  vmware: VmwareSecretSchema,
};

/** The embedded sandbox: for each cloud it runs, the connection and secret that open it this run. */
export interface SandboxClouds {
  connectionFor(cloud: Cloud): { connection: unknown; secret: unknown } | null;
}

export const secretKeyFor = (accountId: string): string => `account/${accountId}`;

export function requireProvider(cloud: Cloud): AnyProvider {
  const provider = providerFor(cloud);
  if (!provider) {
    throw new ServiceError(
      'invalid-request',
      `${cloudLabels[cloud]} is not supported by this build of Hangar yet.`,
    );
  }
  return provider;
}

/**
 * Builds a driver for an account when one is needed, reading its secret from the vault at that
 * moment, so a secret is held only for the life of the call.
 */
export class DriverProvider {
  constructor(
    private readonly vault: CredentialVault,
    private readonly sandbox: SandboxClouds,
    private readonly computeTuning?: ComputeTuning,
  ) {}

  async forAccount(account: AccountRecord): Promise<CloudDriver> {
    const { provider, connection, secret } = await this.resolve(account);
    return provider.createDriver(connection, secret);
  }

  /** Launch and lifecycle for an account; a cloud without them gets an error that says so. */
  async computeFor(account: AccountRecord): Promise<ComputeDriver> {
    const { provider, connection, secret } = await this.resolve(account);
    if (!provider.createComputeDriver)
      throw new ServiceError(
        'invalid-request',
        `Hangar cannot launch servers on ${cloudLabels[account.cloud]} yet.`,
      );
    return provider.createComputeDriver(connection, secret, this.computeTuning);
  }

  private async resolve(
    account: AccountRecord,
  ): Promise<{ provider: AnyProvider; connection: unknown; secret: unknown }> {
    const provider = requireProvider(account.cloud);
    if (account.kind === 'sandbox') {
      const running = this.sandbox.connectionFor(account.cloud);
      if (!running) {
        throw new ServiceError(
          'cloud-unreachable',
          'The embedded sandbox is not running (Hangar was started with --no-sandbox). Its cached images stay browsable.',
        );
      }
      return { provider, connection: running.connection, secret: running.secret };
    }
    const stored = await this.vault.read(secretKeyFor(account.id));
    if (!stored) {
      throw new ServiceError(
        'not-found',
        account.credentials === 'none'
          ? `"${account.name}" was imported without its secret: set its secret, then sync.`
          : account.credentials === 'session'
            ? `The secret of "${account.name}" was kept for one session only and is gone since Hangar restarted. Remove the account and add it again.`
            : `No secret is held for "${account.name}" in the keychain. Remove the account and add it again with its secret.`,
      );
    }
    return { provider, connection: account.connection, secret: parseSecret(account.cloud, stored) };
  }

  forDraft(draft: AccountDraft): CloudDriver {
    return requireProvider(draft.cloud).createDriver(draft.connection, draft.secret);
  }
}

export function serializeSecret(secret: unknown): string {
  return JSON.stringify(secret);
}

/** A secret checked against its cloud's schema; the error never repeats the value. */
export function parseSecret(cloud: Cloud, stored: string): unknown {
  try {
    const parsed = secretSchemas[cloud].safeParse(JSON.parse(stored));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: the message below must not include the stored value
  }
  throw new ServiceError(
    'keychain-unavailable',
    'The keychain entry for this account is unreadable; remove the account and add it again.',
  );
}
