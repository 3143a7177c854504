import { readFile } from 'node:fs/promises';
import { filesUnder } from './data-files';

/** A string that must appear nowhere Hangar writes or sends, and a label for the report. */
export interface Needle {
  label: string;
  value: string;
}

/** One place the scan looks: a file, the host's output, an API response, a WebSocket frame… */
export interface Haystack {
  where: string;
  content: string | Buffer;
}

/** The secret itself, plus a 20-character slice of it (a truncated or re-wrapped copy still counts). */
export function needlesFor(label: string, secret: string): Needle[] {
  if (secret.length < 20) throw new Error(`${label} is too short to search for reliably.`);
  // The end of a generated secret is its random part: the slice cannot match by chance.
  const slice = secret.slice(-20);
  return [
    { label, value: secret },
    { label: `${label} (20-char slice)`, value: slice },
  ];
}

/**
 * "<label> in <where>" for every needle in every haystack. Binary-safe: a Buffer is searched as
 * bytes, for the needle in UTF-8 and in UTF-16LE (how Chromium's stores keep some strings).
 */
export function findNeedles(haystacks: readonly Haystack[], needles: readonly Needle[]): string[] {
  const hits: string[] = [];
  for (const { where, content } of haystacks) {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    for (const needle of needles) {
      const found =
        bytes.includes(Buffer.from(needle.value, 'utf8')) ||
        bytes.includes(Buffer.from(needle.value, 'utf16le'));
      if (found) hits.push(`${needle.label} in ${where}`);
    }
  }
  return hits;
}

/** Every file under a directory as a haystack, read as raw bytes. */
export async function fileHaystacks(dir: string): Promise<Haystack[]> {
  const files = await filesUnder(dir);
  return Promise.all(files.map(async (file) => ({ where: `file ${file}`, content: await readFile(file) })));
}
