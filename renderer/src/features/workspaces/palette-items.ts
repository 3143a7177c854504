import type { Workspace } from '@contract/index';
import { accountCountText, type WorkspaceColor } from './workspace-colors';

export interface PaletteItem {
  id: string;
  group: 'Workspaces' | 'Actions';
  /** The option's accessible name: the workspace's name, or the action ("Lock now"). */
  label: string;
  hint: string | null;
  color: WorkspaceColor | null;
  run: () => void;
}

export interface PaletteHandlers {
  switchTo: (workspace: Workspace) => void;
  create: () => void;
  edit: (workspace: Workspace) => void;
  importWorkspace: () => void;
  exportWorkspace: (workspace: Workspace) => void;
  openInNewWindow: (workspace: Workspace) => void;
  importFromMachine: () => void;
  lock: () => void;
}

/** Workspaces first (to switch), then what can be done; actions on "this" workspace name it. */
export function paletteItems(
  workspaces: readonly Workspace[],
  current: Workspace | null,
  on: PaletteHandlers,
): PaletteItem[] {
  const items: PaletteItem[] = workspaces.map((workspace) => ({
    id: `ws-${workspace.id}`,
    group: 'Workspaces',
    label: workspace.name,
    hint: [workspace.id === current?.id ? 'current' : null, accountCountText(workspace.accountCount)]
      .filter(Boolean)
      .join(' · '),
    color: workspace.color,
    run: () => on.switchTo(workspace),
  }));
  const action = (id: string, label: string, run: () => void, hint: string | null = null) =>
    items.push({ id: `action-${id}`, group: 'Actions', label, hint, color: null, run });
  action('create', 'New workspace…', on.create);
  if (current?.kind === 'user') {
    action('edit', 'Edit workspace…', () => on.edit(current), current.name);
    action('export', 'Export workspace', () => on.exportWorkspace(current), current.name);
  }
  action('import', 'Import workspace…', on.importWorkspace);
  if (current) {
    action('import-machine', 'Import from this machine…', on.importFromMachine, `into ${current.name}`);
    action('new-window', 'Open in new window', () => on.openInNewWindow(current), current.name);
  }
  action('lock', 'Lock now', on.lock, 'forget session-only secrets');
  return items;
}

/** Every typed word must appear in the label or hint, in any order, ignoring case. */
export function matchesQuery(item: PaletteItem, query: string): boolean {
  const haystack = `${item.label} ${item.hint ?? ''} ${item.group}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
