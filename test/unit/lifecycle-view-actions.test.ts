import { describe, expect, it } from 'vitest';
import { DeprecateRequestSchema, type ComputeCapabilities } from '@contract/index';
import {
  actionStates,
  catalogImage,
  copyTargets,
  defaultDeprecationDay,
  deprecationDayProblem,
  deprecationInstant,
  genericAdviceFits,
  mappingImage,
  usageCheckText,
} from '../../renderer/src/features/lifecycle/model/image-actions';
import { mapping } from './lifecycle-view-fixtures';

const yes = { supported: true, reason: null };
const caps = (over: Partial<ComputeCapabilities>): ComputeCapabilities => ({
  launch: yes,
  keyPairs: 'create-or-import',
  securityGroups: true,
  publicIp: true,
  volumes: true,
  capture: yes,
  copy: yes,
  deprecate: yes,
  delete: yes,
  ...over,
});

describe('image action states', () => {
  it('shows an action the cloud lacks disabled, with the cloud’s reason', () => {
    const states = actionStates(
      'success',
      caps({
        copy: { supported: false, reason: 'Glance images belong to one region; upload it there instead.' },
      }),
    );
    expect(states.copy).toEqual({
      enabled: false,
      reason: 'Glance images belong to one region; upload it there instead.',
    });
    expect(states.deprecate).toEqual({ enabled: true, reason: null });
    expect(actionStates('success', caps({ delete: { supported: false, reason: null } })).delete.reason).toBe(
      'This cloud cannot delete images.',
    );
  });

  it('waits while asking, and leaves the actions to main when the cloud could not be asked', () => {
    expect(actionStates('pending', undefined).delete).toEqual({
      enabled: false,
      reason: 'Asking the cloud what it allows…',
    });
    expect(actionStates('error', undefined).delete).toEqual({ enabled: true, reason: null });
  });
});

describe('copy targets', () => {
  it('are the account’s other locations', () => {
    expect(copyTargets({ locations: ['us-east-1', 'eu-west-1', 'ap-south-1'] }, 'us-east-1')).toEqual([
      'eu-west-1',
      'ap-south-1',
    ]);
    expect(copyTargets({ locations: ['global'] }, 'europe-west1-b')).toEqual([]);
    expect(copyTargets(undefined, 'us-east-1')).toEqual([]);
  });
});

describe('deprecation dates', () => {
  const now = new Date(2025, 0, 20, 15, 30);

  it('defaults to thirty days from today', () => {
    expect(defaultDeprecationDay(now)).toBe('2025-02-19');
    expect(defaultDeprecationDay(now, 0)).toBe('2025-01-20');
  });

  it('takes today or later, as a real date', () => {
    expect(deprecationDayProblem('', now)).toBe('choose the day it becomes deprecated');
    expect(deprecationDayProblem('20/01/2025', now)).toBe('a date such as 2030-01-31');
    expect(deprecationDayProblem('2025-01-19', now)).toBe('choose today or a later day');
    expect(deprecationDayProblem('2025-01-20', now)).toBeNull();
  });

  it('sends midnight UTC of the day, which the contract accepts', () => {
    const at = deprecationInstant('2025-02-19');
    expect(at).toBe('2025-02-19T00:00:00.000Z');
    expect(
      DeprecateRequestSchema.safeParse({
        workspaceId: 'ws-1',
        accountId: 'acct-1',
        location: 'us-east-1',
        imageId: 'ami-1',
        at,
      }).success,
    ).toBe(true);
  });
});

describe('image references', () => {
  it('carry a mapping’s record so copies can join it', () => {
    expect(mappingImage(mapping(), 'img-1')).toMatchObject({
      accountId: 'acct-1',
      location: 'us-east-1',
      imageId: 'ami-0abc',
      imageName: 'ubuntu-22.04-vendor',
      recordId: 'img-1',
    });
  });

  it('carry a catalog image’s known deprecation, and no record', () => {
    const ref = catalogImage({
      cloud: 'gcp',
      accountId: 'acct-g',
      accountName: 'GCP',
      location: 'global',
      cloudId: 'debian-12-v1',
      name: 'debian-12',
      deprecatesAt: '2026-01-01T00:00:00.000Z',
    });
    expect(ref).toMatchObject({
      imageId: 'debian-12-v1',
      recordId: null,
      deprecatesAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('say how the servers using an image were found', () => {
    expect(usageCheckText('cloud')).toBe('Checked with the cloud just now.');
    expect(usageCheckText('launch-history')).toContain('launch history');
  });
});

describe('advice on lifecycle errors', () => {
  it('leaves out the list-images advice and the operation advice, keeps the network one', () => {
    expect(genericAdviceFits('cloud-permission')).toBe(false);
    expect(genericAdviceFits('conflict')).toBe(false);
    expect(genericAdviceFits('cloud-unreachable')).toBe(true);
  });
});
