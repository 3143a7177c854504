import type { z } from 'zod';
import type { DriftCheckRequestSchema, DriftReport, MappingDrift } from '@contract/index';
import type { AppStateStore } from '../../stores/app-state';
import type { StoredMapping } from '../../stores/registry-schema';
import type { CloudDriver } from '../../providers/driver';
import type { EventBus } from '../../app/event-bus';
import type { DriverProvider } from '../driver-provider';
import type { WorkspaceService } from '../workspace-service';
import type { Clock } from '../clock';
import { ServiceError, toAppError } from '../../ipc/app-error';
import { runLimited } from '../../util/run-limited';
import { classifyDrift, unknownDrift } from './drift-classify';
import { appendHistory } from './registry-history';
import { recordView } from './registry-view';
import { accountNameOf } from './registry-accounts';

/** Lookups in flight per account: polite to the clouds' rate limits, quick for a few hundred mappings. */
const PER_ACCOUNT_CONCURRENCY = 4;

interface MappingRef {
  recordId: string;
  mapping: StoredMapping;
}

/**
 * Compares every mapping with what its cloud says now. A cloud that cannot be asked leaves its
 * mappings "unknown since" their last good check: offline never reads as "ok".
 */
export class DriftService {
  constructor(
    private readonly state: AppStateStore,
    private readonly workspaces: WorkspaceService,
    private readonly drivers: DriverProvider,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly currentUser: string,
  ) {}

  async check(request: z.infer<typeof DriftCheckRequestSchema>): Promise<DriftReport> {
    this.workspaces.require(request.workspaceId);
    const wanted = request.recordIds ? new Set(request.recordIds) : null;
    const refs: MappingRef[] = this.state.data.registry
      .filter((r) => r.workspaceId === request.workspaceId && (!wanted || wanted.has(r.id)))
      .flatMap((r) => r.mappings.map((mapping) => ({ recordId: r.id, mapping })));
    const now = this.clock.now();
    const results = new Map<string, MappingDrift>();
    const errors: DriftReport['errors'] = [];
    const byAccount = new Map<string, MappingRef[]>();
    for (const ref of refs)
      byAccount.set(ref.mapping.accountId, [...(byAccount.get(ref.mapping.accountId) ?? []), ref]);

    await Promise.all(
      [...byAccount].map(async ([accountId, accountRefs]) => {
        const accountName = accountNameOf(this.state, accountId);
        let driver: CloudDriver;
        try {
          const account = this.state.data.accounts.find((a) => a.id === accountId);
          if (!account)
            throw new ServiceError(
              'not-found',
              'The account of this mapping was removed from the workspace.',
            );
          driver = await this.drivers.forAccount(account);
        } catch (error) {
          const appError = toAppError(error);
          errors.push({ accountName, error: appError });
          for (const ref of accountRefs)
            results.set(ref.mapping.id, unknownDrift(ref.mapping.drift, now, appError.message));
          return;
        }
        let firstError: ReturnType<typeof toAppError> | null = null;
        await runLimited(accountRefs, PER_ACCOUNT_CONCURRENCY, async ({ mapping }) => {
          results.set(
            mapping.id,
            await this.checkOne(driver, mapping, now, request.withinDays, (e) => (firstError ??= e)),
          );
        });
        if (firstError) errors.push({ accountName, error: firstError });
      }),
    );

    await this.state.update((draft) => {
      for (const record of draft.registry) {
        if (record.workspaceId !== request.workspaceId) continue;
        for (const mapping of record.mappings) {
          const next = results.get(mapping.id);
          if (!next) continue;
          if (next.state !== mapping.drift.state) {
            appendHistory(record, {
              at: now.toISOString(),
              by: this.currentUser,
              action: 'drift',
              summary: `${mapping.cloudImageId} in ${mapping.location}: ${mapping.drift.state} → ${next.state}.`,
            });
          }
          mapping.drift = next;
        }
      }
      draft.driftChecks = [
        ...draft.driftChecks.filter((c) => c.workspaceId !== request.workspaceId),
        { workspaceId: request.workspaceId, checkedAt: now.toISOString(), errors },
      ];
    });
    this.bus.emit('registry:changed', { workspaceId: request.workspaceId });
    return this.report(request.workspaceId);
  }

  /** Every mapping of the workspace with its last known drift, without asking the clouds. */
  report(workspaceId: string): DriftReport {
    this.workspaces.require(workspaceId);
    const data = this.state.data;
    const last = data.driftChecks.find((c) => c.workspaceId === workspaceId) ?? null;
    const rows = data.registry
      .filter((r) => r.workspaceId === workspaceId)
      .flatMap((stored) => {
        const record = recordView(data, stored);
        return record.mappings.map((mapping) => ({
          recordId: record.id,
          recordName: record.alias || record.name,
          mapping,
        }));
      });
    return { checkedAt: last?.checkedAt ?? null, rows, errors: last?.errors ?? [] };
  }

  private async checkOne(
    driver: CloudDriver,
    mapping: StoredMapping,
    now: Date,
    withinDays: number,
    onError: (error: ReturnType<typeof toAppError>) => void,
  ): Promise<MappingDrift> {
    if (!driver.getImage) return unknownDrift(mapping.drift, now, 'this cloud cannot look images up by id.');
    try {
      const image = await driver.getImage(mapping.location, mapping.cloudImageId);
      const verdict = classifyDrift(mapping, image, now, withinDays);
      return { ...verdict, checkedAt: now.toISOString(), lastConfirmedAt: now.toISOString() };
    } catch (error) {
      const appError = toAppError(error);
      onError(appError);
      return unknownDrift(mapping.drift, now, appError.message);
    }
  }
}
