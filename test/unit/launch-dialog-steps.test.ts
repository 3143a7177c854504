import { describe, expect, it } from 'vitest';
import {
  fieldInputId,
  fieldLabel,
  nextStep,
  previousStep,
  stepOfField,
  stepTitle,
} from '../../renderer/src/features/launch/model/launch-steps';
import { groupProblems, stepErrors } from '../../renderer/src/features/launch/model/problem-groups';

describe('launch steps', () => {
  it('titles each step "Step N of 7: name" and walks them in order', () => {
    expect(stepTitle('where')).toBe('Step 1 of 7: Where');
    expect(stepTitle('access')).toBe('Step 4 of 7: Access key');
    expect(stepTitle('summary')).toBe('Step 7 of 7: Summary');
    expect(nextStep('storage')).toBe('details');
    expect(nextStep('summary')).toBe('summary');
    expect(previousStep('hardware')).toBe('where');
    expect(previousStep('where')).toBe('where');
  });

  it('sends each field, main’s names and the dialog’s own, to the step that edits it', () => {
    expect(stepOfField('account')).toBe('where');
    expect(stepOfField('flavorId')).toBe('hardware');
    expect(stepOfField('securityGroupIds')).toBe('network');
    expect(stepOfField('newKeyName')).toBe('access');
    expect(stepOfField('volumes.2.kmsKeyId')).toBe('storage');
    expect(stepOfField('raid.mountPoint')).toBe('storage');
    expect(stepOfField('billingCode')).toBe('details');
    expect(stepOfField('somethingNew')).toBe('summary');
  });

  it('labels fields as the dialog does, and finds their inputs', () => {
    expect(fieldLabel('volumes.1.kmsKeyId')).toBe('Volume 2: KMS key');
    expect(fieldLabel('raid.mountPoint')).toBe('Mount point');
    expect(fieldLabel('flavorId')).toBe('Hardware flavor');
    expect(fieldInputId('volumes.0.sizeGb')).toBe('launch-volumes-0-sizeGb');
  });
});

describe('problem groups', () => {
  it('groups by step in step order, once each, whichever check found it', () => {
    const mine = [
      { field: 'tags', message: 'Bad tags.' },
      { field: 'flavorId', message: 'Choose one.' },
    ];
    const cloud = [
      { field: 'volumes.0.kmsKeyId', message: 'A KMS key only applies to an encrypted volume.' },
      { field: 'tags', message: 'Bad tags.' },
      { field: 'billingCode', message: '"billing-code=x y": a value takes …' },
    ];
    const groups = groupProblems(mine, cloud);
    expect(groups.map((g) => g.step)).toEqual(['hardware', 'storage', 'details']);
    expect(groups[2]!.problems).toEqual([
      { field: 'tags', label: 'Tags', message: 'Bad tags.' },
      { field: 'billingCode', label: 'Billing code', message: '"billing-code=x y": a value takes …' },
    ]);
    expect(groups[1]!.problems[0]!.label).toBe('Volume 1: KMS key');
  });

  it('gives a step only its own errors, the first message per field', () => {
    const errors = stepErrors(
      'network',
      [{ field: 'subnetId', message: 'first' }],
      [
        { field: 'subnetId', message: 'second' },
        { field: 'name', message: 'elsewhere' },
      ],
    );
    expect(errors).toEqual({ subnetId: 'first' });
  });
});
