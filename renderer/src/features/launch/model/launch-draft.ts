import type { LaunchOptions } from '@contract/index';
import { defaultKeyPath } from './key-files';
import type { LaunchStep } from './launch-steps';

export type KeyPair = LaunchOptions['keyPairs'][number];

/** A data volume row as its inputs hold it. */
export interface VolumeDraft {
  sizeGb: string;
  /** '' = the cloud's default type. */
  type: string;
  encrypted: boolean;
  kmsKeyId: string;
}

export type KeyMode = 'existing' | 'create' | 'import';
export type KeyType = 'ed25519' | 'rsa';

/**
 * Everything the dialog knows, in one object: Back and Next only move `step`, so nothing entered
 * is lost. Choices listed from the cloud (flavor, network, subnet, key) are null until the user
 * picks one; until then the dialog shows, and launches with, the sensible default.
 */
export interface LaunchDraft {
  step: LaunchStep;
  /** The chosen PlaceChoice's id; '' until there is one. */
  placeId: string;
  /** GCE only: the zone the server is made in. */
  zone: string;
  /** VMware only: the cluster or resource pool, when the mapping does not name one. */
  computeResource: string;
  flavorId: string | null;
  flavorFilter: string;
  networkId: string | null;
  subnetId: string | null;
  publicIp: boolean;
  securityGroupIds: string[];
  keyMode: KeyMode;
  /** The existing key pair to use; '' = none. */
  keyName: string | null;
  newKeyName: string;
  newKeyType: KeyType;
  /** Only read once savePathEdited: until then the path follows the key's name (effectiveSavePath). */
  savePath: string;
  /** The user typed a path: it no longer follows the key's name. */
  savePathEdited: boolean;
  importName: string;
  /** The user's OpenSSH public key: imported as a key pair, or given at launch (public-key-only clouds). */
  publicKey: string;
  /** Key pairs made or imported in this dialog, which the options listed before may lack. */
  addedKeyPairs: KeyPair[];
  /** What the last key action said (where the private key went), shown until another. */
  keyNote: string | null;
  volumes: VolumeDraft[];
  raid: boolean;
  raidLevel: '0' | '1';
  mountPoint: string;
  filesystem: 'ext4' | 'xfs';
  name: string;
  count: string;
  tags: string;
  billingCode: string;
  group: string;
  userData: string;
  /** Something was entered or chosen: closing asks first. */
  dirty: boolean;
}

export function initialDraft(init: { placeId: string; zone: string; name: string }): LaunchDraft {
  return {
    step: 'where',
    placeId: init.placeId,
    zone: init.zone,
    computeResource: '',
    flavorId: null,
    flavorFilter: '',
    networkId: null,
    subnetId: null,
    publicIp: false,
    securityGroupIds: [],
    keyMode: 'existing',
    keyName: null,
    newKeyName: '',
    newKeyType: 'ed25519',
    savePath: '',
    savePathEdited: false,
    importName: '',
    publicKey: '',
    addedKeyPairs: [],
    keyNote: null,
    volumes: [],
    raid: false,
    raidLevel: '0',
    mountPoint: '/data',
    filesystem: 'ext4',
    name: init.name,
    count: '1',
    tags: '',
    billingCode: '',
    group: '',
    userData: '',
    dirty: false,
  };
}

type Editable = Omit<
  LaunchDraft,
  'step' | 'placeId' | 'networkId' | 'volumes' | 'addedKeyPairs' | 'keyNote' | 'dirty' | 'securityGroupIds'
>;

