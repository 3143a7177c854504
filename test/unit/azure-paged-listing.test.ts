import { describe, expect, it } from 'vitest';
import type { PagedAsyncIterableIterator } from '@azure/arm-compute';
import { CloudError } from '../../main/providers/driver';
import { allPages } from '../../main/providers/azure/paged-listing';

type Item = { id: string };
interface FakePage {
  items: Item[];
  next?: string;
}

/** A pager shaped like the SDK's: pages carry `continuationToken`, the first request reports its URL. */
function fakePager(firstUrl: string, pages: FakePage[], fetched: string[]) {
  return (onResponse: (r: { request: { url: string } }) => void): PagedAsyncIterableIterator<Item> => {
    async function* byPage() {
      onResponse({ request: { url: firstUrl } });
      fetched.push(firstUrl);
      for (let i = 0; i < pages.length && i < 20; i += 1) {
        const page = pages[i] as FakePage;
        yield Object.assign([...page.items], { continuationToken: page.next });
        if (!page.next) return;
        fetched.push(page.next);
      }
    }
    return { byPage } as unknown as PagedAsyncIterableIterator<Item>;
  };
}

const first = 'https://arm.example/subscriptions/s/providers/Microsoft.Compute/images?api-version=2026-04-01';
const link = (n: number) => `${first}&%24skiptoken=${n}`;

describe('paged listing guard', () => {
  it('follows nextLinks to the end', async () => {
    const fetched: string[] = [];
    const pages = [
      { items: [{ id: 'a' }], next: link(1) },
      { items: [{ id: 'b' }], next: link(2) },
      { items: [{ id: 'c' }] },
    ];
    expect((await allPages(fakePager(first, pages, fetched), 'images')).map((i) => i.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(fetched).toHaveLength(3);
  });

  it('stops at a nextLink it already followed, instead of looping', async () => {
    const fetched: string[] = [];
    const pages = [
      { items: [{ id: 'a' }], next: link(1) },
      { items: [{ id: 'b' }], next: link(1) },
      { items: [{ id: 'x' }] },
    ];
    const error = await allPages(fakePager(first, pages, fetched), 'images').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudError);
    expect((error as CloudError).appError).toMatchObject({
      code: 'cloud-error',
      message: expect.stringContaining('same page twice'),
    });
    expect(fetched).toHaveLength(2);
  });

  it('stops at a nextLink pointing back at the first request, in any parameter order or case', async () => {
    const fetched: string[] = [];
    const back =
      'https://arm.example/subscriptions/s/providers/microsoft.compute/IMAGES?api-version=2026-04-01';
    const pages = [{ items: [{ id: 'a' }], next: back }, { items: [{ id: 'a' }] }];
    await expect(allPages(fakePager(first, pages, fetched), 'images')).rejects.toBeInstanceOf(CloudError);
    expect(fetched).toHaveLength(1);
  });

  it('refuses a page that repeats resource ids', async () => {
    const pages = [{ items: [{ id: 'a' }], next: link(1) }, { items: [{ id: 'A' }] }];
    await expect(allPages(fakePager(first, pages, []), 'images')).rejects.toBeInstanceOf(CloudError);
  });
});
