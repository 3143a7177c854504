import { imageLocationOf } from '@contract/index';
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  CreateKeyPairRequestSchema,
  CreateSecurityGroupRequestSchema,
  ImportKeyPairRequestSchema,
  LaunchEntry,
  LaunchOptionsRequestSchema,
  LaunchPreview,
  SecurityGroupsRequestSchema,
} from '@contract/index';
import type { AppStateStore } from '../../stores/app-state';
import type { LaunchRecord } from '../../stores/registry-schema';
import type { EventBus } from '../../app/event-bus';
import type { DriverProvider } from '../driver-provider';
import type { WorkspaceService } from '../workspace-service';
import type { Clock } from '../clock';
import { ServiceError } from '../../ipc/app-error';
import { checkLaunch, type ParsedLaunchSpec } from './launch-validation';
import { launchOptions, placeOf } from './launch-options';
import { requireAccountIn } from '../registry/registry-accounts';
import { claimKeyFile, resolveKeyPath } from './key-file';
import { specSummary } from './launch-spec-summary';
import type { LaunchFollower } from './launch-follower';
import type { OperationTracker } from './operation-tracker';

/** The launch dialog's calls, the launch itself as an operation, and the launch history. */
export class LaunchService {
  constructor(
    private readonly state: AppStateStore,
    private readonly workspaces: WorkspaceService,
    private readonly drivers: DriverProvider,
    private readonly operations: OperationTracker,
    private readonly follower: LaunchFollower,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly currentUser: string,
    private readonly dataDir: string,
  ) {}

  async options(request: z.infer<typeof LaunchOptionsRequestSchema>) {
    const place = await placeOf(this.state, this.drivers, request);
    return launchOptions(place, this.drivers, request.location, request.imageId);
  }

  async placements(workspaceId: string, accountId: string): Promise<string[]> {
    const account = requireAccountIn(this.state, workspaceId, accountId);
    const compute = await this.drivers.computeFor(account);
    return compute.listPlacements ? compute.listPlacements() : [];
  }

  async securityGroups(request: z.infer<typeof SecurityGroupsRequestSchema>) {
    const { compute } = await placeOf(this.state, this.drivers, request);
    return compute.listSecurityGroups ? compute.listSecurityGroups(request.location, request.networkId) : [];
  }

  async createSecurityGroup(request: z.infer<typeof CreateSecurityGroupRequestSchema>) {
    const { compute, account } = await placeOf(this.state, this.drivers, request);
    if (!compute.createSecurityGroup)
      throw new ServiceError('invalid-request', `${account.name}: this cloud has no security groups.`);
    return compute.createSecurityGroup(request.location, request);
  }

  /** The private key goes straight to the user's file (0600) and nowhere else. */
  async createKeyPair(request: z.infer<typeof CreateKeyPairRequestSchema>) {
    const { compute } = await placeOf(this.state, this.drivers, request);
    if (!compute.createKeyPair)
      throw new ServiceError(
        'invalid-request',
        'This cloud takes your own public key instead of making a key pair.',
      );
    const path = resolveKeyPath(request.savePath, this.dataDir);
    const file = await claimKeyFile(path);
    let created;
    try {
      created = await compute.createKeyPair(request.location, request.name, request.type);
    } catch (error) {
      await file.discard();
      throw error;
    }
    await file.write(created.privateKey);
    return { keyPair: created.keyPair, savedTo: path };
  }

  async importKeyPair(request: z.infer<typeof ImportKeyPairRequestSchema>) {
    const { compute } = await placeOf(this.state, this.drivers, request);
    if (!compute.importKeyPair)
      throw new ServiceError('invalid-request', 'This cloud takes the public key at launch instead.');
    return compute.importKeyPair(request.location, request.name, request.publicKey);
  }

  async preview(spec: ParsedLaunchSpec): Promise<LaunchPreview> {
    this.checkRecord(spec);
    const { check } = await this.check(spec);
    return { problems: check.problems, cloudTags: check.cloudTags, cloudInit: check.cloudInit };
  }

  async start(spec: ParsedLaunchSpec): Promise<{ launchId: string; operationId: string }> {
    this.workspaces.require(spec.workspaceId);
    this.checkRecord(spec);
    const { place, options, check } = await this.check(spec);
    if (check.problems.length > 0)
      throw new ServiceError(
        'invalid-request',
        `The cloud would refuse this launch: ${check.problems.map((p) => p.message).join(' ')}`,
      );
    const launchId = `launch-${randomBytes(6).toString('hex')}`;
    const record: LaunchRecord = {
      id: launchId,
      workspaceId: spec.workspaceId,
      by: this.currentUser,
      at: this.clock.now().toISOString(),
      cloud: place.account.cloud,
      accountId: place.account.id,
      location: spec.location,
      imageId: spec.imageId,
      recordId: spec.recordId,
      spec: specSummary(spec, options, check.cloudTags),
      state: 'launching',
      error: null,
      servers: [],
      operationId: null,
    };
    await this.state.update((draft) => {
      draft.launches.push(record);
    });
    const operationId = this.operations.start(
      {
        workspaceId: spec.workspaceId,
        kind: 'launch',
        title: `Launch ${spec.name} (${spec.count}×)`,
        cancellable: true,
      },
      (context) =>
        this.follower.run(launchId, place.compute, context, {
          ...spec,
          tags: check.cloudTags,
          userData: check.userData,
          networkId: spec.networkId,
          subnetId: spec.subnetId,
        }),
    );
    await this.follower.patch(launchId, (launch) => {
      launch.operationId = operationId;
    });
    return { launchId, operationId };
  }

