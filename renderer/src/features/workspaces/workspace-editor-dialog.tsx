import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { CreateWorkspaceRequestSchema, type Workspace } from '@contract/index';
import { useApi } from '../../api/api-context';
import { toApiError, type ApiError } from '../../api/api-error';
import { invalidateAccounts, rememberWorkspace } from '../../api/queries';
import { Dialog } from '../../components/dialog';
import { ErrorMessage } from '../../components/error-message';
import { describedBy, FormField } from '../../components/form-field';
import { useAppActions } from './app-actions';
import { EnvironmentsField, environmentRows, type EnvironmentRow } from './environments-field';
import { colorClass, WORKSPACE_COLORS, type WorkspaceColor } from './workspace-colors';
import { useWorkspaces } from './workspace-context';

interface WorkspaceEditorDialogProps {
  /** Absent: create a new workspace (and switch to it). */
  workspace?: Workspace;
}

/** Rows repeating an earlier name (main keys environments by name: two would merge). */
function duplicateRows(rows: EnvironmentRow[]): Record<number, string> {
  const seen = new Set<string>();
  const errors: Record<number, string> = {};
  rows.forEach((row, index) => {
    const name = row.name.trim().toLowerCase();
    if (name && seen.has(name)) errors[index] = 'this environment is already listed';
    seen.add(name);
  });
  return errors;
}

interface FieldErrors {
  name?: string;
  environments: Record<number, string>;
}

/** Name, colour and environments of a workspace; editing also leads to deleting it. */
export function WorkspaceEditorDialog({ workspace }: WorkspaceEditorDialogProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { switchTo } = useWorkspaces();
  const { closeDialog, openDialog } = useAppActions();
  const [name, setName] = useState(workspace?.name ?? '');
  const [color, setColor] = useState<WorkspaceColor>(workspace?.color ?? 'blue');
  const [rows, setRows] = useState<EnvironmentRow[]>(() =>
    environmentRows(workspace?.environments.map((e) => e.name) ?? []),
  );
  const [errors, setErrors] = useState<FieldErrors>({ environments: {} });
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Blank rows are left-over "Add environment" clicks, not names.
    const kept = rows.filter((row) => row.name.trim() !== '');
    const parsed = CreateWorkspaceRequestSchema.safeParse({
      name,
      color,
      environments: kept.map((r) => r.name),
    });
    const duplicates = duplicateRows(rows);
    if (!parsed.success || Object.keys(duplicates).length > 0) {
      const next: FieldErrors = { environments: duplicates };
      for (const issue of parsed.error?.issues ?? []) {
        if (issue.path[0] === 'name') next.name ??= issue.message;
        if (issue.path[0] === 'environments') {
          const row = kept[Number(issue.path[1])];
          const index = row ? rows.indexOf(row) : -1;
          if (index >= 0) next.environments[index] ??= issue.message;
        }
      }
      setErrors(next);
      return;
    }
    setErrors({ environments: {} });
    setSaveError(null);
    setSaving(true);
    try {
      if (workspace) {
        await api.invoke('workspaces:update', { workspaceId: workspace.id, ...parsed.data });
        // Accounts of a renamed environment left it: their lists change too.
        void invalidateAccounts(queryClient);
        closeDialog();
      } else {
        const created = await api.invoke('workspaces:create', parsed.data);
        void rememberWorkspace(queryClient, created);
        closeDialog();
        switchTo(created.id);
      }
    } catch (error) {
      setSaveError(toApiError(error));
      setSaving(false);
    }
  };

  const title = workspace ? `Edit workspace ${workspace.name}` : 'New workspace';
  return (
    <Dialog title={title} onClose={closeDialog}>
      <form className="workspace-form" onSubmit={(event) => void submit(event)} noValidate aria-label={title}>
        <FormField
          id="workspace-name"
          label="Workspace name"
          error={errors.name}
          hint="A client or a team, for example Acme."
        >
          <input
            id="workspace-name"
            type="text"
            value={name}
            autoComplete="off"
            data-autofocus
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy('workspace-name', true, errors.name)}
            onChange={(event) => setName(event.target.value)}
          />
        </FormField>
        <fieldset className="form-group">
          <legend>Colour</legend>
          <div className="color-choices" role="radiogroup" aria-label="Colour">
            {WORKSPACE_COLORS.map((choice) => (
              <label key={choice.value} className="color-choice">
                <input
                  type="radio"
                  name="workspace-color"
                  value={choice.value}
                  checked={color === choice.value}
                  onChange={() => setColor(choice.value)}
                />
                <span className={`ws-swatch ${colorClass(choice.value)}`} aria-hidden="true" />
                {choice.label}
              </label>
            ))}
          </div>
        </fieldset>
        <EnvironmentsField rows={rows} onChange={setRows} errors={errors.environments} />
        {saveError && <ErrorMessage error={saveError} context="Could not save the workspace" noAdvice />}
        <div className="dialog-actions">
          {workspace && (
            <button
              type="button"
              className="button-quiet text-danger"
              onClick={() => openDialog({ kind: 'delete-workspace', workspace })}
            >
              Delete workspace…
            </button>
          )}
          <span className="spacer" />
          <button type="button" className="button-quiet" onClick={closeDialog}>
            Cancel
          </button>
          <button type="submit" className="button-primary" disabled={saving}>
            {saving ? 'Saving…' : workspace ? 'Save workspace' : 'Create workspace'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
