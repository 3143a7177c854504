import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type {
  Account,
  AccountDraft,
  DiscoverRequestSchema,
  ImportCandidateView,
  ImportRequest,
} from '@contract/index';
import { importGoogleKeyFile, readAllImports, type ImportCandidate, type ImportSystem } from '../importers';
import { ServiceError } from '../ipc/app-error';
import type { AccountService } from './account-service';
import { providerFor } from '../providers/registry';

/**
 * Finds accounts in the credentials people already have, read-only. What it finds stays in main
 * (secrets included) until the user picks a candidate; the renderer sees candidates without secrets.
 */
export class ImportService {
  private found = new Map<string, ImportCandidate>();

  constructor(
    private readonly accounts: AccountService,
    private readonly system: () => ImportSystem,
  ) {}

  async discover(
    request: z.infer<typeof DiscoverRequestSchema>,
  ): Promise<{ candidates: ImportCandidateView[]; errors: string[] }> {
    const result = await readAllImports(this.system());
    const extra = request.googleKeyFile
      ? importGoogleKeyFile({ path: request.googleKeyFile.name, text: request.googleKeyFile.text })
      : { candidates: [], errors: [] };
    const candidates = [...result.candidates, ...extra.candidates];
    // Replaced on each discovery: a secret found earlier is not kept longer than needed.
    this.found = new Map(candidates.map((candidate) => [candidateId(candidate), candidate]));
    return {
      candidates: [...this.found].map(([id, candidate]) => toView(id, candidate)),
      errors: [...result.errors, ...extra.errors],
    };
  }

  async import(request: ImportRequest): Promise<Account> {
    const candidate = this.found.get(request.candidateId);
    if (!candidate?.draft) {
      throw new ServiceError(
        'not-found',
        'That candidate is no longer available: look for credentials again.',
      );
    }
    if (candidate.needsSecret && !request.secret) {
      throw new ServiceError(
        'invalid-request',
        `Type the secret for "${candidate.name}"; it is not in ${candidate.source}.`,
      );
    }
    const draft = { ...candidate.draft, secret: request.secret ?? candidate.draft.secret } as AccountDraft;
    const account = await this.accounts.add({
      workspaceId: request.workspaceId,
      name: request.name ?? candidate.name,
      storage: request.storage,
      account: draft,
    });
    this.found.delete(request.candidateId);
    return account;
  }
}

function candidateId(candidate: ImportCandidate): string {
  return `import-${createHash('sha256').update(`${candidate.source}\n${candidate.name}`).digest('hex').slice(0, 16)}`;
}

function toView(id: string, candidate: ImportCandidate): ImportCandidateView {
  const draft = candidate.draft;
  let summary: string | null = null;
  const provider = draft ? providerFor(draft.cloud) : null;
  if (draft && provider) {
    const locations = [...new Set(provider.sourcesFor(draft.connection).map((source) => source.location))];
    summary = [provider.identityOf(draft.connection), locations.join(', ')].filter(Boolean).join(' · ');
  }
  return {
    id,
    source: candidate.source,
    name: candidate.name,
    cloud: draft?.cloud ?? null,
    importable: draft !== null,
    promptForCredential: candidate.needsSecret,
    summary,
    note: candidate.note,
    problems: candidate.problems,
  };
}
