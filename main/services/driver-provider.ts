import type { CloudDriver } from '../providers/driver';
import { createAwsDriver } from '../providers/aws/aws-driver';
import type { AccountRecord } from '../stores/app-state';
import type { CredentialVault } from '../secrets/credential-vault';
import { ServiceError } from '../ipc/app-error';

export interface AwsSecret {
  secretAccessKey: string;
  sessionToken?: string;
}

export interface AwsDraftCredentials extends AwsSecret {
  accessKeyId: string;
  endpoint?: string;
}

/** Where the embedded sandbox answers, when it runs. */
export interface SandboxEndpoint {
  endpoint(): string | null;
  credentials(): { accessKeyId: string; secretAccessKey: string };
}

export const secretKeyFor = (accountId: string): string => `aws/${accountId}`;

/**
 * Builds a driver for an account when one is needed, reading its secret from the vault at that
 * moment, so a secret is held only for the life of the call.
 */
export class DriverProvider {
  constructor(
    private readonly vault: CredentialVault,
    private readonly sandbox: SandboxEndpoint,
  ) {}

  async forAccount(account: AccountRecord): Promise<CloudDriver> {
    if (account.kind === 'sandbox') {
      const endpoint = this.sandbox.endpoint();
      if (!endpoint) {
        throw new ServiceError(
          'cloud-unreachable',
          'The embedded sandbox is not running (Hangar was started with --no-sandbox). Its cached images stay browsable.',
        );
      }
      return createAwsDriver({ ...this.sandbox.credentials(), endpoint });
    }
    const stored = await this.vault.read(secretKeyFor(account.id));
    if (!stored) {
      throw new ServiceError(
        'not-found',
        account.credentials === 'session'
          ? `The secret of "${account.name}" was kept for one session only and is gone since Hangar restarted. Remove the account and add it again.`
          : `No secret is held for "${account.name}" in the keychain. Remove the account and add it again with its secret access key.`,
      );
    }
    const secret = parseSecret(stored);
    return createAwsDriver({
      accessKeyId: account.accessKeyId,
      secretAccessKey: secret.secretAccessKey,
      sessionToken: secret.sessionToken,
      endpoint: account.endpoint ?? undefined,
    });
  }

  forDraft(draft: AwsDraftCredentials): CloudDriver {
    return createAwsDriver(draft);
  }
}

export function serializeSecret(secret: AwsSecret): string {
  return JSON.stringify({ secretAccessKey: secret.secretAccessKey, sessionToken: secret.sessionToken });
}

function parseSecret(stored: string): AwsSecret {
  try {
    const value = JSON.parse(stored) as Partial<AwsSecret>;
    if (typeof value.secretAccessKey === 'string') return value as AwsSecret;
  } catch {
    // fall through: the message below must not include the stored value
  }
  throw new ServiceError(
    'keychain-unavailable',
    'The keychain entry for this account is unreadable; rotate its secret.',
  );
}
