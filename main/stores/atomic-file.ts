import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file operations an atomic write needs; injectable so tests can make any step fail. */
export interface AtomicWriteFs {
  open: typeof open;
  rename: typeof rename;
  rm: typeof rm;
}

const nodeFs: AtomicWriteFs = { open, rename, rm };

/**
 * Replaces `path` so that a crash at any moment leaves either the old file or the new one, never
 * a mix: write a temp file in the same directory (rename is only atomic within one file system),
 * flush it, rename it over the target, then flush the directory so the rename itself survives a
 * power cut. On failure the temp file is removed and the old file is untouched.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  fs: AtomicWriteFs = nodeFs,
): Promise<void> {
  const dir = dirname(path);
  // Leading dot and .tmp suffix: readers that list the directory (the shard store) skip it.
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    // 0o600: the files hold account names and image lists, which are nobody else's business.
    const handle = await fs.open(temp, 'wx', 0o600);
    created = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, path);
  } catch (error) {
    if (created) await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir, fs);
}

async function syncDirectory(dir: string, fs: AtomicWriteFs): Promise<void> {
  // Windows cannot open a directory for flushing, and NTFS journals the rename anyway.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** What a validator says about parsed JSON. `newerVersion` marks files from a newer Hangar. */
export type ValidationResult<T> =
  { ok: true; value: T } | { ok: false; reason: string; newerVersion?: boolean };

export type JsonValidator<T> = (raw: unknown) => ValidationResult<T>;

export type JsonReadResult<T> =
  | { status: 'missing' }
  | { status: 'ok'; value: T }
  | {
      status: 'corrupt';
      /** Why the file was rejected, for logs; never user data. */
      reason: string;
      newerVersion: boolean;
      /** Where the damaged file now is, or null if it could not be moved. */
      movedTo: string | null;
    };

export interface ReadJsonOptions {
  now?: () => Date;
}

/**
 * Reads and validates a JSON file. A damaged file (cut short, not JSON, wrong shape, or from a
 * newer schema version) is moved aside rather than overwritten, so the user can get it back and
 * the app can start with defaults. Other I/O errors (permissions) are thrown: they are not damage.
 */
export async function readJsonFile<T>(
  path: string,
  validate: JsonValidator<T>,
  options: ReadJsonOptions = {},
): Promise<JsonReadResult<T>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return { status: 'missing' };
    throw error;
  }

  let verdict: ValidationResult<T>;
  try {
    verdict = validate(JSON.parse(text) as unknown);
  } catch {
    verdict = {
      ok: false,
      reason: text.trim() === '' ? 'the file is empty' : 'not valid JSON (it may have been cut short)',
    };
  }
  if (verdict.ok) return { status: 'ok', value: verdict.value };

  const movedTo = await moveAside(path, (options.now ?? (() => new Date()))());
  return { status: 'corrupt', reason: verdict.reason, newerVersion: verdict.newerVersion === true, movedTo };
}

/** Renames a damaged file to `<name>.corrupt-<timestamp>` next to it; null if that fails. */
async function moveAside(path: string, when: Date): Promise<string | null> {
  // Colons are not allowed in Windows file names.
  const stamp = when.toISOString().replace(/[:.]/g, '-');
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const target = `${path}.corrupt-${stamp}${attempt === 0 ? '' : `-${attempt}`}`;
    try {
      // 'wx' reserves the name so a second damaged copy in the same millisecond cannot clobber it.
      const reserved = await open(target, 'wx');
      await reserved.close();
      await rename(path, target);
      return target;
    } catch (error) {
      if (isErrnoCode(error, 'EEXIST')) continue;
      await rm(target, { force: true }).catch(() => undefined);
      return null;
    }
  }
  return null;
}

export function isErrnoCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
