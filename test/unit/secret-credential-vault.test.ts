import { beforeEach, describe, expect, it } from 'vitest';
import { CredentialVault } from '../../main/secrets/credential-vault';
import { MemorySecretStore } from '../../main/secrets/memory-secret-store';
import { SecretStoreUnavailableError } from '../../main/secrets/secret-store';

let keychain: MemorySecretStore;
let session: MemorySecretStore;
let vault: CredentialVault;
beforeEach(() => {
  keychain = new MemorySecretStore();
  session = new MemorySecretStore();
  vault = new CredentialVault(keychain, session);
});

describe('CredentialVault', () => {
  it('saves to the place asked for, and only there', async () => {
    await vault.save('aws/k', 'in-keychain', 'keychain');
    await vault.save('aws/s', 'in-session', 'session');
    expect(await keychain.list()).toEqual(['aws/k']);
    expect(await session.list()).toEqual(['aws/s']);
    expect(await vault.read('aws/k')).toBe('in-keychain');
    expect(await vault.read('aws/s')).toBe('in-session');
    expect(await vault.read('aws/none')).toBeNull();
  });

  it('reads the session copy first', async () => {
    await keychain.set('aws/a', 'older-keychain-secret');
    await vault.save('aws/a', 'session-secret', 'session');
    expect(await vault.read('aws/a')).toBe('session-secret');
  });

  it('does not need the keychain for a session secret', async () => {
    keychain.setUnavailable('No Secret Service is running.');
    await vault.save('aws/a', 'session-secret', 'session');
    expect(await vault.read('aws/a')).toBe('session-secret');
  });

  it('drops the session copy when the secret is saved to the keychain', async () => {
    await vault.save('aws/a', 'session-secret', 'session');
    await vault.save('aws/a', 'keychain-secret', 'keychain');
    expect(await session.list()).toEqual([]);
    expect(await vault.read('aws/a')).toBe('keychain-secret');
  });

  it('never falls back to the session when the keychain refuses a save', async () => {
    keychain.setUnavailable('The keychain is locked.');
    await expect(vault.save('aws/a', 'secret', 'keychain')).rejects.toBeInstanceOf(
      SecretStoreUnavailableError,
    );
    expect(await session.list()).toEqual([]);
  });

  it('reports a keychain that cannot be read, rather than "no secret"', async () => {
    await keychain.set('aws/a', 'secret');
    keychain.setUnavailable('The keychain is locked.');
    await expect(vault.read('aws/a')).rejects.toThrow('The keychain is locked.');
  });

  it('forgets from both places and says whether anything was there', async () => {
    await keychain.set('aws/a', 'k');
    await session.set('aws/a', 's');
    expect(await vault.forget('aws/a')).toBe(true);
    expect(await vault.read('aws/a')).toBeNull();
    expect(await vault.forget('aws/a')).toBe(false);
    await vault.save('aws/b', 'only-session', 'session');
    expect(await vault.forget('aws/b')).toBe(true);
  });

  it('removes the session copy even when the keychain then fails', async () => {
    await vault.save('aws/a', 's', 'session');
    keychain.setUnavailable('The keychain is locked.');
    await expect(vault.forget('aws/a')).rejects.toBeInstanceOf(SecretStoreUnavailableError);
    expect(await session.get('aws/a')).toBeNull();
  });

  it('reports the keychain status', async () => {
    expect(await vault.keychainStatus()).toEqual({ available: true, message: null });
    keychain.setUnavailable('No Secret Service is running.');
    expect(await vault.keychainStatus()).toEqual({
      available: false,
      message: 'No Secret Service is running.',
    });
  });
});
