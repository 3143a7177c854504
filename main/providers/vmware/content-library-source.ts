import { MalformedAnswerError, RepeatedListingError } from './vsphere-errors';
import { idList, type VapiSession } from './vapi-session';
import type { LibraryInfo, LibraryItemInfo, LibraryItemRecord, VmTemplateInfo } from './vsphere-records';

/** Item types Hangar lists: what can become a VM. ISO images and plain files are left out. */
export const TEMPLATE_ITEM_TYPES = new Set(['vm-template', 'ovf']);

export interface LibraryListingOptions {
  /** Item detail requests in flight at once. */
  concurrency: number;
  /** After each list request: pages = list requests so far (the library list, then one per library). */
  onPage: (pages: number, items: number) => void;
  signal?: AbortSignal;
}

export function objectWithId<T extends { id: string }>(value: unknown, id: string, what: string): T {
  if (value === null || typeof value !== 'object')
    throw new MalformedAnswerError(`${what} was not an object`);
  const found = (value as { id?: unknown }).id;
  // vCenter's /api answers omit the id of the object asked for; add it back.
  if (found !== undefined && found !== id)
    throw new MalformedAnswerError(`${what} described ${String(found)} instead`);
  return { ...(value as object), id } as T;
}

/** Runs `work` over `inputs` with at most `limit` at a time, keeping input order; stops at the first failure. */
async function mapLimit<I, O>(
  inputs: readonly I[],
  limit: number,
  work: (input: I) => Promise<O>,
): Promise<O[]> {
  const results = new Array<O>(inputs.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < inputs.length && !failed) {
      const index = next;
      next += 1;
      try {
        results[index] = await work(inputs[index] as I);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, worker));
  return results;
}

/**
 * What a vm-template item will deploy; null for other types. Only vm-template items have template
 * details. vcsim 0.24 answers this GET with 400 (it expects a body); a vCenter without the details
 * is no reason to lose the item.
 */
export async function templateDetails(
  session: VapiSession,
  item: LibraryItemInfo,
  signal?: AbortSignal,
): Promise<VmTemplateInfo | null> {
  if (item.type !== 'vm-template') return null;
  const template = await session.getOptional(
    session.paths.vmTemplate(item.id),
    `template ${item.id}`,
    signal,
  );
  return template && typeof template === 'object' ? (template as VmTemplateInfo) : null;
}

/**
 * Every vm-template and ovf item of every content library the user can see. The REST API does
 * not page: a list is all ids at once, then one GET per object. "Pages" are those list requests.
 * An item listed under two libraries means a repeated (stale) listing: that is an error, never
 * a silent merge, because the other library's real items would be lost.
 */
export async function listLibraryItems(
  session: VapiSession,
  options: LibraryListingOptions,
): Promise<LibraryItemRecord[]> {
  const { paths } = session;
  const { signal } = options;
  const libraryIds = idList(
    await session.get(paths.libraries, 'the content library list', signal),
    'the content library list',
  );
  if (new Set(libraryIds).size !== libraryIds.length)
    throw new RepeatedListingError('the content library list named a library twice');
  let pages = 1;
  const records: LibraryItemRecord[] = [];
  options.onPage(pages, 0);
  const listedIn = new Map<string, string>();

  for (const libraryId of libraryIds) {
    const library = objectWithId<LibraryInfo>(
      await session.get(paths.library(libraryId), `library ${libraryId}`, signal),
      libraryId,
      `library ${libraryId}`,
    );
    const itemIds = idList(
      await session.get(paths.items(libraryId), `the items of ${library.name ?? libraryId}`, signal),
      'an item list',
    );
    pages += 1;
    for (const itemId of itemIds) {
      const earlier = listedIn.get(itemId);
      if (earlier !== undefined)
        throw new RepeatedListingError(
          `item ${itemId} was listed for library "${library.name ?? libraryId}" after library ${earlier === libraryId ? 'itself' : `"${earlier}"`}`,
        );
      listedIn.set(itemId, library.name ?? libraryId);
    }
    const details = await mapLimit(itemIds, options.concurrency, async (itemId) => {
      const item = objectWithId<LibraryItemInfo>(
        await session.get(paths.item(itemId), `library item ${itemId}`, signal),
        itemId,
        `library item ${itemId}`,
      );
      if (item.library_id !== undefined && item.library_id !== libraryId)
        throw new RepeatedListingError(
          `item ${itemId} belongs to library ${item.library_id}, not to ${libraryId}`,
        );
      if (!TEMPLATE_ITEM_TYPES.has(item.type ?? '')) return null;
      return { library, item, template: await templateDetails(session, item, signal) };
    });
    for (const record of details) if (record) records.push(record);
    options.onPage(pages, records.length);
    if (signal?.aborted) throw signal.reason as Error;
  }
  return records;
}
