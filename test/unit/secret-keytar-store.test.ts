import { describe, expect, it } from 'vitest';
import { KEYCHAIN_MESSAGES } from '../../main/secrets/keychain-errors';
import { KeytarSecretStore, type KeytarApi } from '../../main/secrets/keytar-secret-store';
import { SecretStoreUnavailableError } from '../../main/secrets/secret-store';

type Mode = 'ok' | 'locked' | 'no-service' | 'hang';

/**
 * Imitates keytar over libsecret, including its traps: on a locked keyring whose unlock prompt
 * fails, reads answer "nothing stored" and findCredentials crashes; 'hang' never answers.
 */
class FakeKeytar implements KeytarApi {
  readonly entries = new Map<string, string>();
  mode: Mode = 'ok';
  calls: string[] = [];
  private readonly hung: Array<() => void> = [];

  /** Lets every hung call finish, as when the user finally unlocks the keyring. */
  answerHungCalls(): void {
    for (const finish of this.hung.splice(0)) finish();
  }

  private async gate(name: string): Promise<void> {
    this.calls.push(name);
    if (this.mode === 'hang') await new Promise<void>((resolve) => this.hung.push(resolve));
    if (this.mode === 'no-service')
      throw new Error('The name org.freedesktop.secrets was not provided by any .service files');
  }

  async getPassword(service: string, account: string): Promise<string | null> {
    await this.gate('get');
    if (this.mode === 'locked') return null;
    return this.entries.get(`${service}/${account}`) ?? null;
  }

  async setPassword(service: string, account: string, password: string): Promise<void> {
    await this.gate('set');
    if (this.mode === 'locked') throw new Error('Cannot create an item in a locked collection');
    this.entries.set(`${service}/${account}`, password);
  }

  async deletePassword(service: string, account: string): Promise<boolean> {
    await this.gate('delete');
    if (this.mode === 'locked') return false;
    return this.entries.delete(`${service}/${account}`);
  }

  async findCredentials(service: string): Promise<Array<{ account: string; password: string }>> {
    await this.gate('find');
    if (this.mode === 'locked')
      throw new Error('findCredentials on a locked keyring: the real one segfaults here');
    return [...this.entries]
      .filter(([key]) => key.startsWith(`${service}/`))
      .map(([key, password]) => ({ account: key.slice(service.length + 1), password }));
  }
}

function setup(options: { timeoutMs?: number } = {}): {
  keytar: FakeKeytar;
  store: KeytarSecretStore;
  clock: { t: number };
} {
  const keytar = new FakeKeytar();
  const clock = { t: 0 };
  const store = new KeytarSecretStore({
    loadKeytar: async () => keytar,
    timeoutMs: options.timeoutMs ?? 1_000,
    availabilityTtlMs: 5_000,
    now: () => clock.t,
  });
  return { keytar, store, clock };
}

