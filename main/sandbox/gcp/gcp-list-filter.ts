import { gcpErrors } from './gcp-api-error';

type Predicate = (resource: unknown) => boolean;

/** A field by dotted path (`deprecated.state`, `labels.env`); arrays match if any element does. */
function valuesAt(resource: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return Array.isArray(resource) ? resource : [resource];
  if (Array.isArray(resource)) return resource.flatMap((item) => valuesAt(item, path));
  if (resource === null || typeof resource !== 'object') return [];
  const [head, ...rest] = path as [string, ...string[]];
  const next = (resource as Record<string, unknown>)[head];
  return next === undefined ? [] : valuesAt(next, rest);
}

const glob = (pattern: string): RegExp =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);

const unquote = (value: string): string => value.replace(/^(["'])(.*)\1$/, '$2');

const EXPRESSION = /^\s*([A-Za-z][\w.]*)\s*(!=|=|:|\beq\b|\bne\b)\s*(".*?"|'.*?'|\S+)\s*$/;

function expression(text: string): Predicate | null {
  const match = EXPRESSION.exec(text);
  if (!match) return null;
  const [, field, op, rawValue] = match as unknown as [string, string, string, string];
  const path = field.split('.');
  const value = unquote(rawValue);
  const texts = (resource: unknown): string[] =>
    valuesAt(resource, path).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
  switch (op) {
    case ':':
      // `labels.env:*` tests presence; otherwise `:` is a substring match.
      return value === '*'
        ? (r) => valuesAt(r, path).length > 0
        : (r) => texts(r).some((t) => t.includes(value));
    case '=':
    case '!=': {
      const re = glob(value);
      const hit: Predicate = (r) => texts(r).some((t) => re.test(t));
      return op === '=' ? hit : (r) => !hit(r);
    }
    default: {
      // eq/ne take an RE2 regular expression matched against the whole value.
      let re: RegExp;
      try {
        re = new RegExp(`^(?:${value})$`);
      } catch {
        return null;
      }
      const hit: Predicate = (r) => texts(r).some((t) => re.test(t));
      return op === 'eq' ? hit : (r) => !hit(r);
    }
  }
}

/** Splits `(a = 1) AND (b = 2) OR (c = 3)` into groups and joiners; null when unbalanced. */
function groups(filter: string): { parts: string[]; joiners: string[] } | null {
  const parts: string[] = [];
  const joiners: string[] = [];
  let rest = filter.trim();
  while (rest.length > 0) {
    if (!rest.startsWith('(')) return null;
    const close = rest.indexOf(')');
    if (close < 0) return null;
    parts.push(rest.slice(1, close));
    rest = rest.slice(close + 1).trim();
    const joiner = /^(AND|OR)\s+/.exec(rest);
    if (joiner) {
      joiners.push(joiner[1] as string);
      rest = rest.slice(joiner[0].length);
    } else if (rest.length > 0) joiners.push('AND');
  }
  return { parts, joiners };
}

/**
 * Compute's list filter: one `field op value` expression, or parenthesised expressions joined by
 * AND / OR (implicit AND), with `=`, `!=`, `:` (has) and `eq` / `ne` (regular expressions).
 * Anything else is refused as Compute refuses it.
 */
export function compileListFilter(filter: string | null): Predicate {
  if (filter === null || filter.trim() === '') return () => true;
  const refuse = () => gcpErrors.invalidField('filter', filter, 'Invalid list filter expression.');
  if (!filter.trim().startsWith('(')) {
    const single = expression(filter);
    if (!single) throw refuse();
    return single;
  }
  const split = groups(filter);
  if (!split) throw refuse();
  const predicates = split.parts.map(expression);
  if (predicates.some((p) => p === null)) throw refuse();
  const compiled = predicates as Predicate[];
  // AND binds tighter than OR: OR-separated runs of AND-ed expressions.
  return (resource) => {
    let any = false;
    let all = true;
    compiled.forEach((predicate, index) => {
      all = all && predicate(resource);
      if (index === compiled.length - 1 || split.joiners[index] === 'OR') {
        any = any || all;
        all = true;
      }
    });
    return any;
  };
}
