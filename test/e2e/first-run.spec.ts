import { expect, test } from '@playwright/test';
import { removeDataDir, startHangarHost, type RunningHost } from './support/hangar-host';
import { imageCount, waitForSyncedCatalog } from './support/catalog-page';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startHangarHost();
});

test.afterAll(async () => {
  await host.stop();
  await removeDataDir(host.dataDir);
});

test('first run opens on the Sandbox and its catalog is browsable at once', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-hangar-ready', 'true');
  await expect(page.getByRole('banner')).toContainText('Sandbox');
  // The sandbox syncs itself on first run; wait for the sync to finish, then for a full catalog.
  expect(await waitForSyncedCatalog(page)).toBeGreaterThan(5000);
  // The token left the address bar once the page had it.
  expect(new URL(page.url()).searchParams.get('token')).toBeNull();

  const table = page.getByRole('grid', { name: 'Images' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  // Virtualised: far fewer rows in the DOM than images in the catalog.
  expect(await table.getByRole('row').count()).toBeLessThan(200);
});

test('search, filter, sort and details', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-hangar-ready', 'true');
  const count = imageCount(page);
  await waitForSyncedCatalog(page);

  await page.keyboard.press('/');
  await expect(page.getByLabel('Search images')).toBeFocused();
  await page.keyboard.type('noble arm64');
  await expect(count).not.toHaveText(/^([\d,]+) of \1 images$/);
  const table = page.getByRole('grid', { name: 'Images' });
  const firstRow = table.getByRole('row').nth(1);
  // Across five clouds a match may sit in a description or tags; names are checked once narrowed to EC2.
  await expect(firstRow).toContainText(/arm64|aarch64/);

  await page.getByRole('button', { name: /^Region:/ }).click();
  await page
    .getByRole('group', { name: 'Region filter' })
    .getByRole('checkbox', { name: 'eu-west-1' })
    .check();
  await page.keyboard.press('Escape');
  await expect(firstRow).toContainText('eu-west-1');
  await expect(firstRow).toContainText('noble');
  await expect(firstRow).toContainText('arm64');
  const filtered = await count.textContent();

  // Sort by name ascending and back: the header says which way it sorts.
  const nameHeader = table.getByRole('columnheader', { name: /Name/ });
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', /ascending|descending/);
  await expect(count).toHaveText(filtered ?? '');

  await firstRow.click();
  const details = page.getByRole('region', { name: 'Image details' });
  await expect(details).toContainText('ami-');
  await expect(details).toContainText('"ImageId"');
  await expect(details).toContainText('eu-west-1');
});
