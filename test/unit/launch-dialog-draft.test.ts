import { describe, expect, it } from 'vitest';
import {
  effectiveSavePath,
  initialDraft,
  launchReducer,
  type LaunchAction,
  type LaunchDraft,
} from '../../renderer/src/features/launch/model/launch-draft';
import { savedKeyNote } from '../../renderer/src/features/launch/model/key-files';

const start = () => initialDraft({ placeId: 'map-1', zone: 'us-central1-a', name: 'web' });
const run = (draft: LaunchDraft, ...actions: LaunchAction[]) => actions.reduce(launchReducer, draft);

describe('launch draft', () => {
  it('starts clean, on step 1, with the cloud’s choices left to their defaults', () => {
    const draft = start();
    expect(draft).toMatchObject({
      step: 'where',
      dirty: false,
      flavorId: null,
      networkId: null,
      keyName: null,
      count: '1',
    });
  });

  it('keeps everything entered when moving back and forth', () => {
    const edited = run(start(), {
      type: 'set',
      patch: { flavorId: 'm5.large', tags: 'a=b', userData: '#!/bin/sh' },
    });
    const back = run(
      edited,
      { type: 'go', step: 'details' },
      { type: 'go', step: 'hardware' },
      { type: 'go', step: 'summary' },
    );
    expect(back).toEqual({ ...edited, step: 'summary' });
  });

  it('forgets what was listed from another place when the place changes, but not the rest', () => {
    const draft = run(
      start(),
      { type: 'set', patch: { flavorId: 'm5.large', name: 'api', keyName: 'ops' } },
      { type: 'toggle-group', groupId: 'sg-1', on: true },
      { type: 'add-volume' },
      { type: 'choose-place', placeId: 'map-2', zone: 'us-central1-a' },
    );
    expect(draft).toMatchObject({
      placeId: 'map-2',
      flavorId: null,
      keyName: null,
      securityGroupIds: [],
      name: 'api',
    });
    expect(draft.volumes).toHaveLength(1);
    expect(run(draft, { type: 'choose-place', placeId: 'map-2', zone: 'x' })).toBe(draft);
  });

  it('drops chosen security groups and the subnet with another network', () => {
    const draft = run(
      start(),
      { type: 'choose-network', networkId: 'vpc-1' },
      { type: 'set', patch: { subnetId: 'subnet-b' } },
      { type: 'toggle-group', groupId: 'sg-1', on: true },
      { type: 'group-created', groupId: 'sg-2' },
    );
    expect(draft.securityGroupIds).toEqual(['sg-1', 'sg-2']);
    expect(run(draft, { type: 'toggle-group', groupId: 'sg-1', on: false }).securityGroupIds).toEqual([
      'sg-2',
    ]);
    expect(run(draft, { type: 'choose-network', networkId: 'vpc-2' })).toMatchObject({
      subnetId: null,
      securityGroupIds: [],
    });
  });

  it('chooses a key made in the dialog and keeps where its private key went', () => {
    const draft = run(
      start(),
      { type: 'set', patch: { keyMode: 'create', newKeyName: 'web-key' } },
      {
        type: 'key-added',
        keyPair: { name: 'web-key', fingerprint: null, type: 'ed25519' },
        note: savedKeyNote('/home/me/.ssh/web-key.pem'),
      },
    );
    expect(draft).toMatchObject({ keyMode: 'existing', keyName: 'web-key' });
    expect(draft.addedKeyPairs.map((k) => k.name)).toEqual(['web-key']);
    expect(draft.keyNote).toBe(
      'Saved to /home/me/.ssh/web-key.pem. Hangar keeps no copy of this private key.',
    );
  });

  it('suggests ~/.ssh/<name>.pem until the user types a path', () => {
    const named = run(start(), { type: 'set', patch: { newKeyName: 'deploy' } });
    expect(effectiveSavePath(named)).toBe('~/.ssh/deploy.pem');
    expect(effectiveSavePath(start())).toBe('~/.ssh/hangar-key.pem');
    const typed = run(
      named,
      { type: 'set', patch: { savePath: '/keys/d.pem' } },
      { type: 'set', patch: { newKeyName: 'other' } },
    );
    expect(effectiveSavePath(typed)).toBe('/keys/d.pem');
  });

  it('adds a volume like the last one (RAID members match), edits and removes by row', () => {
    const draft = run(
      start(),
      { type: 'add-volume' },
      { type: 'set-volume', index: 0, patch: { sizeGb: '500', type: 'gp3', encrypted: true } },
      { type: 'add-volume' },
    );
    expect(draft.volumes).toEqual([
      { sizeGb: '500', type: 'gp3', encrypted: true, kmsKeyId: '' },
      { sizeGb: '500', type: 'gp3', encrypted: true, kmsKeyId: '' },
    ]);
    expect(
      run(
        draft,
        { type: 'set-volume', index: 1, patch: { sizeGb: '10' } },
        { type: 'remove-volume', index: 0 },
      ).volumes,
    ).toEqual([{ sizeGb: '10', type: 'gp3', encrypted: true, kmsKeyId: '' }]);
  });
});
