import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { removeDataDir, startHangarHost, type RunningHost } from './support/hangar-host';
import { waitForSyncedCatalog } from './support/catalog-page';
import { secretsOnDisk } from './support/data-files';
import {
  chooseWhere,
  expectStep,
  finishRegistration,
  openWizardFromRegistry,
  viewTab,
} from './support/register-wizard';

// The whole story on the embedded Sandbox's AWS: register, launch with a new key pair, a
// new security group and two RAID volumes, follow it to running, capture and register, try to
// delete the source image while the server exists, terminate, delete.
test.describe.configure({ mode: 'serial' });

let host: RunningHost;
let keysDir: string;
let page: Page;
let sourceImageId = '';

/** Test data: one of the Sandbox account's own, available x86_64 AMIs in us-east-1. */
async function ownAvailableAmi(p: Page): Promise<string> {
  return p.evaluate(async () => {
    const call = async (channel: string, request: unknown) => {
      const response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
      return (await response.json()) as { ok: boolean; data: unknown };
    };
    const page = (await call('catalog:query', {
      workspaceId: 'sandbox',
      filters: {
        clouds: ['aws'],
        regions: ['us-east-1'],
        visibilities: ['private'],
        architectures: ['x86_64'],
        states: ['available'],
        deprecated: 'exclude',
      },
      limit: 20,
    })) as { data: { rows: { cloudId: string }[] } };
    const row = page.data.rows[0];
    if (!row) throw new Error('the Sandbox seeds own AMIs in us-east-1; none found');
    return row.cloudId;
  });
}

const launchesTab = (p: Page): Locator =>
  p.getByRole('tablist', { name: 'Workspace views' }).getByRole('tab', { name: 'Launches', exact: true });

const launchDialog = (p: Page): Locator => p.getByRole('dialog', { name: 'Launch a server' });

async function launchStep(dialog: Locator, n: number, name: string): Promise<void> {
  await expect(dialog.getByRole('heading', { name: `Step ${n} of 7: ${name}` })).toBeVisible({
    timeout: 30_000,
  });
}

test.beforeAll(async ({ browser }) => {
  host = await startHangarHost();
  keysDir = await mkdtemp(join(tmpdir(), 'hangar-e2e-keys-'));
  page = await browser.newPage();
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-hangar-ready', 'true');
  await waitForSyncedCatalog(page);
});

test.afterAll(async () => {
  await page?.close();
  await host?.stop();
  if (host) await removeDataDir(host.dataDir);
  await rm(keysDir, { recursive: true, force: true });
});

test('registers an own AMI', async () => {
  sourceImageId = await ownAvailableAmi(page);
  const dialog = await openWizardFromRegistry(page);
  await chooseWhere(dialog, 'AWS', 'us-east-1');
  await dialog.getByLabel('Image id', { exact: true }).fill(sourceImageId);
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expectStep(dialog, 'Lookup');
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expectStep(dialog, 'Details');
  const family = dialog.getByLabel('OS family', { exact: true });
  if ((await family.inputValue()) === '') await family.selectOption('ubuntu');
  const version = dialog.getByLabel('OS version', { exact: true });
  if ((await version.inputValue()) === '') await version.fill('24.04');
  await finishRegistration(page, dialog, 'Golden web');
});

