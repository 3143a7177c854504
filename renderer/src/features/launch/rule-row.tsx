import { fieldAria, WizardField } from '../wizard/wizard-field';
import { PROTOCOLS, type RuleDraft, type RuleErrors } from './model/firewall-rules';

interface RuleRowProps {
  index: number;
  rule: RuleDraft;
  errors: RuleErrors;
  onChange: (patch: Partial<RuleDraft>) => void;
  onRemove: () => void;
}

/** One inbound rule: protocol, port range, source range. A group named "Rule N". */
export function RuleRow({ index, rule, errors, onChange, onRemove }: RuleRowProps) {
  const id = (field: keyof RuleDraft) => `launch-rule-${index}-${field}`;
  const icmp = rule.protocol === 'icmp';
  return (
    <div className="launch-rule" role="group" aria-label={`Rule ${index + 1}`}>
      <WizardField id={id('protocol')} label="Protocol" error={errors.protocol}>
        <select
          id={id('protocol')}
          value={rule.protocol}
          onChange={(event) => onChange({ protocol: event.target.value as RuleDraft['protocol'] })}
        >
          {PROTOCOLS.map((protocol) => (
            <option key={protocol} value={protocol}>
              {protocol.toUpperCase()}
            </option>
          ))}
        </select>
      </WizardField>
      <WizardField id={id('fromPort')} label="From port" error={errors.fromPort}>
        <input
          id={id('fromPort')}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={icmp ? 'all' : '22'}
          value={rule.fromPort}
          {...fieldAria(id('fromPort'), false, errors.fromPort)}
          onChange={(event) => onChange({ fromPort: event.target.value })}
        />
      </WizardField>
      <WizardField id={id('toPort')} label="To port" error={errors.toPort}>
        <input
          id={id('toPort')}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={icmp ? 'all' : 'same'}
          value={rule.toPort}
          {...fieldAria(id('toPort'), false, errors.toPort)}
          onChange={(event) => onChange({ toPort: event.target.value })}
        />
      </WizardField>
      <WizardField id={id('cidr')} label="Source range" error={errors.cidr}>
        <input
          id={id('cidr')}
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder="203.0.113.0/24"
          value={rule.cidr}
          {...fieldAria(id('cidr'), false, errors.cidr)}
          onChange={(event) => onChange({ cidr: event.target.value })}
        />
      </WizardField>
      <button type="button" className="button-quiet launch-row-remove" onClick={onRemove}>
        Remove rule {index + 1}
      </button>
    </div>
  );
}
