import type { SandboxKeyPair } from './compute-model';
import type { ComputeWorld, RegionCompute } from './compute-world';
import { ec2Error } from './ec2-api-error';
import { itemSet, leaf } from './ec2-xml';
import { md5Fingerprint, mintKeyPair, parsePublicKey, sha256Fingerprint } from './key-material';
import { booleanParam, listParam, type QueryParams } from './query-params';
import { matchFilters, tagSetXml, type FieldReaders } from './resource-query';
import { tagSpecifications } from './tag-params';

const FIELDS: FieldReaders<SandboxKeyPair> = {
  'key-name': (k) => [k.keyName],
  'key-pair-id': (k) => [k.keyPairId],
  fingerprint: (k) => [k.fingerprint],
  'key-type': (k) => [k.keyType],
};

function keyName(params: QueryParams, state: RegionCompute): string {
  const name = params.get('KeyName');
  if (!name) throw ec2Error('MissingParameter', 'The request must contain the parameter KeyName');
  if (name.length > 255 || !/^[\x20-\x7e]+$/.test(name)) {
    throw ec2Error(
      'InvalidParameterValue',
      `Invalid value '${name}' for keyName. Use up to 255 ASCII characters.`,
    );
  }
  if (state.keyPairs.some((k) => k.keyName === name)) {
    throw ec2Error('InvalidKeyPair.Duplicate', `The keypair '${name}' already exists.`);
  }
  return name;
}

function keyItemXml(key: SandboxKeyPair, includePublicKey: boolean): string {
  return [
    leaf('keyPairId', key.keyPairId),
    leaf('keyType', key.keyType),
    tagSetXml(key.tags),
    includePublicKey ? leaf('publicKey', key.publicKey) : '',
    leaf('keyName', key.keyName),
    leaf('keyFingerprint', key.fingerprint),
    leaf('createTime', key.createTime),
  ].join('');
}

/** DescribeKeyPairs: `KeyName.N` / `KeyPairId.N` (unknown ones are InvalidKeyPair.NotFound), filters. */
export function describeKeyPairs(params: QueryParams, state: RegionCompute): string {
  const names = listParam(params, 'KeyName');
  const ids = listParam(params, 'KeyPairId');
  const missingName = names.find((name) => !state.keyPairs.some((k) => k.keyName === name));
  if (missingName !== undefined) {
    throw ec2Error('InvalidKeyPair.NotFound', `The key pair '${missingName}' does not exist`);
  }
  const missingId = ids.find((id) => !state.keyPairs.some((k) => k.keyPairId === id));
  if (missingId !== undefined) {
    throw ec2Error('InvalidKeyPair.NotFound', `The key pair ID '${missingId}' does not exist`);
  }
  const matches = matchFilters(params, FIELDS, (key) => key.tags);
  const includePublicKey = booleanParam(params, 'IncludePublicKey') ?? false;
  const selected = state.keyPairs.filter(
    (k) =>
      (names.length === 0 || names.includes(k.keyName)) &&
      (ids.length === 0 || ids.includes(k.keyPairId)) &&
      matches(k),
  );
  return itemSet(
    'keySet',
    selected.map((k) => keyItemXml(k, includePublicKey)),
  );
}

/** CreateKeyPair: the private key is in this one answer and kept nowhere (only its public half). */
export function createKeyPair(params: QueryParams, world: ComputeWorld, state: RegionCompute): string {
  const name = keyName(params, state);
  const type = params.get('KeyType') ?? 'rsa';
  if (type !== 'rsa' && type !== 'ed25519') {
    throw ec2Error(
      'InvalidParameterValue',
      `Invalid value '${type}' for KeyType. Valid values: rsa, ed25519.`,
    );
  }
  const format = params.get('KeyFormat') ?? 'pem';
  if (format !== 'pem') {
    // ppk (PuTTY) is a real EC2 format the sandbox does not produce.
    throw ec2Error(
      'InvalidParameterValue',
      `Invalid value '${format}' for KeyFormat in the sandbox; use pem.`,
    );
  }
  const tags = tagSpecifications(params, ['key-pair']).get('key-pair') ?? [];
  const minted = mintKeyPair(type, name);
  const key: SandboxKeyPair = {
    keyPairId: world.newId('key'),
    keyName: name,
    keyType: type,
    fingerprint: minted.fingerprint,
    publicKey: minted.publicKey,
    createTime: new Date(world.now()).toISOString(),
    tags,
  };
  state.keyPairs.push(key);
  return [
    leaf('keyName', key.keyName),
    leaf('keyFingerprint', key.fingerprint),
    leaf('keyMaterial', minted.privateKey),
    leaf('keyPairId', key.keyPairId),
    tags.length > 0 ? tagSetXml(tags) : '',
  ].join('');
}

/** ImportKeyPair: `PublicKeyMaterial` is the base64 of an OpenSSH public key line. */
export function importKeyPair(params: QueryParams, world: ComputeWorld, state: RegionCompute): string {
  const name = keyName(params, state);
  const material = params.get('PublicKeyMaterial');
  if (!material)
    throw ec2Error('MissingParameter', 'The request must contain the parameter PublicKeyMaterial');
  const parsed = parsePublicKey(Buffer.from(material, 'base64').toString('utf8'));
  if (!parsed) throw ec2Error('InvalidKey.Format', 'Key is not in valid OpenSSH public key format');
  const tags = tagSpecifications(params, ['key-pair']).get('key-pair') ?? [];
  const key: SandboxKeyPair = {
    keyPairId: world.newId('key'),
    keyName: name,
    keyType: parsed.type,
    fingerprint: parsed.type === 'rsa' ? md5Fingerprint(parsed.blob) : sha256Fingerprint(parsed.blob),
    publicKey: `ssh-${parsed.type} ${parsed.blob.toString('base64')}`,
    createTime: new Date(world.now()).toISOString(),
    tags,
  };
  state.keyPairs.push(key);
  return [
    leaf('keyFingerprint', key.fingerprint),
    leaf('keyName', key.keyName),
    leaf('keyPairId', key.keyPairId),
    tags.length > 0 ? tagSetXml(tags) : '',
  ].join('');
}