export type LaunchAction =
  | { type: 'go'; step: LaunchStep }
  | { type: 'set'; patch: Partial<Editable> }
  /** Another account × location: what was listed from the old one no longer applies. */
  | { type: 'choose-place'; placeId: string; zone: string }
  | { type: 'set-place-detail'; patch: Partial<Pick<LaunchDraft, 'zone' | 'computeResource'>> }
  /** Security groups belong to a network: changing it drops the chosen ones. */
  | { type: 'choose-network'; networkId: string }
  | { type: 'toggle-group'; groupId: string; on: boolean }
  | { type: 'group-created'; groupId: string }
  | { type: 'key-added'; keyPair: KeyPair; note: string }
  | { type: 'add-volume'; volume?: Partial<VolumeDraft> }
  | { type: 'set-volume'; index: number; patch: Partial<VolumeDraft> }
  | { type: 'remove-volume'; index: number };

/** What was chosen among the cloud's own lists: another place lists other things. */
const cloudListed = (): Pick<
  LaunchDraft,
  'flavorId' | 'networkId' | 'subnetId' | 'securityGroupIds' | 'keyName' | 'addedKeyPairs' | 'keyNote'
> => ({
  flavorId: null,
  networkId: null,
  subnetId: null,
  securityGroupIds: [],
  keyName: null,
  addedKeyPairs: [],
  keyNote: null,
});

export function launchReducer(draft: LaunchDraft, action: LaunchAction): LaunchDraft {
  switch (action.type) {
    case 'go':
      return { ...draft, step: action.step };
    case 'set':
      return withSavePath({ ...draft, ...action.patch, dirty: true }, action.patch);
    case 'choose-place':
      if (action.placeId === draft.placeId) return draft;
      return { ...draft, ...cloudListed(), placeId: action.placeId, zone: action.zone, dirty: true };
    case 'set-place-detail':
      // A zone is a place of its own (its flavors and networks differ).
      return {
        ...draft,
        ...(action.patch.zone !== undefined ? cloudListed() : {}),
        ...action.patch,
        dirty: true,
      };
    case 'choose-network':
      if (action.networkId === draft.networkId) return draft;
      return { ...draft, networkId: action.networkId, subnetId: null, securityGroupIds: [], dirty: true };
    case 'toggle-group': {
      const others = draft.securityGroupIds.filter((id) => id !== action.groupId);
      return { ...draft, securityGroupIds: action.on ? [...others, action.groupId] : others, dirty: true };
    }
    case 'group-created':
      return {
        ...draft,
        securityGroupIds: [...draft.securityGroupIds.filter((id) => id !== action.groupId), action.groupId],
        dirty: true,
      };
    case 'key-added':
      // The new key is the one to use: shown chosen among the existing ones.
      return {
        ...draft,
        keyMode: 'existing',
        keyName: action.keyPair.name,
        addedKeyPairs: [...draft.addedKeyPairs.filter((k) => k.name !== action.keyPair.name), action.keyPair],
        keyNote: action.note,
        dirty: true,
      };
    case 'add-volume': {
      const last = draft.volumes[draft.volumes.length - 1];
      // A second volume starts like the first: RAID members must match.
      const volume: VolumeDraft = last
        ? { ...last }
        : { sizeGb: '100', type: '', encrypted: false, kmsKeyId: '' };
      return { ...draft, volumes: [...draft.volumes, { ...volume, ...action.volume }], dirty: true };
    }
    case 'set-volume':
      return {
        ...draft,
        volumes: draft.volumes.map((v, i) => (i === action.index ? { ...v, ...action.patch } : v)),
        dirty: true,
      };
    case 'remove-volume':
      return { ...draft, volumes: draft.volumes.filter((_, i) => i !== action.index), dirty: true };
  }
}

/** Once the user types a path, it no longer follows the key's name. */
function withSavePath(draft: LaunchDraft, patch: Partial<Editable>): LaunchDraft {
  return patch.savePath !== undefined ? { ...draft, savePathEdited: true } : draft;
}

/** Where the new private key will be saved: the user's path, or ~/.ssh/<key name>.pem. */
export function effectiveSavePath(
  draft: Pick<LaunchDraft, 'savePath' | 'savePathEdited' | 'newKeyName'>,
): string {
  return draft.savePathEdited ? draft.savePath : defaultKeyPath(draft.newKeyName);
}
