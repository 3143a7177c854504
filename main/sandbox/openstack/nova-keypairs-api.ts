import { json, type Reply } from './sandbox-http';
import type { NovaContext } from './nova-context';
import { fingerprintOf, generateNovaKey } from './nova-keys';
import type { NovaKeyPair } from './nova-state';
import { NovaFault, novaTime } from './nova-wire';

/**
 * /os-keypairs: the caller's own key pairs. POST without a public key generates an RSA pair and
 * answers its private key (refused from 2.92, where a public key is required); with one, imports
 * it. 2.2 adds `type` and answers 201 (create) / 204 (delete) instead of 200 / 202.
 */

/** Before 2.92 a name is letters, digits, space, "_" and "-"; 2.92 adds "@" and ".". */
const nameRule = (minor: number): RegExp => (minor >= 92 ? /^[a-zA-Z0-9 _.@-]+$/ : /^[a-zA-Z0-9 _-]+$/);

const summary = (pair: NovaKeyPair, minor: number): Record<string, unknown> => ({
  name: pair.name,
  public_key: pair.publicKey,
  fingerprint: pair.fingerprint,
  ...(minor >= 2 ? { type: pair.type } : {}),
});

export function listKeyPairs(context: NovaContext, query: URLSearchParams): Reply {
  const pairs = [...context.state.keyPairsOf(context.caller.userId).values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const limit = context.minor >= 35 && query.get('limit') ? Number(query.get('limit')) : pairs.length;
  const marker = context.minor >= 35 ? query.get('marker') : null;
  const start = marker === null ? 0 : pairs.findIndex((pair) => pair.name === marker) + 1;
  if (marker !== null && start === 0) throw new NovaFault(400, `marker [${marker}] not found`);
  const page = pairs.slice(start, start + limit);
  const body: Record<string, unknown> = {
    keypairs: page.map((pair) => ({ keypair: summary(pair, context.minor) })),
  };
  const last = page[page.length - 1];
  if (context.minor >= 35 && last && page.length === limit && query.get('limit'))
    body.keypairs_links = [
      {
        rel: 'next',
        href: `${context.mountUrl}/v2.1/os-keypairs?limit=${limit}&marker=${encodeURIComponent(last.name)}`,
      },
    ];
  return json(200, body);
}

const own = (context: NovaContext, name: string): NovaKeyPair => {
  const pair = context.state.keyPairsOf(context.caller.userId).get(name);
  if (!pair) throw new NovaFault(404, `Keypair ${name} not found for user ${context.caller.userId}`);
  return pair;
};

export function showKeyPair(context: NovaContext, name: string): Reply {
  const pair = own(context, name);
  return json(200, {
    keypair: {
      ...summary(pair, context.minor),
      user_id: pair.userId,
      id: Math.abs([...pair.name].reduce((hash, c) => (hash * 31 + c.charCodeAt(0)) | 0, 7)),
      created_at: novaTime(pair.createdAt),
      deleted: false,
      deleted_at: null,
      updated_at: null,
    },
  });
}

export function deleteKeyPair(context: NovaContext, name: string): Reply {
  own(context, name);
  context.state.keyPairsOf(context.caller.userId).delete(name);
  return { status: context.minor >= 2 ? 204 : 202, headers: {}, body: '' };
}

export async function createKeyPair(context: NovaContext, body: Record<string, unknown>): Promise<Reply> {
  const request = body.keypair as Record<string, unknown> | undefined;
  const { minor } = context;
  if (typeof request !== 'object' || request === null)
    throw new NovaFault(
      400,
      `Invalid input for field/attribute keypair. Value: None. None is not of type 'object'`,
    );
  const name = request.name;
  if (typeof name !== 'string' || name.length < 1 || name.length > 255 || !nameRule(minor).test(name))
    throw new NovaFault(
      400,
      `Invalid input for field/attribute name. Value: ${String(name)}. '${String(name)}' does not match '${nameRule(minor).source}'`,
    );
  const type = request.type ?? 'ssh';
  if (minor < 2 && request.type !== undefined)
    throw new NovaFault(
      400,
      "Invalid input for field/attribute keypair. Value: …. Additional properties are not allowed ('type' was unexpected)",
    );
  if (type !== 'ssh' && type !== 'x509')
    throw new NovaFault(
      400,
      `Invalid input for field/attribute type. Value: ${String(type)}. '${String(type)}' is not one of ['ssh', 'x509']`,
    );
  if (request.public_key === undefined && minor >= 92)
    throw new NovaFault(
      400,
      `Invalid input for field/attribute keypair. Value: ${JSON.stringify(request)}. 'public_key' is a required property`,
    );
  const pairs = context.state.keyPairsOf(context.caller.userId);
  if (pairs.has(name)) throw new NovaFault(409, `Key pair '${name}' already exists.`);
  if (pairs.size >= context.state.quota.key_pairs)
    throw new NovaFault(403, 'Quota exceeded, too many key pairs.');
  let publicKey: string;
  let fingerprint: string;
  let privateKey: string | null = null;
  if (typeof request.public_key === 'string') {
    publicKey = request.public_key.trim();
    const found = fingerprintOf(publicKey);
    if (!found) throw new NovaFault(400, 'Keypair data is invalid: failed to generate fingerprint');
    fingerprint = found;
  } else {
    ({ publicKey, privateKey, fingerprint } = await generateNovaKey());
  }
  const pair: NovaKeyPair = {
    name,
    userId: context.caller.userId,
    publicKey,
    fingerprint,
    type: type as 'ssh' | 'x509',
    createdAt: context.now,
  };
  pairs.set(name, pair);
  return json(minor >= 2 ? 201 : 200, {
    keypair: {
      ...summary(pair, minor),
      user_id: pair.userId,
      ...(privateKey ? { private_key: privateKey } : {}),
    },
  });
}
