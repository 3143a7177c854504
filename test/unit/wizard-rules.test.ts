import { describe, expect, it } from 'vitest';
import {
  cacheNote,
  checkImageId,
  cloudsWithAccounts,
  locationErrors,
  locationsOf,
  lookupBlocker,
  needsAcknowledgement,
  notFoundMessage,
  onlyChoice,
} from '../../renderer/src/features/wizard/model/wizard-rules';
import { initialWizardState, type WizardState } from '../../renderer/src/features/wizard/model/wizard-state';
import { account, foundLookup, notFoundLookup, source } from './wizard-fixtures';

const ORDER = ['aws', 'gcp', 'azure', 'openstack', 'vmware'] as const;
const accounts = [
  account('acc-os', 'openstack', 'Lab cloud'),
  account('acc-aws', 'aws', 'Prod AWS'),
  account('acc-gcp', 'gcp'),
];
const sources = [
  source('acc-aws', 'eu-west-1', 'self'),
  source('acc-aws', 'eu-west-1', '099720109477'),
  source('acc-aws', 'us-east-1', 'self'),
  source('acc-gcp', 'global'),
];

const withState = (patch: Partial<WizardState>): WizardState => ({ ...initialWizardState(), ...patch });

describe('step 1 choices', () => {
  it('offers only the clouds that have an account, in the usual order', () => {
    expect(cloudsWithAccounts(accounts, ORDER)).toEqual(['aws', 'gcp', 'openstack']);
    expect(cloudsWithAccounts([], ORDER)).toEqual([]);
  });

  it("lists an account's cached locations once each", () => {
    expect(locationsOf(sources, 'acc-aws')).toEqual(['eu-west-1', 'us-east-1']);
    expect(locationsOf(sources, 'acc-gcp')).toEqual(['global']);
    expect(locationsOf(sources, 'acc-os')).toEqual([]);
  });

  it('takes a single choice and leaves several to the user', () => {
    expect(onlyChoice(['global'])).toBe('global');
    expect(onlyChoice(['eu-west-1', 'us-east-1'])).toBe('');
    expect(onlyChoice([])).toBe('');
  });
});

describe('step 1 validation', () => {
  const context = { accounts, sources };

  it('passes a cloud, an account of that cloud and one of its locations', () => {
    expect(
      locationErrors(withState({ cloud: 'aws', accountId: 'acc-aws', location: 'us-east-1' }), context),
    ).toEqual({});
  });

  it('asks for each missing choice in turn', () => {
    expect(locationErrors(withState({}), context)).toEqual({ cloud: 'choose a cloud' });
    expect(locationErrors(withState({ cloud: 'aws' }), context)).toEqual({ account: 'choose an account' });
    // An account of another cloud does not count.
    expect(locationErrors(withState({ cloud: 'aws', accountId: 'acc-gcp' }), context)).toEqual({
      account: 'choose an account',
    });
    expect(locationErrors(withState({ cloud: 'aws', accountId: 'acc-aws' }), context)).toEqual({
      location: 'choose a location',
    });
  });

  it('refuses a location the account does not cache, and says when it caches none', () => {
    const wrong = locationErrors(
      withState({ cloud: 'aws', accountId: 'acc-aws', location: 'ap-south-1' }),
      context,
    );
    expect(wrong.location).toContain('Prod AWS is not set up for “ap-south-1”');
    const none = locationErrors(withState({ cloud: 'openstack', accountId: 'acc-os' }), context);
    expect(none.location).toContain('Lab cloud has no synced location yet');
  });
});

describe('step 2: the image id', () => {
  it("checks the id with the cloud's own format and gives its canonical form", () => {
    expect(checkImageId('aws', ' AMI-0ABC1234DEF567890 ')).toEqual({ ok: true, id: 'ami-0abc1234def567890' });
    const wrong = checkImageId('aws', 'ami-123');
    expect(wrong.ok).toBe(false);
    expect(checkImageId('openstack', '4A9E1F0C7D2B4C1E9F3A2B6D8E0C5A17')).toEqual({
      ok: true,
      id: '4a9e1f0c-7d2b-4c1e-9f3a-2b6d8e0c5a17',
    });
  });

  it('asks for a VMware template to be chosen, not typed', () => {
    expect(checkImageId('vmware', '')).toEqual({ ok: false, message: 'choose a template from the list' });
    expect(checkImageId('vmware', 'vm-42')).toEqual({ ok: true, id: 'vm-42' });
  });

  it('says "no such image" after a lookup found nothing, and where it looked', () => {
    expect(notFoundMessage(null)).toBeNull();
    expect(notFoundMessage(foundLookup())).toBeNull();
    expect(notFoundMessage(notFoundLookup())).toBe(
      'No such image: The cloud has no image ami-0abc1234def567890. Check the id and the location.',
    );
    expect(notFoundMessage(notFoundLookup('cache'))).toContain(
      '(Looked up in the cache: you chose to work offline.)',
    );
  });
});

describe('step 3: what must be accepted before going on', () => {
  const cached = foundLookup({
    from: 'cache',
    offlineReason: 'the cloud did not answer.',
    cachedAt: '2024-05-01T10:00:00.000Z',
  });
  const deprecated = foundLookup({
    problems: [{ kind: 'deprecated', message: 'Deprecated since 2024-01-01.' }],
  });

  it('needs an acknowledgement for warnings and for a cache-only answer, not for a clean cloud answer', () => {
    expect(needsAcknowledgement(foundLookup())).toBe(false);
    expect(needsAcknowledgement(deprecated)).toBe(true);
    expect(needsAcknowledgement(cached)).toBe(true);
  });

  it('blocks Next until acknowledged, and always for an image already registered', () => {
    expect(lookupBlocker({ lookup: foundLookup(), acknowledged: false })).toBeNull();
    expect(lookupBlocker({ lookup: deprecated, acknowledged: false })).toBe(
      'tick “Register this image anyway” to go on',
    );
    expect(lookupBlocker({ lookup: deprecated, acknowledged: true })).toBeNull();
    const existing = foundLookup({ existing: { recordId: 'rec-1', name: 'Ubuntu web', sameLocation: true } });
    expect(lookupBlocker({ lookup: existing, acknowledged: true })).toBe(
      'this image is already registered as Ubuntu web',
    );
    expect(lookupBlocker({ lookup: null, acknowledged: true })).toBe('look the image up first');
  });

  it('flags a cached answer with its sync date and the reason the cloud was not asked', () => {
    expect(cacheNote(foundLookup(), (iso) => iso ?? '')).toBeNull();
    expect(cacheNote(cached, (iso) => `<${iso}>`)).toBe(
      'Looked up in the cache (synced <2024-05-01T10:00:00.000Z>) — the cloud did not answer.',
    );
  });
});
