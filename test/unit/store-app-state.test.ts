import { Memory } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { createAppStateStore, defaultAppState, type AppState } from '../../main/stores/app-state';

/** A Memory adapter that records every write and can be told to hold or fail the next one. */
class RecordingAdapter extends Memory<AppState> {
  writes: AppState[] = [];
  active = 0;
  maxActive = 0;
  failNext = false;
  private gate: Promise<void> | null = null;
  private release: (() => void) | null = null;
  private announce: (() => void) | null = null;

  /** Holds writes until open(); resolves when the first held write has started. */
  hold(): Promise<void> {
    this.gate = new Promise((resolve) => (this.release = resolve));
    return new Promise((resolve) => (this.announce = resolve));
  }

  open(): void {
    this.release?.();
    this.gate = null;
  }

  override async write(data: AppState): Promise<void> {
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    this.announce?.();
    try {
      await this.gate;
      if (this.failNext) {
        this.failNext = false;
        throw new Error('disk full');
      }
      this.writes.push(structuredClone(data));
      await super.write(data);
    } finally {
      this.active -= 1;
    }
  }
}

const account = (id: string): AppState['accounts'][number] => ({
  id,
  workspaceId: 'default',
  environmentId: null,
  lastVerifiedAt: null,
  cloud: 'aws',
  name: id,
  kind: 'user',
  connection: { accessKeyId: 'AKIAEXAMPLE00000001', regions: ['us-east-1'], owners: ['self'] },
  credentials: 'session',
  createdAt: '2025-01-01T00:00:00.000Z',
});

describe('AppStateStore', () => {
  it('starts from defaults with the Memory adapter', async () => {
    const store = createAppStateStore(new Memory<AppState>());
    await store.read();
    expect(store.data).toEqual(defaultAppState());
    expect(store.data.settings.staleAfterHours).toBe(24);
  });

  it('persists an update and returns what the change function returned', async () => {
    const adapter = new RecordingAdapter();
    const store = createAppStateStore(adapter);
    await store.read();
    const count = await store.update((draft) => draft.accounts.push(account('a1')));
    expect(count).toBe(1);
    expect(store.data.accounts.map((a) => a.id)).toEqual(['a1']);
    expect(adapter.writes.at(-1)?.accounts.map((a) => a.id)).toEqual(['a1']);
  });

  it('runs concurrent updates one at a time, each seeing the previous one', async () => {
    const adapter = new RecordingAdapter();
    const store = createAppStateStore(adapter);
    await store.read();
    const firstWriteStarted = adapter.hold();
    const seen: number[] = [];
    const updates = Array.from({ length: 5 }, (_, index) =>
      store.update((draft) => {
        draft.accounts.push(account(`a${index}`));
        seen.push(draft.accounts.length);
        return draft.accounts.length;
      }),
    );
    await firstWriteStarted;
    // The first write is stuck on the disk: no other update may have started meanwhile.
    expect(seen).toEqual([1]);
    adapter.open();
    expect(await Promise.all(updates)).toEqual([1, 2, 3, 4, 5]);
    expect(adapter.maxActive).toBe(1);
    expect(adapter.writes.map((w) => w.accounts.length)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps memory matching the disk when a write fails, and carries on afterwards', async () => {
    const adapter = new RecordingAdapter();
    const store = createAppStateStore(adapter);
    await store.read();
    adapter.failNext = true;
    await expect(store.update((draft) => draft.accounts.push(account('lost')))).rejects.toThrow('disk full');
    expect(store.data.accounts).toEqual([]);
    await store.update((draft) => draft.accounts.push(account('kept')));
    expect(store.data.accounts.map((a) => a.id)).toEqual(['kept']);
  });

  it('discards a change function that throws half-way', async () => {
    const store = createAppStateStore(new RecordingAdapter());
    await store.read();
    await expect(
      store.update((draft) => {
        draft.workspace.name = 'half';
        throw new Error('bug');
      }),
    ).rejects.toThrow('bug');
    expect(store.data.workspace.name).toBe(defaultAppState().workspace.name);
  });

  it('refuses to write a state that would not load again', async () => {
    const adapter = new RecordingAdapter();
    const store = createAppStateStore(adapter);
    await store.read();
    await expect(store.update((draft) => (draft.settings.staleAfterHours = -1))).rejects.toThrow();
    expect(adapter.writes).toEqual([]);
    expect(store.data.settings.staleAfterHours).toBe(24);
  });

  it('freezes the current state so a change outside update() cannot be lost silently', async () => {
    const store = createAppStateStore(new Memory<AppState>());
    await store.read();
    await store.update((draft) => draft.accounts.push(account('a1')));
    expect(() => store.data.accounts.push(account('sneaky'))).toThrow(TypeError);
    expect(() => {
      (store.data.workspace as { name: string }).name = 'sneaky';
    }).toThrow(TypeError);
  });

  it('reads what an earlier store wrote through the same adapter', async () => {
    const adapter = new Memory<AppState>();
    const first = createAppStateStore(adapter);
    await first.read();
    await first.update((draft) => (draft.workspace.name = 'Client B'));
    const second = createAppStateStore(adapter);
    await second.read();
    expect(second.data.workspace.name).toBe('Client B');
  });
});
