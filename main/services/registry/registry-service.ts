import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  BulkTagRequestSchema,
  Cloud,
  RegisterRequestSchema,
  RegistryListRequestSchema,
  RegistryRecord,
  RegistryRecordDetail,
  RemoveMappingRequestSchema,
  UpdateRecordRequestSchema,
} from '@contract/index';
import type { AppState, AppStateStore } from '../../stores/app-state';
import type { StoredMapping, StoredRegistryRecord } from '../../stores/registry-schema';
import type { EventBus } from '../../app/event-bus';
import type { Clock } from '../clock';
import type { WorkspaceService } from '../workspace-service';
import { ServiceError } from '../../ipc/app-error';
import { visibleAtScope } from './registry-scope';
import { recordDetailView, recordView } from './registry-view';
import { usersOfImages } from './image-usage';
import { appendHistory, describeChanges } from './registry-history';
import { matchesSearch } from './registry-search';
import { imageIdentity } from './image-identity';
import type { MappingSource } from './new-mapping';

const newId = (prefix: string): string => `${prefix}-${randomBytes(6).toString('hex')}`;

/** Registry records of a workspace: register, edit, tag, delete — each change written to its history. */
export class RegistryService {
  constructor(
    private readonly state: AppStateStore,
    private readonly workspaces: WorkspaceService,
    private readonly mappings: MappingSource,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly currentUser: string,
  ) {}

  list(request: z.infer<typeof RegistryListRequestSchema>): RegistryRecord[] {
    const workspace = this.workspaces.require(request.workspaceId);
    if (request.environmentId && !workspace.environments.some((env) => env.id === request.environmentId))
      throw new ServiceError('not-found', 'That environment no longer exists in this workspace.');
    const data = this.state.data;
    return data.registry
      .filter((record) => visibleAtScope(record, request.workspaceId, request.environmentId))
      .filter((record) => request.includeDeleted || record.access !== 'deleted')
      .filter((record) => matchesSearch(record, request.search))
      .map((record) => recordView(data, record))
      .sort((a, b) => (a.alias || a.name).localeCompare(b.alias || b.name));
  }

  get(workspaceId: string, recordId: string): RegistryRecordDetail {
    return recordDetailView(this.state.data, this.require(workspaceId, recordId));
  }

  async register(request: z.infer<typeof RegisterRequestSchema>): Promise<RegistryRecord> {
    const workspace = this.workspaces.require(request.workspaceId);
    const mapping = await this.mappings.mappingFor(request);
    const now = this.clock.now().toISOString();
    const duplicate = this.recordMapping(request.workspaceId, mapping);
    if (duplicate) {
      throw new ServiceError(
        'conflict',
        `${mapping.cloudImageId} in ${mapping.location} is already registered as "${duplicate.alias || duplicate.name}": open that record, or add this location to it.`,
      );
    }
    if (request.addToRecordId) {
      const recordId = request.addToRecordId;
      return this.change(request.workspaceId, recordId, (record, data) => {
        const clash = record.mappings.find(
          (m) => m.accountId === mapping.accountId && m.location === mapping.location,
        );
        if (clash && !request.replaceExisting) {
          throw new ServiceError(
            'conflict',
            `"${record.alias || record.name}" already maps ${clash.cloudImageId} in ${mapping.location} for that account: replace it, or remove that mapping first.`,
          );
        }
        if (!clash) {
          record.mappings.push(mapping);
          return {
            action: 'mapping-added',
            summary: `Mapped ${mapping.cloudImageId} in ${mapping.location}.`,
          };
        }
        // What already runs from the old image keeps running; new launches take the new one.
        const users = usersOfImages(data.launches, record.workspaceId, null, [clash]);
        record.mappings = record.mappings.map((m) => (m.id === clash.id ? mapping : m));
        const note = users.length ? ` ${users.length} server(s) still run from the old image.` : '';
        return {
          action: 'mapping-replaced',
          summary: `Replaced ${clash.cloudImageId} with ${mapping.cloudImageId} in ${mapping.location}.${note}`,
        };
      });
    }
    const fields = request.record!;
    const environmentId = request.scope.environmentId;
    if (environmentId && !workspace.environments.some((env) => env.id === environmentId))
      throw new ServiceError('invalid-request', 'That environment no longer exists in this workspace.');
    const record: StoredRegistryRecord = {
      id: newId('img'),
      workspaceId: request.workspaceId,
      environmentId,
      // Only a workspace-level record has scopes below it to share with.
      shared: environmentId === null && request.scope.shared,
      owner: this.currentUser,
      ...fields,
      mappings: [mapping],
      createdAt: now,
      updatedAt: now,
      history: [],
    };
    appendHistory(record, {
      at: now,
      by: this.currentUser,
      action: 'registered',
      summary: `Registered ${mapping.cloudImageId} in ${mapping.location}.`,
    });
    await this.state.update((draft) => {
      draft.registry.push(record);
    });
    this.changed(request.workspaceId);
    return recordView(this.state.data, record);
  }

  update(request: z.infer<typeof UpdateRecordRequestSchema>): Promise<RegistryRecord> {
    return this.change(request.workspaceId, request.recordId, (record) => {
      const summary = describeChanges(record, request.changes);
      Object.assign(record, request.changes);
      if (record.environmentId !== null) record.shared = false;
      const action = request.changes.access === 'deleted' ? 'access-deleted' : 'edited';
      return summary ? { action, summary } : null;
    });
  }

