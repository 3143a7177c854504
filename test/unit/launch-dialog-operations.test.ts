import { describe, expect, it } from 'vitest';
import {
  finishedSentence,
  mergeOperation,
  progressPercent,
  RECENT_FINISHED,
  reconcileOperations,
} from '../../renderer/src/features/launch/model/operations';
import { operation } from './launch-dialog-fixtures';

describe('operations list', () => {
  it('replaces an operation with its update and adds new ones, running first', () => {
    const first = operation({ operationId: 'op-1', startedAt: '2025-01-10T10:00:00.000Z' });
    const done = operation({ operationId: 'op-0', state: 'done', startedAt: '2025-01-10T11:00:00.000Z' });
    let list = mergeOperation(
      [first, done],
      operation({ operationId: 'op-1', step: '1 of 2 servers ready…', progress: 0.55 }),
      'ws-1',
    );
    expect(list.map((o) => [o.operationId, o.step])).toEqual([
      ['op-1', '1 of 2 servers ready…'],
      ['op-0', done.step],
    ]);
    list = mergeOperation(
      list,
      operation({ operationId: 'op-2', startedAt: '2025-01-10T12:00:00.000Z' }),
      'ws-1',
    );
    expect(list.map((o) => o.operationId)).toEqual(['op-2', 'op-1', 'op-0']);
  });

  it('ignores another workspace’s updates', () => {
    const list = [operation()];
    expect(mergeOperation(list, operation({ operationId: 'op-9', workspaceId: 'ws-2' }), 'ws-1')).toEqual(
      list,
    );
  });

  it('keeps a bounded number of finished ones, never dropping a running one', () => {
    const finished = Array.from({ length: RECENT_FINISHED }, (_, i) =>
      operation({
        operationId: `done-${i}`,
        state: 'done',
        startedAt: `2025-01-0${(i % 9) + 1}T00:00:00.000Z`,
      }),
    );
    const list = mergeOperation(
      [...finished, operation({ operationId: 'run' })],
      operation({ operationId: 'late', state: 'failed', startedAt: '2025-02-01T00:00:00.000Z' }),
      'ws-1',
    );
    expect(list).toHaveLength(RECENT_FINISHED + 1);
    expect(list[0]!.operationId).toBe('run');
    expect(list[1]!.operationId).toBe('late');
  });

  it('gives a percentage only when progress is known (a finished one is at 100)', () => {
    expect(progressPercent({ state: 'running', progress: 0.554 })).toBe(55);
    expect(progressPercent({ state: 'running', progress: null })).toBeNull();
    expect(progressPercent({ state: 'done', progress: null })).toBe(100);
  });

  it('says how an operation ended, with the cloud’s reason', () => {
    expect(finishedSentence(operation())).toBeNull();
    expect(
      finishedSentence(
        operation({ state: 'failed', error: { code: 'cloud-error', message: 'Quota exceeded.' } }),
      ),
    ).toBe('Launch web (1×): failed. Quota exceeded.');
  });
});

describe('operations list fetched while updates arrive', () => {
  it('never puts an operation back to an earlier state than an update already said', () => {
    const listed = [
      operation({ operationId: 'op-1', progress: 0.05 }),
      operation({ operationId: 'op-2', progress: 0.5 }),
    ];
    const seen = new Map([
      [
        'op-1',
        operation({
          operationId: 'op-1',
          state: 'failed',
          progress: 0.05,
          error: { code: 'cloud-error', message: 'Quota.' },
        }),
      ],
      ['op-2', operation({ operationId: 'op-2', progress: 0.1 })],
    ]);
    const list = reconcileOperations(listed, seen);
    expect(list.find((o) => o.operationId === 'op-1')?.state).toBe('failed');
    // The listed answer is further along than the stale update: it stands.
    expect(list.find((o) => o.operationId === 'op-2')?.progress).toBe(0.5);
    expect(list[0]!.operationId).toBe('op-2');
  });
});
