import type { SecretStore } from './secret-store';

export type CredentialStorage = 'keychain' | 'session';

/**
 * Where account secrets are kept: the OS keychain, or this process's memory when the user
 * chose "this session only" (or has no usable keychain). There is no third place; if the
 * keychain is unavailable, saving there fails and the user decides, rather than us falling
 * back to anything weaker.
 */
export class CredentialVault {
  constructor(
    private readonly keychain: SecretStore,
    private readonly session: SecretStore,
  ) {}

  async save(key: string, secret: string, storage: CredentialStorage): Promise<void> {
    if (storage === 'keychain') {
      await this.keychain.set(key, secret);
      // A session copy would shadow the new keychain secret (read() looks at the session first).
      await this.session.delete(key);
    } else {
      // The keychain is not touched: it may be the very thing that is unavailable. To move a
      // secret out of the keychain, forget() it first.
      await this.session.set(key, secret);
    }
  }

  /** The session copy wins: it is the most recent choice the user made in this run. */
  async read(key: string): Promise<string | null> {
    const fromSession = await this.session.get(key);
    if (fromSession !== null) return fromSession;
    return this.keychain.get(key);
  }

  /**
   * Removes the secret from both places. Returns whether anything was removed. The session copy
   * goes first, so it is gone even when the keychain then fails (SecretStoreUnavailableError).
   */
  async forget(key: string): Promise<boolean> {
    const fromSession = await this.session.delete(key);
    const fromKeychain = await this.keychain.delete(key);
    return fromSession || fromKeychain;
  }

  /** Whether a "this session only" secret is held now; it is gone after a restart. */
  async hasSessionSecret(key: string): Promise<boolean> {
    return (await this.session.get(key)) !== null;
  }

  /** The lock: forget every session-only secret; returns how many there were. */
  async forgetSessionSecrets(): Promise<number> {
    const keys = await this.session.list();
    for (const key of keys) await this.session.delete(key);
    return keys.length;
  }

  keychainStatus(): Promise<{ available: boolean; message: string | null }> {
    return this.keychain.availability();
  }
}
