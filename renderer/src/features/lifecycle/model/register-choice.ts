import {
  normaliseOsFamily,
  RegistryRecordFieldsSchema,
  type RegistryRecord,
  type RegistryRecordFieldsInput,
} from '@contract/index';

/** What to do with an image a lifecycle action makes: nothing, a new record, or another mapping. */
export type RegisterMode = 'none' | 'new' | 'add';

/** The "Register the result" fields as inputs hold them. */
export interface RegisterValues {
  mode: RegisterMode;
  recordName: string;
  osFamily: string;
  osVersion: string;
}

type RecordBasis = Pick<RegistryRecord, 'name' | 'osFamily' | 'osVersion'>;

/** Registry names allow letters, digits, spaces and . : / - _; a copy says it is one. */
export function copyRecordName(name: string): string {
  const base = name.replace(/[^\w.:/ -]+/g, '-').trim();
  return `${base} private copy`.trim().slice(0, 128);
}

/** Pre-filled from the record the image came from, when there is one. */
export function registerDefaults(basis: RecordBasis | null, mode: RegisterMode): RegisterValues {
  return {
    mode,
    recordName: basis ? copyRecordName(basis.name) : '',
    osFamily: basis ? (normaliseOsFamily(basis.osFamily) ?? '') : '',
    osVersion: basis?.osVersion ?? '',
  };
}

export interface FieldIssue {
  path: keyof RegisterValues;
  message: string;
}

const field = RegistryRecordFieldsSchema.shape;

/** A new record's fields checked with the contract's own rules; nothing to check otherwise. */
export function registerIssues(values: RegisterValues): FieldIssue[] {
  if (values.mode !== 'new') return [];
  const checks = [
    ['recordName', field.name.safeParse(values.recordName)],
    ['osFamily', field.osFamily.safeParse(values.osFamily)],
    ['osVersion', field.osVersion.safeParse(values.osVersion)],
  ] as const;
  return checks.flatMap(([path, result]) =>
    result.success ? [] : [{ path, message: result.error.issues[0]?.message ?? 'check this field' }],
  );
}

export type RegisterPayload =
  { record: RegistryRecordFieldsInput } | { addToRecordId: string; replaceExisting: true } | null;

/**
 * The request's `register` part. `extra` carries what the source record knows beyond the three
 * fields asked (architecture, say), so the new record is not poorer than its origin.
 */
export function registerPayload(
  values: RegisterValues,
  addToRecordId: string | null,
  extra: Partial<RegistryRecordFieldsInput> = {},
): RegisterPayload {
  // Adding to the record maps the capture in place of the image it already has there, if any.
  if (values.mode === 'add' && addToRecordId) return { addToRecordId, replaceExisting: true };
  if (values.mode !== 'new') return null;
  return {
    record: {
      ...extra,
      name: values.recordName.trim(),
      osFamily: values.osFamily,
      osVersion: values.osVersion.trim(),
    },
  };
}

const ARCHITECTURES = ['x86_64', 'arm64', 'i386', 'unknown'] as const;

/** The record's architecture when the registry's vocabulary has it. */
export function architectureOf(record: Pick<RegistryRecord, 'architecture'> | null) {
  return ARCHITECTURES.find((known) => known === record?.architecture);
}

/**
 * Main refuses to add a second image for the same account and location to a record: say so
 * before the capture runs, rather than after.
 */
export function addConflict(
  record: Pick<RegistryRecord, 'mappings' | 'name' | 'alias'>,
  accountId: string,
  location: string,
): string | null {
  const clash = record.mappings.find((m) => m.accountId === accountId && m.location === location);
  if (!clash) return null;
  const name = record.alias.trim() || record.name;
  return `"${name}" maps ${clash.cloudImageId} in ${location} for this account: the captured image takes its place there (servers running from the old image keep running).`;
}
