import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import { readJsonFile, writeFileAtomic } from './atomic-file';
import type { JsonValidator } from './atomic-file';

/** What the app tells the user when a file it owns was damaged and set aside. */
export interface CorruptFileNotice {
  path: string;
  movedTo: string | null;
  /** Technical reason, for the log. */
  reason: string;
  /** A sentence for the user. */
  message: string;
}

export interface JsonFileAdapterOptions<T> {
  path: string;
  validate: JsonValidator<T>;
  /** How the user would name this file: "settings" gives "Hangar's settings file …". */
  label: string;
  /** Told once per damaged file: the sentence for the user first, the details second. */
  onCorrupt?: (message: string, notice: CorruptFileNotice) => void;
  now?: () => Date;
}

/**
 * A lowdb adapter that writes atomically and validates on read. A damaged file is moved aside
 * and read() answers null, so lowdb starts from its defaults and the app keeps running.
 * (Not lowdb's JSONFilePreset: it silently swaps to memory when NODE_ENV=test.)
 */
export class JsonFileAdapter<T> implements Adapter<T> {
  constructor(private readonly options: JsonFileAdapterOptions<T>) {}

  async read(): Promise<T | null> {
    const { path, validate, now } = this.options;
    const result = await readJsonFile(path, validate, now ? { now } : {});
    if (result.status === 'ok') return result.value;
    if (result.status === 'corrupt') {
      const message = describeSetAside(
        `Hangar's ${this.options.label} file`,
        result.newerVersion,
        result.movedTo,
        'starting with defaults',
      );
      this.options.onCorrupt?.(message, { path, movedTo: result.movedTo, reason: result.reason, message });
    }
    return null;
  }

  async write(data: T): Promise<void> {
    await mkdir(dirname(this.options.path), { recursive: true });
    // Pretty-printed: the state file is small and people do open it when something goes wrong.
    await writeFileAtomic(this.options.path, `${JSON.stringify(data, null, 2)}\n`);
  }
}

/** One wording for every set-aside file, so the user learns it once. */
export function describeSetAside(
  what: string,
  newerVersion: boolean,
  movedTo: string | null,
  consequence: string,
): string {
  const problem = newerVersion ? 'was written by a newer version of Hangar' : 'was damaged';
  const where = movedTo === null ? 'could not be moved aside' : `has been moved to ${movedTo}`;
  return `${what} ${problem} and ${where}; ${consequence}.`;
}
