import type { AppStateStore } from '../../stores/app-state';
import type { EventBus } from '../../app/event-bus';
import type { DriverProvider } from '../driver-provider';
import type { WorkspaceService } from '../workspace-service';
import type { RegistryService } from '../registry/registry-service';
import type { Clock } from '../clock';
import { LaunchService } from './launch-service';
import { DEFAULT_FOLLOW, LaunchFollower, type FollowTuning } from './launch-follower';
import { OperationTracker } from './operation-tracker';
import { LifecycleService } from '../lifecycle/lifecycle-service';
import { ImgapiImportService } from '../lifecycle/imgapi-import';

export interface LaunchServices {
  launches: LaunchService;
  operations: OperationTracker;
  lifecycle: LifecycleService;
  imgapi: ImgapiImportService;
}

export interface LaunchDependencies {
  state: AppStateStore;
  workspaces: WorkspaceService;
  drivers: DriverProvider;
  registry: RegistryService;
  bus: EventBus;
  clock: Clock;
  currentUser: string;
  dataDir: string;
  /** How often builds and new images are polled; tests shorten it. */
  follow?: FollowTuning;
}

/** Launch, operations, image lifecycle and IMGAPI import, wired to each other. */
export function createLaunchServices(deps: LaunchDependencies): LaunchServices {
  const { state, workspaces, drivers, registry, bus, clock, currentUser, dataDir } = deps;
  const follow = deps.follow ?? DEFAULT_FOLLOW;
  const operations = new OperationTracker(bus, clock);
  const follower = new LaunchFollower(state, bus, follow);
  return {
    operations,
    launches: new LaunchService(
      state,
      workspaces,
      drivers,
      operations,
      follower,
      bus,
      clock,
      currentUser,
      dataDir,
    ),
    lifecycle: new LifecycleService(state, drivers, operations, registry, follow),
    imgapi: new ImgapiImportService(state, drivers, operations, registry, dataDir),
  };
}
