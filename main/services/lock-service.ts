import type { CredentialVault } from '../secrets/credential-vault';

/**
 * Forgets session-only secrets on demand or after the configured idle time. The keychain needs no
 * forgetting: every cloud call asks it afresh. The cached catalog stays browsable.
 */
export class LockService {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly vault: CredentialVault,
    private readonly idleMinutes: () => number,
  ) {}

  /** Called on every request from a window: use postpones the idle lock. */
  touch(): void {
    if (this.timer) clearTimeout(this.timer);
    const minutes = this.idleMinutes();
    this.timer = minutes > 0 ? setTimeout(() => void this.lock(), minutes * 60_000) : null;
    this.timer?.unref();
  }

  async lock(): Promise<{ sessionEntriesForgotten: number }> {
    return { sessionEntriesForgotten: await this.vault.forgetSessionSecrets() };
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
