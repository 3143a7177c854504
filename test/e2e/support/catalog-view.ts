import { expect, type Locator, type Page } from '@playwright/test';
import { imageCount } from './catalog-page';

/** "1,234" → 1234 */
export const parseCount = (text: string): number => Number(text.replace(/,/g, ''));

/** The "N of M images" line for these numbers, as the page formats them (en-US). */
export const countLine = (shown: number, total: number): string =>
  `${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} images`;

/** The numbers of the "N of M images" line. */
export async function readImageCount(page: Page): Promise<{ shown: number; total: number }> {
  const text = (await imageCount(page).textContent()) ?? '';
  const match = /^([\d,]+) of ([\d,]+) images$/.exec(text);
  if (!match) throw new Error(`Not an image count: "${text}"`);
  return { shown: parseCount(match[1]!), total: parseCount(match[2]!) };
}

/**
 * One list facet of the "Filters" region ("Cloud", "OS", …), opened if it is closed. Resolves with
 * its group ("Cloud filter"), whose checkboxes are named by the values' labels.
 */
export async function openFacet(page: Page, label: string): Promise<Locator> {
  const filters = page.getByRole('region', { name: 'Filters' });
  const toggle = filters.getByRole('button', { name: new RegExp(`^${label}: `) });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const group = filters.getByRole('group', { name: `${label} filter` });
  await expect(group).toBeVisible();
  return group;
}

/** The image count a facet checkbox announces: its description reads "1,234 images". */
export async function facetCount(box: Locator): Promise<number> {
  await expect(box).toHaveAccessibleDescription(/^[\d,]+ images$/);
  const id = (await box.getAttribute('aria-describedby')) ?? '';
  const description = (await box.page().locator(`[id="${id}"]`).textContent()) ?? '';
  return parseCount(description.replace(' images', ''));
}

/** The image grid's column index of a header ("Cloud", "Deprecation"), for reading cells by column. */
export async function columnIndex(grid: Locator, header: string): Promise<number> {
  const headers = await grid.getByRole('columnheader').allTextContents();
  const index = headers.findIndex((text) => text.replace(/[▲▼]/g, '').trim() === header);
  if (index < 0) throw new Error(`No "${header}" column among: ${headers.join(', ')}`);
  return index;
}

/**
 * The texts of one column in the data rows the grid has rendered (it is virtualised: only the rows
 * near the viewport exist). Waits until the rendered rows have loaded.
 */
export async function renderedColumn(grid: Locator, header: string): Promise<string[]> {
  const index = await columnIndex(grid, header);
  const rows = grid.locator('[role="rowgroup"].grid-body [role="row"]:not(.group-row)');
  await expect(rows.first()).toBeVisible();
  await expect(grid).not.toHaveAttribute('aria-busy', 'true');
  await expect(grid.locator('[role="row"][aria-busy="true"]')).toHaveCount(0);
  return rows.evaluateAll(
    (elements, column) =>
      elements.map((row) => row.querySelectorAll('[role="gridcell"]')[column]?.textContent?.trim() ?? ''),
    index,
  );
}

/** The value next to a label ("Deprecation", "Image id") in the details pane's summary. */
export function detailValue(details: Locator, label: string): Locator {
  return details
    .locator('.kv-row', { has: details.page().locator('dt', { hasText: new RegExp(`^${label}$`) }) })
    .first()
    .locator('dd');
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface TimelineMonth {
  /** The button's accessible name, "Show the 191 images deprecating in March 2027". */
  label: string;
  count: number;
  /** "March 2027", as the catalog's status line repeats it. */
  monthLabel: string;
  /** "2027-03", the prefix of the month's ISO dates. */
  isoMonth: string;
  year: number;
  /** 1–12 */
  month: number;
}

/** The months of the timeline's table that have images, read from their "Show images" buttons. */
export async function timelineMonths(timeline: Locator): Promise<TimelineMonth[]> {
  const buttons = timeline.getByRole('button', {
    name: /^Show the [\d,]+ images deprecating in /,
    disabled: false,
  });
  await expect(buttons.first()).toBeVisible();
  const labels = await buttons.evaluateAll((all) => all.map((b) => b.getAttribute('aria-label') ?? ''));
  return labels.map((label) => {
    const match = /^Show the ([\d,]+) images deprecating in (\w+) (\d{4})$/.exec(label);
    const month = MONTH_NAMES.indexOf(match?.[2] ?? '') + 1;
    if (!match || month === 0) throw new Error(`Not a timeline month button: "${label}"`);
    const year = Number(match[3]);
    return {
      label,
      count: parseCount(match[1]!),
      monthLabel: `${match[2]} ${year}`,
      isoMonth: `${year}-${String(month).padStart(2, '0')}`,
      year,
      month,
    };
  });
}
