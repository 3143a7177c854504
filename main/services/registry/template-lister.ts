import { CatalogQuerySchema } from '@contract/index';
import type { z } from 'zod';
import type { TemplatesRequestSchema, TemplatesResultSchema } from '@contract/index';
import type { AppStateStore } from '../../stores/app-state';
import type { StoredImage } from '../../catalog/stored-image';
import type { CatalogScopes } from '../catalog-scopes';
import type { DriverProvider } from '../driver-provider';
import { ServiceError, toAppError } from '../../ipc/app-error';
import { requireAccountIn, requireLocation } from './registry-accounts';

type TemplatesResult = z.infer<typeof TemplatesResultSchema>;
type Template = TemplatesResult['templates'][number];

const byName = (a: Template, b: Template): number => a.name.localeCompare(b.name);

/**
 * VMware templates an account can see at a location, asked of vCenter now (content-library items
 * and VMs marked as templates); offline, the cached ones, flagged. A template is picked, never typed.
 */
export class TemplateLister {
  constructor(
    private readonly state: AppStateStore,
    private readonly catalogs: CatalogScopes,
    private readonly drivers: DriverProvider,
  ) {}

  async list(request: z.infer<typeof TemplatesRequestSchema>): Promise<TemplatesResult> {
    const account = requireAccountIn(this.state, request.workspaceId, request.accountId);
    if (account.cloud !== 'vmware')
      throw new ServiceError('invalid-request', 'Only VMware accounts register templates from a list.');
    requireLocation(this.state, account, request.location);
    const sources = this.state.data.sources.filter(
      (s) => s.accountId === account.id && s.location === request.location,
    );
    try {
      const driver = await this.drivers.forAccount(account);
      const lists = await Promise.all(
        sources.map((source) =>
          driver.listImages({ location: source.location, owner: source.owner }, () => undefined),
        ),
      );
      const templates = lists.flatMap((images, i) =>
        images.map((image) => templateOf(image, sources[i]!.owner)),
      );
      return { templates: templates.sort(byName), from: 'cloud', offlineReason: null };
    } catch (error) {
      return {
        templates: this.cached(request.workspaceId, account.id, request.location),
        from: 'cache',
        offlineReason: toAppError(error).message,
      };
    }
  }

  private cached(workspaceId: string, accountId: string, location: string): Template[] {
    const page = this.catalogs.of(workspaceId).query(
      CatalogQuerySchema.parse({
        workspaceId,
        filters: { accountIds: [accountId], regions: [location] },
        sort: { column: 'name', direction: 'asc' },
        limit: 500,
      }),
    );
    const scopeOf = new Map(this.state.data.sources.map((s) => [s.id, s.owner]));
    return page.rows.map((row) => ({
      id: row.cloudId,
      name: row.name,
      kind: scopeOf.get(row.sourceId) ?? 'template',
      osFamily: row.osFamily,
      osVersion: row.osVersion,
    }));
  }
}

function templateOf(image: StoredImage, scope: string): Template {
  return {
    id: image.cloudId,
    name: image.name,
    kind: scope,
    osFamily: image.osFamily,
    osVersion: image.osVersion,
  };
}
