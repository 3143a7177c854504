import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file under a directory, recursively. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? filesUnder(join(dir, entry.name)) : Promise.resolve([join(dir, entry.name)]),
    ),
  );
  return nested.flat();
}

/** "<label> in <file>" for every secret found in any file under `dir` (none: an empty list). */
export async function secretsOnDisk(
  dir: string,
  secrets: readonly { label: string; value: string }[],
): Promise<{ files: number; found: string[] }> {
  const files = await filesUnder(dir);
  const found: string[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    for (const secret of secrets) if (text.includes(secret.value)) found.push(`${secret.label} in ${file}`);
  }
  return { files: files.length, found };
}
