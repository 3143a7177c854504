import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Dialog } from '../../components/dialog';
import { useAppActions } from './app-actions';
import { matchesQuery, paletteItems, type PaletteItem } from './palette-items';
import { colorClass } from './workspace-colors';
import { useWorkspaces } from './workspace-context';

/**
 * Ctrl/Cmd+K: a combobox over the workspaces and the window's actions. Typing filters, arrows
 * move, Enter chooses, Escape closes. Focus stays in the input; the active option is announced
 * through aria-activedescendant.
 */
export function WorkspacePalette() {
  const { workspaces, current, switchTo } = useWorkspaces();
  const actions = useAppActions();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;

  // Counts may have changed in another window since the list was fetched.
  useEffect(() => void queryClient.invalidateQueries({ queryKey: ['workspaces:list'] }), [queryClient]);

  const { closeDialog, openDialog, lockNow, exportWorkspace, openInNewWindow } = actions;
  const items = useMemo(
    () =>
      paletteItems(workspaces ?? [], current, {
        switchTo: (workspace) => {
          closeDialog();
          switchTo(workspace.id);
        },
        create: () => openDialog({ kind: 'create-workspace' }),
        edit: (workspace) => openDialog({ kind: 'edit-workspace', workspace }),
        importWorkspace: () => openDialog({ kind: 'import-workspace' }),
        importFromMachine: () => openDialog({ kind: 'import-machine' }),
        exportWorkspace: (workspace) => {
          closeDialog();
          void exportWorkspace(workspace);
        },
        openInNewWindow: (workspace) => {
          closeDialog();
          openInNewWindow(workspace);
        },
        lock: () => {
          closeDialog();
          void lockNow();
        },
      }),
    [workspaces, current, switchTo, closeDialog, openDialog, lockNow, exportWorkspace, openInNewWindow],
  );
  const shown = items.filter((item) => matchesQuery(item, query));
  const activeIndex = Math.min(active, shown.length - 1);

  useEffect(() => {
    if (activeIndex >= 0)
      document.getElementById(`${listId}-option-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, listId]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = shown.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: activeIndex >= last ? 0 : activeIndex + 1,
      ArrowUp: activeIndex <= 0 ? last : activeIndex - 1,
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      setActive(Math.max(0, moves[event.key] ?? 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      shown[activeIndex]?.run();
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      closeDialog();
    }
  };

  return (
    <Dialog title="Switch workspace" onClose={closeDialog} className="palette">
      <input
        type="text"
        role="combobox"
        className="palette-input"
        aria-label="Search workspaces and actions"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
        placeholder="Type a workspace or an action…"
        autoComplete="off"
        spellCheck={false}
        data-autofocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div id={listId} role="listbox" aria-label="Workspaces and actions" className="palette-list">
        {(['Workspaces', 'Actions'] as const).map((group) => (
          <PaletteGroup
            key={group}
            group={group}
            items={shown}
            activeIndex={activeIndex}
            optionId={optionId}
            onHover={setActive}
          />
        ))}
      </div>
      {shown.length === 0 && (
        <p className="muted" role="status">
          No workspace or action matches “{query}”.
        </p>
      )}
      <p className="palette-help muted" aria-hidden="true">
        ↑ ↓ move · Enter choose · Esc close
      </p>
    </Dialog>
  );
}

interface PaletteGroupProps {
  group: PaletteItem['group'];
  items: PaletteItem[];
  activeIndex: number;
  optionId: (index: number) => string;
  onHover: (index: number) => void;
}

function PaletteGroup({ group, items, activeIndex, optionId, onHover }: PaletteGroupProps) {
  const headingId = useId();
  const indexed = items.map((item, index) => ({ item, index })).filter(({ item }) => item.group === group);
  if (indexed.length === 0) return null;
  return (
    <div role="group" aria-labelledby={headingId}>
      <div id={headingId} className="palette-group" role="presentation">
        {group}
      </div>
      {indexed.map(({ item, index }) => (
        <div
          key={item.id}
          id={optionId(index)}
          role="option"
          aria-selected={index === activeIndex}
          aria-labelledby={`${optionId(index)}-label`}
          aria-describedby={item.hint ? `${optionId(index)}-hint` : undefined}
          className={`palette-option ${index === activeIndex ? 'is-active' : ''}`}
          // Keep focus in the input: the click chooses, the input keeps typing.
          onMouseDown={(event) => event.preventDefault()}
          onMouseMove={() => onHover(index)}
          onClick={() => item.run()}
        >
          {item.color && <span className={`ws-swatch ${colorClass(item.color)}`} aria-hidden="true" />}
          <span id={`${optionId(index)}-label`} className="palette-label">
            {item.label}
          </span>
          {item.hint && (
            <span id={`${optionId(index)}-hint`} className="palette-hint">
              {item.hint}
            </span>
          )}
        </div>
      ))}
    </div>
  );
}
