import { expect, type Locator, type Page } from '@playwright/test';
import type { CloudLabel } from './account-forms';
import { imageCount } from './catalog-page';
import { countLine, facetCount, openFacet, readImageCount } from './catalog-view';

/** One image as the catalog table shows it. */
export interface CatalogImage {
  name: string;
  id: string;
  region: string;
  os: string;
  architecture: string;
  deprecation: string;
  state: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** States in which a cloud offers an image for new launches (each cloud spells it its own way). */
const USABLE_STATES = /^(available|active|ready|succeeded|template|ovf|vm-template|ok)$/i;

/** Well outside the drift window (90 days): no date at all, or a day more than 180 days away. */
function farFromDeprecation(cell: string): boolean {
  if (cell === '—') return true;
  const day = Date.parse(`${cell}T00:00:00Z`);
  return !Number.isNaN(day) && day - Date.now() > 180 * 86_400_000;
}

/** Ticks a facet value and waits for the table to show the count the facet announced. */
async function tickFacet(page: Page, facet: string, value: string, total: number): Promise<Locator> {
  // Counts are recounted for the filters already set: read this one once that is done.
  await expect(page.getByRole('region', { name: 'Filters' }).getByText('counting…')).toHaveCount(0);
  const box = (await openFacet(page, facet)).getByRole('checkbox', { name: value, exact: true });
  const expected = await facetCount(box);
  await box.check();
  await expect(imageCount(page)).toHaveText(countLine(expected, total));
  return box;
}

/**
 * The images of one cloud (and architecture, when given) the catalog table has rendered, far from
 * deprecation and in a usable state, in table order: ones a lookup must find without warnings.
 * Filters the table with the facets, reads the rows, then clears those filters again.
 */
export async function cleanCatalogImages(
  page: Page,
  cloud: CloudLabel,
  architecture?: string,
): Promise<CatalogImage[]> {
  const { total } = await readImageCount(page);
  const boxes = [await tickFacet(page, 'Cloud', cloud, total)];
  if (architecture) boxes.push(await tickFacet(page, 'Architecture', architecture, total));
  const grid = page.getByRole('grid', { name: 'Images' });
  const rows = grid.locator('[role="rowgroup"].grid-body [role="row"]:not(.group-row)');
  await expect(rows.first()).toBeVisible();
  await expect(grid).not.toHaveAttribute('aria-busy', 'true');
  await expect(grid.locator('[role="row"][aria-busy="true"]')).toHaveCount(0);
  await expect(rows.first().locator('.col-id .cell-text')).not.toHaveText('');
  const headers = (await grid.getByRole('columnheader').allTextContents()).map((text) =>
    text.replace(/[▲▼]/g, '').trim(),
  );
  // A cell's own text, without its buttons (copy id, the row's "…" menu).
  const read = await rows.evaluateAll((elements) =>
    elements.map((row) =>
      [...row.querySelectorAll('[role="gridcell"]')].map((cell) => {
        const copy = cell.cloneNode(true) as typeof cell;
        copy.querySelectorAll('button').forEach((button: { remove(): void }) => button.remove());
        return copy.textContent?.trim() ?? '';
      }),
    ),
  );
  const column = (cells: string[], header: string): string => {
    const index = headers.indexOf(header);
    if (index < 0) throw new Error(`No "${header}" column among: ${headers.join(', ')}`);
    return cells[index] ?? '';
  };
  const images = read.map((cells) => ({
    name: column(cells, 'Name'),
    id: column(cells, 'ID'),
    region: column(cells, 'Region'),
    os: column(cells, 'OS'),
    architecture: column(cells, 'Architecture'),
    deprecation: column(cells, 'Deprecation'),
    state: column(cells, 'State'),
  }));
  for (const box of boxes.reverse()) await box.uncheck();
  await expect(imageCount(page)).toHaveText(countLine(total, total));
  return images.filter((image) => farFromDeprecation(image.deprecation) && USABLE_STATES.test(image.state));
}

/**
 * Searches the table for this image's id and resolves with its row (the one in its region: a
 * Marketplace URN names the same image in every Azure location).
 */
export async function showOnly(page: Page, image: Pick<CatalogImage, 'id' | 'region'>): Promise<Locator> {
  const { total } = await readImageCount(page);
  await page.getByLabel('Search images').fill(image.id);
  await expect(imageCount(page)).not.toHaveText(countLine(total, total));
  const grid = page.getByRole('grid', { name: 'Images' });
  const row = grid
    .locator('[role="rowgroup"].grid-body [role="row"]:not(.group-row)')
    .filter({
      has: page.locator('.col-id .cell-text', { hasText: new RegExp(`^${escapeRegExp(image.id)}$`) }),
    })
    .filter({ has: page.getByRole('gridcell', { name: image.region, exact: true }) });
  await expect(row).toHaveCount(1);
  return row;
}

/** Clears the table's search, back to the whole catalog. */
export async function clearSearch(page: Page): Promise<void> {
  await page.getByLabel('Search images').fill('');
  const { total } = await readImageCount(page);
  await expect(imageCount(page)).toHaveText(countLine(total, total));
}
