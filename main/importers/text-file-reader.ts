import { readFile, stat } from 'node:fs/promises';

/** Reads a credentials file: its text, or null when it does not exist. Throws ImportReadError otherwise. */
export interface TextFileReader {
  read(path: string): Promise<string | null>;
}

/** A file that exists but cannot be used; the message names the path and the reason, never content. */
export class ImportReadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImportReadError';
  }
}

/** Credentials files are a few kilobytes; anything this big is the wrong file. */
export const MAX_CREDENTIAL_FILE_BYTES = 1024 * 1024;

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

export class NodeTextFileReader implements TextFileReader {
  constructor(private readonly maxBytes: number = MAX_CREDENTIAL_FILE_BYTES) {}

  async read(path: string): Promise<string | null> {
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new ImportReadError(`Could not read ${path}: it is not a file.`);
      if (info.size > this.maxBytes) {
        throw new ImportReadError(
          `Could not read ${path}: at ${info.size} bytes it is too large to be a credentials file.`,
        );
      }
      return await readFile(path, 'utf8');
    } catch (error) {
      if (error instanceof ImportReadError) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw new ImportReadError(`Could not read ${path}: ${REASONS[code] ?? (code || 'unknown error')}.`, {
        cause: error,
      });
    }
  }
}

/** A reader over fixed contents, for tests and for files the renderer already holds. */
export class MemoryTextFileReader implements TextFileReader {
  constructor(private readonly files: Readonly<Record<string, string>>) {}

  async read(path: string): Promise<string | null> {
    return Object.hasOwn(this.files, path) ? (this.files[path] ?? null) : null;
  }
}
