import type { AppStateStore } from '../../stores/app-state';
import type { EventBus } from '../../app/event-bus';
import type { CatalogScopes } from '../catalog-scopes';
import type { DriverProvider } from '../driver-provider';
import type { WorkspaceService } from '../workspace-service';
import type { Clock } from '../clock';
import { DriftService } from './drift-service';
import { ImageLookup } from './image-lookup';
import { LookedUpMappings } from './new-mapping';
import { RegistryService } from './registry-service';
import { RegistryTransfer } from './registry-transfer';
import { ReplacementFinder } from './replacement-finder';
import { TemplateLister } from './template-lister';

export interface RegistryServices {
  records: RegistryService;
  lookup: ImageLookup;
  templates: TemplateLister;
  drift: DriftService;
  replacements: ReplacementFinder;
  registryTransfer: RegistryTransfer;
}

export interface RegistryDependencies {
  state: AppStateStore;
  workspaces: WorkspaceService;
  catalogs: CatalogScopes;
  drivers: DriverProvider;
  bus: EventBus;
  clock: Clock;
  /** Written as the owner of new records and the author of history entries. */
  currentUser: string;
}

/** The registry's services, wired to each other. */
export function createRegistryServices(deps: RegistryDependencies): RegistryServices {
  const { state, workspaces, catalogs, drivers, bus, clock, currentUser } = deps;
  const lookup = new ImageLookup(state, catalogs, drivers, clock);
  return {
    lookup,
    records: new RegistryService(
      state,
      workspaces,
      new LookedUpMappings(state, lookup, clock),
      bus,
      clock,
      currentUser,
    ),
    templates: new TemplateLister(state, catalogs, drivers),
    drift: new DriftService(state, workspaces, drivers, bus, clock, currentUser),
    replacements: new ReplacementFinder(catalogs),
    registryTransfer: new RegistryTransfer(state, workspaces, bus, clock, currentUser),
  };
}
