import { useId, useState } from 'react';
import { parseTagText } from '@contract/index';
import { useApi } from '../../api/api-context';
import { useWorkspaceId } from '../../api/workspace-scope';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/error-message';
import { describedBy, errorId, FormField, hintId } from '../../components/form-field';
import { plural } from '../../lib/format';
import { parseKeyList } from './model/registry-format';
import { useInvalidateRegistry } from './registry-queries';
import { useAction } from './use-action';

interface BulkTagDialogProps {
  recordIds: readonly string[];
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Sets and removes tags on every selected record at once (registry:bulk-tag). */
export function BulkTagDialog({ recordIds, onClose, onDone }: BulkTagDialogProps) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const invalidate = useInvalidateRegistry();
  const id = useId();
  const [setText, setSetText] = useState('');
  const [removeText, setRemoveText] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const apply = useAction((set: Record<string, string>, remove: string[]) =>
    api.invoke('registry:bulk-tag', { workspaceId, recordIds: [...recordIds], set, remove }),
  );

  const submit = async () => {
    const parsed = parseTagText(setText);
    if (!parsed.ok) return setProblem(parsed.message);
    const remove = parseKeyList(removeText);
    if (Object.keys(parsed.tags).length === 0 && remove.length === 0) {
      return setProblem('write at least one key=value to set, or a key to remove');
    }
    setProblem(undefined);
    const result = await apply.run(parsed.tags, remove);
    if (!result) return;
    void invalidate();
    onDone(`Tagged ${plural(result.updated, 'record')}.`);
  };

  const setId = `${id}-set`;
  const removeId = `${id}-remove`;
  return (
    <Dialog title={`Tag ${plural(recordIds.length, 'record')}`} onClose={onClose}>
      <form
        className="registry-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <FormField
          id={setId}
          label="Set tags"
          error={problem}
          hint="key=value, separated by commas or new lines."
        >
          <textarea
            id={setId}
            rows={4}
            className="mono"
            data-autofocus
            spellCheck={false}
            value={setText}
            aria-invalid={problem ? true : undefined}
            aria-describedby={describedBy(setId, true, problem)}
            onChange={(event) => setSetText(event.target.value)}
          />
        </FormField>
        <FormField
          id={removeId}
          label="Remove tags"
          error={undefined}
          hint="Keys, separated by commas or spaces."
        >
          <input
            id={removeId}
            type="text"
            className="mono"
            spellCheck={false}
            value={removeText}
            aria-describedby={hintId(removeId)}
            onChange={(event) => setRemoveText(event.target.value)}
          />
        </FormField>
        {apply.error && <ErrorMessage error={apply.error} context="Could not tag the records" />}
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" className="button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button-primary"
            disabled={apply.busy}
            aria-describedby={problem ? errorId(setId) : undefined}
          >
            {apply.busy ? 'Tagging…' : 'Apply tags'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
