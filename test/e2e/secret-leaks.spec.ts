import { expect, test } from '@playwright/test';
import type { SecretService } from '../support/secret-service';
import {
  chooseStorage,
  fillAwsForm,
  fillAzureForm,
  fillGcpForm,
  fillOpenStackForm,
  fillVmwareForm,
  openAddAccount,
  saveAccount,
  testConnection,
  type CloudLabel,
} from './support/account-forms';
import { imageCount, waitForSyncedCatalog } from './support/catalog-page';
import { countLine } from './support/catalog-view';
import { removeDataDir, startHangarHost, type RunningHost } from './support/hangar-host';
import { startKeychain } from './support/keychain';
import { fileHaystacks, findNeedles, type Haystack } from './support/leak-scan';
import { startLeakStandIns, useOpenStackUser, type LeakStandIns } from './support/leak-stand-ins';
import { rendererStorage } from './support/renderer-storage';
import { recordTraffic } from './support/traffic-recorder';
import { createWorkspace, exportCurrentWorkspace } from './support/workspace-ui';

// Issue 6, "Proof that nothing leaks": every secret of a full session, searched for everywhere
// Hangar writes or sends something the user (or another process) could read.
test.use({ locale: 'en-US', timezoneId: 'UTC', acceptDownloads: true });

let keychain: SecretService | null = null;
let skipReason: string | null = null;
let standIns: LeakStandIns | undefined;
let host: RunningHost | undefined;

test.beforeAll(async () => {
  ({ service: keychain, skipReason } = await startKeychain());
  if (!keychain) return;
  standIns = await startLeakStandIns();
  host = await startHangarHost({
    args: ['--no-sandbox'],
    env: { ...keychain.env, NODE_EXTRA_CA_CERTS: standIns.clouds.azureCaFile },
  });
});

test.afterAll(async () => {
  await host?.stop();
  await standIns?.clouds.stopAll();
  await keychain?.stop();
  if (host) await removeDataDir(host.dataDir);
});

const ACCOUNTS: { cloud: CloudLabel; name: string }[] = [
  { cloud: 'AWS', name: 'Leak AWS' },
  { cloud: 'Google Cloud', name: 'Leak Google' },
  { cloud: 'Azure', name: 'Leak Azure' },
  { cloud: 'OpenStack', name: 'Leak OpenStack' },
  { cloud: 'VMware', name: 'Leak vCenter' },
];
const FILL = {
  AWS: fillAwsForm,
  'Google Cloud': fillGcpForm,
  Azure: fillAzureForm,
  OpenStack: fillOpenStackForm,
  VMware: fillVmwareForm,
} as const;

test('no secret of a full five-cloud session reaches disk, logs, exports, the page or the wire', async ({
  page,
}) => {
  test.skip(keychain === null, `needs a real Secret Service: ${skipReason}`);
  test.setTimeout(180_000);
  const run = standIns!;
  const traffic = recordTraffic(page);
  await page.goto(host!.url);
  await expect(page.locator('html')).toHaveAttribute('data-hangar-ready', 'true');
  await createWorkspace(page, 'Leak check');

  // ── Five accounts, each tested in the dialog, secrets kept in the keychain ──
  for (const account of ACCOUNTS) {
    const dialog = await openAddAccount(page, account.cloud);
    await FILL[account.cloud](dialog, account.name, run.clouds);
    if (account.cloud === 'OpenStack') await useOpenStackUser(dialog, run.openstackUser);
    await chooseStorage(dialog, true);
    const status = await testConnection(dialog);
    if (account.cloud === 'VMware') {
      await expect(status).toContainText('Connection failed');
      await dialog.getByRole('button', { name: 'Trust this certificate' }).click();
    }
    await expect(status).toContainText('Connection works', { timeout: 30_000 });
    await saveAccount(dialog);
  }
  const accounts = page.getByRole('region', { name: 'Accounts' });
  await expect(accounts.getByText('keychain', { exact: true })).toHaveCount(ACCOUNTS.length);

  // ── Each saved account tested again, now with its secret read back from the keychain ──
  for (const button of await accounts.getByRole('button', { name: 'Test connection' }).all())
    await button.click();
  await expect(accounts.getByText('Connection works')).toHaveCount(ACCOUNTS.length, { timeout: 30_000 });

  // ── Sync all, search, details ──
  await page.getByRole('region', { name: 'Sources' }).getByRole('button', { name: 'Sync all' }).click();
  const total = await waitForSyncedCatalog(page);
  expect(total).toBeGreaterThan(0);
  const search = page.getByLabel('Search images');
  await search.fill('ubuntu');
  await expect(imageCount(page)).not.toHaveText(countLine(total, total));
  const grid = page.getByRole('grid', { name: 'Images' });
  await grid.locator('.grid-body [role="row"]').first().click();
  const details = page.getByRole('region', { name: 'Image details' });
  await expect(details).toContainText(/ubuntu/i);
  await details.getByRole('button', { name: 'Close details' }).click();
  await search.fill('');

  // ── The OpenStack password changes at the cloud, then in Hangar ──
  const rotated = run.rotateOpenStackPassword();
  const openstackItem = accounts.getByRole('listitem').filter({ hasText: 'Leak OpenStack' });
  await openstackItem.getByRole('button', { name: 'Rotate secret' }).click();
  const rotate = page.getByRole('dialog', { name: 'Rotate secret for Leak OpenStack' });
  await rotate.getByLabel('Password', { exact: true }).fill(rotated);
  await rotate.getByRole('radio', { name: 'OS keychain' }).check();
  await rotate.getByRole('button', { name: 'Save secret' }).click();
  await expect(rotate).toBeHidden();
  await openstackItem.getByRole('button', { name: 'Test connection' }).click();
  await expect(openstackItem.getByRole('status')).toContainText('Connection works', { timeout: 30_000 });

  // ── Lock, then export the workspace ──
  await page.getByRole('banner').getByRole('button', { name: 'Lock now' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Locked: / })).toBeVisible();
  const exported = await exportCurrentWorkspace(page);
  for (const { name } of ACCOUNTS) expect(exported.text).toContain(name);

  // ── Everywhere a secret could have gone ──
  const haystacks: Haystack[] = [
    ...(await fileHaystacks(host!.dataDir)),
    { where: 'host stdout/stderr', content: host!.output.join('\n') },
    { where: `exported workspace ${exported.name}`, content: exported.text },
    ...(await rendererStorage(page)),
    ...(await traffic.haystacks()),
    { where: 'browser context cookies', content: JSON.stringify(await page.context().cookies()) },
  ];
  const places = (prefix: string) => haystacks.filter((h) => h.where.startsWith(prefix)).length;
  const { responses, frames } = traffic.counts();
  console.log(
    `secret leaks: ${run.needles.length} needles in ${haystacks.length} places ` +
      `(${places('file ')} files, ${responses} API responses, ${frames} WebSocket frames); ${total} images`,
  );

  // The scan can fail: it finds every needle planted in text and in UTF-16 bytes…
  for (const needle of run.needles) {
    const planted = [
      { where: 'planted text', content: `{"x":"…${needle.value}…"}` },
      { where: 'planted UTF-16', content: Buffer.from(`..${needle.value}..`, 'utf16le') },
    ];
    expect(findNeedles(planted, [needle])).toEqual([
      `${needle.label} in planted text`,
      `${needle.label} in planted UTF-16`,
    ]);
  }
  // …and each place really holds what Hangar wrote or sent there (the account names).
  const named = (prefix: string) =>
    findNeedles(
      haystacks.filter((h) => h.where.startsWith(prefix)),
      [{ label: 'account name', value: 'Leak OpenStack' }],
    );
  expect(named('file ').length).toBeGreaterThan(0);
  expect(named('API response').length).toBeGreaterThan(0);
  expect(named('exported workspace').length).toBe(1);
  expect(places('renderer ')).toBe(5);

  const hits = findNeedles(haystacks, run.needles);
  expect(hits, `secrets found:\n${hits.join('\n')}`).toEqual([]);
});
