import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { open, rename, rm as removeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  readJsonFile,
  writeFileAtomic,
  type AtomicWriteFs,
  type JsonValidator,
} from '../../main/stores/atomic-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hangar-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const realFs: AtomicWriteFs = { open, rename, rm: removeFile };

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temp file behind', async () => {
    const path = join(dir, 'state.json');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new content');
    expect(await readFile(path, 'utf8')).toBe('new content');
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('creates the file when it does not exist yet', async () => {
    const path = join(dir, 'fresh.json');
    await writeFileAtomic(path, new TextEncoder().encode('bytes'));
    expect(await readFile(path, 'utf8')).toBe('bytes');
  });

  it('keeps the old file intact and removes the temp file when the rename fails', async () => {
    const path = join(dir, 'state.json');
    await writeFile(path, 'old');
    const failingRename: AtomicWriteFs = {
      ...realFs,
      rename: async () => {
        throw Object.assign(new Error('no space left'), { code: 'ENOSPC' });
      },
    };
    await expect(writeFileAtomic(path, 'new', failingRename)).rejects.toThrow('no space left');
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('keeps the old file intact when writing the temp file fails half-way', async () => {
    const path = join(dir, 'state.json');
    await writeFile(path, 'old');
    const failingWrite: AtomicWriteFs = {
      ...realFs,
      open: (async (...args: Parameters<typeof open>) => {
        const handle = await open(...args);
        const writeHalf = async (data: string | Uint8Array): Promise<void> => {
          await handle.write(String(data).slice(0, 2));
          throw Object.assign(new Error('I/O error'), { code: 'EIO' });
        };
        return Object.assign(handle, { writeFile: writeHalf });
      }) as typeof open,
    };
    await expect(writeFileAtomic(path, 'new content', failingWrite)).rejects.toThrow('I/O error');
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['state.json']);
  });
});

describe('readJsonFile', () => {
  type Doc = { schemaVersion: 1; name: string };
  const validate: JsonValidator<Doc> = (raw) => {
    const value = raw as Partial<Doc> | null;
    if (typeof value?.schemaVersion === 'number' && value.schemaVersion > 1) {
      return { ok: false, reason: 'newer', newerVersion: true };
    }
    return value?.schemaVersion === 1 && typeof value.name === 'string'
      ? { ok: true, value: value as Doc }
      : { ok: false, reason: 'wrong shape' };
  };
  const now = (): Date => new Date('2025-03-04T05:06:07.089Z');

  it('answers missing for a file that is not there', async () => {
    expect(await readJsonFile(join(dir, 'nope.json'), validate)).toEqual({ status: 'missing' });
  });

  it('answers the validated value', async () => {
    const path = join(dir, 'doc.json');
    await writeFile(path, JSON.stringify({ schemaVersion: 1, name: 'x' }));
    expect(await readJsonFile(path, validate)).toEqual({
      status: 'ok',
      value: { schemaVersion: 1, name: 'x' },
    });
  });

  it.each([
    ['truncated JSON', '{"schemaVersion":1,"na', false],
    ['an empty file', '', false],
    ['garbage', '\u0000\u0001binary junk', false],
    ['the wrong shape', '{"schemaVersion":1,"name":42}', false],
    ['a newer schemaVersion', '{"schemaVersion":7,"name":"x","more":true}', true],
  ])('moves %s aside and says where', async (_label, content, newerVersion) => {
    const path = join(dir, 'doc.json');
    await writeFile(path, content);
    const result = await readJsonFile(path, validate, { now });
    const movedTo = join(dir, 'doc.json.corrupt-2025-03-04T05-06-07-089Z');
    expect(result).toMatchObject({ status: 'corrupt', newerVersion, movedTo });
    expect(await readFile(movedTo, 'utf8')).toBe(content);
    expect(await readdir(dir)).toEqual(['doc.json.corrupt-2025-03-04T05-06-07-089Z']);
  });

  it('never overwrites an earlier set-aside copy from the same moment', async () => {
    const path = join(dir, 'doc.json');
    await writeFile(path, 'first');
    const first = await readJsonFile(path, validate, { now });
    await writeFile(path, 'second');
    const second = await readJsonFile(path, validate, { now });
    expect(first.status === 'corrupt' && second.status === 'corrupt').toBe(true);
    if (first.status !== 'corrupt' || second.status !== 'corrupt') return;
    expect(second.movedTo).not.toBe(first.movedTo);
    expect(await readFile(first.movedTo ?? '', 'utf8')).toBe('first');
    expect(await readFile(second.movedTo ?? '', 'utf8')).toBe('second');
  });
});
