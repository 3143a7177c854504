import { useAppActions } from './app-actions';
import { DeleteWorkspaceDialog } from './delete-workspace-dialog';
import { ImportWorkspaceDialog } from './import-workspace-dialog';
import { WorkspaceEditorDialog } from './workspace-editor-dialog';
import { WorkspacePalette } from './workspace-palette';

/**
 * The window-wide dialogs. They live outside the workspace's own views because they outlast a
 * switch (importing a workspace switches to it, then asks for its secrets). Dialogs about the
 * workspace's accounts live in the Accounts panel and close with it.
 */
export function AppDialogs() {
  const { dialog } = useAppActions();
  switch (dialog?.kind) {
    case 'palette':
      return <WorkspacePalette />;
    case 'create-workspace':
      return <WorkspaceEditorDialog />;
    case 'edit-workspace':
      return <WorkspaceEditorDialog key={dialog.workspace.id} workspace={dialog.workspace} />;
    case 'delete-workspace':
      return <DeleteWorkspaceDialog workspace={dialog.workspace} />;
    case 'import-workspace':
      return <ImportWorkspaceDialog />;
    default:
      return null;
  }
}
