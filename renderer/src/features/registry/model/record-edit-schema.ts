import { z } from 'zod';
import { parseTagText, RegistryRecordFieldsSchema, type RegistryRecord } from '@contract/index';
import { tagsToText } from './registry-format';

const fields = RegistryRecordFieldsSchema.shape;

/**
 * What the edit dialog edits: the contract's record fields, except that size and tags are typed
 * as text (a blank size is "unknown"; tags are key=value lines). Both are piped back into the
 * contract's own rules, so the form says exactly what main would refuse, next to the field.
 */
export const RecordEditSchema = RegistryRecordFieldsSchema.omit({ sizeGb: true, tags: true }).extend({
  sizeGb: z
    .string()
    .transform((text) => (text.trim() === '' ? null : Number(text.trim())))
    .pipe(
      z
        .number({ error: 'give the size in whole GB, or leave it empty' })
        .int('give the size in whole GB, or leave it empty')
        .min(1, 'give the size in whole GB, or leave it empty')
        .max(65_536)
        .nullable(),
    )
    .pipe(fields.sizeGb.unwrap()),
  tags: z
    .string()
    .transform((text, ctx) => {
      const parsed = parseTagText(text);
      if (parsed.ok) return parsed.tags;
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    })
    .pipe(fields.tags.unwrap()),
  /** Workspace-level records only: offered to the environments below. */
  shared: z.boolean(),
});

export type RecordEditValues = z.input<typeof RecordEditSchema>;
export type RecordEditResult = z.output<typeof RecordEditSchema>;

export const ARCHITECTURES = fields.architecture.unwrap().options;

/** The form's starting values: the record as it is now. */
export function editValuesOf(record: RegistryRecord): RecordEditValues {
  return {
    name: record.name,
    alias: record.alias,
    version: record.version,
    description: record.description,
    osFamily: record.osFamily,
    osVersion: record.osVersion,
    architecture: (ARCHITECTURES as readonly string[]).includes(record.architecture)
      ? (record.architecture as (typeof ARCHITECTURES)[number])
      : 'unknown',
    sizeGb: record.sizeGb === null ? '' : String(record.sizeGb),
    agentInstalled: record.agentInstalled,
    labelColor: record.labelColor,
    tags: tagsToText(record.tags),
    access: record.access,
    shared: record.shared,
  };
}
