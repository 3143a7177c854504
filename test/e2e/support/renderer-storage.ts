import type { Page } from '@playwright/test';
import type { Haystack } from './leak-scan';

// The node tsconfig has no DOM library: just the browser APIs the dump touches, typed here.
interface IdbRequest<T> {
  result: T;
  error: Error | null;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface IdbDatabase {
  objectStoreNames: ArrayLike<string>;
  transaction(
    store: string,
    mode: 'readonly',
  ): { objectStore(name: string): { getAll(): IdbRequest<unknown> } };
  close(): void;
}
interface KeyValueStore {
  length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
}
interface BrowserGlobals {
  localStorage: KeyValueStore;
  sessionStorage: KeyValueStore;
  document: { cookie: string };
  indexedDB: {
    databases(): Promise<{ name?: string }[]>;
    open(name: string): IdbRequest<IdbDatabase>;
  };
  caches: {
    keys(): Promise<string[]>;
    open(name: string): Promise<{
      keys(): Promise<{ url: string }[]>;
      match(request: { url: string }): Promise<{ text(): Promise<string> } | undefined>;
    }>;
  };
}

/**
 * What the page keeps on its side: localStorage, sessionStorage, every IndexedDB database's
 * records, every Cache Storage entry and document.cookie, each as JSON text.
 */
export async function rendererStorage(page: Page): Promise<Haystack[]> {
  const dump = await page.evaluate(async () => {
    const g = globalThis as unknown as BrowserGlobals;
    const entries = (store: KeyValueStore) =>
      JSON.stringify(
        Array.from({ length: store.length }, (_, i) => store.key(i)).map((key) => [
          key,
          store.getItem(key ?? ''),
        ]),
      );
    const request = <T>(req: IdbRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
      });
    const databases = await g.indexedDB.databases();
    const indexed = [];
    for (const info of databases) {
      const db = await request(g.indexedDB.open(info.name ?? ''));
      const stores = [];
      for (const name of Array.from(db.objectStoreNames))
        stores.push({
          name,
          records: await request(db.transaction(name, 'readonly').objectStore(name).getAll()),
        });
      db.close();
      indexed.push({ name: info.name, stores });
    }
    const cacheNames = await g.caches.keys();
    const cached = [];
    for (const name of cacheNames) {
      const cache = await g.caches.open(name);
      for (const key of await cache.keys())
        cached.push({ cache: name, url: key.url, body: (await (await cache.match(key))?.text()) ?? '' });
    }
    return {
      localStorage: entries(g.localStorage),
      sessionStorage: entries(g.sessionStorage),
      indexedDB: JSON.stringify({ count: databases.length, databases: indexed }),
      cacheStorage: JSON.stringify({ count: cacheNames.length, entries: cached }),
      cookie: g.document.cookie,
    };
  });
  return Object.entries(dump).map(([where, content]) => ({ where: `renderer ${where}`, content }));
}
