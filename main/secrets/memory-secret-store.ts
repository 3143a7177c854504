import { SecretStoreUnavailableError, type SecretStore } from './secret-store';

/**
 * Secrets held in this process only: gone when Hangar quits. Used for "this session only"
 * credentials and as the test double for the keychain (setUnavailable imitates a locked or
 * missing keychain).
 */
export class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();
  private unavailableMessage: string | null = null;

  /** Make every call fail as a keychain would (null: work again). For tests. */
  setUnavailable(message: string | null): void {
    this.unavailableMessage = message;
  }

  async availability(): Promise<{ available: boolean; message: string | null }> {
    return { available: this.unavailableMessage === null, message: this.unavailableMessage };
  }

  async get(key: string): Promise<string | null> {
    this.assertAvailable();
    return this.secrets.get(key) ?? null;
  }

  async set(key: string, secret: string): Promise<void> {
    this.assertAvailable();
    if (key === '') throw new TypeError('A secret needs a non-empty key');
    this.secrets.set(key, secret);
  }

  async delete(key: string): Promise<boolean> {
    this.assertAvailable();
    return this.secrets.delete(key);
  }

  async list(): Promise<string[]> {
    this.assertAvailable();
    return [...this.secrets.keys()];
  }

  private assertAvailable(): void {
    if (this.unavailableMessage !== null) throw new SecretStoreUnavailableError(this.unavailableMessage);
  }
}
