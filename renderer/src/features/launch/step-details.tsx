import type { LaunchDraft } from './model/launch-draft';
import { fieldInputId } from './model/launch-steps';
import { fieldAria, WizardField } from '../wizard/wizard-field';
import type { StepProps } from './step-props';

type TextField = 'name' | 'count' | 'billingCode' | 'group';

/** Step 6: name, count, tags, billing code, group and the user's own user data. */
export function StepDetails({ draft, dispatch, errors }: StepProps) {
  const set = (field: keyof LaunchDraft, value: string) =>
    dispatch({ type: 'set', patch: { [field]: value } });
  const text = (field: TextField, hasHint: boolean) => ({
    id: fieldInputId(field),
    value: draft[field],
    autoComplete: 'off',
    ...fieldAria(fieldInputId(field), hasHint, errors[field]),
    onChange: (event: { target: { value: string } }) => set(field, event.target.value),
  });
  return (
    <div className="form-columns">
      <div className="form-column">
        <WizardField
          id={fieldInputId('name')}
          label="Server name"
          error={errors.name}
          hint="Letters, digits, dots, dashes or underscores. With a count above one, the cloud numbers them."
          required
        >
          <input type="text" spellCheck={false} aria-required="true" data-autofocus {...text('name', true)} />
        </WizardField>
        <WizardField id={fieldInputId('count')} label="Count" error={errors.count} hint="1 to 20 servers.">
          <input type="number" min={1} max={20} step={1} {...text('count', true)} />
        </WizardField>
        <WizardField
          id={fieldInputId('billingCode')}
          label="Billing code"
          error={errors.billingCode}
          hint="Optional: written as a tag (a label on Google Cloud)."
        >
          <input type="text" {...text('billingCode', true)} />
        </WizardField>
        <WizardField
          id={fieldInputId('group')}
          label="Group"
          error={errors.group}
          hint="Optional: the team or application the server belongs to, written as a tag."
        >
          <input type="text" {...text('group', true)} />
        </WizardField>
      </div>
      <div className="form-column">
        <WizardField
          id={fieldInputId('tags')}
          label="Tags"
          error={errors.tags}
          hint="Optional: key=value, separated by commas or new lines. The summary shows them as the cloud will get them."
        >
          <textarea
            id={fieldInputId('tags')}
            rows={3}
            spellCheck={false}
            value={draft.tags}
            {...fieldAria(fieldInputId('tags'), true, errors.tags)}
            onChange={(event) => set('tags', event.target.value)}
          />
        </WizardField>
        <WizardField
          id={fieldInputId('userData')}
          label="User data"
          error={errors.userData}
          hint="Optional: a cloud-init file or a shell script run at first boot. With RAID, Hangar adds its own part."
        >
          <textarea
            id={fieldInputId('userData')}
            className="mono"
            rows={6}
            spellCheck={false}
            value={draft.userData}
            {...fieldAria(fieldInputId('userData'), true, errors.userData)}
            onChange={(event) => set('userData', event.target.value)}
          />
        </WizardField>
      </div>
    </div>
  );
}
