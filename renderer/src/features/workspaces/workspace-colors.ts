import type { Workspace } from '@contract/index';

export type WorkspaceColor = Workspace['color'];

/** The palette a workspace may wear, in the order the editor offers it, with names for the radios. */
export const WORKSPACE_COLORS: readonly { value: WorkspaceColor; label: string }[] = [
  { value: 'blue', label: 'Blue' },
  { value: 'green', label: 'Green' },
  { value: 'amber', label: 'Amber' },
  { value: 'red', label: 'Red' },
  { value: 'purple', label: 'Purple' },
  { value: 'teal', label: 'Teal' },
  { value: 'pink', label: 'Pink' },
  { value: 'slate', label: 'Slate' },
];

/** The class that sets `--ws` (workspaces.css): colour through a class, never an inline style. */
export const colorClass = (color: WorkspaceColor) => `ws-color-${color}`;

export function accountCountText(count: number): string {
  return count === 1 ? '1 account' : `${count} accounts`;
}
