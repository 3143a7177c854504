import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  CreateWorkspaceRequestSchema,
  RemoveWorkspaceRequestSchema,
  UpdateWorkspaceRequestSchema,
  Workspace,
} from '@contract/index';
import type { AppStateStore, WorkspaceRecord } from '../stores/app-state';
import { ServiceError } from '../ipc/app-error';
import type { Clock } from './clock';

export const defaultWorkspaceId = 'default';
export const sandboxWorkspaceId = 'sandbox';

const newId = (prefix: string): string => `${prefix}-${randomBytes(5).toString('hex')}`;

/** Workspaces (a client each, for a consultant) and their environments. */
export class WorkspaceService {
  constructor(
    private readonly state: AppStateStore,
    private readonly clock: Clock,
  ) {}

  list(): Workspace[] {
    return this.state.data.workspaces.map((workspace) => this.toWorkspace(workspace));
  }

  require(workspaceId: string): WorkspaceRecord {
    const workspace = this.state.data.workspaces.find((candidate) => candidate.id === workspaceId);
    if (!workspace)
      throw new ServiceError('not-found', 'That workspace no longer exists; choose another one.');
    return workspace;
  }

  /** Accounts of one workspace: the only ones any of its views may show. */
  accountIdsOf(workspaceId: string): Set<string> {
    this.require(workspaceId);
    return new Set(this.state.data.accounts.filter((a) => a.workspaceId === workspaceId).map((a) => a.id));
  }

  async create(request: z.infer<typeof CreateWorkspaceRequestSchema>): Promise<Workspace> {
    this.assertNameFree(request.name);
    const record: WorkspaceRecord = {
      id: newId('ws'),
      name: request.name.trim(),
      color: request.color,
      kind: 'user',
      environments: request.environments.map((name) => ({ id: newId('env'), name })),
      createdAt: this.clock.now().toISOString(),
    };
    await this.state.update((draft) => {
      draft.workspaces.push(record);
    });
    return this.toWorkspace(record);
  }

  async update(request: z.infer<typeof UpdateWorkspaceRequestSchema>): Promise<Workspace> {
    const current = this.require(request.workspaceId);
    if (current.kind === 'sandbox')
      throw new ServiceError('invalid-request', 'The Sandbox workspace is built in.');
    if (request.name && request.name.trim().toLowerCase() !== current.name.toLowerCase())
      this.assertNameFree(request.name);
    await this.state.update((draft) => {
      const workspace = draft.workspaces.find((candidate) => candidate.id === request.workspaceId)!;
      if (request.name) workspace.name = request.name.trim();
      if (request.color) workspace.color = request.color;
      if (request.environments) {
        // Keep the ids of environments that keep their name, so accounts stay in them.
        workspace.environments = request.environments.map(
          (name) => workspace.environments.find((env) => env.name === name) ?? { id: newId('env'), name },
        );
        const kept = new Set(workspace.environments.map((env) => env.id));
        for (const account of draft.accounts) {
          if (
            account.workspaceId === workspace.id &&
            account.environmentId &&
            !kept.has(account.environmentId)
          ) {
            account.environmentId = null;
          }
        }
        // Records of a removed environment move up to the workspace level, unshared, rather than vanish.
        for (const record of draft.registry) {
          if (
            record.workspaceId === workspace.id &&
            record.environmentId &&
            !kept.has(record.environmentId)
          ) {
            record.environmentId = null;
            record.shared = false;
          }
        }
      }
    });
    return this.toWorkspace(this.require(request.workspaceId));
  }

  /** Refuses while accounts remain unless asked to remove them (the caller removes them first). */
  assertRemovable(request: z.infer<typeof RemoveWorkspaceRequestSchema>): void {
    const workspace = this.require(request.workspaceId);
    if (workspace.kind === 'sandbox') {
      throw new ServiceError(
        'invalid-request',
        'The Sandbox workspace is built in; start Hangar with --no-sandbox to leave it out.',
      );
    }
    if (this.state.data.workspaces.filter((candidate) => candidate.kind === 'user').length === 1) {
      throw new ServiceError(
        'invalid-request',
        'Keep at least one workspace of your own; create another before removing this one.',
      );
    }
    if (!request.removeAccounts && this.accountIdsOf(request.workspaceId).size > 0) {
      throw new ServiceError(
        'conflict',
        `"${workspace.name}" still has accounts: remove them, or confirm removing them with the workspace.`,
      );
    }
  }

  async remove(workspaceId: string): Promise<void> {
    await this.state.update((draft) => {
      draft.workspaces = draft.workspaces.filter((candidate) => candidate.id !== workspaceId);
      // Its registry, launch history and drift checks are the client's data too: they go with it.
      draft.registry = draft.registry.filter((record) => record.workspaceId !== workspaceId);
      draft.launches = draft.launches.filter((launch) => launch.workspaceId !== workspaceId);
      draft.driftChecks = draft.driftChecks.filter((check) => check.workspaceId !== workspaceId);
    });
  }

  /** The workspaces every install has: one of the user's own, and the Sandbox when it runs. */
  async ensureBuiltIns(sandbox: boolean): Promise<void> {
    const now = this.clock.now().toISOString();
    const has = (id: string) => this.state.data.workspaces.some((workspace) => workspace.id === id);
    if (has(defaultWorkspaceId) && (!sandbox || has(sandboxWorkspaceId))) return;
    await this.state.update((draft) => {
      if (!draft.workspaces.some((workspace) => workspace.id === defaultWorkspaceId)) {
        draft.workspaces.push({
          id: defaultWorkspaceId,
          name: draft.workspace.name,
          color: 'blue',
          kind: 'user',
          environments: [],
          createdAt: now,
        });
      }
      if (sandbox && !draft.workspaces.some((workspace) => workspace.id === sandboxWorkspaceId)) {
        draft.workspaces.unshift({
          id: sandboxWorkspaceId,
          name: 'Sandbox',
          color: 'slate',
          kind: 'sandbox',
          environments: [],
          createdAt: now,
        });
      }
    });
  }

  /** Where a new window opens: the Sandbox until the user has an account of their own. */
  startWorkspaceId(sandboxRunning: boolean): string {
    const hasOwnAccount = this.state.data.accounts.some((account) => account.kind === 'user');
    return sandboxRunning && !hasOwnAccount ? sandboxWorkspaceId : defaultWorkspaceId;
  }

  uniqueName(name: string): string {
    const taken = new Set(this.state.data.workspaces.map((workspace) => workspace.name.toLowerCase()));
    if (!taken.has(name.toLowerCase())) return name;
    for (let n = 2; ; n += 1) if (!taken.has(`${name} (${n})`.toLowerCase())) return `${name} (${n})`;
  }

  private assertNameFree(name: string): void {
    if (
      this.state.data.workspaces.some(
        (workspace) => workspace.name.toLowerCase() === name.trim().toLowerCase(),
      )
    ) {
      throw new ServiceError(
        'conflict',
        `A workspace named "${name.trim()}" already exists; choose another name.`,
      );
    }
  }

  private toWorkspace(record: WorkspaceRecord): Workspace {
    return {
      id: record.id,
      name: record.name,
      color: record.color,
      kind: record.kind,
      environments: record.environments,
      accountCount: this.state.data.accounts.filter((account) => account.workspaceId === record.id).length,
    };
  }
}
