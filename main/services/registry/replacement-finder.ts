import { CatalogQuerySchema, type ImageSummary } from '@contract/index';
import type { z } from 'zod';
import type { ReplacementResultSchema } from '@contract/index';
import type { CatalogScopes } from '../catalog-scopes';
import type { StoredMapping } from '../../stores/registry-schema';

type ReplacementResult = z.infer<typeof ReplacementResultSchema>;

const MAX_CANDIDATES = 5;
const PAGE = 500;
const MAX_ROWS = 5_000;

/** Serials and dates (20240801, 2024.02.14, v20240110) are what changes between builds of one image. */
const SERIAL = /\d{4}[.-]\d{2}[.-]\d{2}|\d{6,}/g;

/** The name with its build serials and dates masked: builds of one image share it. */
export function namePattern(name: string): string {
  return name.replace(SERIAL, '#');
}

/** The text before the first serial: what the catalog search narrows by. */
export function searchStem(name: string): string {
  const cut = name.search(SERIAL);
  const stem = (cut < 0 ? name : name.slice(0, cut)).replace(/[-_./ v]+$/, '');
  return stem.slice(0, 120);
}

/**
 * Finds, in the cached catalog of the mapping's account and location, newer images of the same
 * family (or the same name with another serial) from the same owner — the vendor's next build.
 */
export class ReplacementFinder {
  constructor(private readonly catalogs: CatalogScopes) {}

  find(workspaceId: string, mapping: StoredMapping): ReplacementResult {
    const index = this.catalogs.of(workspaceId);
    const pattern = namePattern(mapping.imageName);
    const stem = searchStem(mapping.imageName);
    const matches: (ImageSummary & { matchedBy: 'family' | 'name-pattern' })[] = [];
    for (let offset = 0; offset < MAX_ROWS; offset += PAGE) {
      const page = index.query(
        CatalogQuerySchema.parse({
          workspaceId,
          search: stem.length >= 3 ? stem : '',
          filters: { accountIds: [mapping.accountId], regions: [mapping.location] },
          sort: { column: 'createdAt', direction: 'desc' },
          offset,
          limit: PAGE,
        }),
      );
      for (const row of page.rows) {
        if (row.cloudId === mapping.cloudImageId) continue;
        if (mapping.ownerId && row.ownerId !== mapping.ownerId) continue;
        // A replacement is a later build: an older one would only bring back what was fixed since.
        if (mapping.imageCreatedAt && row.createdAt && row.createdAt <= mapping.imageCreatedAt) continue;
        if (mapping.imageFamily && row.family === mapping.imageFamily)
          matches.push({ ...row, matchedBy: 'family' });
        else if (namePattern(row.name) === pattern) matches.push({ ...row, matchedBy: 'name-pattern' });
      }
      if (offset + PAGE >= page.total) break;
    }
    // Launchable first, then newest.
    matches.sort(
      (a, b) =>
        Number(a.deprecated) - Number(b.deprecated) || (b.createdAt ?? '').localeCompare(a.createdAt ?? ''),
    );
    const candidates = matches.slice(0, MAX_CANDIDATES).map((row) => ({
      key: row.key,
      cloudId: row.cloudId,
      name: row.name,
      createdAt: row.createdAt,
      ownerId: row.ownerId,
      deprecated: row.deprecated,
      matchedBy: row.matchedBy,
    }));
    const note =
      candidates.length > 0
        ? null
        : `No other image of ${mapping.imageFamily ? `family "${mapping.imageFamily}" or ` : ''}the name "${pattern}" from the same owner is cached for this account in ${mapping.location}. Sync that source, then try again.`;
    return { candidates, note };
  }
}
