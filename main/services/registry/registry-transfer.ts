import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import {
  RegistryRecordFieldsSchema,
  type RegistryImportRequestSchema,
  type RegistryImportResult,
} from '@contract/index';
import type { AppState, AppStateStore, WorkspaceRecord } from '../../stores/app-state';
import type { StoredMapping, StoredRegistryRecord } from '../../stores/registry-schema';
import type { EventBus } from '../../app/event-bus';
import type { WorkspaceService } from '../workspace-service';
import type { Clock } from '../clock';
import { ServiceError } from '../../ipc/app-error';
import { usersOfImages } from './image-usage';
import { appendHistory } from './registry-history';
import { imageIdentity } from './image-identity';
import { RegistryFileSchema, type RegistryFile, type RegistryFileRecord } from './registry-file';

const newId = (prefix: string): string => `${prefix}-${randomBytes(6).toString('hex')}`;
const imageKey = imageIdentity;

/** Registry export to a JSON file, and import into another workspace with conflict handling. */
export class RegistryTransfer {
  constructor(
    private readonly state: AppStateStore,
    private readonly workspaces: WorkspaceService,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly currentUser: string,
  ) {}

  export(workspaceId: string, recordIds?: string[]): { fileName: string; content: string } {
    const workspace = this.workspaces.require(workspaceId);
    const wanted = recordIds ? new Set(recordIds) : null;
    const data = this.state.data;
    const records = data.registry.filter(
      (r) => r.workspaceId === workspaceId && (!wanted || wanted.has(r.id)),
    );
    if (wanted && records.length !== wanted.size)
      throw new ServiceError(
        'not-found',
        'Some of the chosen records no longer exist; refresh and choose again.',
      );
    const file: RegistryFile = {
      format: 'hangar-registry',
      version: 1,
      exportedAt: this.clock.now().toISOString(),
      workspaceName: workspace.name,
      records: records.map((record) => fileRecordOf(data, workspace, record)),
    };
    const slug =
      workspace.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'workspace';
    return { fileName: `${slug}-registry.hangar.json`, content: `${JSON.stringify(file, null, 2)}\n` };
  }

