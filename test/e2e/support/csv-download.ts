import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import { csvObjects } from './csv';

/**
 * Exports the catalog's current view through Export → "Export as CSV", catches the browser's
 * download (a Blob behind an <a download>) and parses the saved file.
 */
export async function exportViewAsCsv(page: Page): Promise<ReturnType<typeof csvObjects>> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const menu = page.getByRole('group', { name: 'Export the current view' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    menu.getByRole('button', { name: 'Export as CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^hangar-images-\d{8}-\d{4}\.csv$/);
  return csvObjects(await readFile(await download.path(), 'utf8'));
}
