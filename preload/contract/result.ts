import type { AppError } from './schemas/common';

/** The envelope every transport carries, so errors cross IPC as data, never as thrown strings. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };
