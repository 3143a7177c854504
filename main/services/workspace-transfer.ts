import type { z } from 'zod';
import {
  AccountConnectionSchema,
  WorkspaceFileSchema,
  type ImportWorkspaceResultSchema,
  type WorkspaceFile,
} from '@contract/index';
import type { AccountRecord, AppStateStore } from '../stores/app-state';
import { ServiceError } from '../ipc/app-error';
import { describeIssues } from '../ipc/dispatcher';
import { requireProvider } from './driver-provider';
import { newSourceRecords } from './source-ids';
import type { WorkspaceService } from './workspace-service';
import type { Clock } from './clock';
import { randomBytes } from 'node:crypto';

/**
 * A workspace's definition as a file, to move it to another machine: its accounts' connections
 * (never a secret: those stay in this machine's keychain), environments and colour. On import the
 * accounts arrive without secrets and the user gives each one.
 */
export class WorkspaceTransfer {
  constructor(
    private readonly state: AppStateStore,
    private readonly workspaces: WorkspaceService,
    private readonly clock: Clock,
  ) {}

  export(workspaceId: string): { fileName: string; content: string } {
    const workspace = this.workspaces.require(workspaceId);
    const envName = (id: string | null) => workspace.environments.find((env) => env.id === id)?.name ?? null;
    const file: WorkspaceFile = {
      format: 'hangar-workspace',
      version: 1,
      exportedAt: this.clock.now().toISOString(),
      workspace: {
        name: workspace.name,
        color: workspace.color,
        environments: workspace.environments.map((e) => e.name),
      },
      accounts: this.state.data.accounts
        .filter((account) => account.workspaceId === workspaceId && account.kind === 'user')
        .map((account) => ({
          name: account.name,
          cloud: account.cloud,
          environment: envName(account.environmentId),
          connection: account.connection,
        })),
    };
    const slug =
      workspace.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'workspace';
    return { fileName: `${slug}.hangar-workspace.json`, content: `${JSON.stringify(file, null, 2)}\n` };
  }

  async import(content: string): Promise<z.infer<typeof ImportWorkspaceResultSchema>> {
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch {
      throw new ServiceError(
        'invalid-request',
        'That file is not JSON: choose a file Hangar exported (….hangar-workspace.json).',
      );
    }
    const parsed = WorkspaceFileSchema.safeParse(json);
    if (!parsed.success) {
      throw new ServiceError(
        'invalid-request',
        `That is not a Hangar workspace file: ${describeIssues(parsed.error)}.`,
      );
    }
    const file = parsed.data;
    const created = await this.workspaces.create({
      name: this.workspaces.uniqueName(file.workspace.name),
      color: file.workspace.color,
      environments: [...new Set(file.workspace.environments)],
    });
    const environments = this.workspaces.require(created.id).environments;
    const skipped: string[] = [];
    const records: AccountRecord[] = [];
    for (const entry of file.accounts) {
      const account = AccountConnectionSchema.safeParse({ cloud: entry.cloud, connection: entry.connection });
      if (!account.success) {
        skipped.push(`"${entry.name}": ${describeIssues(account.error)}`);
        continue;
      }
      records.push({
        id: `${account.data.cloud}-${randomBytes(5).toString('hex')}`,
        workspaceId: created.id,
        environmentId: environments.find((env) => env.name === entry.environment)?.id ?? null,
        name: entry.name,
        kind: 'user',
        credentials: 'none',
        createdAt: this.clock.now().toISOString(),
        lastVerifiedAt: null,
        ...account.data,
      } as AccountRecord);
    }
    await this.state.update((draft) => {
      for (const record of records) {
        draft.accounts.push(record);
        draft.sources.push(
          ...newSourceRecords(record.id, requireProvider(record.cloud).sourcesFor(record.connection)),
        );
      }
    });
    return {
      workspace: this.workspaces.list().find((workspace) => workspace.id === created.id)!,
      accountsAwaitingCredential: records.map((record) => ({
        accountId: record.id,
        name: record.name,
        cloud: record.cloud,
      })),
      skipped,
    };
  }
}
