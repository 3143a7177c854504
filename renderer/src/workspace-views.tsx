import { useCallback, useState, type ReactNode } from 'react';
import { panelElementId, tabElementId, ViewTabs, type ViewTab } from './components/view-tabs';
import { LaunchHistoryView } from './features/lifecycle/launch-history-view';
import { LifecycleProvider } from './features/lifecycle/lifecycle-context';
import { LaunchActionsProvider } from './features/launch/launch-actions';
import { OperationsPanel } from './features/launch/operations-panel';
import { DriftView } from './features/registry/drift-view';
import { RegistryActionsProvider } from './features/registry/registry-actions';
import { RegistryView } from './features/registry/registry-view';

type ViewId = 'catalog' | 'registry' | 'drift' | 'launches' | 'activity';

const TABS: readonly ViewTab<ViewId>[] = [
  { id: 'catalog', label: 'Catalog' },
  { id: 'registry', label: 'Registry' },
  { id: 'drift', label: 'Drift' },
  { id: 'launches', label: 'Launches' },
  { id: 'activity', label: 'Activity' },
];

const PREFIX = 'workspace-view';

/**
 * The workspace's main area: Catalog | Registry | Drift. A view once shown stays mounted (hidden
 * and inert while another is up), so switching back keeps its search, selection and scroll, and
 * its keyboard shortcuts stay quiet while hidden. Keyed by the workspace in app.tsx like the
 * catalog was, so another workspace starts from fresh views.
 */
export function WorkspaceViews({ catalog }: { catalog: ReactNode }) {
  const [view, setView] = useState<ViewId>('catalog');
  const [visited, setVisited] = useState<ReadonlySet<ViewId>>(() => new Set(['catalog']));
  const [recordId, setRecordId] = useState<string | null>(null);

  const show = useCallback((next: ViewId) => {
    setView(next);
    setVisited((seen) => (seen.has(next) ? seen : new Set([...seen, next])));
  }, []);
  const openRecord = useCallback(
    (id: string) => {
      setRecordId(id);
      show('registry');
    },
    [show],
  );

  const showActivity = useCallback(() => show('activity'), [show]);

  const panel = (id: ViewId, content: ReactNode) => (
    <div
      id={panelElementId(PREFIX, id)}
      role="tabpanel"
      aria-labelledby={tabElementId(PREFIX, id)}
      className="view-panel"
      hidden={view !== id}
      inert={view !== id}
    >
      {visited.has(id) && content}
    </div>
  );

  return (
    <RegistryActionsProvider onOpenRecord={openRecord}>
      <LifecycleProvider>
        <LaunchActionsProvider onLaunched={showActivity}>
          <div className="workspace-views">
            <ViewTabs label="Workspace views" idPrefix={PREFIX} tabs={TABS} selected={view} onSelect={show} />
            {panel('catalog', catalog)}
            {panel('registry', <RegistryView recordId={recordId} onRecord={setRecordId} />)}
            {panel('drift', <DriftView />)}
            {panel('launches', <LaunchHistoryView />)}
            {panel('activity', <OperationsPanel />)}
          </div>
        </LaunchActionsProvider>
      </LifecycleProvider>
    </RegistryActionsProvider>
  );
}
