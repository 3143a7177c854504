import { ec2Error } from './ec2-api-error';

/** A decoded EC2 Query request: flat `Key.N.Sub` names to values. */
export type QueryParams = ReadonlyMap<string, string>;

/** Form body (and URL query) to params; the first occurrence of a key wins. */
export function parseQueryParams(...sources: string[]): Map<string, string> {
  const params = new Map<string, string>();
  for (const source of sources) {
    for (const [key, value] of new URLSearchParams(source)) {
      if (!params.has(key)) params.set(key, value);
    }
  }
  return params;
}

/** Values of a list member (`Owner.1`, `Owner.2`, …) in index order; EC2 tolerates gaps. */
export function listParam(params: QueryParams, prefix: string): string[] {
  const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)$`);
  const entries: [number, string][] = [];
  for (const [key, value] of params) {
    const match = pattern.exec(key);
    if (match) entries.push([Number(match[1]), value]);
  }
  return entries.sort((a, b) => a[0] - b[0]).map(([, value]) => value);
}

export interface QueryFilter {
  name: string;
  values: string[];
}

/** `Filter.N.Name` with `Filter.N.Value.M`. */
export function filterParams(params: QueryParams): QueryFilter[] {
  const indices = new Set<number>();
  for (const key of params.keys()) {
    const match = /^Filter\.(\d+)\./.exec(key);
    if (match) indices.add(Number(match[1]));
  }
  return [...indices]
    .sort((a, b) => a - b)
    .map((n) => ({
      name: params.get(`Filter.${n}.Name`) ?? '',
      values: listParam(params, `Filter.${n}.Value`),
    }));
}

export function booleanParam(params: QueryParams, key: string): boolean | undefined {
  const raw = params.get(key);
  if (raw === undefined) return undefined;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw ec2Error(
    'InvalidParameterValue',
    `Invalid value '${raw}' for ${key}. Expected a boolean (true or false).`,
  );
}

export function integerParam(params: QueryParams, key: string): number | undefined {
  const raw = params.get(key);
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw)) {
    throw ec2Error('InvalidParameterValue', `Invalid value '${raw}' for ${key}. Expected an integer.`);
  }
  return Number(raw);
}
