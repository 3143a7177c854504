import { FirewallRuleSchema, type FirewallRule } from '@contract/index';

/** A rule row as its inputs hold it: ports as typed. */
export interface RuleDraft {
  protocol: FirewallRule['protocol'];
  fromPort: string;
  toPort: string;
  cidr: string;
}

export const PROTOCOLS: readonly FirewallRule['protocol'][] = ['tcp', 'udp', 'icmp'];

/** The rules people add most: one click each. */
export const RULE_PRESETS: readonly { label: string; rule: RuleDraft }[] = [
  { label: 'SSH from anywhere', rule: { protocol: 'tcp', fromPort: '22', toPort: '22', cidr: '0.0.0.0/0' } },
  { label: 'HTTPS', rule: { protocol: 'tcp', fromPort: '443', toPort: '443', cidr: '0.0.0.0/0' } },
];

export function emptyRule(): RuleDraft {
  return { protocol: 'tcp', fromPort: '', toPort: '', cidr: '0.0.0.0/0' };
}

/** Per row, the field that is wrong and why. */
export type RuleErrors = Partial<Record<keyof RuleDraft, string>>;

function port(text: string, protocol: RuleDraft['protocol']): number | null {
  const trimmed = text.trim();
  // ICMP has no ports: blank means "all types", which the clouds write as -1.
  if (protocol === 'icmp' && trimmed === '') return -1;
  if (!/^-?\d+$/.test(trimmed)) return null;
  return Number(trimmed);
}

/**
 * The rows as the contract's rules, checked with its own schema; a blank "To port" means the same
 * as "From port". Returns the rules only when every row is right.
 */
export function parseRules(rows: readonly RuleDraft[]): {
  rules: FirewallRule[] | null;
  errors: RuleErrors[];
} {
  const rules: FirewallRule[] = [];
  const errors = rows.map((row): RuleErrors => {
    const from = port(row.fromPort, row.protocol);
    const to = row.toPort.trim() === '' ? from : port(row.toPort, row.protocol);
    const rowErrors: RuleErrors = {};
    if (from === null) rowErrors.fromPort = 'a port number from 0 to 65535';
    if (to === null) rowErrors.toPort = 'a port number from 0 to 65535';
    if (from === null || to === null) return rowErrors;
    const parsed = FirewallRuleSchema.safeParse({
      protocol: row.protocol,
      fromPort: from,
      toPort: to,
      cidr: row.cidr,
    });
    if (parsed.success) {
      rules.push(parsed.data);
      return rowErrors;
    }
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (key === 'cidr') rowErrors.cidr ??= issue.message;
      else if (key === 'fromPort') rowErrors.fromPort ??= 'a port number from 0 to 65535';
      else
        rowErrors.toPort ??=
          issue.message === 'Invalid input' ? 'a port number from 0 to 65535' : issue.message;
    }
    return rowErrors;
  });
  const ok = errors.every((e) => Object.keys(e).length === 0);
  return { rules: ok ? rules : null, errors };
}
