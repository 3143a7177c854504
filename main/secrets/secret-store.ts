/**
 * Where secrets live. The only implementations are the OS keychain and process memory:
 * there is deliberately no file-backed store, so no code path can write a secret to disk.
 */
export interface SecretStore {
  /** Whether this store can be used now, and if not, what the user should do. */
  availability(): Promise<{ available: boolean; message: string | null }>;
  get(key: string): Promise<string | null>;
  set(key: string, secret: string): Promise<void>;
  /** Returns whether something was deleted. */
  delete(key: string): Promise<boolean>;
  /** Keys held by this store (never the secrets). */
  list(): Promise<string[]>;
}

export class SecretStoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SecretStoreUnavailableError';
  }
}
