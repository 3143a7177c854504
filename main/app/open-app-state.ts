import { createAppStateStore, validateAppState, type AppStateStore } from '../stores/app-state';
import { JsonFileAdapter } from '../stores/json-file-adapter';

/** The app state file, read once at start; a damaged file is moved aside and the user told. */
export async function openAppState(
  path: string,
  onDamaged: (message: string) => void,
): Promise<AppStateStore> {
  const store = createAppStateStore(
    new JsonFileAdapter({ path, validate: validateAppState, label: 'settings', onCorrupt: onDamaged }),
  );
  await store.read();
  return store;
}
