import { expect, test, type Page } from '@playwright/test';
import {
  OPENSTACK_SANDBOX_DEMO,
  startOpenStackSandbox,
  type OpenStackSandbox,
} from '../../main/sandbox/openstack';
import { imageCount, waitForSyncedCatalog } from './support/catalog-page';
import { renderedColumn } from './support/catalog-view';
import { makeFakeHome, type FakeHome } from './support/fake-home';
import { removeDataDir, startHangarHost, type RunningHost } from './support/hangar-host';
import { isolationViolations, watchIsolation } from './support/workspace-isolation';
import {
  createWorkspace,
  expectCurrentWorkspace,
  exportCurrentWorkspace,
  switchWithPalette,
  workspacesRegion,
} from './support/workspace-ui';

// Issue 6: client workspaces fed from this machine's credentials, kept apart, exported and re-imported.
test.use({ locale: 'en-US', timezoneId: 'UTC', acceptDownloads: true });

const AWS_PROFILE = 'client-a';
const OPENSTACK_CLOUD = 'client-b';
const AWS_ACCOUNT = `AWS ${AWS_PROFILE}`;
const OPENSTACK_ACCOUNT = `OpenStack ${OPENSTACK_CLOUD}`;

let openstack: OpenStackSandbox | undefined;
let home: FakeHome | undefined;
let host: RunningHost | undefined;

test.beforeAll(async () => {
  openstack = await startOpenStackSandbox({ port: 0 });
  home = await makeFakeHome({
    awsProfile: {
      name: AWS_PROFILE,
      accessKeyId: 'AKIACLIENTA000000001',
      secretAccessKey: 'client-a-secret-that-opens-nothing-0123456789',
      region: 'eu-west-1',
    },
    openstack: {
      cloud: OPENSTACK_CLOUD,
      authUrl: openstack.authUrl,
      username: OPENSTACK_SANDBOX_DEMO.username,
      password: OPENSTACK_SANDBOX_DEMO.password,
      project: OPENSTACK_SANDBOX_DEMO.projectName,
      region: openstack.regions[0] ?? 'RegionOne',
    },
  });
  host = await startHangarHost({ args: ['--no-sandbox'], env: home.env });
});

test.afterAll(async () => {
  await host?.stop();
  await openstack?.stop();
  await home?.remove();
  if (host) await removeDataDir(host.dataDir);
});

