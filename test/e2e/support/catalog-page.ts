import { expect, type Page } from '@playwright/test';

/** The "N of M images" line above the table. */
export const imageCount = (page: Page) => page.getByText(/^[\d,]+ of [\d,]+ images$/);

/**
 * Waits for a sync to finish and for the table to show everything it cached: the headline's image
 * total must equal the catalog size shown (the refetch after the last source can lag the headline).
 */
export async function waitForSyncedCatalog(page: Page, filtered = false): Promise<number> {
  const headline = page.getByText(/^Sync finished: [\d,]+ sources?, [\d,]+ images/);
  await expect(headline).toBeVisible({ timeout: 60_000 });
  const text = (await headline.textContent()) ?? '';
  const total = /([\d,]+) images/.exec(text)?.[1] ?? '0';
  await expect(imageCount(page)).toHaveText(
    filtered ? new RegExp(` of ${total} images$`) : `${total} of ${total} images`,
  );
  return Number(total.replace(/,/g, ''));
}
