import { z } from 'zod';
import {
  ImgapiImportRequestSchema,
  normaliseOsFamily,
  type Account,
  type ChannelRequest,
  type ChannelResponse,
} from '@contract/index';
import { registerIssues, registerPayload, type RegisterValues } from './register-choice';

export type RepositoryImage = ChannelResponse<'imgapi:list'>[number];

export const ZVOL_ONLY = 'only whole-disk (zvol) images boot on OpenStack';

/** Null when the image can be imported into OpenStack; otherwise why not. */
export const importProblem = (image: Pick<RepositoryImage, 'type'>): string | null =>
  image.type === 'zvol' ? null : ZVOL_ONLY;

/** How a repository image is named in the list (and its radio's accessible name). */
export const imageLabel = (image: Pick<RepositoryImage, 'name' | 'version'>): string =>
  `${image.name} ${image.version}`.trim();

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

/** Case-insensitive words over name, version, OS and type. */
export function filterImages(images: readonly RepositoryImage[], query: string): RepositoryImage[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...images];
  return images.filter((image) => {
    const text = `${image.name} ${image.version} ${image.os} ${image.type}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** A record for an imported image: named after it, OS family from its OS or name, version from its name. */
export function recordPrefill(
  image: Pick<RepositoryImage, 'name' | 'version' | 'os'>,
): Omit<RegisterValues, 'mode'> {
  const firstWord = image.name.split(/[-_ ]/)[0] ?? '';
  const osFamily = normaliseOsFamily(firstWord) ?? normaliseOsFamily(image.os) ?? '';
  // The first number standing on its own after the family: debian-12 → 12, ubuntu-certified-22.04 → 22.04.
  const osVersion = /[-_ ](\d+(?:\.\d+)*)(?=[-_ ]|$)/.exec(image.name)?.[1] ?? '';
  const recordName = imageLabel(image)
    .replace(/[^\w.:/ -]+/g, '-')
    .slice(0, 128);
  return { recordName, osFamily, osVersion };
}

/** Imports go into Glance: only OpenStack accounts can take them. */
export const importAccounts = (accounts: readonly Account[]): Account[] =>
  accounts.filter((account) => account.cloud === 'openstack');

export interface ImportValues extends RegisterValues {
  manifestUrl: string;
  accountId: string;
  location: string;
}

export const ImportFormSchema = z
  .object({
    manifestUrl: z.string().trim().pipe(ImgapiImportRequestSchema.shape.manifestUrl),
    accountId: z.string().min(1, 'choose an OpenStack account'),
    location: z.string().min(1, 'choose a location'),
    mode: z.enum(['none', 'new', 'add']),
    recordName: z.string(),
    osFamily: z.string(),
    osVersion: z.string(),
  })
  .superRefine((values, ctx) => {
    for (const issue of registerIssues(values))
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });

export function importRequest(values: ImportValues, workspaceId: string): ChannelRequest<'imgapi:import'> {
  return {
    workspaceId,
    accountId: values.accountId,
    location: values.location,
    manifestUrl: values.manifestUrl.trim(),
    register: registerPayload(values, null),
  };
}
