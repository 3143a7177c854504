import { expect, test, type Locator } from '@playwright/test';
import type { CloudLabel } from './support/account-forms';
import { imageCount } from './support/catalog-page';
import {
  countLine,
  detailValue,
  facetCount,
  openFacet,
  readImageCount,
  renderedColumn,
  timelineMonths,
} from './support/catalog-view';
import { exportViewAsCsv } from './support/csv-download';
import { secretsOnDisk } from './support/data-files';
import {
  addFiveAccounts,
  FIVE_ACCOUNTS as ACCOUNTS,
  startFiveCloudSession,
  syncAll,
  type FiveCloudSession,
} from './support/five-accounts';

// Dates render in the UTC, en-US terms main uses to bucket deprecation months.
test.use({ locale: 'en-US', timezoneId: 'UTC', acceptDownloads: true });

let session: FiveCloudSession | undefined;

test.beforeAll(async () => {
  session = await startFiveCloudSession();
});

test.afterAll(async () => {
  await session?.stop();
});

const sum = (values: number[]) => values.reduce((total, n) => total + n, 0);

test('five clouds: add each, sync all, filter across clouds, timeline, export, then browse offline', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const { clouds: standIns, host, keychain } = session!;
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('data-hangar-ready', 'true');

  // ── One account per cloud, each tested before it is saved ──
  await addFiveAccounts(page, standIns, keychain !== null);
  const accounts = page.getByRole('region', { name: 'Accounts' });
  const storedIn = accounts.getByText(keychain ? 'keychain' : 'this session only', { exact: true });
  await expect(storedIn).toHaveCount(ACCOUNTS.length);

  // ── Sync all: every source of every cloud succeeds ──
  const sources = page.getByRole('region', { name: 'Sources' });
  const { total, sourceCount } = await syncAll(page);
  expect(sourceCount).toBeGreaterThanOrEqual(ACCOUNTS.length);

  // ── Each cloud alone: the count its facet promised, only its rows; all five make the whole ──
  const grid = page.getByRole('grid', { name: 'Images' });
  const cloudFacet = await openFacet(page, 'Cloud');
  const cloudBox = (cloud: CloudLabel): Locator =>
    cloudFacet.getByRole('checkbox', { name: cloud, exact: true });
  const perCloud: Record<string, number> = {};
  for (const { cloud, badge, value } of ACCOUNTS) {
    const expected = await facetCount(cloudBox(cloud));
    expect(expected, `${cloud} images`).toBeGreaterThan(0);
    await cloudBox(cloud).check();
    await expect(imageCount(page)).toHaveText(countLine(expected, total));
    expect(new Set(await renderedColumn(grid, 'Cloud'))).toEqual(new Set([badge]));
    perCloud[value] = expected;
    await cloudBox(cloud).uncheck();
    await expect(imageCount(page)).toHaveText(countLine(total, total));
  }
  expect(sum(Object.values(perCloud))).toBe(total);

  // ── Across clouds: Ubuntu everywhere, then Ubuntu on Google Cloud and Azure, exported as CSV ──
  const ubuntu = (await openFacet(page, 'OS')).getByRole('checkbox', { name: 'Ubuntu', exact: true });
  const ubuntuCount = await facetCount(ubuntu);
  await ubuntu.check();
  await expect(imageCount(page)).toHaveText(countLine(ubuntuCount, total));
  // Once recounted, the cloud facet says how many Ubuntu images each cloud holds.
  await expect(page.getByRole('region', { name: 'Filters' }).getByText('counting…')).toHaveCount(0);
  const ubuntuPerCloud: Record<string, number> = {};
  for (const { cloud, value } of ACCOUNTS) ubuntuPerCloud[value] = await facetCount(cloudBox(cloud));
  expect(sum(Object.values(ubuntuPerCloud))).toBe(ubuntuCount);
  expect(Object.values(ubuntuPerCloud).filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
  expect(ubuntuPerCloud.gcp).toBeGreaterThan(0);
  expect(ubuntuPerCloud.azure).toBeGreaterThan(0);
  const crossCount = ubuntuPerCloud.gcp! + ubuntuPerCloud.azure!;
  await cloudBox('Google Cloud').check();
  await cloudBox('Azure').check();
  await expect(imageCount(page)).toHaveText(countLine(crossCount, total));
  expect(new Set(await renderedColumn(grid, 'Cloud'))).toEqual(new Set(['GCP', 'Azure']));
  for (const os of await renderedColumn(grid, 'OS')) expect(os).toMatch(/^ubuntu\b/);

  const crossCsv = await exportViewAsCsv(page);
  expect(crossCsv.header.slice(0, 4)).toEqual(['key', 'cloud', 'accountId', 'accountName']);
  expect(crossCsv.header).toEqual(expect.arrayContaining(['cloudId', 'name', 'osFamily', 'deprecatesAt']));
  expect(crossCsv.rows).toHaveLength(crossCount);
  expect(new Set(crossCsv.rows.map((row) => row.key)).size).toBe(crossCount);
  expect(new Set(crossCsv.rows.map((row) => row.cloud))).toEqual(new Set(['gcp', 'azure']));
  expect(new Set(crossCsv.rows.map((row) => row.osFamily))).toEqual(new Set(['ubuntu']));
  const exported = `Exported ${crossCount.toLocaleString('en-US')} images to hangar-images-`;
  await expect(page.getByText(new RegExp(`^${exported}`))).toBeVisible();

  // ── The timeline of everything, then its busiest month's images back in the table ──
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(imageCount(page)).toHaveText(countLine(total, total));
  const views = page.getByRole('group', { name: 'View' });
  await views.getByRole('button', { name: 'Timeline' }).click();
  const timeline = page.getByRole('region', { name: 'Deprecation timeline' });
  await expect(timeline.getByRole('img')).toHaveAttribute('aria-label', /^Images reaching deprecation/);
  const months = await timelineMonths(timeline);
  const busiest = months.reduce((best, month) => (month.count > best.count ? month : best));
  await timeline.getByRole('button', { name: busiest.label }).click();

  await expect(timeline).toBeHidden();
  await expect(views.getByRole('button', { name: 'Table' })).toHaveAttribute('aria-pressed', 'true');
  await expect(imageCount(page)).toHaveText(countLine(busiest.count, total));
  await expect(page.getByText(`· deprecating in ${busiest.monthLabel}`)).toBeVisible();
  for (const day of await renderedColumn(grid, 'Deprecation'))
    expect(day).toMatch(new RegExp(`^${busiest.isoMonth}-`));
  const monthCsv = await exportViewAsCsv(page);
  expect(monthCsv.rows).toHaveLength(busiest.count);
  for (const row of monthCsv.rows) expect(row.deprecatesAt).toMatch(new RegExp(`^${busiest.isoMonth}-`));

  const firstRow = grid.locator('.grid-body [role="row"]').first();
  const firstId = (await firstRow.locator('.col-id .cell-text').textContent()) ?? '';
  expect(firstId).not.toBe('');
  await firstRow.click();
  const details = page.getByRole('region', { name: 'Image details' });
  await expect(detailValue(details, 'Image id')).toHaveText(firstId);
  // "[state · ]M/D/YYYY, h:mm:ss AM (hint)" in en-US, UTC.
  await expect(detailValue(details, 'Deprecation')).toHaveText(
    new RegExp(`^([^·]+ · )?${busiest.month}/\\d{1,2}/${busiest.year}, `),
  );
  await details.getByRole('button', { name: 'Close details' }).click();

  // ── No secret in any file Hangar wrote ──
  const scan = await secretsOnDisk(host.dataDir, standIns.secrets);
  expect(scan.files).toBeGreaterThan(0);
  expect(scan.found).toEqual([]);

  // ── Offline: every stand-in goes away; syncing fails clearly and the cache stays as it was ──
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(imageCount(page)).toHaveText(countLine(total, total));
  const search = page.getByLabel('Search images');
  await search.fill('debian');
  // Typed at once, so the first count that differs from the whole catalog is the search's.
  await expect(imageCount(page)).not.toHaveText(countLine(total, total));
  const debian = (await readImageCount(page)).shown;
  expect(debian).toBeGreaterThan(0);
  await search.fill('');
  await expect(imageCount(page)).toHaveText(countLine(total, total));

  await standIns.stopAll();
  await sources.getByRole('button', { name: 'Sync all' }).click();
  await expect(page.getByText(`${sourceCount.toLocaleString('en-US')} sources failed.`)).toBeVisible({
    timeout: 90_000,
  });
  await expect(
    page.getByText('The cloud could not be reached; the cached catalog is still browsable.'),
  ).toBeVisible();
  await expect(sources.getByText('stale', { exact: true })).toHaveCount(sourceCount);
  const errors = sources.locator('.source-error');
  await expect(errors).toHaveCount(sourceCount);
  await expect(
    errors.filter({ hasText: /^cloud-unreachable .+ The cached images are still browsable\.$/ }),
  ).toHaveCount(sourceCount);

  await expect(imageCount(page)).toHaveText(countLine(total, total));
  await search.fill('debian');
  await expect(imageCount(page)).toHaveText(countLine(debian, total));
  await search.fill('');
  await expect(imageCount(page)).toHaveText(countLine(total, total));
  for (const { cloud, value } of ACCOUNTS) {
    await cloudBox(cloud).check();
    await expect(imageCount(page)).toHaveText(countLine(perCloud[value]!, total));
    await cloudBox(cloud).uncheck();
  }
  await expect(imageCount(page)).toHaveText(countLine(total, total));
  console.log(
    `five clouds: ${sourceCount} sources, ${total} images (${ACCOUNTS.map((a) => `${a.value} ${perCloud[a.value]}`).join(', ')}); ` +
      `Ubuntu on GCP+Azure ${crossCount}; ${busiest.monthLabel} ${busiest.count}; keychain ${keychain ? 'yes' : 'no'}`,
  );
});
