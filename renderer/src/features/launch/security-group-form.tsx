import { useState, type KeyboardEvent } from 'react';
import { CreateSecurityGroupRequestSchema, type ChannelResponse } from '@contract/index';
import { useApi } from '../../api/api-context';
import { useWorkspaceId } from '../../api/workspace-scope';
import { ErrorMessage } from '../../components/error-message';
import { fieldAria, WizardField } from '../wizard/wizard-field';
import { emptyRule, parseRules, RULE_PRESETS, type RuleDraft, type RuleErrors } from './model/firewall-rules';
import { RuleRow } from './rule-row';

type SecurityGroup = ChannelResponse<'launch:create-security-group'>;

interface SecurityGroupFormProps {
  place: { accountId: string; location: string };
  networkId: string | null;
  onCreated: (group: SecurityGroup) => void;
}

const NAME_ID = 'launch-group-name';
const DESCRIPTION_ID = 'launch-group-description';

/**
 * "Create a security group…": a name and rule rows (with the common rules one click away), made
 * in the chosen network. Not a form element (it sits inside the step's form): Enter in its fields
 * creates the group rather than going to the next step.
 */
export function SecurityGroupForm({ place, networkId, onCreated }: SecurityGroupFormProps) {
  const api = useApi();
  const workspaceId = useWorkspaceId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [rules, setRules] = useState<RuleDraft[]>([]);
  const [ruleErrors, setRuleErrors] = useState<RuleErrors[]>([]);
  const [nameError, setNameError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const addRule = (rule: RuleDraft) => {
    setRules((rows) => [...rows, rule]);
    // Focus the new row's first field once it is there.
    requestAnimationFrame(() => document.getElementById(`launch-rule-${rules.length}-protocol`)?.focus());
  };
  const setRule = (index: number, patch: Partial<RuleDraft>) =>
    setRules((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const removeRule = (index: number) => {
    setRules((rows) => rows.filter((_, i) => i !== index));
    setRuleErrors((errors) => errors.filter((_, i) => i !== index));
  };

  const create = async () => {
    const parsed = parseRules(rules);
    setRuleErrors(parsed.errors);
    const request = {
      workspaceId,
      accountId: place.accountId,
      location: place.location,
      networkId,
      name,
      description: description.trim() || 'Created by Hangar',
      rules: parsed.rules ?? [],
    };
    const checked = CreateSecurityGroupRequestSchema.safeParse(request);
    const badName = checked.success ? undefined : checked.error.issues.find((i) => i.path[0] === 'name');
    setNameError(badName ? `Use ${badName.message}.` : undefined);
    if (badName) return document.getElementById(NAME_ID)?.focus();
    if (!parsed.rules || !checked.success) return;
    setBusy(true);
    setError(null);
    try {
      onCreated(await api.invoke('launch:create-security-group', checked.data));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (
      event.key !== 'Enter' ||
      !(event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement)
    )
      return;
    event.preventDefault();
    event.stopPropagation();
    void create();
  };

  return (
    <div className="launch-subform" role="group" aria-label="New security group" onKeyDown={onKeyDown}>
      <div className="form-columns">
        <WizardField id={NAME_ID} label="Group name" error={nameError} required>
          <input
            id={NAME_ID}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={name}
            aria-required="true"
            data-autofocus
            {...fieldAria(NAME_ID, false, nameError)}
            onChange={(event) => setName(event.target.value)}
          />
        </WizardField>
        <WizardField id={DESCRIPTION_ID} label="Description" error={undefined}>
          <input
            id={DESCRIPTION_ID}
            type="text"
            autoComplete="off"
            placeholder="Created by Hangar"
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </WizardField>
      </div>
      <p className="field-hint">Inbound rules: what may reach the server. Everything else is refused.</p>
      {rules.length === 0 && <p className="muted">No rules yet: nothing can reach the server.</p>}
      {rules.map((rule, index) => (
        <RuleRow
          key={index}
          index={index}
          rule={rule}
          errors={ruleErrors[index] ?? {}}
          onChange={(patch) => setRule(index, patch)}
          onRemove={() => removeRule(index)}
        />
      ))}
      <div className="launch-row-actions">
        <button type="button" onClick={() => addRule(emptyRule())}>
          Add rule
        </button>
        <span className="muted">Common rules:</span>
        {RULE_PRESETS.map((preset) => (
          <button
            key={preset.label}
            type="button"
            className="button-small"
            onClick={() => addRule(preset.rule)}
          >
            {preset.label}
          </button>
        ))}
        <span className="spacer" />
        <button
          type="button"
          className="button-primary"
          disabled={busy}
          aria-busy={busy || undefined}
          onClick={() => void create()}
        >
          Create group
        </button>
      </div>
      {busy && <p role="status">Creating the security group…</p>}
      {error !== null && <ErrorMessage error={error} context="Could not create the security group" />}
    </div>
  );
}
