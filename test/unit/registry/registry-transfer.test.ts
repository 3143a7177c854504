import { describe, expect, it } from 'vitest';
import { RegisterRequestSchema, RegistryImportRequestSchema } from '@contract/index';
import { EventBus } from '../../../main/app/event-bus';
import { WorkspaceService } from '../../../main/services/workspace-service';
import { RegistryTransfer } from '../../../main/services/registry/registry-transfer';
import { ServiceError } from '../../../main/ipc/app-error';
import {
  AWS_ACCOUNT,
  NOW,
  OTHER_WS,
  PROD,
  recordFields,
  registryService,
  registryState,
  WS,
} from './registry-fixture';

const clock = { now: () => NOW };

async function setup() {
  const state = registryState();
  await state.update((draft) => {
    // Globex has an AWS account of the same name, so mappings can follow the records there.
    draft.accounts.push({ ...structuredClone(draft.accounts[0]!), id: 'acct-globex', workspaceId: OTHER_WS });
    draft.workspaces[1]!.environments = [{ id: 'env-g-prod', name: 'prod' }];
  });
  const service = registryService(state);
  const transfer = new RegistryTransfer(
    state,
    new WorkspaceService(state, clock),
    new EventBus(),
    clock,
    'bob',
  );
  const a = await service.register(
    RegisterRequestSchema.parse({
      workspaceId: WS,
      target: { accountId: AWS_ACCOUNT, location: 'us-east-1', cloudImageId: 'ami-0123456789abcdef0' },
      record: { ...recordFields, tags: { team: 'web' } },
    }),
  );
  await service.register(
    RegisterRequestSchema.parse({
      workspaceId: WS,
      target: { accountId: AWS_ACCOUNT, location: 'eu-west-1', cloudImageId: 'ami-0fedcba9876543210' },
      record: { ...recordFields, name: 'prod-image' },
      scope: { environmentId: PROD },
    }),
  );
  return { state, service, transfer, a };
}

const importInto = (workspaceId: string, content: string, onConflict = 'skip', dryRun = false) =>
  RegistryImportRequestSchema.parse({ workspaceId, content, onConflict, dryRun });

describe('registry export and import', () => {
  it('round-trips records into another workspace, matching accounts and environments by name, without secrets', async () => {
    const { state, transfer } = await setup();
    const file = transfer.export(WS);
    expect(file.fileName).toBe('acme-registry.hangar.json');
    expect(file.content).not.toMatch(/AKIA|secret|password/i);
    const preview = await transfer.import(importInto(OTHER_WS, file.content, 'skip', true));
    expect(preview.imported).toBe(2);
    expect(state.data.registry.filter((r) => r.workspaceId === OTHER_WS)).toEqual([]);
    const result = await transfer.import(importInto(OTHER_WS, file.content));
    expect(result).toMatchObject({ imported: 2, skipped: 0, conflicts: [], unmatchedAccounts: [] });
    const imported = state.data.registry.filter((r) => r.workspaceId === OTHER_WS);
    expect(imported.map((r) => r.environmentId).sort()).toEqual(['env-g-prod', null].sort());
    expect(
      imported.every((r) =>
        r.mappings.every((m) => m.accountId === 'acct-globex' && m.drift.state === 'unchecked'),
      ),
    ).toBe(true);
    expect(imported.find((r) => r.name === recordFields.name)?.tags).toEqual({ team: 'web' });
  });

  it('handles conflicts: skip, replace, keep both (the copy gives up images held here)', async () => {
    const { state, transfer } = await setup();
    const file = transfer.export(WS);
    const skipped = await transfer.import(importInto(WS, file.content, 'skip'));
    expect(skipped).toMatchObject({ imported: 0, skipped: 2 });
    expect(skipped.conflicts).toHaveLength(2);
    const kept = await transfer.import(importInto(WS, file.content, 'keep-both'));
    expect(kept.imported).toBe(2);
    const copies = state.data.registry.filter((r) => r.name.endsWith(' imported'));
    expect(copies).toHaveLength(2);
    expect(copies.every((r) => r.mappings.length === 0)).toBe(true);
    const replaced = await transfer.import(
      importInto(WS, transfer.export(WS, [state.data.registry[0]!.id]).content, 'replace'),
    );
    expect(replaced.replaced).toBe(1);
  });

  it('reports accounts it cannot match and invalid records, and refuses what is not a registry file', async () => {
    const { transfer } = await setup();
    const file = JSON.parse(transfer.export(WS).content);
    file.records[0].mappings[0].account = 'Nobody';
    file.records[1].fields.osFamily = 'plan9';
    const result = await transfer.import(importInto(OTHER_WS, JSON.stringify(file)));
    expect(result.unmatchedAccounts).toEqual(['aws account "Nobody" (ami-0123456789abcdef0 in us-east-1)']);
    expect(result.problems[0]).toContain('osFamily');
    expect(result.imported).toBe(1);
    for (const content of ['{not json', JSON.stringify({ format: 'hangar-workspace', version: 1 })]) {
      const error = await transfer.import(importInto(OTHER_WS, content)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).code).toBe('invalid-request');
    }
  });
});