describe('KeytarSecretStore', () => {
  it('stores under its service name and lists keys, never the probe entry', async () => {
    const { keytar, store } = setup();
    await store.set('aws/a1', 'secret-1');
    keytar.entries.set('Hangar/hangar-availability-probe', 'probe'); // left over by a crash
    keytar.entries.set('Other/x', 'not ours');
    expect(await store.get('aws/a1')).toBe('secret-1');
    expect(await store.list()).toEqual(['aws/a1']);
    expect(keytar.entries.get('Hangar/aws/a1')).toBe('secret-1');
    expect(await store.delete('aws/a1')).toBe(true);
    expect(await store.get('aws/a1')).toBeNull();
  });

  it('probes availability by writing and deleting an entry, and caches the answer briefly', async () => {
    const { keytar, store, clock } = setup();
    expect(await store.availability()).toEqual({ available: true, message: null });
    expect(keytar.calls).toEqual(['set', 'delete']);
    expect(keytar.entries.size).toBe(0);
    await store.availability();
    expect(keytar.calls).toHaveLength(2);
    keytar.mode = 'no-service';
    clock.t += 5_001;
    expect(await store.availability()).toEqual({ available: false, message: KEYCHAIN_MESSAGES.noService });
  });

  it('reports a keychain module that cannot be loaded, without throwing at construction', async () => {
    const store = new KeytarSecretStore({
      loadKeytar: async () => {
        throw new Error('libsecret-1.so.0: cannot open shared object file');
      },
    });
    expect(await store.availability()).toEqual({ available: false, message: KEYCHAIN_MESSAGES.noModule });
    await expect(store.get('k')).rejects.toThrow(KEYCHAIN_MESSAGES.noModule);
  });

  it('turns a missing Secret Service into a plain message', async () => {
    const { keytar, store } = setup();
    keytar.mode = 'no-service';
    const error = await store.set('aws/a1', 'top-secret-value').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretStoreUnavailableError);
    expect((error as Error).message).toBe(KEYCHAIN_MESSAGES.noService);
    expect(JSON.stringify(error) + String(error)).not.toContain('top-secret-value');
  });

  it('does not take "nothing stored" from a locked keyring at its word', async () => {
    const { keytar, store } = setup();
    await store.set('aws/a1', 'secret-1');
    keytar.mode = 'locked';
    await expect(store.get('aws/a1')).rejects.toThrow(KEYCHAIN_MESSAGES.locked);
    await expect(store.delete('aws/a1')).rejects.toThrow(KEYCHAIN_MESSAGES.locked);
    expect(keytar.entries.get('Hangar/aws/a1')).toBe('secret-1');
  });

  it('probes afresh before listing, so findCredentials never meets a locked keyring', async () => {
    const { keytar, store } = setup();
    expect((await store.availability()).available).toBe(true);
    keytar.mode = 'locked';
    await expect(store.list()).rejects.toThrow(KEYCHAIN_MESSAGES.locked);
    expect(keytar.calls).not.toContain('find');
  });

  it('gives up on a keychain that does not answer, then fails at once until it does', async () => {
    const { keytar, store } = setup({ timeoutMs: 50 });
    await store.set('aws/a1', 'secret-1');
    keytar.mode = 'hang';
    await expect(store.get('aws/a1')).rejects.toThrow(KEYCHAIN_MESSAGES.timeout);
    expect(store.stuckCalls).toBe(1);

    const callsBefore = keytar.calls.length;
    await expect(store.set('aws/a2', 'x')).rejects.toThrow(KEYCHAIN_MESSAGES.timeout);
    expect(keytar.calls.length).toBe(callsBefore); // nothing more piled onto the stuck keychain
    expect(await store.availability()).toEqual({ available: false, message: KEYCHAIN_MESSAGES.timeout });

    keytar.mode = 'ok';
    keytar.answerHungCalls();
    await expect.poll(() => store.stuckCalls).toBe(0);
    expect(await store.get('aws/a1')).toBe('secret-1');
  });

  it('refuses an empty key or secret before reaching the keychain', async () => {
    const { keytar, store } = setup();
    await expect(store.set('', 'x')).rejects.toBeInstanceOf(TypeError);
    await expect(store.set('k', '')).rejects.toBeInstanceOf(TypeError);
    await expect(store.get('hangar-availability-probe')).rejects.toBeInstanceOf(TypeError);
    expect(keytar.calls).toEqual([]);
  });

  it('maps unknown native failures to a generic message and keeps the detail as the cause', async () => {
    const native = new Error('Some libsecret failure');
    const store = new KeytarSecretStore({
      loadKeytar: async () => ({
        getPassword: async () => {
          throw native;
        },
        setPassword: async () => undefined,
        deletePassword: async () => true,
        findCredentials: async () => [],
      }),
    });
    const error = (await store.get('k').catch((e: unknown) => e)) as SecretStoreUnavailableError;
    expect(error.message).toBe(KEYCHAIN_MESSAGES.failed);
    expect(error.cause).toBe(native);
  });
});