test('launches from the record with a new key pair, a new security group and two RAID volumes, and follows it to running', async () => {
  const panel = page.getByRole('region', { name: 'Record details' });
  await panel.getByRole('button', { name: 'Launch…' }).click();
  const dialog = launchDialog(page);
  await launchStep(dialog, 1, 'Where');
  await expect(dialog.getByLabel('Account and location', { exact: true })).not.toHaveValue('');
  await dialog.getByRole('button', { name: 'Next' }).click();

  await launchStep(dialog, 2, 'Hardware');
  const flavors = dialog.getByRole('table', { name: 'Hardware flavors' });
  await expect(flavors.getByRole('radio', { checked: true })).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Next' }).click();

  await launchStep(dialog, 3, 'Network');
  await dialog.getByLabel('Public IP address').check();
  await dialog.getByRole('button', { name: 'Create a security group…' }).click();
  await dialog.getByLabel('Group name', { exact: true }).fill('e2e-web');
  await dialog.getByRole('button', { name: 'SSH from anywhere' }).click();
  await dialog.getByRole('button', { name: 'Create group' }).click();
  await expect(
    dialog.getByRole('group', { name: 'Security groups' }).getByRole('checkbox', { name: 'e2e-web' }),
  ).toBeChecked({
    timeout: 30_000,
  });
  await dialog.getByRole('button', { name: 'Next' }).click();

  await launchStep(dialog, 4, 'Access key');
  await dialog.getByRole('radio', { name: 'Create a new key pair' }).check();
  await dialog.getByLabel('Key name', { exact: true }).fill('e2e-key');
  const keyPath = join(keysDir, 'e2e-key.pem');
  await dialog.getByLabel('Save private key to', { exact: true }).fill(keyPath);
  await dialog.getByRole('button', { name: 'Create key pair' }).click();
  await expect(
    dialog.getByText(`Saved to ${keyPath}. Hangar keeps no copy of this private key.`),
  ).toBeVisible({
    timeout: 30_000,
  });
  await dialog.getByRole('button', { name: 'Next' }).click();

  await launchStep(dialog, 5, 'Storage');
  await dialog.getByRole('button', { name: 'Add volume' }).click();
  await dialog.getByRole('button', { name: 'Add volume' }).click();
  for (const n of [1, 2])
    await dialog
      .getByRole('group', { name: `Volume ${n}` })
      .getByLabel('Size (GB)')
      .fill('20');
  await dialog.getByLabel('Assemble as RAID').check();
  await dialog.getByLabel('RAID level', { exact: true }).selectOption('1');
  await dialog.getByLabel('Mount point', { exact: true }).fill('/data');
  await dialog.getByRole('button', { name: 'Preview first-boot script' }).click();
  await expect(dialog.getByRole('region', { name: 'First-boot script' })).toContainText(
    'mdadm --create /dev/md0',
  );
  await dialog.getByRole('button', { name: 'Next' }).click();

  await launchStep(dialog, 6, 'Details');
  await dialog.getByLabel('Server name', { exact: true }).fill('e2e-web');
  await dialog.getByLabel('Billing code', { exact: true }).fill('CC-7');
  await dialog.getByRole('button', { name: 'Next' }).click();

  await launchStep(dialog, 7, 'Summary');
  await expect(dialog.getByText('The cloud accepts this launch.')).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Launch', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });

  const operations = page.getByRole('region', { name: 'Operations' });
  const bar = operations.getByRole('progressbar', { name: 'Launch e2e-web (1×)' });
  await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });

  await launchesTab(page).click();
  const history = page.getByRole('table', { name: 'Launch history' });
  const row = history.getByRole('row').filter({ hasText: 'e2e-web' });
  await expect(row).toContainText('running', { timeout: 30_000 });

  // The key went to the chosen file, owner-only, and nowhere in Hangar's data folder.
  expect((await stat(keyPath)).mode & 0o777).toBe(0o600);
  const key = await readFile(keyPath, 'utf8');
  const keyLines = key.split('\n').filter((line) => line.length >= 40 && !line.startsWith('-----'));
  expect(keyLines.length).toBeGreaterThan(0);
  const scan = await secretsOnDisk(
    host.dataDir,
    keyLines.map((value, i) => ({ label: `private key line ${i + 1}`, value })),
  );
  expect(scan.files).toBeGreaterThan(0);
  expect(scan.found).toEqual([]);
});

test('captures an image from the server and registers it', async () => {
  const row = page
    .getByRole('table', { name: 'Launch history' })
    .getByRole('row')
    .filter({ hasText: 'e2e-web' });
  await row.getByRole('button', { name: 'Capture image…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Capture an image' });
  await dialog.getByLabel('Image name', { exact: true }).fill('e2e-web-golden');
  await dialog.getByRole('radio', { name: 'Register as a new record' }).check();
  await dialog.getByLabel('Record name', { exact: true }).fill('e2e-web-golden');
  const family = dialog.getByLabel('OS family', { exact: true });
  if ((await family.inputValue()) === '') await family.selectOption('ubuntu');
  const version = dialog.getByLabel('OS version', { exact: true });
  if ((await version.inputValue()) === '') await version.fill('24.04');
  await dialog.getByRole('button', { name: 'Capture', exact: true }).click();
  await expect(dialog).toBeHidden();
  const notices = page.getByRole('region', { name: 'Image operations' });
  await expect(notices).toContainText('Done', { timeout: 60_000 });
  await viewTab(page, 'Registry').click();
  await expect(page.getByRole('table', { name: 'Registry records' })).toContainText('e2e-web-golden');
});

async function deleteSourceImage(): Promise<Locator> {
  await viewTab(page, 'Registry').click();
  const records = page.getByRole('table', { name: 'Registry records' });
  await records.getByRole('row').filter({ hasText: 'Golden web' }).click();
  const panel = page.getByRole('region', { name: 'Record details' });
  await panel.getByRole('button', { name: `Image actions for ${sourceImageId}` }).click();
  await page
    .getByRole('menu', { name: `Image actions for ${sourceImageId}` })
    .getByRole('menuitem', { name: 'Delete image…' })
    .click();
  const confirm = page.getByRole('alertdialog', { name: `Delete image ${sourceImageId}?` });
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  return confirm;
}

test('refuses to delete the source image while the server exists, then deletes it once terminated', async () => {
  const refused = await deleteSourceImage();
  const users = refused.getByRole('table', { name: 'Servers still using this image' });
  await expect(users).toContainText('e2e-web', { timeout: 30_000 });
  await refused.getByRole('button', { name: 'Close' }).click();

  await launchesTab(page).click();
  const row = page
    .getByRole('table', { name: 'Launch history' })
    .getByRole('row')
    .filter({ hasText: 'e2e-web' });
  await row.getByRole('button', { name: 'Terminate' }).click();
  await page
    .getByRole('alertdialog', { name: /^Terminate / })
    .getByRole('button', { name: 'Terminate servers' })
    .click();
  await expect(row).toContainText('terminated', { timeout: 60_000 });

  const allowed = await deleteSourceImage();
  await expect(allowed.getByRole('status')).toHaveText(
    `Deleted ${sourceImageId}. Registry mappings of it now show it as missing.`,
    {
      timeout: 30_000,
    },
  );
  await allowed.getByRole('button', { name: 'Close' }).click();
  const mappings = page
    .getByRole('region', { name: 'Record details' })
    .getByRole('table', { name: 'Mappings' });
  await expect(mappings).toContainText('missing');
});
