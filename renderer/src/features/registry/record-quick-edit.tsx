import { useId, useState } from 'react';
import {
  LABEL_COLORS,
  RegistryAccessSchema,
  type RegistryRecord,
  type RegistryRecordFields,
} from '@contract/index';
import { useApi } from '../../api/api-context';
import { useWorkspaceId } from '../../api/workspace-scope';
import { ErrorMessage } from '../../components/error-message';
import { ACCESS_HINT } from './model/registry-format';
import { useInvalidateRegistry } from './registry-queries';
import { useAction } from './use-action';

type QuickChange = Partial<Pick<RegistryRecordFields, 'labelColor' | 'access'>>;

/**
 * The two changes made often enough to sit in the panel itself: the label colour (a radio group
 * of swatches, arrow keys move) and the access. Controls stay enabled while saving (disabling
 * them would drop keyboard focus); the latest choice is what main ends up with.
 */
export function RecordQuickEdit({ record }: { record: RegistryRecord }) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const invalidate = useInvalidateRegistry();
  const id = useId();
  // Shown at once while main saves (and refetched after); dropped again if saving fails.
  const [pending, setPending] = useState<QuickChange>({});
  const update = useAction(async (changes: QuickChange) => {
    await api.invoke('registry:update', { workspaceId, recordId: record.id, changes });
    await invalidate();
  });
  const change = async (changes: QuickChange) => {
    setPending(changes);
    await update.run(changes);
    setPending({});
  };
  const labelColor = pending.labelColor ?? record.labelColor;
  const access = pending.access ?? record.access;

  return (
    <div className="record-quick">
      <fieldset className="label-picker">
        <legend>Label colour</legend>
        {LABEL_COLORS.map((color) => (
          <label key={color} className={`label-swatch label-${color}`} title={color}>
            <input
              type="radio"
              name={`${id}-label`}
              value={color}
              checked={labelColor === color}
              onChange={() => void change({ labelColor: color })}
            />
            <span className="visually-hidden">{color}</span>
          </label>
        ))}
      </fieldset>
      <label className="inline-field">
        <span>Access</span>
        <select
          value={access}
          onChange={(event) => void change({ access: RegistryAccessSchema.parse(event.target.value) })}
        >
          {RegistryAccessSchema.options.map((option) => (
            <option key={option} value={option} title={ACCESS_HINT[option]}>
              {option}
            </option>
          ))}
        </select>
      </label>
      <p className="field-hint">{ACCESS_HINT[access]}.</p>
      {update.error && <ErrorMessage error={update.error} context="Could not save the change" />}
    </div>
  );
}
