import { open, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { homedir } from 'node:os';
import { ServiceError } from '../../ipc/app-error';

/** "~/.ssh/x.pem" → the absolute path; anything relative is refused (the user must know where it goes). */
export function resolveKeyPath(input: string, dataDir: string): string {
  const expanded = input.startsWith('~/') ? resolve(homedir(), input.slice(2)) : input;
  if (!isAbsolute(expanded))
    throw new ServiceError(
      'invalid-request',
      'Give the full path to save the private key to, such as ~/.ssh/my-key.pem.',
    );
  const path = resolve(expanded);
  const inside = relative(resolve(dataDir), path);
  if (!inside.startsWith('..') && !isAbsolute(inside))
    throw new ServiceError(
      'invalid-request',
      "Save the private key outside Hangar's data folder: Hangar never keeps private keys.",
    );
  return path;
}

/**
 * Claims the file before the cloud makes the key (created exclusively, mode 0600), so a key the
 * cloud shows only once can always be written; `discard` removes the claim if the cloud fails.
 */
export async function claimKeyFile(
  path: string,
): Promise<{ write(privateKey: string): Promise<void>; discard(): Promise<void> }> {
  const folder = dirname(path);
  const folderStat = await stat(folder).catch(() => null);
  if (!folderStat?.isDirectory())
    throw new ServiceError(
      'invalid-request',
      `The folder ${folder} does not exist; create it or choose another.`,
    );
  const handle = await open(path, 'wx', 0o600).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST')
      throw new ServiceError(
        'conflict',
        `${path} already exists; Hangar never overwrites a key file. Choose another name.`,
      );
    if (error.code === 'EACCES')
      throw new ServiceError('invalid-request', `Hangar may not write to ${folder}; choose another folder.`);
    throw error;
  });
  return {
    async write(privateKey) {
      try {
        await handle.writeFile(privateKey.endsWith('\n') ? privateKey : `${privateKey}\n`);
      } finally {
        await handle.close();
      }
    },
    async discard() {
      await handle.close().catch(() => undefined);
      await rm(path, { force: true });
    },
  };
}
