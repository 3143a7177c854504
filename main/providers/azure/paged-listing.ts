import type { PagedAsyncIterableIterator } from '@azure/arm-compute';
import { CloudError } from '../driver';

/** What the SDK hands `onResponse`: enough to learn the URL of the first page. */
type OnResponse = (response: { request: { url: string } }) => void;

/** Links compared as ARM means them: host and path without case, query parameters in any order. */
function linkKey(link: string): string {
  try {
    const url = new URL(link);
    const params = [...url.searchParams.entries()].sort(([a], [b]) => a.localeCompare(b));
    return `${url.origin}${url.pathname.toLowerCase()}?${new URLSearchParams(params).toString()}`;
  } catch {
    return link;
  }
}

export function repeatedPageError(what: string): CloudError {
  return new CloudError({
    code: 'cloud-error',
    message:
      `Azure returned the same page twice while listing ${what} (a repeated nextLink). Hangar stopped rather than ` +
      'loop or count images twice; try again later, and if it keeps happening the endpoint is misbehaving.',
  });
}

/**
 * Walks an SDK pager page by page. The SDK follows `nextLink` blindly, so a service that hands
 * back a link it already served would loop forever; here a link seen before (the first request's
 * URL included) or a resource id seen on an earlier page stops the walk with a CloudError. The
 * SDK sends follow-up pages without the caller's AbortSignal, so the signal is checked between pages.
 */
export async function forEachPage<T extends { id?: string }>(
  open: (onResponse: OnResponse) => PagedAsyncIterableIterator<T>,
  what: string,
  onPage: (items: T[]) => void | Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const seenLinks = new Set<string>();
  const seenIds = new Set<string>();
  let firstUrl: string | undefined;
  const pager = open((response) => {
    firstUrl ??= response.request.url;
  });
  for await (const page of pager.byPage()) {
    if (firstUrl !== undefined) seenLinks.add(linkKey(firstUrl));
    for (const item of page) {
      const id = item.id?.toLowerCase();
      if (id === undefined) continue;
      if (seenIds.has(id)) throw repeatedPageError(what);
      seenIds.add(id);
    }
    await onPage([...page]);
    signal?.throwIfAborted();
    const next = page.continuationToken;
    if (next) {
      const key = linkKey(next);
      if (seenLinks.has(key)) throw repeatedPageError(what);
      seenLinks.add(key);
    }
  }
}

/** Every item of a paged list, guarded as above. */
export async function allPages<T extends { id?: string }>(
  open: (onResponse: OnResponse) => PagedAsyncIterableIterator<T>,
  what: string,
  signal?: AbortSignal,
  onPage?: () => void,
): Promise<T[]> {
  const items: T[] = [];
  await forEachPage(
    open,
    what,
    (page) => {
      items.push(...page);
      onPage?.();
    },
    signal,
  );
  return items;
}
