import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startEc2Sandbox, type Ec2Sandbox } from '../../main/sandbox';
import type { SecretService } from '../support/secret-service';
import { removeDataDir, startHangarHost, type RunningHost } from './support/hangar-host';
import { startKeychain } from './support/keychain';
import { imageCount, waitForSyncedCatalog } from './support/catalog-page';

// Generated for this test; it opens only the stand-in endpoint below.
const key = {
  accessKeyId: 'AKIAE2ECLIENTB000042',
  secretAccessKey: 'e2e-generated-secret-9c41f0a7d3b25e86c1ab',
};

let cloud: Ec2Sandbox;
let keychain: SecretService | null;
let host: RunningHost;

test.beforeAll(async () => {
  keychain = (await startKeychain()).service;
  cloud = await startEc2Sandbox({
    credentials: [{ ...key, allowDescribeImages: true }],
    regions: ['us-east-1', 'eu-west-1'],
  });
  host = await startHangarHost({ args: ['--no-sandbox'], env: keychain?.env ?? {} });
});

test.afterAll(async () => {
  await host.stop();
  await cloud.stop().catch(() => undefined);
  await keychain?.stop();
  await removeDataDir(host.dataDir);
});

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? allFiles(join(dir, entry.name)) : [join(dir, entry.name)])),
  );
  return nested.flat();
}

async function fillAccountForm(page: Page, secret: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Client B');
  await dialog.getByLabel('Access key id').fill(key.accessKeyId);
  await dialog.getByLabel('Secret access key').fill(secret);
  await dialog.getByLabel('Custom endpoint URL (optional)').fill(cloud.endpoint);
  await dialog.getByRole('checkbox', { name: 'us-east-1' }).check();
  await dialog.getByRole('checkbox', { name: 'eu-west-1' }).check();
  await dialog
    .getByRole('checkbox', { name: /amazon/ })
    .first()
    .check();
}

test('add an AWS account, sync it, browse it, then keep browsing it offline', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-hangar-ready', 'true');
  await expect(page.getByText('Add an AWS account to start building a catalog')).toBeVisible();

  await page.getByRole('button', { name: 'Add account' }).click();
  const dialog = page.getByRole('dialog');
  // A wrong region is caught inline before anything is sent.
  await dialog.getByLabel('Other regions').fill('mars-1');
  await dialog.getByRole('button', { name: 'Save account' }).click();
  await expect(dialog.getByText(/use region codes such as/)).toBeVisible();
  await dialog.getByLabel('Other regions').fill('');

  // Test connection says exactly what failed, then that it works.
  await fillAccountForm(page, 'e2e-wrong-secret-000000000000000000000000');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status')).toContainText('Connection failed');
  await expect(dialog.getByRole('status')).toContainText('Check the access key id and secret access key');
  await dialog.getByLabel('Secret access key').fill(key.secretAccessKey);
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('status')).toContainText('Connection works');
  if (!keychain) await dialog.getByLabel('This session only').check();
  await dialog.getByRole('button', { name: 'Save account' }).click();
  await expect(dialog).toBeHidden();

  const accounts = page.getByRole('region', { name: 'Accounts' });
  await expect(accounts).toContainText('Client B');
  await expect(accounts).toContainText(keychain ? 'keychain' : 'this session only');

  // Sync with progress, then a per-source result.
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText(/Sync finished: 4 sources/)).toBeVisible();
  const count = imageCount(page);
  expect(await waitForSyncedCatalog(page)).toBeGreaterThan(100);
  const cachedTotal = await count.textContent();

  await page.getByLabel('Search images').fill('al2023 arm64');
  const firstRow = page.getByRole('grid', { name: 'Images' }).getByRole('row').nth(1);
  await expect(firstRow).toContainText('al2023');
  await firstRow.click();
  await expect(page.getByRole('region', { name: 'Image details' })).toContainText('"Architecture": "arm64"');

  // The secret is in the keychain (or memory), and in no file Hangar wrote.
  for (const file of await allFiles(host.dataDir)) {
    expect(await readFile(file, 'utf8'), file).not.toContain(key.secretAccessKey);
  }

  // Offline: the endpoint goes away. Sync fails with a clear message; nothing is lost.
  await cloud.stop();
  await page.getByRole('button', { name: 'Sync all' }).click();
  await expect(
    page.getByText(/cached catalog is still browsable|cached images stay browsable/i).first(),
  ).toBeVisible();
  const sources = page.getByRole('region', { name: 'Sources' });
  await expect(sources.getByText('stale').first()).toBeVisible();
  await expect(sources).toContainText(/last sync failed/i);
  await page.getByLabel('Search images').fill('');
  await expect(count).toHaveText(cachedTotal ?? '');
  await page.getByLabel('Search images').fill('Windows_Server-2022');
  await expect(firstRow).toContainText('Windows_Server-2022');

  // Removing the account removes its keychain entry and its cache.
  await accounts.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove account' }).click();
  await expect(accounts).toContainText(
    keychain ? 'Removed Client B and its keychain entry' : 'Removed Client B',
  );
  await expect(accounts).toContainText('No accounts yet');
  await expect(page.getByText('Add an AWS account to start building a catalog')).toBeVisible();
});