  history(workspaceId: string): LaunchEntry[] {
    this.workspaces.require(workspaceId);
    const { launches, accounts } = this.state.data;
    return launches
      .filter((l) => l.workspaceId === workspaceId)
      .map((l) => ({
        ...l,
        accountName: accounts.find((a) => a.id === l.accountId)?.name ?? 'a removed account',
      }))
      .reverse();
  }

  async terminate(workspaceId: string, launchId: string): Promise<LaunchEntry> {
    const launch = this.state.data.launches.find((l) => l.id === launchId && l.workspaceId === workspaceId);
    if (!launch) throw new ServiceError('not-found', 'That launch is not in this workspace’s history.');
    const account = this.state.data.accounts.find((a) => a.id === launch.accountId);
    if (!account)
      throw new ServiceError(
        'not-found',
        'The account of this launch was removed; terminate its servers in the cloud console.',
      );
    const compute = await this.drivers.computeFor(account);
    const live = await this.follower.requestTermination(launch, compute);
    // The cloud took the request; following until the servers are gone runs as an operation.
    this.operations.start(
      {
        workspaceId,
        kind: 'launch',
        title: `Terminate ${launch.spec.Name ?? launch.id}`,
        cancellable: false,
      },
      async (context) => {
        await this.follower.followTermination(launch, compute, live, context);
        return { launchId };
      },
    );
    return this.history(workspaceId).find((l) => l.id === launchId)!;
  }

  /** Picks up launches Hangar was closed during: following resumes, nothing is started again. */
  resume(): void {
    for (const launch of this.state.data.launches.filter((l) => l.state === 'launching')) {
      const ids = launch.servers.flatMap((s) => (s.serverId ? [s.serverId] : []));
      const account = this.state.data.accounts.find((a) => a.id === launch.accountId);
      if (ids.length === 0 || !account) {
        void this.follower.patch(launch.id, (l) => {
          l.state = 'failed';
          l.error = {
            code: 'cloud-error',
            message:
              'Hangar was closed before the cloud confirmed this launch; check the cloud console for its servers.',
          };
        });
        continue;
      }
      void this.drivers.computeFor(account).then(
        (compute) =>
          this.operations.start(
            {
              workspaceId: launch.workspaceId,
              kind: 'launch',
              title: `Follow ${launch.spec.Name ?? launch.id} (resumed)`,
              cancellable: true,
            },
            (context) => this.follower.follow(launch.id, compute, context, launch.location, ids),
          ),
        // Offline or no secret: the history keeps saying "launching" until the next start.
        () => undefined,
      );
    }
  }

  /** A launch from a record uses one of its mappings, and never a record set to "deleted". */
  private checkRecord(spec: ParsedLaunchSpec): void {
    if (spec.recordId === null) return;
    const record = this.state.data.registry.find(
      (r) => r.id === spec.recordId && r.workspaceId === spec.workspaceId,
    );
    if (!record)
      throw new ServiceError('not-found', 'That registry record no longer exists in this workspace.');
    if (record.access === 'deleted')
      throw new ServiceError(
        'invalid-request',
        `"${record.alias || record.name}" is set to deleted: it is kept for what already runs, not for new launches.`,
      );
    const mapped = record.mappings.some(
      (m) =>
        m.accountId === spec.accountId &&
        m.location === imageLocationOf(m.cloud, spec.location) &&
        m.cloudImageId === spec.imageId,
    );
    if (!mapped)
      throw new ServiceError(
        'invalid-request',
        `"${record.alias || record.name}" maps no image ${spec.imageId} for that account in ${spec.location}.`,
      );
  }

  private async check(spec: ParsedLaunchSpec) {
    const place = await placeOf(this.state, this.drivers, spec);
    const options = await launchOptions(place, this.drivers, spec.location, spec.imageId);
    const groups =
      spec.securityGroupIds.length > 0 && place.compute.listSecurityGroups
        ? await place.compute.listSecurityGroups(spec.location, spec.networkId)
        : null;
    return { place, options, check: checkLaunch(spec, options, groups) };
  }
}
