import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../main/secrets/memory-secret-store';
import { SecretStoreUnavailableError } from '../../main/secrets/secret-store';

describe('MemorySecretStore', () => {
  it('sets, gets, overwrites, lists and deletes', async () => {
    const store = new MemorySecretStore();
    expect(await store.availability()).toEqual({ available: true, message: null });
    expect(await store.get('k1')).toBeNull();
    await store.set('k1', 'one');
    await store.set('k2', 'two');
    await store.set('k1', 'uno');
    expect(await store.get('k1')).toBe('uno');
    expect((await store.list()).sort()).toEqual(['k1', 'k2']);
    expect(await store.delete('k1')).toBe(true);
    expect(await store.delete('k1')).toBe(false);
    expect(await store.list()).toEqual(['k2']);
  });

  it('keeps each instance separate', async () => {
    const a = new MemorySecretStore();
    const b = new MemorySecretStore();
    await a.set('k', 'a');
    expect(await b.get('k')).toBeNull();
  });

  it('can imitate an unavailable keychain, and recover', async () => {
    const store = new MemorySecretStore();
    await store.set('k', 'held');
    store.setUnavailable('The keychain is locked.');
    expect(await store.availability()).toEqual({ available: false, message: 'The keychain is locked.' });
    await expect(store.get('k')).rejects.toBeInstanceOf(SecretStoreUnavailableError);
    await expect(store.set('k', 'x')).rejects.toThrow('The keychain is locked.');
    await expect(store.delete('k')).rejects.toBeInstanceOf(SecretStoreUnavailableError);
    await expect(store.list()).rejects.toBeInstanceOf(SecretStoreUnavailableError);
    store.setUnavailable(null);
    expect(await store.get('k')).toBe('held');
  });

  it('refuses an empty key', async () => {
    await expect(new MemorySecretStore().set('', 'x')).rejects.toBeInstanceOf(TypeError);
  });
});
