import { createHash } from 'node:crypto';
import { gcpErrors } from './gcp-api-error';

/** Compute's rule for resource names and network tags (RFC 1035 labels). */
export const NAME_PATTERN = '(?:[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?)';
const NAME = new RegExp(`^${NAME_PATTERN}$`);

export function checkName(field: string, value: unknown): string {
  if (typeof value !== 'string' || !NAME.test(value)) {
    throw gcpErrors.invalidField(field, String(value ?? ''), `Must be a match of regex '${NAME_PATTERN}'`);
  }
  return value;
}

// Label keys start with a lowercase letter; keys and values hold lowercase letters (international
// ones too), digits, underscores and dashes, at most 63 characters; at most 64 labels.
const LABEL_KEY = /^\p{Ll}[\p{Ll}\p{Lo}0-9_-]{0,62}$/u;
const LABEL_VALUE = /^[\p{Ll}\p{Lo}0-9_-]{0,63}$/u;

export function checkLabels(field: string, value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw gcpErrors.invalidField(field, '', 'Labels must be a map.');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 64) throw gcpErrors.invalidField(field, '', 'Resource can have at most 64 labels.');
  for (const [key, raw] of entries) {
    if (!LABEL_KEY.test(key)) {
      throw gcpErrors.invalidField(
        field,
        '',
        `Label key '${key}' violates format constraints. The key must start with a lowercase character, can only contain lowercase letters, numeric characters, underscores and dashes. The key can be at most 63 characters long. International characters are allowed.`,
      );
    }
    if (typeof raw !== 'string' || !LABEL_VALUE.test(raw)) {
      throw gcpErrors.invalidField(
        field,
        '',
        `Label value '${String(raw)}' violates format constraints. The value can only contain lowercase letters, numeric characters, underscores and dashes. The value can be at most 63 characters long. International characters are allowed.`,
      );
    }
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

export function checkTags(field: string, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const items = (value as { items?: unknown }).items ?? [];
  if (!Array.isArray(items)) throw gcpErrors.invalidField(`${field}.items`, '', 'Must be a list.');
  return items.map((tag, i) => checkName(`${field}.items[${i}]`, tag));
}

const METADATA_KEY = /^[a-zA-Z0-9_-]{1,128}$/;
const METADATA_LIMIT = 512 * 1024;

export function checkMetadata(field: string, value: unknown): { key: string; value: string }[] {
  const items = (value as { items?: unknown } | undefined)?.items ?? [];
  if (!Array.isArray(items)) throw gcpErrors.invalidField(`${field}.items`, '', 'Must be a list.');
  let total = 0;
  return items.map((item: { key?: unknown; value?: unknown }, i) => {
    if (typeof item.key !== 'string' || !METADATA_KEY.test(item.key)) {
      throw gcpErrors.invalidField(
        `${field}.items[${i}].key`,
        String(item.key ?? ''),
        `Must be a match of regex '[a-zA-Z0-9-_]{1,128}'`,
      );
    }
    const text = typeof item.value === 'string' ? item.value : '';
    total += item.key.length + text.length;
    if (total > METADATA_LIMIT) {
      throw gcpErrors.badRequest(
        `Value for field '${field}' is too large: maximum size ${METADATA_LIMIT} character(s); actual size ${total}.`,
      );
    }
    return { key: item.key, value: text };
  });
}

const KMS_KEY =
  /^projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+\/cryptoKeys\/[^/]+(?:\/cryptoKeyVersions\/\d+)?$/;

export function checkKmsKey(field: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !KMS_KEY.test(value)) {
    throw gcpErrors.invalidField(field, String(value), 'Invalid Cloud KMS key name.');
  }
  return value;
}

export const DISK_TYPES = [
  'pd-standard',
  'pd-balanced',
  'pd-ssd',
  'pd-extreme',
  'hyperdisk-balanced',
  'hyperdisk-throughput',
] as const;

/** int64 fields arrive as JSON strings; a missing one is `fallback`. */
export function int64(field: string, value: unknown, fallback: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw gcpErrors.invalidField(field, String(value), 'Must be a non-negative integer.');
  return n;
}

/** A resource fingerprint: changes whenever what it covers changes. */
export const fingerprint = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64').slice(0, 12);
