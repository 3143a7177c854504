/** Where a new private key goes unless the user says otherwise. */
export function defaultKeyPath(keyName: string): string {
  return `~/.ssh/${keyName.trim() || 'hangar-key'}.pem`;
}

/** Said once the key file is written: where, and that Hangar has no copy. */
export function savedKeyNote(path: string): string {
  return `Saved to ${path}. Hangar keeps no copy of this private key.`;
}

/** The shape of an OpenSSH public key line (the contract's import rule, checked before asking). */
const PUBLIC_KEY = /^(ssh-(rsa|ed25519)|ecdsa-sha2-nistp\d+) [A-Za-z0-9+/=]+( .*)?$/;

export function isOpenSshPublicKey(text: string): boolean {
  return PUBLIC_KEY.test(text.trim());
}

export const PUBLIC_KEY_HINT = 'an OpenSSH public key (ssh-ed25519 AAAA… or ssh-rsa AAAA…)';
