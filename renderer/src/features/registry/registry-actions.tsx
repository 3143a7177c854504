import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ImageTarget } from '@contract/index';
import { RegisterWizardDialog } from '../wizard/register-wizard-dialog';
import { useInvalidateRegistry } from './registry-queries';

export interface RegistryActions {
  /**
   * Opens the registration wizard, pre-filled when it starts from a catalog image; with
   * `addTo`, the image found is offered as another location of that record.
   */
  register: (prefill?: ImageTarget, addTo?: AddToRecord) => void;
  /** Shows a record in the Registry tab. */
  openRecord: (recordId: string) => void;
}

const RegistryActionsContext = createContext<RegistryActions | null>(null);

/** Null outside the workspace views (a catalog rendered alone then offers no "Register…"). */
export function useRegistryActions(): RegistryActions | null {
  return useContext(RegistryActionsContext);
}

interface RegistryActionsProviderProps {
  onOpenRecord: (recordId: string) => void;
  children: ReactNode;
}

export interface AddToRecord {
  recordId: string;
  name: string;
}

type WizardState =
  { open: false } | { open: true; prefill: ImageTarget | undefined; addTo: AddToRecord | undefined };

/**
 * Hosts the one registration wizard of a workspace view, so the catalog, the registry and the
 * record panel all open the same dialog, and a registration refreshes every registry view.
 */
export function RegistryActionsProvider({ onOpenRecord, children }: RegistryActionsProviderProps) {
  const [wizard, setWizard] = useState<WizardState>({ open: false });
  const invalidate = useInvalidateRegistry();

  const register = useCallback(
    (prefill?: ImageTarget, addTo?: AddToRecord) => setWizard({ open: true, prefill, addTo }),
    [],
  );
  const close = useCallback(() => setWizard({ open: false }), []);
  const showRecord = (recordId: string) => {
    close();
    void invalidate();
    onOpenRecord(recordId);
  };
  const value = useMemo<RegistryActions>(
    () => ({ register, openRecord: onOpenRecord }),
    [register, onOpenRecord],
  );

  return (
    <RegistryActionsContext.Provider value={value}>
      {children}
      {wizard.open && (
        <RegisterWizardDialog
          prefill={wizard.prefill}
          addTo={wizard.addTo}
          onClose={close}
          // Registered (or chose the existing record): the wizard is done; show the record.
          onRegistered={(record) => showRecord(record.id)}
          onOpenRecord={showRecord}
        />
      )}
    </RegistryActionsContext.Provider>
  );
}