/** Accounts → "Import from this machine" → tick one candidate → "Import selected", kept for this session. */
async function importFromMachine(page: Page, candidate: string): Promise<void> {
  const accounts = page.getByRole('region', { name: 'Accounts' });
  await accounts.getByRole('button', { name: 'Import from this machine' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import from this machine' });
  const found = dialog.getByRole('list', { name: 'Credentials found' });
  // Both files are found in every workspace; only the chosen one is imported.
  await expect(found.getByRole('checkbox', { name: AWS_ACCOUNT, exact: true })).toBeVisible();
  await expect(found.getByRole('checkbox', { name: OPENSTACK_ACCOUNT, exact: true })).toBeVisible();
  await found.getByRole('checkbox', { name: candidate, exact: true }).check();
  await dialog.getByRole('radio', { name: 'This session only' }).check();
  await dialog.getByRole('button', { name: 'Import selected' }).click();
  await expect(dialog).toBeHidden();
  await expect(accounts).toContainText(candidate);
}

test('client workspaces: import from this machine, switch with the palette, export and import back', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(host!.url);
  await expect(page.locator('html')).toHaveAttribute('data-hangar-ready', 'true');
  const accounts = page.getByRole('region', { name: 'Accounts' });
  const grid = page.getByRole('grid', { name: 'Images' });

  // ── Client A: the AWS profile, not synced (its endpoint goes nowhere) ──
  await createWorkspace(page, 'Client A', 1);
  await importFromMachine(page, AWS_ACCOUNT);
  await page
    .getByRole('status')
    .filter({ hasText: AWS_ACCOUNT })
    .getByRole('button', { name: 'Later' })
    .click();

  // ── Client B: the clouds.yaml cloud, synced against the OpenStack stand-in ──
  await createWorkspace(page, 'Client B', 2);
  await expect(accounts).not.toContainText(AWS_ACCOUNT);
  await importFromMachine(page, OPENSTACK_ACCOUNT);
  await page
    .getByRole('status')
    .filter({ hasText: OPENSTACK_ACCOUNT })
    .getByRole('button', { name: 'Sync now' })
    .click();
  const totalB = await waitForSyncedCatalog(page);
  expect(totalB).toBeGreaterThan(0);
  const imageNamesB = (await renderedColumn(grid, 'Name')).filter((name) => name.length >= 8).slice(0, 5);
  expect(imageNamesB.length).toBeGreaterThan(0);

  // The watcher can fail: in B, B's own account counts as a violation of a "Client B" watch.
  await watchIsolation(page, 'Client B', [OPENSTACK_ACCOUNT]);
  expect(await isolationViolations(page)).toEqual([
    `"${OPENSTACK_ACCOUNT}" shown while the header says Client B`,
  ]);

  // ── Switch to A with the palette: from the first frame, nothing of B ──
  await watchIsolation(page, 'Client A', [OPENSTACK_ACCOUNT, ...imageNamesB]);
  await switchWithPalette(page, 'Client A');
  await expectCurrentWorkspace(page, 'Client A');
  await expect(accounts).toContainText(AWS_ACCOUNT);
  await expect(accounts).not.toContainText(OPENSTACK_ACCOUNT);
  await expect(imageCount(page)).toHaveText('0 of 0 images');
  for (const name of imageNamesB) await expect(page.getByText(name, { exact: true })).toHaveCount(0);
  expect(await isolationViolations(page)).toEqual([]);

  // ── Back to B, exported ──
  await switchWithPalette(page, 'Client B');
  await expectCurrentWorkspace(page, 'Client B');
  await expect(accounts).toContainText(OPENSTACK_ACCOUNT);
  await expect(accounts).not.toContainText(AWS_ACCOUNT);
  const exported = await exportCurrentWorkspace(page);
  expect(exported.text).toContain(OPENSTACK_ACCOUNT);
  expect(exported.text).toContain(openstack!.authUrl);
  expect(exported.text).not.toContain(OPENSTACK_SANDBOX_DEMO.password);
  expect(exported.text).not.toContain(AWS_ACCOUNT);

  // ── Imported back: a new workspace whose account waits for its secret, then syncs ──
  await workspacesRegion(page).getByRole('button', { name: 'Import workspace' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import workspace' });
  await dialog.getByLabel('Workspace file').setInputFiles(exported.path);
  await dialog.getByRole('button', { name: 'Import workspace' }).click();
  const imported = dialog.getByRole('status').filter({ hasText: /^Imported / });
  await expect(imported).toContainText('with 1 account; this window now shows it.');
  const importedName = (await imported.locator('strong').textContent()) ?? '';
  expect(importedName).toMatch(/^Client B/);

  const secrets = dialog.getByRole('form', { name: 'Secrets for the imported accounts' });
  await expect(secrets).toContainText(OPENSTACK_ACCOUNT);
  await secrets.getByLabel('Password', { exact: true }).fill(OPENSTACK_SANDBOX_DEMO.password);
  await secrets.getByRole('radio', { name: 'This session only' }).check();
  await secrets.getByRole('button', { name: 'Save secrets' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: /^Saved 1 secret/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  // The dialog made the rest of the window inert; now the header and list can be read again.
  await expectCurrentWorkspace(page, importedName);
  await expect(workspacesRegion(page).getByRole('button', { name: /^Client B/ })).toHaveCount(2);

  await expect(accounts).toContainText(OPENSTACK_ACCOUNT);
  await expect(accounts.getByText('this session only', { exact: true })).toHaveCount(1);
  await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'Sync all' }).click();
  expect(await waitForSyncedCatalog(page)).toBe(totalB);
  console.log(`workspaces: Client B ${totalB} images; imported as "${importedName}" and synced again`);
});
