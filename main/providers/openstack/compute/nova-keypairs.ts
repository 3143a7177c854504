import type { KeyPairChoice } from '../../compute-driver';
import { dict, str, type ComputeCall } from './compute-context';
import { invalid } from './compute-errors';
import { listAll } from './paged-list';
import { generateEd25519 } from './ssh-ed25519';

/** Nova wraps every key pair of a list in its own object: {"keypairs": [{"keypair": {…}}]}. */
function readKeyPair(entry: unknown): KeyPairChoice | null {
  const keypair = dict(dict(entry)?.keypair) ?? dict(entry);
  const name = str(keypair?.name);
  if (!keypair || !name) return null;
  return { name, fingerprint: str(keypair.fingerprint), type: str(keypair.type) };
}

const checkName = (name: string): string => {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 255)
    throw invalid('A key pair needs a name of 1 to 255 characters.');
  return trimmed;
};

/** GET /os-keypairs: the signed-in user's key pairs (Nova keeps them per user, not per project). */
export async function listKeyPairs(call: ComputeCall): Promise<KeyPairChoice[]> {
  const nova = await call.nova();
  const pairs = await listAll(call.sessions, {
    type: 'compute',
    region: call.region,
    path: '/os-keypairs',
    headers: nova.headers,
    collection: 'keypairs',
    read: readKeyPair,
    keyOf: (pair) => pair.name,
    signal: call.signal,
  });
  return pairs.sort((a, b) => a.name.localeCompare(b.name));
}

async function postKeyPair(
  call: ComputeCall,
  keypair: Record<string, string>,
): Promise<Record<string, unknown>> {
  const nova = await call.nova();
  const { body } = await call.sessions.call('compute', call.region, '/os-keypairs', {
    method: 'POST',
    headers: nova.headers,
    // `type` exists from 2.2; before that every key pair is an ssh one.
    body: { keypair: nova.minor >= 2 ? { ...keypair, type: 'ssh' } : keypair },
    idempotent: false,
    signal: call.signal,
  });
  const created = dict(dict(body)?.keypair);
  if (!created) throw new Error('Nova answered the key pair request without a keypair');
  return created;
}

/** POST /os-keypairs with a public key: Nova stores it and answers its fingerprint. */
export async function importKeyPair(
  call: ComputeCall,
  name: string,
  publicKey: string,
): Promise<KeyPairChoice> {
  const key = publicKey.trim();
  if (!/^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp\d+) [A-Za-z0-9+/=]+( .*)?$/.test(key))
    throw invalid(
      'That is not an OpenSSH public key: it should start with ssh-ed25519, ssh-rsa or ecdsa-sha2-…',
    );
  const created = await postKeyPair(call, { name: checkName(name), public_key: key });
  return readKeyPair(created) ?? { name: checkName(name), fingerprint: null, type: 'ssh' };
}

/**
 * A new key pair whose private key is returned once. RSA: POST /os-keypairs without a public key,
 * and Nova generates the pair (it answers private_key up to microversion 2.91; Hangar asks for at
 * most 2.67). ed25519: Nova cannot generate it, so it is made here and its public key imported.
 */
export async function createKeyPair(
  call: ComputeCall,
  name: string,
  type: 'rsa' | 'ed25519',
): Promise<{ keyPair: KeyPairChoice; privateKey: string }> {
  const keyName = checkName(name);
  if (type === 'ed25519') {
    const pair = await generateEd25519(keyName);
    return { keyPair: await importKeyPair(call, keyName, pair.publicKey), privateKey: pair.privateKey };
  }
  const created = await postKeyPair(call, { name: keyName });
  const privateKey = str(created.private_key);
  if (!privateKey) {
    // A key pair nobody holds the private half of is useless: take it back before saying so.
    await call.sessions
      .call('compute', call.region, `/os-keypairs/${encodeURIComponent(keyName)}`, { method: 'DELETE' })
      .catch(() => undefined);
    throw new Error('Nova created the key pair but sent no private key (this Nova no longer generates keys)');
  }
  return { keyPair: readKeyPair(created) ?? { name: keyName, fingerprint: null, type: 'ssh' }, privateKey };
}
