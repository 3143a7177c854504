import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** The sidebar's "Workspaces" region. */
export const workspacesRegion = (page: Page): Locator => page.getByRole('region', { name: 'Workspaces' });

/** The header's badge names the workspace this window shows. */
export async function expectCurrentWorkspace(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('banner')).toContainText(name);
  await expect(workspacesRegion(page).getByRole('button', { name, exact: true })).toHaveAttribute(
    'aria-current',
    'true',
  );
}

/** "New workspace" → name and colour → "Create workspace"; the window then shows it. */
export async function createWorkspace(page: Page, name: string, colour = 1): Promise<void> {
  await workspacesRegion(page).getByRole('button', { name: 'New workspace' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Workspace name', { exact: true }).fill(name);
  await dialog.getByRole('radiogroup', { name: 'Colour' }).getByRole('radio').nth(colour).check();
  await dialog.getByRole('button', { name: 'Create workspace' }).click();
  await expect(dialog).toBeHidden();
  await expectCurrentWorkspace(page, name);
}

/** Ctrl+K → "Switch workspace" → type the name → Enter. */
export async function switchWithPalette(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Switch workspace' });
  const search = palette.getByRole('combobox', { name: 'Search workspaces and actions' });
  await expect(search).toBeFocused();
  await search.fill(name);
  await expect(palette.getByRole('option').first()).toContainText(name);
  await search.press('Enter');
  await expect(palette).toBeHidden();
}

/** "Export workspace" of the current one: the downloaded file's path and text. */
export async function exportCurrentWorkspace(
  page: Page,
): Promise<{ path: string; text: string; name: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    workspacesRegion(page).getByRole('button', { name: 'Export workspace' }).click(),
  ]);
  const path = await download.path();
  return { path, text: await readFile(path, 'utf8'), name: download.suggestedFilename() };
}
