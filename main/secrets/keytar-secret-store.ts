import { SecretStoreUnavailableError, type SecretStore } from './secret-store';
import { KEYCHAIN_MESSAGES, toUnavailableError } from './keychain-errors';

/** The part of @github/keytar we use; injectable so tests can imitate any keychain. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export interface KeytarSecretStoreOptions {
  /** The keychain "service" every entry is filed under. */
  service?: string;
  /** How long one keychain call may take before we give up on it. */
  timeoutMs?: number;
  /** How long an availability answer is reused. */
  availabilityTtlMs?: number;
  loadKeytar?: () => Promise<KeytarApi>;
  now?: () => number;
}

type Availability = { available: boolean; message: string | null };

/** Account name of the entry the availability probe writes and deletes at once. */
const PROBE_KEY = 'hangar-availability-probe';

/**
 * Secrets in the OS keychain through @github/keytar (libsecret on Linux, Keychain on macOS,
 * Credential Manager on Windows). Nothing here ever falls back to plaintext, and no error
 * message ever contains a secret.
 *
 * Two traps of keytar on Linux shape this class:
 * - On a locked keyring every call waits for the unlock prompt, forever if nobody answers. Each
 *   call therefore has a timeout; and while a timed-out call is still stuck (it holds one of
 *   libuv's four worker threads), further calls fail at once instead of piling up behind it.
 * - If the unlock prompt cannot be shown or is dismissed, getPassword answers null and
 *   deletePassword false as if nothing were stored, and findCredentials dereferences a null
 *   secret and crashes the process. So a miss is only believed once a probe shows the keychain
 *   unlocked, and list() probes right before calling findCredentials. The probe writes and
 *   deletes a throwaway entry: writing is what fails cleanly on a locked collection.
 */
export class KeytarSecretStore implements SecretStore {
  private readonly service: string;
  private readonly timeoutMs: number;
  private readonly ttlMs: number;
  private readonly loadKeytar: () => Promise<KeytarApi>;
  private readonly now: () => number;
  private keytar: Promise<KeytarApi> | null = null;
  private cached: { value: Availability; expiresAt: number } | null = null;
  private probing: Promise<Availability> | null = null;
  /** Calls that timed out and have not settled yet. */
  private stuck = 0;

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.service = options.service ?? 'Hangar';
    this.timeoutMs = options.timeoutMs ?? 8_000;
    this.ttlMs = options.availabilityTtlMs ?? 5_000;
    this.loadKeytar = options.loadKeytar ?? importKeytar;
    this.now = options.now ?? Date.now;
  }

  /**
   * Keychain calls that timed out and are still waiting. While any is, the process cannot exit
   * normally (Node joins its worker threads on exit), so shutdown should end it by force.
   */
  get stuckCalls(): number {
    return this.stuck;
  }

  availability(): Promise<Availability> {
    if (this.cached && this.cached.expiresAt > this.now()) return Promise.resolve(this.cached.value);
    this.probing ??= this.probe().finally(() => {
      this.probing = null;
    });
    return this.probing;
  }

  async get(key: string): Promise<string | null> {
    checkKey(key);
    const secret = await this.call((keytar) => keytar.getPassword(this.service, key));
    if (secret !== null) return secret;
    await this.requireAvailable(false);
    return null;
  }

  async set(key: string, secret: string): Promise<void> {
    checkKey(key);
    if (secret === '') throw new TypeError('An empty secret cannot be stored');
    await this.call((keytar) => keytar.setPassword(this.service, key, secret));
  }

  async delete(key: string): Promise<boolean> {
    checkKey(key);
    const removed = await this.call((keytar) => keytar.deletePassword(this.service, key));
    if (!removed) await this.requireAvailable(false);
    return removed;
  }

  async list(): Promise<string[]> {
    // Fresh probe, not a cached one: findCredentials on a locked keyring kills the process.
    await this.requireAvailable(true);
    const found = await this.call((keytar) => keytar.findCredentials(this.service));
    // Only the names leave this method; the secrets findCredentials loaded are dropped here.
    return found.map((entry) => entry.account).filter((account) => account !== PROBE_KEY);
  }

  private async probe(): Promise<Availability> {
    let value: Availability;
    try {
      await this.call(async (keytar) => {
        await keytar.setPassword(this.service, PROBE_KEY, 'probe');
        await keytar.deletePassword(this.service, PROBE_KEY);
      });
      value = { available: true, message: null };
    } catch (error) {
      value = { available: false, message: toUnavailableError(error).message };
    }
    this.cached = { value, expiresAt: this.now() + this.ttlMs };
    return value;
  }

  private async requireAvailable(fresh: boolean): Promise<void> {
    if (fresh && !this.probing) this.cached = null;
    const status = await this.availability();
    if (!status.available) throw new SecretStoreUnavailableError(status.message ?? KEYCHAIN_MESSAGES.failed);
  }

  /** Runs one keychain call with the timeout; every failure becomes SecretStoreUnavailableError. */
  private async call<T>(operation: (keytar: KeytarApi) => Promise<T>): Promise<T> {
    const keytar = await this.load();
    if (this.stuck > 0) throw new SecretStoreUnavailableError(KEYCHAIN_MESSAGES.timeout);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pending = Promise.resolve().then(() => operation(keytar));
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.stuck += 1;
        const release = (): void => {
          this.stuck -= 1;
        };
        pending.then(release, release);
        reject(new SecretStoreUnavailableError(KEYCHAIN_MESSAGES.timeout));
      }, this.timeoutMs);
    });
    try {
      return await Promise.race([pending, timedOut]);
    } catch (error) {
      const unavailable = toUnavailableError(error);
      this.cached = {
        value: { available: false, message: unavailable.message },
        expiresAt: this.now() + this.ttlMs,
      };
      throw unavailable;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Loads the native module on first use, so a missing library is an answer, not a crash. */
  private load(): Promise<KeytarApi> {
    this.keytar ??= this.loadKeytar().catch((error: unknown) => {
      this.keytar = null; // try again next time: the library may have been installed since
      throw new SecretStoreUnavailableError(KEYCHAIN_MESSAGES.noModule, { cause: error });
    });
    return this.keytar;
  }
}

async function importKeytar(): Promise<KeytarApi> {
  // A CommonJS native module: Node's ESM wrapper exposes it as `default`.
  const module = (await import('@github/keytar')) as unknown as { default?: KeytarApi } & KeytarApi;
  return module.default ?? module;
}

function checkKey(key: string): void {
  if (key === '' || key === PROBE_KEY) throw new TypeError(`"${key}" cannot be used as a secret's key`);
}
