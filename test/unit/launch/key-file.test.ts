import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimKeyFile, resolveKeyPath } from '../../../main/services/launch/key-file';
import { ServiceError } from '../../../main/ipc/app-error';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hangar-key-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('saving a new private key', () => {
  it('writes it once, mode 0600, and never over an existing file', async () => {
    const path = join(dir, 'ops.pem');
    const file = await claimKeyFile(path);
    await file.write('-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readFile(path, 'utf8')).toMatch(/END OPENSSH PRIVATE KEY-----\n$/);
    const again = await claimKeyFile(path).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ServiceError);
    expect((again as ServiceError).code).toBe('conflict');
  });

  it('removes its claim when the cloud fails, and refuses a missing folder', async () => {
    const path = join(dir, 'gone.pem');
    const file = await claimKeyFile(path);
    await file.discard();
    await expect(stat(path)).rejects.toThrow();
    await expect(claimKeyFile(join(dir, 'nope', 'k.pem'))).rejects.toThrow(/does not exist/);
  });

  it('refuses relative paths and Hangar’s own data folder', async () => {
    await writeFile(join(dir, 'x'), '');
    expect(() => resolveKeyPath('keys/k.pem', dir)).toThrow(/full path/);
    expect(() => resolveKeyPath(join(dir, 'data', 'k.pem'), join(dir, 'data'))).toThrow(/outside Hangar/);
    expect(resolveKeyPath(join(dir, 'k.pem'), join(dir, 'data'))).toBe(join(dir, 'k.pem'));
    expect(resolveKeyPath('~/.ssh/k.pem', dir)).toMatch(/\.ssh\/k\.pem$/);
  });
});
