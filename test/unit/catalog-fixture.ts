import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Low, Memory } from 'lowdb';
import type { Cloud } from '@contract/index';
import type { StoredImage } from '../../main/catalog/stored-image';
import { AppStateStore, defaultAppState, type AppState } from '../../main/stores/app-state';
import { CatalogShardStore } from '../../main/stores/catalog-shard-store';
import { CatalogIndex } from '../../main/services/catalog-index';
import { storedImage } from '../support/stored-image';

export const NOW = new Date('2026-11-23T12:00:00.000Z');
export const SYNCED_AT = '2026-11-23T10:00:00.000Z';
/** Requests name their workspace; the engine serves the state it was built with. */
export const WORKSPACE_ID = 'ws-test';

export interface FixtureAccount {
  id: string;
  cloud: Cloud;
  name: string;
}

export interface FixtureSource {
  id: string;
  accountId: string;
  location: string;
  images: StoredImage[];
}

export interface CatalogFixture {
  index: CatalogIndex;
  store: CatalogShardStore;
  state: AppStateStore;
  /** Swaps the app state underneath (update() would refuse accounts without a connection). */
  setState(change: (draft: AppState) => void): void;
  dir: string;
  clock: { now: () => Date };
  cleanup(): Promise<void>;
}

/** App state with these accounts and sources (the engine reads only id, cloud and name of an account). */
export function fixtureState(
  accounts: FixtureAccount[],
  sources: Omit<FixtureSource, 'images'>[],
): { state: AppStateStore; db: Low<AppState> } {
  const state = {
    ...defaultAppState(),
    accounts: accounts.map((account) => ({
      ...account,
      kind: 'user',
      credentials: 'keychain',
      createdAt: SYNCED_AT,
    })),
    sources: sources.map((source) => ({
      id: source.id,
      accountId: source.accountId,
      location: source.location,
      owner: 'self',
      imageCount: 0,
      lastSyncedAt: SYNCED_AT,
      lastAttemptAt: SYNCED_AT,
      lastError: null,
    })),
  } as unknown as AppState;
  const db = new Low(new Memory<AppState>(), state);
  return { state: new AppStateStore(db), db };
}

/** A real shard store in a temp dir, filled through the index, and the index over it. */
export async function catalogWith(
  accounts: FixtureAccount[],
  sources: FixtureSource[],
): Promise<CatalogFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'hangar-catalog-'));
  const store = new CatalogShardStore(join(dir, 'catalog'));
  const { state, db } = fixtureState(accounts, sources);
  const clock = { now: () => NOW };
  const index = new CatalogIndex(state, store, clock);
  for (const source of sources) await index.replaceSource(source.id, source.images, SYNCED_AT);
  const setState = (change: (draft: AppState) => void): void => {
    const draft = structuredClone(db.data);
    change(draft);
    db.data = draft;
  };
  return {
    index,
    store,
    state,
    setState,
    dir,
    clock,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** An image for tests: a name and whatever the test is about. */
export const image = (cloudId: string, change: Partial<StoredImage> = {}): StoredImage =>
  storedImage({ cloudId, name: `image-${cloudId}`, ownerId: '099720109477', ...change });
