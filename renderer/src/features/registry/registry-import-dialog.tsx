import { useEffect, useState } from 'react';
import type { RegistryImportResult } from '@contract/index';
import { useApi } from '../../api/api-context';
import { useWorkspaceId } from '../../api/workspace-scope';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/error-message';
import { plural } from '../../lib/format';
import { useInvalidateRegistry } from './registry-queries';
import { useAction } from './use-action';

type ConflictChoice = 'skip' | 'replace' | 'keep-both';

const CHOICES: { value: ConflictChoice; label: string; hint: string }[] = [
  { value: 'skip', label: 'Skip them', hint: 'Keep the records here as they are.' },
  { value: 'replace', label: 'Replace ours', hint: 'The imported record overwrites the one here.' },
  { value: 'keep-both', label: 'Keep both', hint: 'Import them as additional records.' },
];

interface RegistryImportDialogProps {
  fileName: string;
  content: string;
  onClose: () => void;
}

/**
 * Imports a registry file in two steps: a dry run says what would happen and which records
 * conflict; the user picks how conflicts go; the real import then reports what it did.
 */
export function RegistryImportDialog({ fileName, content, onClose }: RegistryImportDialogProps) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const invalidate = useInvalidateRegistry();
  const [choice, setChoice] = useState<ConflictChoice>('skip');
  const [preview, setPreview] = useState<RegistryImportResult | null>(null);
  const [result, setResult] = useState<RegistryImportResult | null>(null);

  const dryRun = useAction(() => api.invoke('registry:import', { workspaceId, content, dryRun: true }));
  const apply = useAction((onConflict: ConflictChoice) =>
    api.invoke('registry:import', { workspaceId, content, onConflict, dryRun: false }),
  );
  const runDry = dryRun.run;

  useEffect(() => {
    void runDry().then((answer) => answer && setPreview(answer));
  }, [runDry]);

  const importNow = async () => {
    const answer = await apply.run(choice);
    if (!answer) return;
    setResult(answer);
    void invalidate();
  };

  return (
    <Dialog title={`Import ${fileName}`} onClose={onClose} className="dialog-wide">
      {dryRun.busy && <p role="status">Reading the file…</p>}
      {dryRun.error && <ErrorMessage error={dryRun.error} context="Could not read this registry file" />}
      {preview && !result && (
        <>
          <p role="status">
            {plural(preview.imported + preview.replaced, 'record')} can be imported;{' '}
            {plural(preview.conflicts.length, 'conflict')}.
          </p>
          <ImportFindings result={preview} />
          {preview.conflicts.length > 0 && (
            <fieldset className="form-group">
              <legend>Records that already exist here</legend>
              {CHOICES.map((option) => (
                <label key={option.value} className="radio">
                  <input
                    type="radio"
                    name="registry-import-conflicts"
                    value={option.value}
                    checked={choice === option.value}
                    onChange={() => setChoice(option.value)}
                  />
                  <span>
                    {option.label} <span className="field-hint">{option.hint}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
        </>
      )}
      {apply.error && <ErrorMessage error={apply.error} context="Could not import" />}
      {result && (
        <>
          <p role="status">
            Imported {plural(result.imported, 'record')}, replaced {result.replaced}, skipped {result.skipped}
            .
          </p>
          <ImportFindings result={result} />
        </>
      )}
      <div className="dialog-actions">
        <span className="spacer" />
        {result ? (
          <button type="button" className="button-primary" data-autofocus onClick={onClose}>
            Done
          </button>
        ) : (
          <>
            <button type="button" className="button-quiet" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className="button-primary"
              disabled={!preview || apply.busy}
              onClick={() => void importNow()}
            >
              {apply.busy ? 'Importing…' : 'Import'}
            </button>
          </>
        )}
      </div>
    </Dialog>
  );
}

/** Conflicts, accounts that are not in this workspace, and whatever else the file got wrong. */
function ImportFindings({ result }: { result: RegistryImportResult }) {
  return (
    <>
      {result.conflicts.length > 0 && (
        <ul className="registry-list" aria-label="Conflicts">
          {result.conflicts.map((conflict, index) => (
            <li key={`${conflict.name}-${index}`}>
              <strong>{conflict.name}</strong>: {conflict.reason}
            </li>
          ))}
        </ul>
      )}
      {result.unmatchedAccounts.length > 0 && (
        <p className="field-warning">
          Mappings of accounts not in this workspace are kept and marked to be re-pointed:{' '}
          {result.unmatchedAccounts.join(', ')}.
        </p>
      )}
      {result.problems.length > 0 && (
        <ul className="registry-list" aria-label="Problems">
          {result.problems.map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
        </ul>
      )}
    </>
  );
}
