import { expect, type Locator, type Page } from '@playwright/test';
import type { CloudLabel } from './account-forms';
import { viewTab } from './registry-page';

// Other specs drive the wizard and the tabs together: the tab helper is offered here as well.
export { viewTab };

/** The registration wizard, wherever it was opened from. */
export const wizardDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Register an image' });

const STEPS = ['Cloud and location', 'Image', 'Lookup', 'Details', 'Review'] as const;
export type WizardStepName = (typeof STEPS)[number];

/** Waits for a step's heading, "Step 3 of 5: Lookup". */
export async function expectStep(dialog: Locator, step: WizardStepName): Promise<void> {
  const title = `Step ${STEPS.indexOf(step) + 1} of ${STEPS.length}: ${step}`;
  await expect(dialog.getByRole('heading', { name: title })).toBeVisible({ timeout: 30_000 });
}

/** The Registry tab's "Register image…": the wizard at step 1, nothing pre-filled. */
export async function openWizardFromRegistry(page: Page): Promise<Locator> {
  await viewTab(page, 'Registry').click();
  await page.getByRole('button', { name: 'Register image…' }).click();
  const dialog = wizardDialog(page);
  await expectStep(dialog, 'Cloud and location');
  return dialog;
}

/**
 * Step 1: the cloud (its only account is then taken), the location when given (one the account
 * syncs; with a single one it is taken too), then Next.
 */
export async function chooseWhere(dialog: Locator, cloud: CloudLabel, location?: string): Promise<void> {
  const radio = dialog
    .getByRole('radiogroup', { name: 'Cloud' })
    .getByRole('radio', { name: cloud, exact: true });
  await radio.check();
  await expect(dialog.getByLabel('Account', { exact: true })).not.toHaveValue('');
  const locationField = dialog.getByLabel('Location', { exact: true });
  if (location !== undefined) await locationField.selectOption(location);
  await expect(locationField).not.toHaveValue('');
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expectStep(dialog, 'Image');
}

/** Step 4 as the lookup pre-filled it: what the test reads back from the fields. */
export interface PrefilledDetails {
  name: string;
  osFamily: string;
  osVersion: string;
}

export async function readDetails(dialog: Locator): Promise<PrefilledDetails> {
  await expectStep(dialog, 'Details');
  return {
    name: await dialog.getByLabel('Name', { exact: true }).inputValue(),
    osFamily: await dialog.getByLabel('OS family', { exact: true }).inputValue(),
    osVersion: await dialog.getByLabel('OS version', { exact: true }).inputValue(),
  };
}

/**
 * Step 4 → 5 → Register: gives the record an alias, goes through the review and registers. The
 * wizard closes and the Registry tab shows the new record in its panel.
 */
export async function finishRegistration(page: Page, dialog: Locator, alias: string): Promise<Locator> {
  await expectStep(dialog, 'Details');
  await dialog.getByLabel('Alias', { exact: true }).fill(alias);
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expectStep(dialog, 'Review');
  await expect(dialog.getByRole('region', { name: 'Record' })).toContainText(alias);
  await dialog.getByRole('button', { name: 'Register' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(viewTab(page, 'Registry')).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('region', { name: 'Record details' });
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(new RegExp(`${alias}$`));
  return panel;
}
