import { describe, expect, it } from 'vitest';
import {
  isFinished,
  mergeSnapshot,
  outcomeText,
  progressPercent,
} from '../../renderer/src/features/lifecycle/model/operation';
import { snapshot } from './lifecycle-view-fixtures';

describe('following an operation', () => {
  it('takes the first news of an operation, and ignores another’s', () => {
    const first = snapshot();
    expect(mergeSnapshot(null, first)).toBe(first);
    const other = snapshot({ operationId: 'op-other' });
    expect(mergeSnapshot(first, other)).toBe(other);
  });

  it('never goes back from finished to running, nor backwards in progress', () => {
    const done = snapshot({ state: 'done', progress: 1, step: 'Done' });
    expect(mergeSnapshot(done, snapshot({ progress: 0.9 }))).toBe(done);
    const later = snapshot({ progress: 0.7 });
    expect(mergeSnapshot(later, snapshot({ progress: 0.4 }))).toBe(later);
    const ahead = snapshot({ progress: 0.8 });
    expect(mergeSnapshot(later, ahead)).toBe(ahead);
    // A step without a measure (e.g. "Cancelling…") still shows.
    const cancelling = snapshot({ progress: null, step: 'Cancelling…' });
    expect(mergeSnapshot(later, cancelling)).toBe(cancelling);
    expect(mergeSnapshot(later, done)).toBe(done);
  });

  it('says how far it is, when it can', () => {
    expect(progressPercent(snapshot({ progress: 0.456 }))).toBe(46);
    expect(progressPercent(snapshot({ progress: null }))).toBeNull();
    expect(isFinished(snapshot())).toBe(false);
    expect(isFinished(snapshot({ state: 'cancelled' }))).toBe(true);
  });

  it('sums up how it ended', () => {
    expect(
      outcomeText(
        snapshot({ state: 'done', result: { imageIds: ['ami-new'], recordId: 'img-2', launchId: null } }),
      ),
    ).toBe('Done: image ami-new, registered.');
    expect(
      outcomeText(
        snapshot({ state: 'done', result: { imageIds: ['ami-a', 'ami-b'], recordId: null, launchId: null } }),
      ),
    ).toBe('Done: images ami-a, ami-b.');
    expect(
      outcomeText(snapshot({ state: 'done', result: { imageIds: [], recordId: null, launchId: null } })),
    ).toBe('Done.');
    expect(
      outcomeText(
        snapshot({ state: 'failed', error: { code: 'cloud-error', message: 'snapshot quota reached' } }),
      ),
    ).toBe('Failed: snapshot quota reached');
    expect(outcomeText(snapshot({ state: 'cancelled' }))).toBe('Cancelled.');
  });
});