  async bulkTag(request: z.infer<typeof BulkTagRequestSchema>): Promise<{ updated: number }> {
    const ids = new Set(request.recordIds);
    for (const id of ids) this.require(request.workspaceId, id);
    const now = this.clock.now().toISOString();
    const setText = Object.entries(request.set).map(([k, v]) => `${k}=${v}`);
    const summary = [
      setText.length ? `Tags set: ${setText.join(', ')}` : '',
      request.remove.length ? `Tags removed: ${request.remove.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    if (!summary) return { updated: 0 };
    const updated = await this.state.update((draft) => {
      let count = 0;
      for (const record of draft.registry) {
        if (record.workspaceId !== request.workspaceId || !ids.has(record.id)) continue;
        for (const key of request.remove) delete record.tags[key];
        Object.assign(record.tags, request.set);
        record.updatedAt = now;
        appendHistory(record, { at: now, by: this.currentUser, action: 'tagged', summary: `${summary}.` });
        count += 1;
      }
      return count;
    });
    this.changed(request.workspaceId);
    return { updated };
  }

  removeMapping(request: z.infer<typeof RemoveMappingRequestSchema>): Promise<RegistryRecord> {
    return this.change(request.workspaceId, request.recordId, (record, data) => {
      const mapping = record.mappings.find((m) => m.id === request.mappingId);
      if (!mapping) throw new ServiceError('not-found', 'That mapping was already removed.');
      const users = usersOfImages(data.launches, record.workspaceId, null, [mapping]);
      if (users.length > 0) {
        throw new ServiceError(
          'conflict',
          `${mapping.cloudImageId} still runs ${users.map((u) => `"${u.name}"`).join(', ')}: terminate them first, or set the record's access to "deleted".`,
        );
      }
      record.mappings = record.mappings.filter((m) => m.id !== mapping.id);
      return {
        action: 'mapping-removed',
        summary: `Removed ${mapping.cloudImageId} in ${mapping.location}.`,
      };
    });
  }

  /** Refused, with the users listed, while any launch or server still uses one of the record's images. */
  async delete(workspaceId: string, recordId: string) {
    const record = this.require(workspaceId, recordId);
    const usedBy = usersOfImages(this.state.data.launches, workspaceId, record.id, record.mappings);
    if (usedBy.length > 0) return { deleted: false, usedBy };
    await this.state.update((draft) => {
      draft.registry = draft.registry.filter((r) => r.id !== recordId);
    });
    this.changed(workspaceId);
    return { deleted: true, usedBy: [] };
  }

  /** After Hangar deleted an image: its mappings say so (the records stay, for what they document). */
  async markImageDeleted(
    workspaceId: string,
    cloud: Cloud,
    location: string,
    cloudImageId: string,
  ): Promise<void> {
    const gone = imageIdentity({ cloud, location, cloudImageId });
    const now = this.clock.now().toISOString();
    let changed = false;
    await this.state.update((draft) => {
      for (const record of draft.registry) {
        if (record.workspaceId !== workspaceId) continue;
        for (const mapping of record.mappings) {
          if (imageIdentity(mapping) !== gone) continue;
          mapping.drift = {
            state: 'missing',
            checkedAt: now,
            lastConfirmedAt: now,
            detail: `Deleted with Hangar by ${this.currentUser}.`,
          };
          appendHistory(record, {
            at: now,
            by: this.currentUser,
            action: 'image-deleted',
            summary: `Deleted ${cloudImageId} in ${location} from the cloud.`,
          });
          changed = true;
        }
      }
    });
    if (changed) this.changed(workspaceId);
  }

  mapping(workspaceId: string, recordId: string, mappingId: string): StoredMapping {
    const mapping = this.require(workspaceId, recordId).mappings.find((m) => m.id === mappingId);
    if (!mapping) throw new ServiceError('not-found', 'That mapping was removed from the record.');
    return mapping;
  }

  require(workspaceId: string, recordId: string): StoredRegistryRecord {
    this.workspaces.require(workspaceId);
    const record = this.state.data.registry.find((r) => r.id === recordId && r.workspaceId === workspaceId);
    if (!record) throw new ServiceError('not-found', 'That registry record no longer exists.');
    return record;
  }

  /** The record that already maps this exact cloud image (a cloud image belongs to one record). */
  private recordMapping(workspaceId: string, mapping: StoredMapping): StoredRegistryRecord | undefined {
    return this.state.data.registry.find(
      (record) =>
        record.workspaceId === workspaceId &&
        record.mappings.some((m) => imageIdentity(m) === imageIdentity(mapping)),
    );
  }

  private async change(
    workspaceId: string,
    recordId: string,
    edit: (record: StoredRegistryRecord, data: AppState) => { action: string; summary: string } | null,
  ): Promise<RegistryRecord> {
    this.require(workspaceId, recordId);
    const now = this.clock.now().toISOString();
    const saved = await this.state.update((draft) => {
      const record = draft.registry.find((r) => r.id === recordId && r.workspaceId === workspaceId);
      if (!record) throw new ServiceError('not-found', 'That registry record no longer exists.');
      const entry = edit(record, draft);
      if (entry) {
        record.updatedAt = now;
        appendHistory(record, { at: now, by: this.currentUser, ...entry });
      }
      return record;
    });
    this.changed(workspaceId);
    return recordView(this.state.data, saved);
  }

  private changed(workspaceId: string): void {
    this.bus.emit('registry:changed', { workspaceId });
  }
}