  async import(request: z.infer<typeof RegistryImportRequestSchema>): Promise<RegistryImportResult> {
    const workspace = this.workspaces.require(request.workspaceId);
    const file = parseFile(request.content);
    const result: RegistryImportResult = {
      imported: 0,
      replaced: 0,
      skipped: 0,
      conflicts: [],
      unmatchedAccounts: [],
      problems: [],
    };
    const now = this.clock.now().toISOString();
    const apply = (draft: AppState): void => {
      for (const [index, entry] of file.records.entries()) {
        const fields = RegistryRecordFieldsSchema.safeParse(entry.fields);
        if (!fields.success) {
          const label =
            typeof entry.fields.name === 'string' ? `"${entry.fields.name}"` : `record ${index + 1}`;
          result.problems.push(
            `${label} was left out: ${fields.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
          );
          result.skipped += 1;
          continue;
        }
        const mappings = this.mappingsIn(draft, request.workspaceId, entry, result, now);
        let record: StoredRegistryRecord = {
          id: newId('img'),
          workspaceId: request.workspaceId,
          environmentId: this.environmentIdOf(workspace, entry, result, fields.data.name),
          shared: entry.shared,
          owner: this.currentUser,
          ...fields.data,
          mappings,
          createdAt: now,
          updatedAt: now,
          history: [],
        };
        if (record.environmentId !== null) record.shared = false;
        const rivals = draft.registry.filter(
          (r) =>
            r.workspaceId === request.workspaceId &&
            (r.name.toLowerCase() === record.name.toLowerCase() ||
              r.mappings.some((m) => mappings.some((n) => imageKey(m) === imageKey(n)))),
        );
        if (rivals.length > 0) {
          const names = rivals.map((r) => `"${r.alias || r.name}"`).join(', ');
          if (request.onConflict === 'skip') {
            result.conflicts.push({
              name: record.name,
              reason: `same name or image as ${names} here: skipped`,
            });
            result.skipped += 1;
            continue;
          }
          if (request.onConflict === 'replace') {
            const inUse = rivals.filter(
              (r) => usersOfImages(draft.launches, r.workspaceId, r.id, r.mappings).length > 0,
            );
            if (inUse.length > 0) {
              result.conflicts.push({
                name: record.name,
                reason: `${names} is used by running servers: kept, not replaced`,
              });
              result.skipped += 1;
              continue;
            }
            draft.registry = draft.registry.filter((r) => !rivals.includes(r));
            result.conflicts.push({ name: record.name, reason: `replaced ${names}` });
            result.replaced += 1;
          } else {
            // keep-both: an image maps to one record only, so the copy gives up the images held here.
            const held = new Set(rivals.flatMap((r) => r.mappings.map(imageKey)));
            record = {
              ...record,
              name: uniqueName(draft, request.workspaceId, record.name),
              mappings: record.mappings.filter((m) => !held.has(imageKey(m))),
            };
            result.conflicts.push({
              name: record.name,
              reason: `kept both; images already mapped by ${names} stay there`,
            });
          }
        }
        appendHistory(record, {
          at: now,
          by: this.currentUser,
          action: 'imported',
          summary: `Imported from the registry of "${file.workspaceName}" exported ${file.exportedAt.slice(0, 10)}.`,
        });
        draft.registry.push(record);
        if (!rivals.length || request.onConflict !== 'replace') result.imported += 1;
      }
    };
    if (request.dryRun) {
      apply(structuredClone(this.state.data));
      return result;
    }
    await this.state.update(apply);
    this.bus.emit('registry:changed', { workspaceId: request.workspaceId });
    return result;
  }

  private mappingsIn(
    draft: AppState,
    workspaceId: string,
    entry: RegistryFileRecord,
    result: RegistryImportResult,
    now: string,
  ): StoredMapping[] {
    const mappings: StoredMapping[] = [];
    for (const m of entry.mappings) {
      const account = draft.accounts.find(
        (a) => a.workspaceId === workspaceId && a.cloud === m.cloud && a.name === m.account,
      );
      if (!account) {
        const label = `${m.cloud} account "${m.account}" (${m.cloudImageId} in ${m.location})`;
        if (!result.unmatchedAccounts.includes(label)) result.unmatchedAccounts.push(label);
        continue;
      }
      if (mappings.some((n) => imageKey(n) === imageKey(m))) continue;
      mappings.push({
        ...m,
        id: newId('map'),
        accountId: account.id,
        registeredAt: now,
        drift: {
          state: 'unchecked',
          checkedAt: null,
          lastConfirmedAt: null,
          detail: 'Imported: check drift to confirm.',
        },
      });
    }
    return mappings;
  }

  private environmentIdOf(
    workspace: WorkspaceRecord,
    entry: RegistryFileRecord,
    result: RegistryImportResult,
    name: string,
  ): string | null {
    if (entry.environment === null) return null;
    const env = workspace.environments.find((e) => e.name === entry.environment);
    if (!env)
      result.problems.push(
        `"${name}" belonged to environment "${entry.environment}", which this workspace lacks: placed at the workspace level.`,
      );
    return env?.id ?? null;
  }
}

function fileRecordOf(
  data: AppState,
  workspace: WorkspaceRecord,
  record: StoredRegistryRecord,
): RegistryFileRecord {
  const {
    id: _id,
    workspaceId: _ws,
    environmentId,
    shared,
    owner: _owner,
    mappings,
    createdAt: _c,
    updatedAt: _u,
    history: _h,
    ...fields
  } = record;
  return {
    fields,
    environment: workspace.environments.find((e) => e.id === environmentId)?.name ?? null,
    shared,
    mappings: mappings.map((m) => ({
      cloud: m.cloud,
      account: data.accounts.find((a) => a.id === m.accountId)?.name ?? 'a removed account',
      location: m.location,
      cloudImageId: m.cloudImageId,
      computeResource: m.computeResource,
      imageName: m.imageName,
      imageCreatedAt: m.imageCreatedAt,
      imageArchitecture: m.imageArchitecture,
      imageFamily: m.imageFamily,
      ownerId: m.ownerId,
      ownedByAccount: m.ownedByAccount,
    })),
  };
}

function parseFile(content: string): RegistryFile {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new ServiceError(
      'invalid-request',
      'That file is not JSON. Choose a registry file exported by Hangar (*.hangar.json).',
    );
  }
  const parsed = RegistryFileSchema.safeParse(json);
  if (!parsed.success) {
    const isWorkspace =
      typeof json === 'object' &&
      json !== null &&
      (json as { format?: unknown }).format === 'hangar-workspace';
    throw new ServiceError(
      'invalid-request',
      isWorkspace
        ? 'That is a workspace file: import it from the workspace menu. Choose a registry file here.'
        : `That is not a Hangar registry file (${parsed.error.issues[0]?.path.join('.') || 'format'}: ${parsed.error.issues[0]?.message ?? 'unexpected content'}).`,
    );
  }
  return parsed.data;
}

function uniqueName(data: AppState, workspaceId: string, name: string): string {
  const taken = new Set(
    data.registry.filter((r) => r.workspaceId === workspaceId).map((r) => r.name.toLowerCase()),
  );
  for (let n = 1; ; n += 1) {
    // Parentheses are not allowed in record names: plain words keep the copy valid.
    const candidate = n === 1 ? `${name} imported` : `${name} imported ${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate.slice(0, 128);
  }
}
