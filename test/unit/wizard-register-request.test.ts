import { describe, expect, it } from 'vitest';
import { RegisterRequestSchema } from '@contract/index';
import {
  parseDetails,
  prefillDetails,
  emptyDetails,
} from '../../renderer/src/features/wizard/model/details-form';
import { buildRegisterRequest } from '../../renderer/src/features/wizard/model/register-request';
import { initialWizardState, type WizardState } from '../../renderer/src/features/wizard/model/wizard-state';
import { foundLookup } from './wizard-fixtures';

function reviewed(patch: Partial<WizardState> = {}): WizardState {
  const lookup = foundLookup();
  return {
    ...initialWizardState(),
    step: 'review',
    cloud: 'aws',
    accountId: 'acc-aws',
    location: 'eu-west-1',
    cloudImageId: ' AMI-0ABC1234DEF567890 ',
    computeResource: 'cluster-a',
    lookup,
    record: parseDetails(prefillDetails(emptyDetails(), lookup.image!)),
    ...patch,
  };
}

describe('the register request', () => {
  it('registers a new record at the workspace level, shared, with the canonical id', () => {
    const request = buildRegisterRequest(reviewed(), 'ws-1', { kind: 'new' });
    expect(request).toMatchObject({
      workspaceId: 'ws-1',
      target: {
        accountId: 'acc-aws',
        location: 'eu-west-1',
        cloudImageId: 'ami-0abc1234def567890',
        computeResource: null,
      },
      scope: { environmentId: null, shared: true },
      acknowledgeProblems: false,
    });
    expect(request?.record?.osFamily).toBe('ubuntu');
    expect(RegisterRequestSchema.safeParse(request).success).toBe(true);
  });

  it('keeps a record in its environment (sharing means nothing below one)', () => {
    const request = buildRegisterRequest(reviewed({ environmentId: 'env-prod', shared: true }), 'ws-1', {
      kind: 'new',
    });
    expect(request?.scope).toEqual({ environmentId: 'env-prod', shared: false });
    const unshared = buildRegisterRequest(reviewed({ shared: false }), 'ws-1', { kind: 'new' });
    expect(unshared?.scope).toEqual({ environmentId: null, shared: false });
  });

  it('sends the compute resource for VMware only, and the acknowledgement as given', () => {
    const vmware = reviewed({
      cloud: 'vmware',
      cloudImageId: 'vm-42',
      lookup: foundLookup({ cloudImageId: 'vm-42' }),
      acknowledged: true,
    });
    const request = buildRegisterRequest(vmware, 'ws-1', { kind: 'new' });
    expect(request?.target).toEqual({
      accountId: 'acc-aws',
      location: 'eu-west-1',
      cloudImageId: 'vm-42',
      computeResource: 'cluster-a',
    });
    expect(request?.acknowledgeProblems).toBe(true);
    const blank = buildRegisterRequest({ ...vmware, computeResource: '  ' }, 'ws-1', { kind: 'new' });
    expect(blank?.target.computeResource).toBeNull();
  });

  it('adds a mapping to an existing record without record details', () => {
    const request = buildRegisterRequest(reviewed({ record: null }), 'ws-1', {
      kind: 'add-to',
      recordId: 'rec-1',
    });
    expect(request).toMatchObject({ addToRecordId: 'rec-1' });
    expect(request && 'record' in request).toBe(false);
    expect(RegisterRequestSchema.safeParse(request).success).toBe(true);
  });

  it('asks nothing while the details or the cloud are missing', () => {
    expect(buildRegisterRequest(reviewed({ record: null }), 'ws-1', { kind: 'new' })).toBeNull();
    expect(buildRegisterRequest(reviewed({ cloud: null }), 'ws-1', { kind: 'new' })).toBeNull();
    expect(
      buildRegisterRequest(reviewed({ lookup: null, cloudImageId: 'nope' }), 'ws-1', { kind: 'new' }),
    ).toBeNull();
  });
});
