import { describe, expect, it } from 'vitest';
import {
  initialWizardState,
  lookupKey,
  stepTitle,
  wizardReducer,
  type WizardAction,
  type WizardState,
} from '../../renderer/src/features/wizard/model/wizard-state';
import { foundLookup, notFoundLookup } from './wizard-fixtures';

const PREFILL = { accountId: 'acc-aws', location: 'eu-west-1', cloudImageId: 'ami-0abc1234def567890' };

const run = (state: WizardState, ...actions: WizardAction[]) => actions.reduce(wizardReducer, state);

/** A wizard on step 2 with AWS chosen, as after step 1. */
function onImageStep(): WizardState {
  return run(
    initialWizardState(PREFILL),
    { type: 'init-cloud', cloud: 'aws', accountId: 'acc-aws', location: 'eu-west-1' },
    { type: 'go', step: 'image' },
  );
}

describe('wizard steps', () => {
  it('names each step with its number', () => {
    expect(stepTitle('location')).toBe('Step 1 of 5: Cloud and location');
    expect(stepTitle('image')).toBe('Step 2 of 5: Image');
    expect(stepTitle('review')).toBe('Step 5 of 5: Review');
  });
});

describe('wizard state', () => {
  it('starts on step 1 with the prefill, the workspace level, sharing on and nothing dirty', () => {
    const state = initialWizardState(PREFILL);
    expect(state).toMatchObject({
      step: 'location',
      cloud: null,
      accountId: 'acc-aws',
      location: 'eu-west-1',
      cloudImageId: 'ami-0abc1234def567890',
      environmentId: '',
      shared: true,
      offline: false,
      dirty: false,
    });
  });

  it('settles the starting cloud once, without counting it as an edit', () => {
    const state = run(
      initialWizardState(),
      { type: 'init-cloud', cloud: 'gcp', accountId: 'acc-gcp', location: 'global' },
      { type: 'init-cloud', cloud: 'aws', accountId: 'acc-aws', location: 'us-east-1' },
    );
    expect(state).toMatchObject({ cloud: 'gcp', accountId: 'acc-gcp', location: 'global', dirty: false });
  });

  it('drops the image id, the lookup and the acknowledgement when another cloud is chosen', () => {
    const looked = run(
      onImageStep(),
      { type: 'looked-up', result: foundLookup() },
      {
        type: 'set',
        patch: { acknowledged: true },
      },
    );
    const state = wizardReducer(looked, {
      type: 'choose-cloud',
      cloud: 'gcp',
      accountId: 'acc-gcp',
      location: 'global',
    });
    expect(state).toMatchObject({
      cloud: 'gcp',
      accountId: 'acc-gcp',
      location: 'global',
      cloudImageId: '',
      lookup: null,
      acknowledged: false,
      dirty: true,
    });
    // Choosing the same cloud again changes nothing.
    expect(wizardReducer(state, { type: 'choose-cloud', cloud: 'gcp', accountId: '', location: '' })).toBe(
      state,
    );
  });

  it('forgets a lookup once its target changes, but keeps the scope choices', () => {
    const looked = run(
      onImageStep(),
      { type: 'set', patch: { environmentId: 'env-prod', shared: false } },
      {
        type: 'looked-up',
        result: foundLookup(),
      },
    );
    expect(looked.lookup).not.toBeNull();
    const edited = wizardReducer(looked, { type: 'set-target', patch: { cloudImageId: 'ami-11112222' } });
    expect(edited.lookup).toBeNull();
    expect(edited).toMatchObject({ environmentId: 'env-prod', shared: false, cloudImageId: 'ami-11112222' });
    expect(wizardReducer(looked, { type: 'set-target', patch: { offline: true } }).lookup).toBeNull();
    expect(wizardReducer(looked, { type: 'set-target', patch: { location: 'us-east-1' } }).lookup).toBeNull();
  });

  it('stays on the image step when the lookup found nothing', () => {
    const state = wizardReducer(onImageStep(), { type: 'looked-up', result: notFoundLookup() });
    expect(state.step).toBe('image');
    expect(state.lookup?.found).toBe(false);
    expect(state.prefilledFor).toBeNull();
    expect(state.details.name).toBe('');
  });

  it('goes on to the lookup page and pre-fills the details from the image found', () => {
    const state = wizardReducer(onImageStep(), { type: 'looked-up', result: foundLookup() });
    expect(state.step).toBe('lookup');
    expect(state.prefilledFor).toBe(lookupKey(state, 'ami-0abc1234def567890'));
    expect(state.details).toMatchObject({
      name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20240801',
      osFamily: 'ubuntu',
      osVersion: '24.04',
      architecture: 'x86_64',
      sizeGb: '8',
    });
  });

  it('loses nothing going Back and Next: edited details survive a second lookup of the same image', () => {
    const looked = wizardReducer(onImageStep(), { type: 'looked-up', result: foundLookup() });
    const edited = { ...looked.details, name: 'Ubuntu web base', alias: 'web', tags: 'team=web' };
    const state = run(
      looked,
      { type: 'set', patch: { acknowledged: true } },
      { type: 'go', step: 'details' },
      { type: 'save-details', values: edited, record: null, step: 'lookup' },
      { type: 'go', step: 'image' },
      { type: 'looked-up', result: foundLookup() },
    );
    expect(state.step).toBe('lookup');
    expect(state.details).toEqual(edited);
    expect(state.acknowledged).toBe(true);
  });

  it('re-fills what describes the image for another image, keeping the choices about the record', () => {
    const looked = wizardReducer(onImageStep(), { type: 'looked-up', result: foundLookup() });
    const edited = {
      ...looked.details,
      name: 'Mine',
      alias: 'web',
      labelColor: 'teal' as const,
      access: 'public' as const,
    };
    const other = foundLookup({
      cloudImageId: 'ami-22223333',
      image: {
        ...foundLookup().image!,
        name: 'al2023-ami-2023.5.20240805.0-kernel-6.1-arm64',
        architecture: 'arm64',
        osFamily: 'amzn',
        osVersion: '2023',
      },
    });
    const state = run(
      looked,
      { type: 'save-details', values: edited, record: null, step: 'lookup' },
      { type: 'go', step: 'image' },
      { type: 'set-target', patch: { cloudImageId: 'ami-22223333' } },
      { type: 'looked-up', result: other },
    );
    expect(state.details).toMatchObject({
      name: 'al2023-ami-2023.5.20240805.0-kernel-6.1-arm64',
      architecture: 'arm64',
      osFamily: 'amzn',
      alias: 'web',
      labelColor: 'teal',
      access: 'public',
    });
    expect(state.acknowledged).toBe(false);
  });

  it('resets the acknowledgement when the warnings differ from those accepted', () => {
    const deprecated = foundLookup({
      problems: [{ kind: 'deprecated', message: 'Deprecated since 2024-01-01.' }],
    });
    const state = run(
      onImageStep(),
      { type: 'looked-up', result: foundLookup() },
      { type: 'set', patch: { acknowledged: true } },
      { type: 'looked-up', result: deprecated },
    );
    expect(state.acknowledged).toBe(false);
  });
});
