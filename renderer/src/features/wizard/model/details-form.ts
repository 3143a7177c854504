import { z } from 'zod';
import {
  normaliseOsFamily,
  parseTagText,
  RegistryRecordFieldsSchema,
  type LabelColor,
  type LookupResult,
  type RegistryRecordFields,
  type RegistryRecordFieldsInput,
} from '@contract/index';

/** The choices the details page offers; "deleted" is for records that already exist. */
export const ARCHITECTURES = ['x86_64', 'arm64', 'i386', 'unknown'] as const;
export const NEW_RECORD_ACCESS = ['private', 'public'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

/** The details page as inputs hold it: text everywhere a person types, parsed on the way out. */
export interface DetailsValues {
  name: string;
  alias: string;
  version: string;
  description: string;
  osFamily: string;
  osVersion: string;
  architecture: Architecture;
  /** Whole gigabytes as typed; blank when unknown. */
  sizeGb: string;
  agentInstalled: boolean;
  labelColor: LabelColor;
  /** key=value entries separated by commas or new lines (parseTagText). */
  tags: string;
  access: (typeof NEW_RECORD_ACCESS)[number];
}

export function emptyDetails(): DetailsValues {
  return {
    name: '',
    alias: '',
    version: '',
    description: '',
    osFamily: '',
    osVersion: '',
    architecture: 'x86_64',
    sizeGb: '',
    agentInstalled: false,
    labelColor: 'gray',
    tags: '',
    access: 'private',
  };
}

const field = RegistryRecordFieldsSchema.shape;
const MAX_SIZE_GB = 65_536;

/**
 * Each input is checked with the contract's own field schema (so the rules are main's), all at
 * once so every error shows next to its field; then the parsed record goes through the whole
 * contract schema as a last guarantee.
 */
export const DetailsFormSchema = z
  .object({
    name: field.name,
    alias: field.alias.unwrap(),
    version: field.version.unwrap(),
    description: field.description.unwrap(),
    osFamily: field.osFamily,
    osVersion: field.osVersion,
    architecture: field.architecture.unwrap(),
    sizeGb: z
      .string()
      .trim()
      .refine(
        (text) => text === '' || (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_SIZE_GB),
        {
          message: `a whole number of GB from 1 to ${MAX_SIZE_GB}, or empty when unknown`,
        },
      ),
    agentInstalled: z.boolean(),
    labelColor: field.labelColor.unwrap(),
    tags: z.string().superRefine((text, ctx) => {
      const parsed = parseTagText(text);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
    }),
    access: z.enum(NEW_RECORD_ACCESS),
  })
  .transform((values): RegistryRecordFieldsInput => ({
    ...values,
    sizeGb: values.sizeGb === '' ? null : Number(values.sizeGb),
    tags: tagsOf(values.tags),
  }))
  .pipe(RegistryRecordFieldsSchema);

function tagsOf(text: string): Record<string, string> {
  const parsed = parseTagText(text);
  return parsed.ok ? parsed.tags : {};
}

/** The record the details describe, or null while any field is wrong. */
export function parseDetails(values: DetailsValues): RegistryRecordFields | null {
  const parsed = DetailsFormSchema.safeParse(values);
  return parsed.success ? parsed.data : null;
}

/** Names allow letters, digits, spaces and . : / - _; anything else in a cloud's name becomes "-". */
export function recordNameFrom(imageName: string): string {
  return imageName
    .replace(/[^\w.:/ -]+/g, '-')
    .trim()
    .slice(0, 128);
}

type FoundImage = NonNullable<LookupResult['image']>;

/**
 * Details pre-filled from a looked-up image. What describes the image (name, OS, architecture,
 * size, description) is taken from it; what the user decides about the record (alias, version,
 * agent, colour, tags, access) is kept from `previous`, so looking up another image never wipes it.
 */
export function prefillDetails(previous: DetailsValues, image: FoundImage): DetailsValues {
  const architecture = ARCHITECTURES.find((known) => known === image.architecture) ?? 'unknown';
  return {
    ...previous,
    name: recordNameFrom(image.name),
    description: image.description.slice(0, 2000),
    osFamily: (image.osFamily && normaliseOsFamily(image.osFamily)) ?? '',
    osVersion: image.osVersion ?? '',
    architecture,
    sizeGb: image.sizeGb === null ? '' : String(Math.max(1, Math.ceil(image.sizeGb))),
  };
}
