import { expect, type Locator, type Page } from '@playwright/test';

/** The workspace's tab ("Catalog", "Registry", "Drift"). */
export const viewTab = (page: Page, name: 'Catalog' | 'Registry' | 'Drift'): Locator =>
  page.getByRole('tablist', { name: 'Workspace views' }).getByRole('tab', { name, exact: true });

/** The registry table's row of a record, by its "Select …" checkbox. */
export const recordRow = (page: Page, alias: string): Locator =>
  page
    .getByRole('table', { name: 'Registry records' })
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox', { name: `Select ${alias}`, exact: true }) });

/** The drift report's row of a mapping, by its image id. */
export const driftRow = (page: Page, cloudImageId: string): Locator =>
  page
    .getByRole('table', { name: 'Drift report' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: cloudImageId, exact: true }) });

/** Drift → "Check now", resolved once the check reported back. */
export async function checkDriftNow(page: Page): Promise<void> {
  await viewTab(page, 'Drift').click();
  const checkNow = page.getByRole('button', { name: 'Check now' });
  await checkNow.click();
  // The click clears the last check's note at once; the new one says the check is done.
  await expect(page.getByRole('status').filter({ hasText: /^Checked: / })).toBeVisible({ timeout: 60_000 });
  await expect(checkNow).toBeEnabled();
}

/** The drift badge in a table row (the record's in the registry, the mapping's elsewhere). */
export const badgeIn = (row: Locator): Locator => row.locator('.drift-badge');
